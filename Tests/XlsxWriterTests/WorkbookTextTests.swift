import Foundation
import TestSupport
import Testing
import XLSXInspection

@testable import XlsxWriter

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Every text that reaches a workbook is made valid in one place (`WorkbookText`): each class
/// of character XML cannot hold, in each kind of text, gives a workbook that XML parsers and
/// Gnumeric open cleanly, and the repair is recorded.
@Suite struct WorkbookTextTests {
  struct Class: Sendable, CustomStringConvertible {
    var name: String
    var value: UInt32
    /// Whether a cell can carry it as an `_xHHHH_` escape (the BMP); otherwise U+FFFD.
    var escapable: Bool
    var description: String { name }
    /// (Swift refuses some non-characters as literals.)
    var scalar: Unicode.Scalar { Unicode.Scalar(value) ?? "?" }
  }

  static let classes = [
    Class(name: "NUL", value: 0x0, escapable: true),
    Class(name: "U+0001", value: 0x1, escapable: true),
    Class(name: "backspace", value: 0x8, escapable: true),
    Class(name: "vertical tab", value: 0xB, escapable: true),
    Class(name: "form feed", value: 0xC, escapable: true),
    Class(name: "escape", value: 0x1B, escapable: true),
    Class(name: "U+001F", value: 0x1F, escapable: true),
    Class(name: "U+FFFE", value: 0xFFFE, escapable: true),
    Class(name: "U+FFFF", value: 0xFFFF, escapable: true),
    Class(name: "U+FDD0", value: 0xFDD0, escapable: true),
    Class(name: "U+FDEF", value: 0xFDEF, escapable: true),
    Class(name: "U+1FFFE", value: 0x1FFFE, escapable: false),
    Class(name: "U+10FFFF", value: 0x10FFFF, escapable: false),
  ]

  /// A string of these code points.
  static func text(_ values: UInt32...) -> String {
    String(String.UnicodeScalarView(values.compactMap(Unicode.Scalar.init)))
  }

  /// The table in `WorkbookText`'s documentation, row by row.
  @Test func theDocumentedTable() {
    let text = Self.text
    let rows: [(String, cell: String, plain: String)] = [
      ("a\u{1}b", "a_x0001_b", "a\u{FFFD}b"),
      ("\u{0}", "_x0000_", "\u{FFFD}"),
      (text(0xFFFE, 0xFFFF, 0xFDD0), "_xFFFE__xFFFF__xFDD0_", "\u{FFFD}\u{FFFD}\u{FFFD}"),
      ("\u{1FFFE}", "\u{FFFD}", "\u{FFFD}"),
      ("a\tb\nc\rd", "a\tb\nc\rd", "a\tb\nc\rd"),
      ("_x0041_", "_x005F_x0041_", "_x0041_"),
      ("plain text, £ and é", "plain text, £ and é", "plain text, £ and é"),
    ]
    for (text, cell, plain) in rows {
      #expect(WorkbookText.cell(text).text == cell, "\(text.debugDescription)")
      #expect(WorkbookText.replacingUnstorable(text) == plain, "\(text.debugDescription)")
    }
    for scalar in (0..<0x20).compactMap(Unicode.Scalar.init) {
      #expect(WorkbookText.isStorable(scalar) == [0x9, 0xA, 0xD].contains(scalar.value))
    }
  }

  /// A workbook with `text` in every kind of text a workbook has.
  static func write(_ text: String, to path: String, constantMemory: Bool) throws -> Workbook {
    let book = try Workbook(path: path, options: WorkbookOptions(constantMemory: constantMemory))
    try book.setProperties(
      DocumentProperties(
        title: "Title " + text, subject: "Subject " + text, author: "Author " + text,
        company: "Company " + text, comments: "Comments " + text))
    let sheet = try book.addWorksheet(name: "Sheet " + text)
    try sheet.writeString(row: 0, column: 0, "Cell " + text)
    try sheet.writeMoney(row: 0, column: 1, pence: 100)
    try sheet.setHeader("&L" + Worksheet.escapeHeaderFooter("Header " + text))
    try sheet.setFooter("&C" + Worksheet.escapeHeaderFooter("Footer " + text))
    let chart = try book.addChart(type: .column)
    try chart.setTitle("Chart " + text)
    try chart.addSeries(
      name: "Series " + text,
      categories: RangeReference(sheet: sheet.name, column: 0, rows: 0...0),
      values: RangeReference(sheet: sheet.name, column: 1, rows: 0...0))
    try sheet.insertChart(row: 2, column: 0, chart: chart)
    try book.close()
    return book
  }

  @Test(arguments: classes, [true, false])
  func everyClassInEveryKindOfText(_ example: Class, constantMemory: Bool) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.appending("book.xlsx").path
    let text = "a" + String(example.scalar) + "b"
    let book = try Self.write(text, to: path, constantMemory: constantMemory)

