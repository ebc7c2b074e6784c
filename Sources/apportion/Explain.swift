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
      // Ids are unique ignoring case and surrounding spaces, so this finds at most one line.
      let wanted = BudgetLine.trimmed(lineID).lowercased()
      let job = try input.job(sample: sample)
      var found: (Explanation, BudgetLine)?
      var idColumn: SourceLocation?
      _ = try ProgressDisplay.around("reading the budget") { progress in
        try job.stream(begin: { idColumn = $0.locations[$0.idColumn] }, progress: progress) {
          line, engine in
          if found == nil, line.id.lowercased() == wanted {
            found = (try engine.explain(line), line)
          } else {
            _ = try engine.apportion(line)
          }
        }
      }
      guard let (explanation, line) = found else {
        throw Diagnostic(
          at: idColumn ?? SourceLocation(file: job.budgetPath),
          "no line has the id '\(lineID)'", hint: "ids are in the budget's id column")
      }
      Console.write(Reports.explanation(explanation, line: line, ruleSet: job.ruleSet))
    }
  }
}
