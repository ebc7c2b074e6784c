import Foundation
import TestSupport
import Testing
import XLSXInspection
import XlsxWriter

@Test func formulasKeepTextAndCachedValue() throws {
  let (_, cells) = try roundTrip { _, sheet in
    try sheet.writeMoney(row: 0, column: 1, pence: 500)
    try sheet.writeMoney(row: 1, column: 1, pence: 750)
    try sheet.writeFormula(row: 2, column: 1, "SUM(B1:B2)", cachedPence: 1_250)
    try sheet.writeFormula(row: 3, column: 1, "=B3*2", cachedValue: 25)
  }
  let total = try #require(cells["B3"])
  #expect(total.kind == .formula)
  #expect(total.formula == "SUM(B1:B2)")
  #expect(total.value == "12.5")
  #expect(cells["B4"]?.formula == "B3*2")  // libxlsxwriter strips the leading '='
  #expect(cells["B4"]?.value == "25")
}

private func ssconvertPath() -> String? {
  ["/usr/bin/ssconvert", "/usr/local/bin/ssconvert"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }
}

@Test(
  .enabled(if: ssconvertPath() != nil, "ssconvert (gnumeric) is not installed; skipping recalc"))
func gnumericRecalculatesToTheCachedValues() throws {
  let folder = try TemporaryFolder().url
  let path = folder.appendingPathComponent("recalc.xlsx").path
  let book = try Workbook(path: path)
  let sheet = try book.addWorksheet(name: "Lines")
  let amounts: [Int64] = [123_457, -2_001, 99, 1_000_000_001, 33_333]
  for (row, pence) in amounts.enumerated() {
    try sheet.writeMoney(row: row, column: 0, pence: pence)
  }
  let total = amounts.reduce(0, +)
  let n = amounts.count
  try sheet.writeFormula(row: n, column: 0, "SUM(A1:A\(n))", cachedPence: total)
  // 1_000_154_889 / 3 = 333_384_963 exactly
  try sheet.writeFormula(row: n + 1, column: 0, "ROUND(A\(n + 1)/3,2)", cachedPence: 333_384_963)
  try book.close()

  let csv = folder.appendingPathComponent("recalc.csv").path
  let process = Process()
  process.executableURL = URL(fileURLWithPath: try #require(ssconvertPath()))
  process.arguments = ["--recalc", path, csv]
  process.standardError = FileHandle.nullDevice
  process.standardOutput = FileHandle.nullDevice
  try process.run()
  process.waitUntilExit()
  #expect(process.terminationStatus == 0)
  let lines = try String(contentsOfFile: csv, encoding: .utf8)
    .split(whereSeparator: \.isNewline).map(String.init)
  #expect(lines.count == n + 2)
  let cached = try XLSXBook(path: path).cells(sheet: "Lines")
  for (row, line) in lines.enumerated() {
    let recalculated = try #require(Double(line), "row \(row + 1): \(line)")
    let stored = try #require(Double(cached["A\(row + 1)"]?.value ?? ""))
    #expect(recalculated == stored, "row \(row + 1)")
  }
  #expect(Double(lines[n]) == Double(total) / 100)
}
