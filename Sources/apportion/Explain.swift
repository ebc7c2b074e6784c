import ApportionCore
import ApportionIO
import ArgumentParser

struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Explain how one budget line was shared: the rule, why, and the pennies.")

  @Argument(
    help: ArgumentHelp(
      "[sample] line-id: the id of the budget line to explain, after an optional sample "
        + "folder, manifest or scenario file.", valueName: "sample-or-line-id"))
  var arguments: [String]

  @OptionGroup var input: InputOptions

  func validate() throws {
    guard (1...2).contains(arguments.count) else {
      throw ValidationError("give the id of one budget line (after an optional sample folder)")
    }
  }

  func run() throws {
    try Console.run {
      let sample = arguments.count == 2 ? arguments[0] : nil
      let lineID = arguments[arguments.count - 1]
      let job = try input.job(sample: sample)
      var found: (Explanation, BudgetLine)?
      _ = try job.stream { line, engine in
        if found == nil, line.id == lineID {
          found = (try engine.explain(line), line)
        } else {
          _ = try engine.apportion(line)
        }
      }
      guard let (explanation, line) = found else {
        throw Diagnostic(
          at: SourceLocation(file: job.budgetPath), "no line has the id '\(lineID)'",
          hint: "ids are in the budget's id column")
      }
      Console.write(Reports.explanation(explanation, line: line, ruleSet: job.ruleSet))
    }
  }
}
