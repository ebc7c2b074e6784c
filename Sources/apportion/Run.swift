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
      // With workbooks, a first pass checks every line (and counts them), so that bad input
      // leaves the output folder untouched, and gives the workbooks' profile (numeric
      // columns, each Lines sheet's totals), which they need before their first line in
      // constant memory; the workbooks are streamed as the lines are apportioned in the
      // second pass, which reads a private copy of the bytes the first pass read (see Job).
      // The JSON document needs one pass: it is held back in a private temporary file (see
      // OutputSpool) until the run has succeeded.
      let twoPasses = out != nil
      let job = try input.job(sample: sample, readTwice: twoPasses)
      // On a terminal, a run of more than a second shows its progress on standard error.
      let progress = ProgressDisplay.start()
      defer { progress?.clear() }
      var profile = BudgetProfile(partnerCount: job.ruleSet.partners.count)
      var checked: Summary?
      if twoPasses {
        let checking: ((Job.Progress) -> Void)? = progress?.reading("checking the budget")
        checked = try job.run(progress: checking) { try profile.add($0) }
      }
      let activity = twoPasses ? "writing the workbooks" : "reading the budget"
      let reading: ((Job.Progress) -> Void)? = progress?.reading(
        activity, totalLines: checked?.lineCount)
      var books: WorkbookSet?
      defer { books?.abandon() }
      func begin(_ schema: BudgetSchema) throws {
        guard let out, checked != nil else { return }
        try OutputPath.check(out)
        WorkbookSet.hideLibraryMessages()
        books = try WorkbookSet(
          directory: out, ruleSet: job.ruleSet, schema: schema, sources: try job.sources(),
          profile: profile, baseline: try baseline(for: job))
      }
      let summary: Summary
      // The JSON document is held in a private temporary file until the run has succeeded,
      // so that standard output stays empty on any error, however late.
      let spool = json ? try OutputSpool() : nil
      if let spool {
        var writer = JSONResultWriter(output: spool, ruleSet: job.ruleSet)
        writer.begin()
        summary = try job.run(begin: begin, progress: reading) { result in
          writer.write(result)
          try books?.add(result)
        }
        writer.finish(summary)
        try spool.finish()
      } else {
        summary = try job.run(begin: begin, progress: reading) { try books?.add($0) }
      }
      // Standard output is written while the new workbooks are in place and the previous
      // ones still kept: if it fails, the previous ones are put back.
      func printResults(wrote paths: [String]) throws {
        progress?.clear()
        let list =
          paths.isEmpty ? "" : "Wrote:\n" + paths.map { "  \($0.displayEscaped)\n" }.joined()
        if let spool {
          try Console.output.write(spool)
          if !list.isEmpty { Console.printError(list) }
        } else {
          Console.write(Reports.summary(summary, job: job) + (list.isEmpty ? "" : "\n" + list))
        }
        try Console.output.flush()
      }
      if let set = books {
        let count = job.ruleSet.partners.count + 1
        let writing: @Sendable (String) -> Void = { [progress] name in
          progress?.writing(name, count: count)
        }
        _ = try set.finish(summary, writing: writing, confirming: printResults)
        books = nil
        Console.report(summary.warnings + set.warnings)
      } else {
        try printResults(wrote: [])
        Console.report(summary.warnings)
      }
    }
  }
}

/// The base's totals when the run is a scenario, for the statements' "base and change".
func baseline(for job: Job) throws -> Baseline? {
  // The base reads the budget once more: only a regular file can be read again (a budget on
  // a pipe gives no baseline).
  guard let base = job.inputs.base, let budget = base.budgetPath,
    (try? FileManager.default.attributesOfItem(atPath: budget)[.type] as? FileAttributeType)
      == .typeRegular
  else { return nil }
  let summary = try Job(base).run { _ in }
  var totals: [PartnerID: Money] = [:]
  for (partner, total) in zip(summary.partners, summary.partnerTotals) {
    totals[partner.id] = total
  }
  return Baseline(label: "Base: \(base.name)", totals: totals)
}

extension Job {
  /// The files' fingerprints (of the bytes read: the budget's from the first pass, which
  /// every later pass reads again) and the stable creation time, for the workbooks.
  func sources() throws -> RunSources {
    guard let budgetSHA256 else {
      throw OutputError("the budget's fingerprint is not known before it has been read")
    }
    let creation = RunSources.creation(
      year: ruleSet.year,
      sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"])
    return RunSources(
      rulesPath: rulesPath, rulesSHA256: rulesSHA256, budgetPath: budgetPath,
      budgetSHA256: budgetSHA256, toolVersion: Apportion.configuration.version,
      created: creation.date, createdBecause: creation.because)
  }
}

/// Checks, before any workbook is started, that the output folder can be written, so that
/// the usual problems are said in plain words.
enum OutputPath {
  static func check(_ path: String) throws {
    let manager = FileManager.default
    // A symbolic link is OutputFolder's to judge (it follows a link to a folder).
    if (try? manager.destinationOfSymbolicLink(atPath: path)) != nil { return }
    var folder = path
    var isDirectory: ObjCBool = false
    // The folder, or the nearest folder above it that exists (it will be created in it).
    while !manager.fileExists(atPath: folder, isDirectory: &isDirectory) {
      folder = parent(of: folder)
    }
    guard isDirectory.boolValue else {
      throw OutputError(
        folder == path
          ? "cannot write the workbooks into \(path): it is a file, not a folder"
          : "cannot create the folder \(path): \(folder) is a file, not a folder")
    }
    guard manager.isWritableFile(atPath: folder), manager.isExecutableFile(atPath: folder) else {
      throw OutputError(
        folder == path
          ? "cannot write the workbooks into \(path): permission denied"
          : "cannot create the folder \(path) in \(folder): permission denied")
    }
  }

  /// The folder a path is in: `a/b` → `a`, `a` → `.`, `/a` → `/`.
  static func parent(of path: String) -> String {
    var parts = path.split(separator: "/", omittingEmptySubsequences: true)
    guard !parts.isEmpty else { return path.hasPrefix("/") ? "/" : "." }
    parts.removeLast()
    if parts.isEmpty { return path.hasPrefix("/") ? "/" : "." }
    return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
  }
}
