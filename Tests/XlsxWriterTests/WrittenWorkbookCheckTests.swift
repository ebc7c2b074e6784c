import Foundation
import TestSupport
import Testing
import ZIPFoundation

@testable import XlsxWriter

/// A workbook is not trusted until it has been read back: every kind of damage a failed write
/// can do (a part cut short, rows lost, a part missing, a character XML cannot hold, bytes
/// changed, the archive cut short) is caught; a whole file passes.
@Suite struct WrittenWorkbookCheckTests {
  /// A good workbook: a sheet of `rows` rows and a second small one.
  static func good(in folder: TemporaryFolder, rows: Int = 500) throws -> String {
    let path = folder.appending("good.xlsx").path
    let book = try Workbook(path: path)
    let lines = try book.addWorksheet(name: "Lines")
    for row in 0..<rows {
      try lines.writeString(row: row, column: 0, "Line \(row)")
      try lines.writeMoney(row: row, column: 1, pence: Int64(row))
    }
    let summary = try book.addWorksheet(name: "Summary")
    try summary.writeString(row: 0, column: 0, "Total")
    try summary.setRow(row: 2, height: 30)
    try book.close()
    return path
  }

  static let sheets = [("Lines", 500), ("Summary", 2)]

  /// A copy of `path` with each part passed through `change` (`nil` drops the part).
  static func rewrite(_ path: String, to copy: String, _ change: (String, Data) -> Data?) throws {
    let source = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    let target = try Archive(url: URL(fileURLWithPath: copy), accessMode: .create)
    for entry in source {
      var data = Data()
      _ = try source.extract(entry) { data.append($0) }
      guard let changed = change(entry.path, data) else { continue }
      try target.addEntry(
        with: entry.path, type: .file, uncompressedSize: Int64(changed.count),
        compressionMethod: .deflate
      ) { position, size in
        changed.subdata(in: Int(position)..<Int(position) + size)
      }
    }
  }

  struct Damage: Sendable, CustomStringConvertible {
    var name: String
    var expected: String
    var change: @Sendable (String, Data) -> Data?
    var description: String { name }
  }

  static func replacing(_ part: String, _ body: @escaping @Sendable (String) -> String)
    -> @Sendable (String, Data) -> Data?
  {
    { name, data in name == part ? Data(body(String(decoding: data, as: UTF8.self)).utf8) : data }
  }

  static let damages = [
    Damage(
      name: "a sheet cut short", expected: "cut short",
      change: replacing("xl/worksheets/sheet1.xml") { String($0.prefix($0.count / 2)) }),
    Damage(
      name: "a sheet ending after a whole row", expected: "cut short",
      change: replacing("xl/worksheets/sheet1.xml") { xml in
        let end = xml.range(of: "</row>", options: .backwards)?.upperBound ?? xml.endIndex
        return String(xml[..<end])
      }),
    Damage(
      name: "rows lost from a well-formed sheet", expected: "holds 499 of the 500 rows",
      change: replacing("xl/worksheets/sheet1.xml") { xml in
        guard let start = xml.range(of: "<row r=\"7\""),
          let end = xml.range(of: "</row>", range: start.upperBound..<xml.endIndex)
        else { return xml }
        return String(xml[..<start.lowerBound] + xml[end.upperBound...])
      }),
    Damage(
      name: "the Summary emptied", expected: "holds 0 of the 2 rows",
      change: replacing("xl/worksheets/sheet2.xml") { xml in
        xml.replacing(/<sheetData>.*<\/sheetData>/.dotMatchesNewlines(), with: "<sheetData/>")
      }),
    Damage(
      name: "a worksheet missing", expected: "xl/worksheets/sheet2.xml is missing",
      change: { name, data in name == "xl/worksheets/sheet2.xml" ? nil : data }),
    Damage(
      name: "styles missing", expected: "xl/styles.xml is missing",
      change: { name, data in name == "xl/styles.xml" ? nil : data }),
    Damage(
      name: "a control character", expected: "U+0001",
      change: replacing("xl/worksheets/sheet1.xml") {
        $0.replacingOccurrences(of: "Line 3<", with: "Line\u{1}3<")
      }),
    Damage(
      name: "U+FFFE", expected: "U+FFFE",
      change: replacing("docProps/core.xml") {
        $0.replacingOccurrences(of: "<dc:creator>", with: "<dc:creator>\u{FFFE}")
      }),
    Damage(
      name: "mismatched tags", expected: "does not match",
      change: replacing("xl/workbook.xml") {
        $0.replacingOccurrences(of: "</sheets>", with: "</sheet>")
      }),
    Damage(
      name: "a sheet not listed", expected: "lists 1 of the 2 sheets",
      change: replacing("xl/workbook.xml") { xml in
        xml.replacing(/<sheet name="Summary"[^>]*\/>/, with: "")
      }),
  ]

