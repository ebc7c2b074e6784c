import Foundation
import TestSupport
import Testing
import XLSXInspection
import XlsxWriter

private func writeSample(to path: String) throws {
  let book = try Workbook(path: path)
  try book.setProperties(
    DocumentProperties(
      title: "Apportionment", subject: "Budget 2025", author: "Apportion", company: "Brent & Co",
      comments: "Generated", created: UTCDateTime(year: 2025, month: 4, day: 1, hour: 9)))
  let sheet = try book.addWorksheet(name: "Lines")
  let money = try book.addFormat(FormatSpecification(numberFormat: "#,##0.00"))
  try sheet.writeString(row: 0, column: 0, "Rent")
  try sheet.writeMoney(row: 0, column: 1, pence: 123_457, format: money)
  try sheet.writeFormula(row: 1, column: 1, "SUM(B1:B1)", cachedPence: 123_457, format: money)
  try book.close()
}

@Test func sameInputsAndCreatedDateGiveByteIdenticalFiles() throws {
  let folder = try TemporaryFolder().url
  let first = folder.appendingPathComponent("a.xlsx").path
  let second = folder.appendingPathComponent("b.xlsx").path
  try writeSample(to: first)
  Thread.sleep(forTimeInterval: 1.1)  // a clock-dependent field would now differ
  try writeSample(to: second)
  let a = try #require(FileManager.default.contents(atPath: first))
  let b = try #require(FileManager.default.contents(atPath: second))
  #expect(a == b)
  let core = try XLSXBook(path: first).coreProperties()
  #expect(core["dcterms:created"] == "2025-04-01T09:00:00Z")
  #expect(core["dc:title"] == "Apportionment")
  #expect(core["dc:creator"] == "Apportion")
  #expect(core["dc:description"] == "Generated")
  let app = try XLSXBook(path: first).rawXML(part: "docProps/app.xml")
  #expect(app.contains("<Company>Brent &amp; Co</Company>"))
}

@Test func invalidCreatedDatesAreRefused() throws {
  let book = try Workbook(path: try TemporaryFolder().url.appendingPathComponent("d.xlsx").path)
  for date in [
    UTCDateTime(year: 2025, month: 2, day: 29), UTCDateTime(year: 2025, month: 13, day: 1),
    UTCDateTime(year: 1969, month: 12, day: 31), UTCDateTime(year: 1970, month: 1, day: 1),
    UTCDateTime(year: 2025, month: 1, day: 1, hour: 24),
  ] {
    #expect(throws: XlsxError.self) { try book.setProperties(DocumentProperties(created: date)) }
  }
  #expect(UTCDateTime(year: 2024, month: 2, day: 29).secondsSinceEpoch == 1_709_164_800)
  #expect(UTCDateTime(year: 1970, month: 1, day: 1, second: 1).secondsSinceEpoch == 1)
}

@Test func closingTwiceThrowsAndCallsAfterCloseThrow() throws {
  let path = try TemporaryFolder().url.appendingPathComponent("twice.xlsx").path
  let book = try Workbook(path: path)
  let sheet = try book.addWorksheet(name: "Lines")
  let format = try book.addFormat(FormatSpecification(bold: true))
  try sheet.writeString(row: 0, column: 0, "x", format: format)
  try book.close()
  #expect(book.isClosed)
  let again = try #require(throws: XlsxError.self) { try book.close() }
  #expect(again.description == "cannot close workbook: the workbook is already closed")
  let late = try #require(throws: XlsxError.self) { try sheet.writeNumber(row: 1, column: 0, 1) }
  #expect(late.description == "cannot write cell Lines!A2: the workbook is closed")
  #expect(throws: XlsxError.self) { try book.addWorksheet(name: "More") }
  #expect(throws: XlsxError.self) { try book.addFormat(FormatSpecification()) }
  #expect(throws: XlsxError.self) { try sheet.setLandscape() }
  #expect(try XLSXBook(path: path).sheetNames == ["Lines"])
}

@Test func droppedWorkbookIsFreedAndWritesNoFile() throws {
  let path = try TemporaryFolder().url.appendingPathComponent("dropped.xlsx").path
  do {
    let book = try Workbook(path: path)
    let sheet = try book.addWorksheet(name: "Lines")
    _ = try book.addFormat(FormatSpecification(bold: true))
    _ = try book.addChart(type: .pie)
    for row in 0..<1_000 { try sheet.writeMoney(row: row, column: 0, pence: Int64(row)) }
    // A worksheet outliving its workbook variable keeps it alive; both go here.
  }
  #expect(!FileManager.default.fileExists(atPath: path))
  // A workbook that was never used at all.
  _ = try Workbook(path: path, options: WorkbookOptions(constantMemory: false))
  #expect(!FileManager.default.fileExists(atPath: path))
}

@Test func closeIntoMissingFolderThrows() throws {
  let path = try TemporaryFolder().url.appendingPathComponent("no/such/dir/out.xlsx").path
  let book = try Workbook(path: path)
  _ = try book.addWorksheet(name: "Lines")
  let error = try #require(throws: XlsxError.self) { try book.close() }
  #expect(error.operation == .closeWorkbook)
  #expect(error.code == .creatingXlsxFile)
  #expect(book.isClosed)
}

@Test func sameSpecGivesSameFormat() throws {
  let (book, cells) = try roundTrip { workbook, sheet in
    let a = try workbook.addFormat(FormatSpecification(bold: true, numberFormat: "0.00"))
    let b = try workbook.addFormat(FormatSpecification(bold: true, numberFormat: "0.00"))
    let c = try workbook.addFormat(
      FormatSpecification(italic: true, backgroundColor: 0xFFEE00, borderTop: .thin))
    #expect(a == b)
    #expect(a != c)
    try sheet.writeNumber(row: 0, column: 0, 1, format: a)
    try sheet.writeNumber(row: 0, column: 1, 2, format: b)
    try sheet.writeNumber(row: 0, column: 2, 3, format: c)
  }
  #expect(cells["A1"]?.styleIndex == cells["B1"]?.styleIndex)
  #expect(cells["A1"]?.styleIndex != cells["C1"]?.styleIndex)
  #expect(try book.rawXML(part: "xl/styles.xml").contains("FFFFEE00"))
}

@Test func formatOfAnotherWorkbookIsRefused() throws {
  let folder = try TemporaryFolder().url
  let one = try Workbook(path: folder.appendingPathComponent("1.xlsx").path)
  let two = try Workbook(path: folder.appendingPathComponent("2.xlsx").path)
  let sheet = try one.addWorksheet(name: "Lines")
  let foreign = try two.addFormat(FormatSpecification(bold: true))
  #expect(throws: XlsxError.self) { try sheet.writeNumber(row: 0, column: 0, 1, format: foreign) }
}
