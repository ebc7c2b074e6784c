import ApportionCore
import ApportionIO
import ArgumentParser

/// Which rules and budget to use: a sample folder, manifest or scenario file (each command
/// takes it as its first argument), or explicit files, with scenarios layered on top.
/// Explicit files win over a manifest's.
struct InputOptions: ParsableArguments {
  @Option(name: .long, help: "The rule file (YAML).")
  var rules: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The budget (CSV with id, description and amount columns; a pipe such as "
        + "/dev/stdin works)."))
  var budget: String?

  @Option(
    name: .customLong("scenario"),
    help: ArgumentHelp(
      "A scenario file whose changes are applied over the rules and budget (repeatable, "
        + "applied in order; its own base is not used).", valueName: "scenario.yaml"))
  var scenarios: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp(
      "With a plan file: the year of the plan to use (an ordinary run of that year).",
      valueName: "2018-19"))
  var year: String?

  /// The help of the commands' first argument.
  static let sampleHelp = ArgumentHelp(
    "A sample folder with a manifest.yaml (e.g. Samples/2016-17), a manifest, or a scenario "
      + "file.")

  func validate() throws {
    if rules?.isEmpty == true { throw ValidationError("--rules needs a file name") }
    if budget?.isEmpty == true { throw ValidationError("--budget needs a file name") }
  }

  /// The inputs named by the sample (folder, manifest or scenario) and the flags, with the
  /// `--scenario` files layered on top.
  ///
  /// - Throws: ``DiagnosticList`` for a manifest or scenario that cannot be read or does not
  ///   name a file the command needs (exit 1); `ValidationError` when there is neither flag
  ///   nor sample (a usage error, exit 64).
  func inputs(sample: String?, needBudget: Bool) throws -> RunInputs {
    var inputs: RunInputs
    if let sample, PlanRunner.isPlan(sample) {
      guard rules == nil, budget == nil else {
        throw ValidationError(
          "\(sample) is a plan with its own base: --rules and --budget do not apply")
      }
      guard let year else {
        throw ValidationError(
          "\(sample) is a plan: name one of its years with --year, or run it all with "
            + "'apportion plan \(sample)'")
      }
      inputs = try PlanRunner.load(sample).inputs(year: year)
    } else if let sample, try RunInputs.isScenario(sample) {
      guard rules == nil else {
        throw ValidationError(
          "\(sample) is a scenario with its own base; to apply it over --rules, use "
            + "--scenario \(sample)")
      }
      inputs = try RunInputs.load(sample)
      if let budget { inputs.budgetPath = budget }
    } else {
      let manifest = try sample.map { try Manifest.load($0) }
      guard let rulesPath = rules ?? manifest?.rules else {
        if let manifest { throw DiagnosticList([manifest.missing("rules")]) }
        throw ValidationError(
          "name a rule file with --rules, or a sample folder, manifest or scenario file")
      }
      let budgetPath = budget ?? manifest?.budget
      if needBudget && budgetPath == nil {
        if let manifest { throw DiagnosticList([manifest.missing("budget")]) }
        throw ValidationError("name a budget with --budget, or a sample folder")
      }
      inputs = try RunInputs(rules: rulesPath, budget: budgetPath)
      if let sample {
        inputs.name = RunInputs.stem(of: sample)
        inputs.source = sample
      }
    }
    if year != nil && !(sample.map(PlanRunner.isPlan) ?? false) {
      throw ValidationError("--year applies to a plan file only")
    }
    if needBudget && inputs.budgetPath == nil {
      throw ValidationError("name a budget with --budget, or a scenario whose base names one")
    }
    for scenario in scenarios { try inputs.layer(scenario: scenario) }
    return inputs
  }

  /// The job for the command's inputs.
  ///
  /// - Parameter readTwice: whether the budget will be streamed twice (see ``Job``).
  func job(sample: String?, readTwice: Bool = false) throws -> Job {
    try Job(inputs(sample: sample, needBudget: true), readTwice: readTwice)
  }
}