    let read = try XLSXBook(path: path)
    for part in read.partNames where part.hasSuffix(".xml") || part.hasSuffix(".rels") {
      #expect(XMLParser(data: try read.data(part: part)).parse(), "\(part) is not well-formed")
    }
    let replaced = "a\u{FFFD}b"
    #expect(read.sheetNames == ["Sheet " + replaced])
    #expect(book.sheetNames == ["Sheet " + replaced])
    let core = try read.coreProperties()
    #expect(core["dc:title"] == "Title " + replaced)
    #expect(core["dc:creator"] == "Author " + replaced)
    let cell = try read.cells(sheet: "Sheet " + replaced)["A1"]
    #expect(cell?.text == "Cell " + (example.escapable ? text : replaced))
    let sheetXML = try read.rawXML(part: read.partName(sheet: "Sheet " + replaced))
    #expect(sheetXML.contains("Header a\u{FFFD}b") && sheetXML.contains("Footer a\u{FFFD}b"))
    #expect(try read.rawXML(part: "xl/charts/chart1.xml").contains("Chart a\u{FFFD}b"))

    // Every repair is recorded with its place and treatment.
    let repairs = book.textRepairs.repairs
    #expect(repairs.allSatisfy { $0.characters == [example.scalar] })
    let replacedPlaces = Set(repairs.filter { $0.treatment == .replaced }.map(\.place))
    for place in [
      "the document title", "the document subject", "the document author",
      "the document company", "the document comments", "a chart's title",
      "a chart's series name",
    ] {
      #expect(replacedPlaces.contains(place), "\(place)")
    }
    #expect(replacedPlaces.contains { $0.hasPrefix("the sheet name") })
    #expect(replacedPlaces.contains { $0.hasPrefix("the header or footer") })
    let cellRepair = repairs.first { $0.place.hasPrefix("cell ") }
    #expect(cellRepair?.treatment == (example.escapable ? .escaped : .replaced))
    #expect(cellRepair?.place == "cell Sheet \(replaced)!A1")

    try expectGnumericOpensCleanly(path)
  }

  /// A Swift `String` cannot hold a lone surrogate: bytes that would encode one decode as
  /// U+FFFD, which a workbook holds as it is.
  @Test func loneSurrogatesCannotReachAWorkbook() throws {
    let decoded = String(decoding: [0x61, 0xED, 0xA0, 0x80, 0x62] as [UInt8], as: UTF8.self)
    #expect(decoded.unicodeScalars.allSatisfy { WorkbookText.isStorable($0) })
    #expect(decoded.unicodeScalars.contains("\u{FFFD}"))
    #expect(WorkbookText.replacingUnstorable(decoded) == decoded)
  }

  @Test func aThousandRepairsAreCountedAndTheFirstHundredKept() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let book = try Workbook(path: folder.appending("many.xlsx").path)
    let sheet = try book.addWorksheet(name: "Lines")
    for row in 0..<1_000 { try sheet.writeString(row: row, column: 0, "x\u{1}") }
    try book.close()
    #expect(book.textRepairs.escapedCount == 1_000)
    #expect(book.textRepairs.repairs.count == TextRepairLog.limit)
    #expect(
      book.textRepairs.repairs.first?.description
        == "U+0001 in cell Lines!A1, stored as an _xHHHH_ escape")
  }
}

/// Gnumeric's ssconvert reads the file without calling it damaged (skipped, with a message,
/// where gnumeric is not installed; required in CI).
func expectGnumericOpensCleanly(
  _ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
  let search = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    .split(separator: ":").map { "\($0)/ssconvert" }
  guard let ssconvert = search.first(where: { FileManager.default.isExecutableFile(atPath: $0) })
  else {
    if ProcessInfo.processInfo.environment["CI"] == "true" {
      Issue.record("ssconvert (gnumeric) is not installed", sourceLocation: sourceLocation)
    }
    return
  }
  let folder = try TemporaryFolder()
  defer { folder.remove() }
  let errors = folder.appending("stderr")
  _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
  let process = Process()
  process.executableURL = URL(fileURLWithPath: ssconvert)
  process.arguments = ["-S", path, folder.appending("out.csv").path]
  process.standardOutput = FileHandle.nullDevice
  process.standardError = try FileHandle(forWritingTo: errors)
  try process.run()
  process.waitUntilExit()
  let stderr = String(decoding: try Data(contentsOf: errors), as: UTF8.self)
  #expect(process.terminationStatus == 0, "\(stderr)", sourceLocation: sourceLocation)
  #expect(
    !stderr.contains("CRITICAL") && !stderr.contains("damaged"), "\(stderr)",
    sourceLocation: sourceLocation)
}
