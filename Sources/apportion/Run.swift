import ApportionCore
import ApportionIO
import ApportionWorkbooks
import ArgumentParser
import Foundation

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Apportion a budget: print each partner's totals (or JSON), write workbooks.",
    discussion: """
      With --out DIR it also writes DIR/partnership.xlsx and one DIR/<partner-id>.xlsx per \
      partner, from the same results, and prints the paths written (on standard error with \
      --json). Workbooks are written to temporary files and moved into place only when all \
      are complete: on any error nothing in DIR changes.
      """)

  @Argument(help: InputOptions.sampleHelp)
  var sample: String?

  @OptionGroup var input: InputOptions

  @Flag(help: "Print one JSON document on standard output and nothing else.")
  var json = false

  @Option(name: .long, help: "Write the workbooks into this folder (created if missing).")
  var out: String?

  func run() throws {
    try Console.run {
      let job = try input.job(sample: sample)
      // With JSON or workbooks, a first pass checks every line (and counts them), so that
      // bad input leaves standard output empty and the output folder untouched: both are
      // streamed as the lines are apportioned in the second pass.
      // The workbooks' profile (numeric columns, each Lines sheet's totals) comes from the
      // same pass.
      var profile = BudgetProfile(partnerCount: job.ruleSet.partners.count)
      let checked =
        json || out != nil ? try job.run { if out != nil { try profile.add($0) } } : nil
      var books: WorkbookSet?
      defer { books?.abandon() }
      func begin(_ schema: BudgetSchema) throws {
        guard let out, checked != nil else { return }
        books = try WorkbookSet(
          directory: out, ruleSet: job.ruleSet, schema: schema, sources: try job.sources(),
          profile: profile)
      }
      let summary: Summary
      if json {
        var writer = JSONResultWriter(output: OutputBuffer(), ruleSet: job.ruleSet)
        writer.begin()
        summary = try job.run(begin: begin) { result in
          writer.write(result)
          try books?.add(result)
        }
        writer.finish(summary)
        do { try writer.output.flush() } catch {
          throw OutputError("cannot write to standard output: \(error)")
        }
      } else {
        summary = try job.run(begin: begin) { try books?.add($0) }
        print(Reports.summary(summary, job: job), terminator: "")
      }
      if let written = try books?.finish(summary) {
        books = nil
        let list = "Wrote:\n" + written.map { "  \($0)\n" }.joined()
        if json { Console.printError(list) } else { print("\n" + list, terminator: "") }
      }
      Console.report(summary.warnings)
    }
  }
}

extension Job {
  /// The files' fingerprints and the stable creation time, for the workbooks.
  func sources() throws -> RunSources {
    func digest(_ path: String) throws -> String {
      do { return try FileDigest.sha256(path: path) } catch {
        throw OutputError("cannot read \(path) to fingerprint it: \(error)")
      }
    }
    let creation = RunSources.creation(
      year: ruleSet.year,
      sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"])
    return RunSources(
      rulesPath: rulesPath, rulesSHA256: try digest(rulesPath), budgetPath: budgetPath,
      budgetSHA256: try digest(budgetPath), toolVersion: Apportion.configuration.version,
      created: creation.date, createdBecause: creation.because)
  }
}
