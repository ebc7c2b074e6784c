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
/// Each workbook is written to a hidden temporary file in the folder and renamed into place
/// only when every workbook is complete, so an error part-way leaves the folder as it was.
/// File names come from partner ids reduced to letters, digits, `-` and `_`, so no input
/// can write outside the folder.
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
  /// The output folder.
  public let directory: String
  private var partnership: PartnershipWorkbook?
  private var partners: [PartnerWorkbook] = []
  /// (temporary path, final path) for every workbook.
  private var files: [(temporary: String, final: String)] = []
  private var createdDirectory = false
  private var finished = false

  /// Lines per Lines sheet before a new sheet starts: the sheet's row limit less the header
  /// and totals rows.
  public static let defaultLinesPerSheet = Worksheet.maxRows - 2

  /// Starts every workbook in `directory`, creating the folder if needed.
  ///
  /// - Parameters:
  ///   - profile: what the checking pass learnt about the lines `add(_:)` will be given
  ///     (their count, numeric columns, each Lines sheet's totals; lines per sheet).
  ///   - baseline: earlier totals to compare with (a scenario's base), shown on the Summary
  ///     and each statement; `nil` when there are none.
  /// - Throws: `OutputError` when the folder cannot be made, `XlsxError` when a workbook
  ///   cannot be started; nothing is left behind.
  public init(
    directory: String, ruleSet: RuleSet, schema: BudgetSchema, sources: RunSources,
    profile: BudgetProfile, baseline: Baseline? = nil
  ) throws {
    self.directory = directory
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    if manager.fileExists(atPath: directory, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw OutputError("\(directory) exists and is not a folder")
      }
    } else {
      do {
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
      } catch {
        throw OutputError("cannot create the folder \(directory): \(error.localizedDescription)")
      }
      createdDirectory = true
    }
    do {
      let token = "\(getpid())"
      func temporary(_ stem: String) -> (String, String) {
        (
          (directory as NSString).appendingPathComponent(".\(stem).xlsx.partial-\(token)"),
          (directory as NSString).appendingPathComponent("\(stem).xlsx")
        )
      }
      let main = temporary("partnership")
      files.append(main)
      partnership = try PartnershipWorkbook(
        path: main.0, ruleSet: ruleSet, schema: schema, sources: sources, profile: profile,
        baseline: baseline)
      var taken: Set<String> = ["partnership"]
      for index in ruleSet.partners.indices {
        let stem = SafeNames.fileStem(for: ruleSet.partners[index].id, taken: taken)
        taken.insert(stem.lowercased())
        let file = temporary(stem)
        files.append(file)
        partners.append(
          try PartnerWorkbook(
            path: file.0, partner: index, ruleSet: ruleSet, schema: schema, sources: sources,
            profile: profile, baseline: baseline))
      }
    } catch {
      abandon()
      throw error
    }
  }

  /// Adds one line to every workbook.
  public func add(_ result: LineResult) throws {
    do {
      try partnership?.add(result)
      for book in partners { try book.add(result) }
    } catch {
      abandon()
      throw error
    }
  }

  /// Writes the summaries, closes every workbook and moves them into place.
  ///
  /// - Returns: the paths written.
  public func finish(_ summary: Summary) throws -> [String] {
    do {
      try partnership?.finish(summary)
      for book in partners { try book.finish(summary) }
      let manager = FileManager.default
      for file in files {
        if manager.fileExists(atPath: file.final) { try manager.removeItem(atPath: file.final) }
        try manager.moveItem(atPath: file.temporary, toPath: file.final)
      }
    } catch {
      abandon()
      throw error
    }
    finished = true
    return files.map(\.final)
  }

  /// Drops every workbook and temporary file; removes the folder if this run created it
  /// and it is empty.
  public func abandon() {
    partnership = nil
    partners = []
    let manager = FileManager.default
    for file in files where manager.fileExists(atPath: file.temporary) {
      try? manager.removeItem(atPath: file.temporary)
    }
    if createdDirectory,
      (try? manager.contentsOfDirectory(atPath: directory))?.isEmpty == true
    {
      try? manager.removeItem(atPath: directory)
    }
    finished = true
  }

  deinit {
    if !finished { abandon() }
  }
}
