import Foundation
import XLSXInspection
import XlsxWriter

/// A fresh folder under the system temporary directory for one test's files.
func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("XlsxWriterTests-\(UUID().uuidString)", isDirectory: true)
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Writes a one-sheet workbook with `body`, closes it and opens it for inspection.
func roundTrip(
  sheet: String = "Lines", options: WorkbookOptions = WorkbookOptions(),
  _ body: (Workbook, Worksheet) throws -> Void
) throws -> (book: XLSXBook, cells: [String: XLSXCell]) {
  let path = try temporaryFolder().appendingPathComponent("out.xlsx").path
  let workbook = try Workbook(path: path, options: options)
  let worksheet = try workbook.addWorksheet(name: sheet)
  try body(workbook, worksheet)
  try workbook.close()
  let book = try XLSXBook(path: path)
  return (book, try book.cells(sheet: sheet))
}

/// The exact decimal text of an amount in pence: 123457 → "1234.57", -5 → "-0.05".
func decimalText(pence: Int64) -> String {
  let sign = pence < 0 ? "-" : ""
  let magnitude = pence.magnitude
  let fraction = magnitude % 100
  return sign + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
}

/// The stored number text rounded to two decimals, as exact decimal text.
func roundedToPence(_ text: String) -> String? {
  guard let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
    return nil
  }
  var value = decimal
  var rounded = Decimal()
  NSDecimalRound(&rounded, &value, 2, .plain)
  let pence = NSDecimalNumber(decimal: rounded * 100).int64Value
  return decimalText(pence: pence)
}
