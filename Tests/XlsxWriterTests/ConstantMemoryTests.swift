import Foundation
import TestSupport
import Testing
import XLSXInspection
import XlsxWriter

@Test func rowsOutOfOrderThrowInConstantMemoryMode() throws {
  let path = try TemporaryFolder().url.appendingPathComponent("order.xlsx").path
  let book = try Workbook(path: path)
  let lines = try book.addWorksheet(name: "Lines")
  let summary = try book.addWorksheet(name: "Summary")
  try lines.writeNumber(row: 5, column: 3, 1)
  try lines.writeNumber(row: 5, column: 0, 2)  // same row, earlier column: fine
  try summary.writeNumber(row: 0, column: 0, 3)  // sheets interleave
  let error = try #require(throws: XlsxError.self) {
    try lines.writeString(row: 2, column: 0, "late")
  }
  #expect(error.code == .worksheetIndexOutOfRange)  // returned by libxlsxwriter
  #expect(error.sheet == "Lines")
  #expect(error.cell == "A3")
  #expect(error.description.contains("ascending order"))
  // setRow starts a row too.
  try lines.setRow(row: 9, height: 30)
  #expect(throws: XlsxError.self) { try lines.writeMoney(row: 7, column: 0, pence: 1) }
  try lines.writeNumber(row: 9, column: 1, 4)
  try book.close()
  let cells = try XLSXBook(path: path).cells(sheet: "Lines")
  #expect(cells["A3"] == nil)
  #expect(cells["A6"]?.value == "2")
  #expect(cells["D6"]?.value == "1")
  #expect(cells["B10"]?.value == "4")
}

@Test func rowsInAnyOrderWithoutConstantMemory() throws {
  let (_, cells) = try roundTrip(options: WorkbookOptions(constantMemory: false)) { _, sheet in
    try sheet.writeNumber(row: 5, column: 0, 1)
    try sheet.writeNumber(row: 2, column: 0, 2)
  }
  #expect(cells["A3"]?.value == "2")
  #expect(cells["A6"]?.value == "1")
}

@Test func cellsOutsideTheGridThrow() throws {
  let path = try TemporaryFolder().url.appendingPathComponent("g.xlsx").path
  let book = try Workbook(path: path)
  let sheet = try book.addWorksheet(name: "Lines")
  for (row, column) in [(Worksheet.maxRows, 0), (0, Worksheet.maxColumns), (-1, 0), (0, -1)] {
    let error = try #require(throws: XlsxError.self) {
      try sheet.writeNumber(row: row, column: column, 1)
    }
    #expect(error.code == .worksheetIndexOutOfRange)
  }
  try sheet.writeNumber(row: Worksheet.maxRows - 1, column: Worksheet.maxColumns - 1, 1)
  try book.close()
  let cells = try XLSXBook(path: path).cells(sheet: "Lines")
  #expect(cells.count == 1)
  #expect(cells["XFD1048576"]?.value == "1")
}

@Test func tmpdirOptionIsUsed() throws {
  let folder = try TemporaryFolder().url
  let (_, cells) = try roundTrip(options: WorkbookOptions(temporaryDirectory: folder.path)) {
    _, sheet in
    try sheet.writeMoney(row: 0, column: 0, pence: 42)
  }
  #expect(cells["A1"]?.value == "0.42")
}
