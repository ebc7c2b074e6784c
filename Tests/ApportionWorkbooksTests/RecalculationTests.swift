import Foundation
import TestSupport
import Testing

/// Gnumeric recalculates every formula of the workbooks to the engine's values.
@Suite(
  .enabled(
    if: Gnumeric.runsRecalculation,
    "ssconvert (gnumeric) is not installed; recalculation tests skipped (they fail in CI)"))
struct RecalculationTests {
  @Test func sampleWorkbooksRecalculateToTheEnginesValues() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runSample(in: folder)
    try checkAllWorkbooks(run)
    for path in run.paths {
      let compared = try Gnumeric.expectRecalculationMatchesCache(path)
      #expect(compared == (try expectedFormulaCount(run, path: path)), "\(path)")
    }
  }

  @Test func randomBudgetWithThreeOrMorePartnersRecalculates() throws {
    let budget = RandomBudget(seed: 2024, partners: 3...5, lines: 40...60)
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runTexts(rules: budget.rules, budget: budget.budget, in: folder)
    #expect(run.ruleSet.partners.count == budget.partnerCount, "\(budget)")
    #expect(budget.partnerCount >= 3, "\(budget)")
    try checkAllWorkbooks(run)
    for path in run.paths {
      let compared = try Gnumeric.expectRecalculationMatchesCache(path)
      #expect(compared == (try expectedFormulaCount(run, path: path)), "\(path)")
    }
  }

  @Test func recalculatedSummaryShowsTheEnginesTotals() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runSample(in: folder)
    let summary = try Gnumeric.recalculate(run.partnershipPath)[0]
    let n = run.ruleSet.partners.count
    let totalRow = 4 + run.ruleSet.rules.count
    #expect(summary[totalRow][1] == "Total")
    for p in 0..<n {
      #expect(roundedPence(summary[totalRow][3 + p]) == run.summary.partnerTotals[p].pence)
    }
    #expect(roundedPence(summary[totalRow][3 + n]) == run.summary.total.pence)
  }
}
