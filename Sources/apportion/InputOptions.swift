import ApportionCore
import ApportionIO
import ArgumentParser

/// Which rules and budget to use: explicit files, or a sample folder's manifest (each
/// command takes the folder as its first argument); explicit files win.
struct InputOptions: ParsableArguments {
  @Option(name: .long, help: "The rule file (YAML).")
  var rules: String?

  @Option(name: .long, help: "The budget (CSV with id, description and amount columns).")
  var budget: String?

  /// The rule file and budget, from the flags or the manifest.
  func resolve(sample: String?, needBudget: Bool) throws -> (rules: String, budget: String?) {
    var manifest = Manifest()
    if let sample { manifest = try Manifest.load(sample) }
    guard let rulesPath = rules ?? manifest.rules else {
      throw ValidationError("name a rule file with --rules, or a sample folder")
    }
    let budgetPath = budget ?? manifest.budget
    if needBudget && budgetPath == nil {
      throw ValidationError("name a budget with --budget, or a sample folder")
    }
    return (rulesPath, budgetPath)
  }

  func job(sample: String?) throws -> Job {
    let (rules, budget) = try resolve(sample: sample, needBudget: true)
    return try Job(rules: rules, budget: budget ?? "")
  }
}
