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
      if let sample, input.year == nil, PlanRunner.isPlan(sample) {
        try checkPlan(sample)
        return
      }
      let inputs = try input.inputs(sample: sample, needBudget: false)
      let rulesPath = inputs.scenarioPaths.last ?? inputs.rulesPath
      Console.write(Reports.rules(inputs.ruleSet))
      guard inputs.budgetPath != nil else {
        Console.report(inputs.warnings)
        Console.write("\n\(rulesPath.displayEscaped): the rules are valid.\n")
        return
      }
      let job = try Job(inputs)
      let budgetPath = job.budgetPath
      let summary = try ProgressDisplay.around("checking the budget") { progress in
        try job.run(progress: progress) { _ in }
      }
      Console.report(summary.warnings)
      Console.write("\n\(rulesPath.displayEscaped): the rules are valid.\n")
      Console.write(
        "\(budgetPath.displayEscaped): all \(summary.lineCount) lines are taken by a rule and "
          + "can be shared.\n")
      for (index, rule) in job.ruleSet.rules.enumerated() {
        Console.write("  \(rule.name.displayEscaped): \(summary.ruleLineCounts[index]) lines\n")
      }
    }
  }

  /// A plan: every year built and run through the engine; what each year holds.
  private func checkPlan(_ path: String) throws {
    guard input.rules == nil, input.budget == nil, input.scenarios.isEmpty else {
      throw ValidationError(
        "\(path) is a plan with its own base: --rules, --budget and --scenario do not apply")
    }
    let runner = try PlanRunner.load(path)
    let result = try runner.run()
    var seen: Set<Diagnostic> = []
    Console.report(result.years.flatMap(\.summary.warnings).filter { seen.insert($0).inserted })
    Console.write("\(path.displayEscaped): the plan is valid: \(result.years.count) years.\n")
    for year in result.years {
      Console.write(
        "  \(year.year): \(year.summary.lineCount) lines, \(year.summary.partners.count) partners, "
          + "\(year.summary.rules.count) rules\n")
    }
  }
}
