import ApportionCore
import ApportionIO
import ArgumentParser

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Apportion a budget and print each partner's totals (or JSON).")

  @Argument(help: "A sample folder with a manifest.yaml (e.g. Samples/2016-17).")
  var sample: String?

  @OptionGroup var input: InputOptions

  @Flag(help: "Print one JSON document on standard output and nothing else.")
  var json = false

  func run() throws {
    try Console.run {
      let job = try input.job(sample: sample)
      let summary: Summary
      if json {
        // A first pass checks every line, so that bad input leaves standard output empty
        // rather than holding the start of a JSON document (the writer streams).
        _ = try job.run { _ in }
        var writer = JSONResultWriter(output: OutputBuffer(), ruleSet: job.ruleSet)
        writer.begin()
        summary = try job.run { writer.write($0) }
        writer.finish(summary)
        do { try writer.output.flush() } catch {
          throw OutputFailure(message: "cannot write to standard output: \(error)")
        }
      } else {
        summary = try job.run { _ in }
        print(Reports.summary(summary, ruleSet: job.ruleSet, job: job), terminator: "")
      }
      Console.report(summary.warnings)
    }
  }
}
