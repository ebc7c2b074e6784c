import ApportionCore
import ApportionIO
import ArgumentParser

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check a rule file (and a budget against it) and say what the rules will do.")

  @Argument(help: "A sample folder with a manifest.yaml (e.g. Samples/2016-17).")
  var sample: String?

  @OptionGroup var input: InputOptions

  func run() throws {
    try Console.run {
      let (rulesPath, budgetPath) = try input.resolve(sample: sample, needBudget: false)
      guard let budgetPath else {
        let file = try RuleFile.load(path: rulesPath)
        print(Reports.rules(file.ruleSet), terminator: "")
        Console.report(file.warnings)
        print("\n\(rulesPath.displayEscaped): the rules are valid.")
        return
      }
      // The rule file is read once (it may be a pipe), by the job.
      let job = try Job(rules: rulesPath, budget: budgetPath)
      print(Reports.rules(job.ruleSet), terminator: "")
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
