import TestSupport
import Testing
import XLSXInspection
import XlsxWriter

@Test func injectionStringsStayText() throws {
  let texts = [
    "=HYPERLINK(\"http://x\")", "+SUM(A1)", "-2+3", "@cmd", "-1", "=1+1", "0123", "1e5",
    "TRUE", " =SUM(A1)", "=cmd|' /C calc'!A0",
  ]
  let (_, cells) = try roundTrip { _, sheet in
    for (row, text) in texts.enumerated() { try sheet.writeString(row: row, column: 0, text) }
  }
  for (row, text) in texts.enumerated() {
    let cell = try #require(cells["A\(row + 1)"])
    #expect(cell.kind == .string)
    #expect(cell.type == "inlineStr")
    #expect(cell.formula == nil)
    #expect(cell.value == text)
  }
}

@Test func sharedStringsWithoutConstantMemory() throws {
  let (book, cells) = try roundTrip(options: WorkbookOptions(constantMemory: false)) { _, sheet in
    try sheet.writeString(row: 0, column: 0, "=HYPERLINK(\"http://x\")")
    try sheet.writeString(row: 1, column: 0, "Café & <tags>")
  }
  #expect(cells["A1"]?.type == "s")
  #expect(cells["A1"]?.value == "=HYPERLINK(\"http://x\")")
  #expect(cells["A2"]?.value == "Café & <tags>")
  #expect(try book.sharedStrings().count == 2)
}

@Test func stringLengthLimit() throws {
  let path = try TemporaryFolder().url.appendingPathComponent("long.xlsx").path
  let book = try Workbook(path: path)
  let sheet = try book.addWorksheet(name: "Lines")
  try sheet.writeString(row: 0, column: 0, String(repeating: "a", count: 32_767))
  let tooLong = try #require(throws: XlsxError.self) {
    try sheet.writeString(row: 1, column: 0, String(repeating: "a", count: 32_768))
  }
  #expect(tooLong.code == .maxStringLengthExceeded)
  #expect(tooLong.description.contains("32,767"))
  #expect(tooLong.cell == "A2")
  // 32,767 emoji are 65,534 UTF-16 units: Excel's limit counts those, libxlsxwriter would not.
  #expect(throws: XlsxError.self) {
    try sheet.writeString(row: 2, column: 0, String(repeating: "😀", count: 32_767))
  }
  // NUL cannot be in XML: it is stored as Excel's escape (see WorkbookTextTests).
  try sheet.writeString(row: 3, column: 0, "a\0b")
  try book.close()
  let cells = try XLSXBook(path: path).cells(sheet: "Lines")
  #expect(cells["A1"]?.value.count == 32_767)
  #expect(cells["A2"] == nil)
  #expect(cells["A4"]?.value == "a_x0000_b")
}

@Test func emptyStringWritesNothing() throws {
  let (_, cells) = try roundTrip { workbook, sheet in
    try sheet.writeString(row: 0, column: 0, "")
    try sheet.writeString(
      row: 1, column: 0, "", format: try workbook.addFormat(FormatSpecification(bold: true)))
  }
  #expect(cells["A1"] == nil)
  #expect(cells["A2"]?.kind == .blank)
}
