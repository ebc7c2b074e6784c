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
      --json). The workbooks are written into a staging folder beside DIR, read back and \
      checked, and put in place as a set only when all are complete: after any error or \
      interruption DIR holds the previous set or the new one, never a mix.
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
      let checked = json || out != nil ? try job.run { _ in } : nil
      var books: WorkbookSet?
      var sources: RunSources?
      defer { books?.abandon() }
      func begin(_ schema: BudgetSchema) throws {
        guard let out, let checked else { return }
        WorkbookSet.hideLibraryMessages()
        let fingerprints = try job.sources()
        sources = fingerprints
        books = try WorkbookSet(
          directory: out, ruleSet: job.ruleSet, schema: schema, sources: fingerprints,
          lineCount: checked.lineCount)
      }
      let summary: Summary
      // The JSON document is held in a private temporary file until the run has succeeded,
      // so that standard output stays empty on any error, however late.
      let spool = json ? try OutputSpool() : nil
      if let spool {
        var writer = JSONResultWriter(output: spool, ruleSet: job.ruleSet)
        writer.begin()
        summary = try job.run(begin: begin) { result in
          writer.write(result)
          try books?.add(result)
        }
        writer.finish(summary)
        try spool.finish()
      } else {
        summary = try job.run(begin: begin) { try books?.add($0) }
      }
      try job.expectUnchanged(checked, summary, sources)
      // Standard output is written while the new workbooks are in place and the previous
      // ones still kept: if it fails, the previous ones are put back.
      func printResults(wrote paths: [String]) throws {
        let list = paths.isEmpty ? "" : "Wrote:\n" + paths.map { "  \($0)\n" }.joined()
        if let spool {
          try Console.output.write(spool)
          if !list.isEmpty { Console.printError(list) }
        } else {
          Console.write(Reports.summary(summary, job: job) + (list.isEmpty ? "" : "\n" + list))
        }
        try Console.output.flush()
      }
      if let set = books {
        _ = try set.finish(summary, confirming: printResults)
        books = nil
        Console.report(summary.warnings + set.warnings)
      } else {
        try printResults(wrote: [])
        Console.report(summary.warnings)
      }
    }
  }
}

extension Job {
  /// Throws when the budget changed between the checking pass and the one whose results
  /// are printed (their totals differ) or, with workbooks, since its fingerprint was taken:
  /// the outputs would not be of the file they name.
  func expectUnchanged(_ checked: Summary?, _ summary: Summary, _ sources: RunSources?) throws {
    var changed = false
    if let checked {
      changed =
        checked.lineCount != summary.lineCount || checked.total != summary.total
        || checked.partnerTotals != summary.partnerTotals
    }
    if !changed, let sources {
      changed = (try? FileDigest.sha256(path: budgetPath)) != sources.budgetSHA256
    }
    guard changed else { return }
    throw Diagnostic(
      at: SourceLocation(file: budgetPath), "the budget changed while it was being read",
      hint: "nothing was written; run again once nothing is writing to it")
  }

  /// The files' fingerprints and the stable creation time, for the workbooks.
  func sources() throws -> RunSources {
    func digest(_ path: String) throws -> String {
      do { return try FileDigest.sha256(path: path) } catch {
        throw OutputError("cannot read \(path) to fingerprint it: \(error)")
      }
    }
    return RunSources(
      rulesPath: rulesPath, rulesSHA256: try digest(rulesPath), budgetPath: budgetPath,
      budgetSHA256: try digest(budgetPath), toolVersion: Apportion.configuration.version,
      created: RunSources.creationTime(
        year: ruleSet.year,
        sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]))
  }
}
