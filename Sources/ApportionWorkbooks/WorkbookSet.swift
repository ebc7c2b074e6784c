import ApportionCore
import ApportionIO
import Foundation
import XlsxWriter

/// The workbooks of one run, written into an output folder: `partnership.xlsx` and one
/// `<partner-id>.xlsx` per partner, fed line by line from the same results as every other
/// output. The number of lines must be known first (from a checking pass over the budget),
/// because constant-memory mode writes rows in order and the filters and totals rows are
/// placed before the lines stream through.
///
/// Each workbook is written on its own lane (`WorkbookLane`), in batches of lines, while the
/// budget is still being read: the workbooks are filled, compressed and checked at once, and
/// each one's bytes are what writing them one after another gives.
///
/// The workbooks are written into the staging folder of an `OutputFolder` (libxlsxwriter's
/// temporary files too, in a private folder on the output's filesystem), each is read back
/// and checked when it is closed (`Workbook.close()`), and only then is the set put in place,
/// as a whole: after an error or an interruption the folder holds the complete previous set
/// or the complete new one. File names come from partner ids reduced to letters, digits, `-`
/// and `_`, so no input can write outside the folder.
///
/// ```swift
/// var profile = BudgetProfile(partnerCount: ruleSet.partners.count)
/// _ = try job.run { try profile.add($0) }  // the checking pass
/// let books = try WorkbookSet(
///   directory: "out", ruleSet: ruleSet, schema: schema, sources: sources, profile: profile)
/// for result in results { try books.add(result) }
/// let paths = try books.finish(summary)  // out/partnership.xlsx, out/brent.xlsx, …
/// ```
public final class WorkbookSet {
  /// The output folder, as the user named it.
  public let directory: String
  private let folder: OutputFolder
  private var partnership: PartnershipWorkbook?
  private var partners: [PartnerWorkbook] = []
  /// The file names of the set, partnership first.
  private let names: [String]
  /// One lane per workbook, partnership first.
  private var lanes: [WorkbookLane] = []
  /// Works out once what every workbook writes about a line.
  private let preparer: LinePreparer
  /// Lines not yet handed to the lanes.
  private var pending: [PreparedLine] = []
  /// Lines handed to the lanes at a time: enough to make handing over cheap, few enough to
  /// keep memory flat.
  static let batchSize = 256
  private var repairs: [(file: String, log: TextRepairLog)] = []
  private var finished = false

  /// Hides libxlsxwriter's own messages on standard error for the rest of the process: each
  /// failure is reported once, by the error thrown (see `Workbook.hidesLibraryMessages`).
  public static func hideLibraryMessages() { Workbook.hidesLibraryMessages = true }

  /// Lines per Lines sheet before a new sheet starts: the sheet's row limit less the header
  /// and totals rows.
  public static let defaultLinesPerSheet = Worksheet.maxRows - 2

  /// Starts every workbook in a staging folder for `directory` (see `OutputFolder`).
  ///
  /// - Parameters:
  ///   - profile: what the checking pass learnt about the lines `add(_:)` will be given
  ///     (their count, numeric columns, each Lines sheet's totals; lines per sheet).
  ///   - baseline: earlier totals to compare with (a scenario's base), shown on the Summary
  ///     and each statement; `nil` when there are none.
  /// - Throws: `OutputError` when the folder cannot be used (not a folder, an output name
  ///   taken by a folder or a link, too many open files needed), `XlsxError` when a workbook
  ///   cannot be started; nothing is left behind.
  public init(
    directory: String, ruleSet: RuleSet, schema: BudgetSchema, sources: RunSources,
    profile: BudgetProfile, baseline: Baseline? = nil
  ) throws {
    self.directory = directory
    var stems = ["partnership"]
    var taken: Set<String> = ["partnership"]
    for partner in ruleSet.partners {
      let stem = SafeNames.fileStem(for: partner.id, taken: taken)
      taken.insert(stem.lowercased())
      stems.append(stem)
    }
    names = stems.map { $0 + ".xlsx" }
    try OpenFiles.ensure(workbooks: names.count)
    folder = try OutputFolder(path: directory, names: names)
    preparer = LinePreparer(ruleSet: ruleSet, schema: schema, profile: profile)
    pending.reserveCapacity(Self.batchSize)
    let options = WorkbookOptions(temporaryDirectory: folder.temporaryDirectory)
    do {
      partnership = try naming(names[0]) {
        try PartnershipWorkbook(
          path: folder.stagedPath(for: names[0]), options: options, ruleSet: ruleSet,
          schema: schema, sources: sources, profile: profile, baseline: baseline)
      }
      for index in ruleSet.partners.indices {
        partners.append(
          try naming(names[index + 1]) {
            try PartnerWorkbook(
              path: folder.stagedPath(for: names[index + 1]), options: options, partner: index,
              ruleSet: ruleSet, schema: schema, sources: sources, profile: profile,
              baseline: baseline)
          })
      }
    } catch {
      abandon()
      throw error
    }
    let workers = WorkbookLane.workers(for: names.count)
    lanes = names.enumerated().map {
      WorkbookLane(label: $0.element, worker: workers[$0.offset % workers.count])
    }
  }

