import Foundation
import TestSupport
import Testing
import XLSXInspection
import XlsxWriter

@Test func moneyCellsHoldTheExactAmount() throws {
  let amounts: [Int64] = [
    123_457, -123_457, 0, 1, -1, 5, 10, 99, 100, 814, 803, 1_999_999, 7_001_234_567,
    Worksheet.maxExactPence, -Worksheet.maxExactPence, 900_719_925_474_099, 123_456_789_012_345,
  ]
  let (_, cells) = try roundTrip { _, sheet in
    for (row, pence) in amounts.enumerated() {
      try sheet.writeMoney(row: row, column: 1, pence: pence)
    }
  }
  #expect(cells["B1"]?.value == "1234.57")
  #expect(cells["B2"]?.value == "-1234.57")
  #expect(cells["B3"]?.value == "0")
  for (row, pence) in amounts.enumerated() {
    let cell = try #require(cells["B\(row + 1)"])
    #expect(cell.kind == .number)
    // The stored text reads back as exactly the Double nearest to the decimal amount...
    #expect(Double(cell.value) == Double(pence) / 100, "pence \(pence): \(cell.value)")
    // ...and rounds to the exact amount at two decimals.
    #expect(roundedPence(cell.value) == pence, "pence \(pence)")
  }
}

@Test func manyRandomAmountsRoundTrip() throws {
  var generator = SystemRandomNumberGenerator()
  let amounts = (0..<2_000).map { i -> Int64 in
    let digits = Int64(i % 15) + 1
    var limit: Int64 = 1
    for _ in 0..<digits { limit *= 10 }
    return Int64.random(in: -(limit - 1)...(limit - 1), using: &generator)
  }
  let (_, cells) = try roundTrip { _, sheet in
    for (row, pence) in amounts.enumerated() {
      try sheet.writeMoney(row: row, column: 0, pence: pence)
    }
  }
  for (row, pence) in amounts.enumerated() {
    let text = try #require(cells["A\(row + 1)"]).value
    #expect(Double(text) == Double(pence) / 100, "pence \(pence): \(text)")
    #expect(roundedPence(text) == pence, "pence \(pence): \(text)")
  }
}

@Test func libxlsxwriterStoresSixteenSignificantDigits() throws {
  // Debian's libxlsxwriter 1.1.4 formats with "%.16G": 8.14 is stored with a trailing 1.
  let (_, cells) = try roundTrip { _, sheet in
    try sheet.writeMoney(row: 0, column: 0, pence: 814)
  }
  #expect(cells["A1"]?.value == "8.140000000000001")
  #expect(Double(cells["A1"]?.value ?? "") == 8.14)
}

@Test(arguments: [
  Worksheet.maxExactPence + 1, -Worksheet.maxExactPence - 1, Int64(1) << 53, Int64.max,
  Int64.min,
])
func amountsBeyondFifteenDigitsAreRefused(_ pence: Int64) throws {
  let path = try TemporaryFolder().url.appendingPathComponent("big.xlsx").path
  let book = try Workbook(path: path)
  let sheet = try book.addWorksheet(name: "Lines")
  let error = try #require(throws: XlsxError.self) {
    try sheet.writeMoney(row: 11, column: 1, pence: pence)
  }
  #expect(error.operation == .writeCell)
  #expect(error.sheet == "Lines")
  #expect(error.cell == "B12")
  #expect(error.description.hasPrefix("cannot write cell Lines!B12: "))
  #expect(throws: XlsxError.self) {
    try sheet.writeFormula(row: 11, column: 2, "B12", cachedPence: pence)
  }
}

@Test func nonFiniteNumbersAreRefused() throws {
  let path = try TemporaryFolder().url.appendingPathComponent("nan.xlsx").path
  let book = try Workbook(path: path)
  let sheet = try book.addWorksheet(name: "Lines")
  for value in [Double.nan, .infinity, -.infinity] {
    #expect(throws: XlsxError.self) { try sheet.writeNumber(row: 0, column: 0, value) }
    #expect(throws: XlsxError.self) {
      try sheet.writeFormula(row: 0, column: 1, "1/0", cachedValue: value)
    }
  }
}

@Test func negativeZeroIsStoredAsZero() throws {
  let (_, cells) = try roundTrip { _, sheet in try sheet.writeNumber(row: 0, column: 0, -0.0) }
  #expect(cells["A1"]?.value == "0")
}

@Test func moneyFormatIsApplied() throws {
  let (book, cells) = try roundTrip { workbook, sheet in
    let money = try workbook.addFormat(FormatSpecification(numberFormat: "#,##0.00;[Red]-#,##0.00"))
    try sheet.writeMoney(row: 0, column: 0, pence: -250, format: money)
  }
  let cell = try #require(cells["A1"])
  #expect(cell.styleIndex != 0)
  #expect(try book.numberFormat(styleIndex: cell.styleIndex) == "#,##0.00;[Red]-#,##0.00")
}
