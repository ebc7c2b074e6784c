import ApportionCore
import ApportionIO
import ApportionWorkbooks
import Foundation
import TestSupport
import Testing
import XLSXInspection

/// `plan.xlsx`: its numbers are the plan's, and Gnumeric recalculates its formulas to them.
@Suite("Plan workbook")
struct PlanWorkbookTests {
  static func packagePath(_ relative: String) -> String {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/") + "/" + relative
  }

  func write(_ sample: String, in folder: TemporaryFolder) throws -> (String, PlanResult) {
    let result = try PlanRunner.load(Self.packagePath("Samples/plans/\(sample)")).run()
    let path = folder.url.appendingPathComponent("plan.xlsx").path
    try PlanWorkbook.write(
      result, path: path,
      created: RunSources.creationTime(year: "2016-17", sourceDateEpoch: nil),
      toolVersion: "test")
    return (path, result)
  }

  @Test("a sheet per measure; each partner's net by year; savings and shortfalls")
  func numbers() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let (path, result) = try write("five-years.yaml", in: folder)
    let book = try XLSXBook(path: path)
    #expect(book.sheetNames == ["Net", "Cost", "Income", "Savings"])
    let columns = ["B", "C", "D", "E", "F"]
    for (p, partner) in result.partners.enumerated() {
      #expect(try book.cell(sheet: "Net", "A\(5 + p)")?.text == partner.name)
      for (y, year) in result.years.enumerated() {
        let cell = try book.cell(sheet: "Net", "\(columns[y])\(5 + p)")
        #expect(cell.flatMap { pence($0.value) } == year.net(of: partner.id)?.pence)
      }
    }
    // Savings: the Saving block, then Target, then Shortfall (Brent's 2017-18: £91,294.47).
    #expect(try book.cell(sheet: "Savings", "A4")?.text == "Saving")
    #expect(try book.cell(sheet: "Savings", "B5")?.value == "1658072.63")
    #expect(try book.cell(sheet: "Savings", "A14")?.text == "Shortfall")
    #expect(try book.cell(sheet: "Savings", "C15")?.value == "91294.47")
  }

  @Test(
    "formulas recalculate to the cached values",
    .enabled(if: Gnumeric.runsRecalculation, "ssconvert (gnumeric) is not installed"),
    arguments: ["five-years.yaml", "oneoracle-shared.yaml"])
  func recalculates(_ sample: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let (path, result) = try write(sample, in: folder)
    let compared = try Gnumeric.expectRecalculationMatchesCache(path)
    // Net, Cost and Income: an All years SUM per partner and a Total row of SUMs; Savings
    // (three blocks) and Hosting (four rows, then the partners) an All years SUM per row.
    let partners = result.partners.count
    let years = result.years.count
    var expected = 3 * (partners + years + 1)
    if sample == "five-years.yaml" { expected += 3 * partners }
    if result.hosting != nil { expected += 4 + partners }
    #expect(compared == expected)
  }
}
