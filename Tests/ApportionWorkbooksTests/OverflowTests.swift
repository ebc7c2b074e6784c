import ApportionCore
import Foundation
import TestSupport
import Testing
import XLSXInspection

/// Lines sheets that overflow onto `Lines 2`, `Lines 3`…
@Suite struct OverflowTests {
  static func overflowRun(in folder: URL) throws -> WorkbookRun {
    let budget = RandomBudget(seed: 77, partners: 3...3, lines: 20...20)
    return try runTexts(rules: budget.rules, budget: budget.budget, in: folder, maxLinesPerSheet: 7)
  }

  @Test func linesContinueOnFurtherSheetsWithTheirOwnTotals() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try Self.overflowRun(in: folder)
    #expect(run.results.count == 20)
    try checkAllWorkbooks(run)
    let book = try XLSXBook(path: run.partnershipPath)
    #expect(
      book.sheetNames == ["Summary", "Schedule", "Lines", "Lines 2", "Lines 3", "Rules", "Sources"])
    // Totals rows above 7, 7 and 6 lines, each adding up its own sheet's named range.
    let names = try book.definedNames()
    for (index, (sheet, last)) in [("Lines", 9), ("Lines 2", 9), ("Lines 3", 8)].enumerated() {
      let cells = try book.cells(sheet: sheet)
      let prefix = linesPrefix(index)
      #expect(cells["F1"]?.formula == visibleFormula("\(prefix)_Amount"), "\(sheet)")
      #expect(names["\(prefix)_Amount"] == "'\(sheet)'!$F$3:$F$\(last)", "\(sheet)")
      #expect(cells["A\(last + 1)"] == nil, "\(sheet)")
    }
    let summary = try book.cells(sheet: "Summary")
    let rules = try book.cells(sheet: "Rules")
    let formulas = [summary["C5"], summary["D5"], summary["F5"], rules["F5"], rules["G5"]]
    for formula in formulas.map({ $0?.formula ?? "" }) {
      for prefix in ["Lines_Rule,", "Lines2_Rule,", "Lines3_Rule,"] {
        #expect(formula.contains(prefix), "\(formula) does not reach \(prefix)")
      }
    }
    for path in run.paths.dropFirst() {
      let names = try XLSXBook(path: path).sheetNames
      #expect(names.dropFirst() == ["Schedule", "Lines", "Lines 2", "Lines 3", "Sources"])
    }
  }

  @Test(
    .enabled(
      if: Gnumeric.runsRecalculation, "ssconvert (gnumeric) is not installed; skipped locally"))
  func overflowSheetsRecalculateToTheEnginesTotals() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try Self.overflowRun(in: folder)
    try checkAllWorkbooks(run)
    for path in run.paths {
      let compared = try Gnumeric.expectRecalculationMatchesCache(path)
      #expect(compared == (try expectedFormulaCount(run, path: path)), "\(path)")
    }
  }

  @Test func partnerNamedLikeAnOverflowSheet() throws {
    let ruleSet = RuleSet(
      agreement: "Overflow", year: "2016-17",
      partners: [
        Partner(id: PartnerID("a"), name: "Lines 2", shortName: "Lines 2"),
        Partner(id: PartnerID("b"), name: "Lines 3", shortName: "Lines 3"),
      ],
      rules: [Rule(name: "All", basis: .equal(among: nil))])
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let rows = (1...10).map { ["L\($0)", "Line \($0)", "\($0).01"] }
    let run = try runInCode(
      ruleSet: ruleSet, columns: ["id", "description", "amount"], rows: rows,
      out: folder.appendingPathComponent("out"), maxLinesPerSheet: 4)
    try checkAllWorkbooks(run)
    for path in run.paths.dropFirst() {
      let names = try XLSXBook(path: path).sheetNames
      #expect(
        names.dropFirst() == ["Schedule", "Lines", "Lines 2", "Lines 3", "Sources"], "\(names)")
      #expect(Set(names).count == names.count, "\(names)")
    }
  }
}
