import ApportionCore
import ApportionIO
import ArgumentParser

struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare scenarios side by side with a base: each partner's and rule's totals.",
    discussion: """
      Each argument is a sample folder, manifest or scenario file; the first is the base. \
      Each is run exactly as 'apportion run' runs it.
      """)

  @Argument(help: "The base, then one or more scenarios.")
  var runs: [String]

  @Flag(help: "Print one JSON document on standard output and nothing else.")
  var json = false

  func validate() throws {
    guard runs.count >= 2 else {
      throw ValidationError("name a base and at least one scenario to compare with it")
    }
  }

  func run() throws {
    try Console.run {
      var columns: [Comparison.Column] = []
      var warnings: [Diagnostic] = []
      for path in runs {
        let job = try Job(RunInputs.load(path))
        let summary = try job.run { _ in }
        warnings += summary.warnings
        columns.append(
          Comparison.Column(name: job.inputs.name, source: path, summary: summary))
      }
      let comparison: Comparison
      do { comparison = try Comparison(columns) } catch {
        throw Diagnostic(at: nil, "the differences are too large to compute: \(error)")
      }
      if json {
        Console.write(ComparisonJSON.document(comparison))
      } else {
        Console.write(Reports.comparison(comparison))
      }
      var seen: Set<Diagnostic> = []
      Console.report(warnings.filter { seen.insert($0).inserted })
    }
  }
}
