import ApportionCore
import ApportionIO
import ArgumentParser

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check a rule file (and a budget against it) and say what the rules will do.")

  @Argument(help: InputOptions.sampleHelp)
  var sample: String?

  @OptionGroup var input: InputOptions

  func run() throws {
    try Console.run {
      let inputs = try input.inputs(sample: sample, needBudget: false)
      let rulesPath = inputs.scenarioPaths.last ?? inputs.rulesPath
      print(Reports.rules(inputs.ruleSet), terminator: "")
      guard inputs.budgetPath != nil else {
        Console.report(inputs.warnings)
        print("\n\(rulesPath.displayEscaped): the rules are valid.")
        return
      }
      let job = try Job(inputs)
      let budgetPath = job.budgetPath
      let summary = try job.run { _ in }
      Console.report(summary.warnings)
      print("\n\(rulesPath.displayEscaped): the rules are valid.")
      print(
        "\(budgetPath.displayEscaped): all \(summary.lineCount) lines are taken by a rule and "
          + "can be shared.")
      for (index, rule) in job.ruleSet.rules.enumerated() {
        print("  \(rule.name.displayEscaped): \(summary.ruleLineCounts[index]) lines")
      }
    }
  }
}
