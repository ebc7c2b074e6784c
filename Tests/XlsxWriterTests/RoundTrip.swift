import Foundation
import TestSupport
import XLSXInspection
import XlsxWriter

/// Writes a one-sheet workbook with `body`, closes it and opens it for inspection.
func roundTrip(
  sheet: String = "Lines", options: WorkbookOptions = WorkbookOptions(),
  _ body: (Workbook, Worksheet) throws -> Void
) throws -> (book: XLSXBook, cells: [String: XLSXCell]) {
  let path = try TemporaryFolder().url.appendingPathComponent("out.xlsx").path
  let workbook = try Workbook(path: path, options: options)
  let worksheet = try workbook.addWorksheet(name: sheet)
  try body(workbook, worksheet)
  try workbook.close()
  let book = try XLSXBook(path: path)
  return (book, try book.cells(sheet: sheet))
}
