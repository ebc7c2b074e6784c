import ApportionCore
import ApportionIO
import ArgumentParser

/// Which rules and budget to use: explicit files, or a sample folder's manifest (each
/// command takes the folder as its first argument); explicit files win.
struct InputOptions: ParsableArguments {
  @Option(name: .long, help: "The rule file (YAML).")
  var rules: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The budget (CSV with id, description and amount columns; a pipe such as "
        + "/dev/stdin works)."))
  var budget: String?

  func validate() throws {
    if rules?.isEmpty == true { throw ValidationError("--rules needs a file name") }
    if budget?.isEmpty == true { throw ValidationError("--budget needs a file name") }
  }

  /// The rule file and budget, from the flags or the manifest.
  ///
  /// - Throws: ``DiagnosticList`` for a manifest that cannot be read or does not name a file
  ///   the command needs (exit 1); `ValidationError` when there is neither flag nor sample
  ///   folder (a usage error, exit 64).
  func resolve(sample: String?, needBudget: Bool) throws -> (rules: String, budget: String?) {
    let manifest = try sample.map { try Manifest.load($0) }
    guard let rulesPath = rules ?? manifest?.rules else {
      if let manifest { throw DiagnosticList([manifest.missing("rules")]) }
      throw ValidationError("name a rule file with --rules, or a sample folder")
    }
    let budgetPath = budget ?? manifest?.budget
    if needBudget && budgetPath == nil {
      if let manifest { throw DiagnosticList([manifest.missing("budget")]) }
      throw ValidationError("name a budget with --budget, or a sample folder")
    }
    return (rulesPath, budgetPath)
  }

  /// The job for the command's files.
  ///
  /// - Parameter readTwice: whether the budget will be streamed twice (see ``Job``).
  func job(sample: String?, readTwice: Bool = false) throws -> Job {
    let (rules, budget) = try resolve(sample: sample, needBudget: true)
    return try Job(rules: rules, budget: budget ?? "", readTwice: readTwice)
  }
}
