import ApportionCore
import Foundation
import TestSupport
import Testing

/// Every money cell and every formula's cached value in every workbook equals the engine's
/// result, to the penny.
@Suite struct NumberTests {
  @Test func sampleWorkbooksHoldTheEnginesNumbers() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runSample(in: folder)
    #expect(run.results.count == 105)
    #expect(run.summary.total == (try Money(parsing: "7549144.50")))
    try checkAllWorkbooks(run)
  }

  @Test(arguments: Array(UInt64(1)...UInt64(12)))
  func randomBudgetWorkbooksHoldTheEnginesNumbers(seed: UInt64) throws {
    let budget = RandomBudget(seed: seed)
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runTexts(rules: budget.rules, budget: budget.budget, in: folder)
    #expect(run.results.count == budget.lineCount, "\(budget)")
    try checkAllWorkbooks(run)
  }

  @Test(
    arguments: [
      ("8.140000000000001", 814), ("1310058.99999999999", 131_005_900), ("-0.005", -1),
      ("-1.16415321826935E-10", 0), ("12", 1200), ("1.5E3", 150_000), ("0.994999", 99),
      ("-435168.27000000000001", -43_516_827), ("abc", nil), ("", nil),
    ] as [(String, Int64?)])
  func numberTextRoundsExactly(text: String, pence: Int64?) {
    #expect(roundedPence(text) == pence)
  }
}
