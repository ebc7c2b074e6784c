import ApportionCore
import ApportionIO
import ArgumentParser

/// Which rules and budget to use: a sample folder, manifest or scenario file (each command
/// takes it as its first argument), or explicit files, with scenarios layered on top.
/// Explicit files win over a manifest's.
struct InputOptions: ParsableArguments {
  @Option(name: .long, help: "The rule file (YAML).")
  var rules: String?

  @Option(name: .long, help: "The budget (CSV with id, description and amount columns).")
  var budget: String?

  @Option(
    name: .customLong("scenario"),
    help: ArgumentHelp(
      "A scenario file whose changes are applied over the rules and budget (repeatable, "
        + "applied in order; its own base is not used).", valueName: "scenario.yaml"))
  var scenarios: [String] = []

  /// The help of the commands' first argument.
  static let sampleHelp = ArgumentHelp(
    "A sample folder with a manifest.yaml (e.g. Samples/2016-17), a manifest, or a scenario "
      + "file.")

  /// The inputs named by the sample (folder, manifest or scenario) and the flags.
  func inputs(sample: String?) throws -> RunInputs {
    var inputs: RunInputs
    if let sample {
      let loaded = try RunInputs.load(sample)
      if let rules {
        guard loaded.scenarioPaths.isEmpty else {
          throw ValidationError(
            "\(sample) is a scenario with its own base; to apply it over --rules, use "
              + "--scenario \(sample)")
        }
        inputs = try RunInputs(rules: rules, budget: budget ?? loaded.budgetPath)
        inputs.name = loaded.name
        inputs.source = sample
      } else {
        inputs = loaded
        if let budget { inputs.budgetPath = budget }
      }
    } else {
      guard let rules else {
        throw ValidationError(
          "name a rule file with --rules, or a sample folder, manifest or scenario file")
      }
      inputs = try RunInputs(rules: rules, budget: budget)
    }
    for scenario in scenarios { try inputs.layer(scenario: scenario) }
    return inputs
  }

  /// The job over those inputs, which must name a budget.
  func job(sample: String?) throws -> Job {
    let inputs = try inputs(sample: sample)
    guard inputs.budgetPath != nil else {
      throw ValidationError(
        "name a budget with --budget, or a sample folder, manifest or scenario that names one")
    }
    return try Job(inputs)
  }
}
