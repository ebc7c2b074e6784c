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
      let file = try RuleFile.load(path: rulesPath)
      print(Reports.rules(file.ruleSet), terminator: "")
      guard let budgetPath else {
        Console.report(file.warnings)
        print("\n\(rulesPath): the rules are valid.")
        return
      }
      let job = try Job(rules: rulesPath, budget: budgetPath)
      let summary = try job.run { _ in }
      Console.report(summary.warnings)
      print("\n\(rulesPath): the rules are valid.")
      print(
        "\(budgetPath): all \(summary.lineCount) lines are taken by a rule and can be shared.")
      for (index, rule) in file.ruleSet.rules.enumerated() {
        print("  \(rule.name): \(summary.ruleLineCounts[index]) lines")
      }
    }
  }
}