  @Test(arguments: damages)
  func damageIsCaught(_ damage: Damage) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try Self.good(in: folder)
    try WrittenWorkbookCheck(path: path, sheets: Self.sheets).run()
    let copy = folder.appending("damaged.xlsx").path
    try Self.rewrite(path, to: copy, damage.change)
    let error = try #require(throws: XlsxError.self) {
      try WrittenWorkbookCheck(path: copy, sheets: Self.sheets).run()
    }
    #expect(error.description.contains(damage.expected), "\(error)")
    #expect(error.description.hasPrefix("cannot close workbook: the written file is incomplete"))
  }

  @Test func changedBytesAndACutArchiveAreCaught() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try Self.good(in: folder)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let cut = folder.appending("cut.xlsx")
    try bytes.prefix(bytes.count / 2).write(to: cut)
    #expect(throws: XlsxError.self) {
      try WrittenWorkbookCheck(path: cut.path, sheets: Self.sheets).run()
    }
    // Flip a byte in the middle of each entry's compressed data in turn: the CRC or the
    // inflation fails, or the XML breaks.
    let entries = Self.localEntries(bytes)
    #expect(entries.count >= 8)
    for (name, data) in entries where data.count > 64 {
      var damaged = bytes
      damaged[data.lowerBound + data.count / 2] ^= 0x5A
      let copy = folder.appending("flipped.xlsx")
      try damaged.write(to: copy)
      #expect(throws: XlsxError.self, "\(name) \(data)") {
        try WrittenWorkbookCheck(path: copy.path, sheets: Self.sheets).run()
      }
    }
  }

  /// Each entry's name and the range of its compressed data, from the ZIP's local headers.
  static func localEntries(_ bytes: Data) -> [(String, Range<Int>)] {
    func number(_ at: Int, _ size: Int) -> Int {
      (0..<size).reduce(0) { $0 | Int(bytes[bytes.startIndex + at + $1]) << (8 * $1) }
    }
    var entries: [(String, Range<Int>)] = []
    var offset = 0
    while offset + 30 <= bytes.count, number(offset, 4) == 0x0403_4b50 {
      let compressed = number(offset + 18, 4)
      let nameLength = number(offset + 26, 2)
      let extraLength = number(offset + 28, 2)
      guard number(offset + 6, 2) & 0x8 == 0, compressed > 0 else { break }
      let start = offset + 30 + nameLength + extraLength
      let name = String(decoding: bytes[(offset + 30)..<(offset + 30 + nameLength)], as: UTF8.self)
      entries.append((name, start..<(start + compressed)))
      offset = start + compressed
    }
    return entries
  }

  /// Fed in chunks split anywhere, the scanner reaches the same verdict.
  @Test func theScannerReadsAcrossChunks() throws {
    let xml = Array(
      "<?xml version=\"1.0\"?>\n<a x=\"1 > 0\" y='2'><row r=\"1\"><c>é €😀</c></row><row/></a>\n"
        .utf8)
    for split in 0...xml.count {
      var scanner = XMLPartScanner(counting: "row")
      try xml[..<split].withUnsafeBytes { try scanner.feed($0) }
      try xml[split...].withUnsafeBytes { try scanner.feed($0) }
      try scanner.finish()
      #expect(scanner.count == 2)
      var cut = XMLPartScanner(counting: "row")
      try xml[..<split].withUnsafeBytes { try cut.feed($0) }
      if split < xml.count - 1 { #expect(throws: XMLPartScanner.Problem.self) { try cut.finish() } }
    }
  }

  @Test func theCheckCanBeTurnedOff() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let book = try Workbook(
      path: folder.appending("unchecked.xlsx").path,
      options: WorkbookOptions(checksWrittenFile: false))
    _ = try book.addWorksheet(name: "Lines")
    try book.close()
    #expect(book.options.checksWrittenFile == false)
  }
}
