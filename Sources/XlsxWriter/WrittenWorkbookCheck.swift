import Foundation
import ZIPFoundation

/// Reads a workbook back after libxlsxwriter has written it, and checks that it is whole.
///
/// libxlsxwriter 1.1.4 writes each worksheet (in constant-memory mode) and then each part of
/// the package through temporary files, and does not check those writes: with a full
/// temporary folder it reports success for a file whose Summary is empty and whose Lines stop
/// part-way. So the file is not trusted until it has been read back:
///
/// - it is a ZIP archive whose every entry inflates to data with its recorded CRC-32;
/// - it has the parts every workbook has, a worksheet part for every sheet added, and every
///   part `[Content_Types].xml` names;
/// - every XML part is well-formed as far as `XMLPartScanner` checks (valid UTF-8, only
///   characters a workbook can hold, every element closed, nothing cut short);
/// - `xl/workbook.xml` lists as many sheets as were added, and each worksheet holds exactly
///   the rows that were given content.
///
/// ```swift
/// try WrittenWorkbookCheck(path: path, sheets: [("Summary", 12), ("Lines", 50_001)]).run()
/// ```
struct WrittenWorkbookCheck {
  /// The file.
  let path: String
  /// Each worksheet in order, with the number of rows given content.
  let sheets: [(name: String, rows: Int)]

  /// Parts every workbook libxlsxwriter writes has.
  static let requiredParts = [
    "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml",
    "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/theme/theme1.xml",
  ]

  /// - Throws: `XlsxError` (`.closeWorkbook`) naming the file and what is wrong with it.
  func run() throws {
    do {
      try check()
    } catch let error as XlsxError {
      throw error
    } catch {
      throw damaged("it cannot be read back as a ZIP archive (\(error))")
    }
  }

  private func damaged(_ what: String) -> XlsxError {
    XlsxError(
      .closeWorkbook,
      reason: "the written file is incomplete or damaged: \(what); the disk or the "
        + "temporary folder may be full")
  }

  private func check() throws {
    let archive = try Archive(
      url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil)
    var entries: [String: Entry] = [:]
    for entry in archive where entry.type == .file { entries[entry.path] = entry }
    let worksheets = sheets.indices.map { "xl/worksheets/sheet\($0 + 1).xml" }
    for part in Self.requiredParts + worksheets where entries[part] == nil {
      throw damaged("the part \(part) is missing")
    }
    for (part, entry) in entries.sorted(by: { $0.key < $1.key }) {
      let counted =
        part == "xl/workbook.xml" ? "sheet" : part.hasPrefix("xl/worksheets/") ? "row" : ""
      var scanner = XMLPartScanner(counting: counted)
      var contentTypes = Data()
      do {
        let checksum = try archive.extract(entry, bufferSize: 1 << 18, skipCRC32: false) {
          chunk in
          if part == "[Content_Types].xml" { contentTypes.append(chunk) }
          try chunk.withUnsafeBytes { try scanner.feed($0) }
        }
        // ZIPFoundation computes the CRC-32 but leaves the comparison to the caller.
        guard checksum == entry.checksum else {
          throw damaged("\(part) does not match its CRC-32")
        }
        try scanner.finish()
      } catch let problem as XMLPartScanner.Problem {
        throw damaged("\(part): \(problem)")
      } catch {
        throw damaged("\(part) cannot be read back (\(error))")
      }
      if part == "[Content_Types].xml" {
        try checkNamedParts(String(decoding: contentTypes, as: UTF8.self), entries: entries)
      }
      if part == "xl/workbook.xml", scanner.count != sheets.count {
        throw damaged("xl/workbook.xml lists \(scanner.count) of the \(sheets.count) sheets")
      }
      if let index = worksheets.firstIndex(of: part), scanner.count != sheets[index].rows {
        throw damaged(
          "the sheet \"\(sheets[index].name)\" holds \(scanner.count) of the "
            + "\(sheets[index].rows) rows written to it")
      }
    }
  }

  /// Every `PartName="/…"` of `[Content_Types].xml` must be in the archive.
  private func checkNamedParts(_ xml: String, entries: [String: Entry]) throws {
    for match in xml.matches(of: /PartName="\/([^"]+)"/) {
      let part = String(match.output.1)
      if entries[part] == nil { throw damaged("the part \(part) is missing") }
    }
  }
}