  /// Runs `body`, turning a workbook's error into one that names the file as the user will
  /// see it and says that the output folder was left as it was.
  private func naming<T>(_ name: String, _ body: () throws -> T) throws -> T {
    try Self.naming(folder.finalPath(for: name), directory: directory, body)
  }

  private static func naming<T>(_ path: String, directory: String, _ body: () throws -> T)
    throws -> T
  {
    do { return try body() } catch let error as XlsxError {
      throw OutputError("\(path): \(error); nothing in \(directory) was changed")
    }
  }

  /// Adds one line to every workbook (in batches: a workbook's error may surface a few lines
  /// later, or from `finish`).
  public func add(_ result: LineResult) throws {
    pending.append(preparer.prepare(result))
    if pending.count >= Self.batchSize { try flush() }
  }

  /// Hands the pending lines to every workbook's lane; throws a lane's error, if one failed.
  private func flush() throws {
    if lanes.contains(where: \.hasFailed) { try stopOnError() }
    guard !pending.isEmpty else { return }
    let batch = pending
    pending.removeAll(keepingCapacity: true)
    each { book, path, directory in
      for line in batch {
        try WorkbookSet.naming(path, directory: directory) { try book.add(line) }
      }
    }
  }

  /// Gives every workbook's lane `work(book, its final path, the output folder)`.
  private func each(
    _ work: @escaping @Sendable (any LaneWorkbook, String, String) throws -> Void
  ) {
    let books: [any LaneWorkbook] = (partnership.map { [$0] } ?? []) + partners
    for (index, book) in books.enumerated() where index < lanes.count {
      let bound = LaneBound(value: book)
      let path = folder.finalPath(for: names[index])
      let directory = self.directory
      lanes[index].submit { try work(bound.value, path, directory) }
    }
  }

  /// Waits for every lane; throws the first workbook's error (in the set's order) after
  /// dropping the set.
  private func stopOnError() throws {
    let errors = lanes.compactMap { $0.wait() }
    if let error = errors.first {
      abandon()
      throw error
    }
  }

  /// Writes the summaries, closes and checks every workbook, and puts the set in place.
  ///
  /// - Returns: the paths written.
  public func finish(_ summary: Summary) throws -> [String] {
    try finish(summary) { _ in }
  }

  /// Writes the summaries, closes and checks every workbook, puts the set in place, and runs
  /// `confirm` with the paths while the previous set is still kept: if `confirm` throws (the
  /// report could not be printed), the previous set is put back and the error rethrown.
  /// `writing` is told each file's name as its workbook starts to be finished (for a
  /// progress display; the workbooks are finished at once, each on its own thread, so it is
  /// called from any of them).
  ///
  /// - Returns: the paths written.
  public func finish(
    _ summary: Summary, writing: @escaping @Sendable (String) -> Void = { _ in },
    confirming confirm: ([String]) throws -> Void
  ) throws -> [String] {
    let paths = names.map { folder.finalPath(for: $0) }
    do {
      try flush()
      // Each workbook's summaries, compression and check on its own lane, all at once.
      let summary = LaneBound(value: summary)
      each { book, path, directory in
        writing((path as NSString).lastPathComponent)
        try WorkbookSet.naming(path, directory: directory) { try book.finish(summary.value) }
      }
      try stopOnError()
      if let partnership { repairs.append((names[0], partnership.workbook.textRepairs)) }
      for (index, book) in partners.enumerated() {
        repairs.append((names[index + 1], book.workbook.textRepairs))
      }
      partnership = nil
      partners = []
      try folder.commit()
      try confirm(paths)
    } catch {
      abandon()
      throw error
    }
    folder.complete()
    finished = true
    return paths
  }

  /// What the user should know: texts that had characters a workbook cannot hold, and what
  /// the output folder did besides (stale staging folders removed). Complete after `finish`.
  public var warnings: [Diagnostic] {
    TextRepairReport(repairs: repairs).warnings(folder: directory)
      + folder.notes.map { Diagnostic(.warning, at: SourceLocation(file: directory), $0) }
  }

  /// Drops every workbook and the staging folder; the output folder is left as it was.
  public func abandon() {
    // Nothing may still be writing into the staging folder when it is removed.
    for lane in lanes { _ = lane.wait() }
    pending.removeAll()
    partnership = nil
    partners = []
    folder.rollBack()
    finished = true
  }

  deinit {
    if !finished { abandon() }
  }
}

/// What a lane does with a workbook of the set.
protocol LaneWorkbook: AnyObject {
  func add(_ prepared: PreparedLine) throws
  func finish(_ summary: Summary) throws
}

extension PartnershipWorkbook: LaneWorkbook {}
extension PartnerWorkbook: LaneWorkbook {}
