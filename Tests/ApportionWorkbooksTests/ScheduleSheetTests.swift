import ApportionCore
import Foundation
import TestSupport
import Testing
import XLSXInspection

/// The Schedule sheets: the engine's monthly schedule, quarter by quarter, in the partnership
/// workbook (every partner) and in each partner's (its own column), for partners who join
/// and leave during the year; recalculated by a spreadsheet to the same numbers.
@Suite struct ScheduleSheetTests {
  /// A random budget whose partners other than the host join or leave (or both) in random
  /// months of the year.
  static func partYear(seed: UInt64) -> (budget: RandomBudget, rules: String) {
    let budget = RandomBudget(seed: seed, partners: 2...5, lines: 20...50)
    var random = SeededGenerator(seed: seed &+ 1)
    let year = FinancialYear(startYear: 2019)
    var rules = budget.rules
    for index in 2...budget.partnerCount {
      let id = "p\(index)"
      let first = Int.random(in: 0..<12, using: &random)
      let last = Int.random(in: first..<12, using: &random)
      var dates: [String] = []
      if first > 0 || Bool.random(using: &random) {
        dates.append("joins: \(year.firstDay(ofMonth: first))")
      }
      if last < 11 { dates.append("leaves: \(year.lastDay(ofMonth: last))") }
      let entry = "{ id: \(id), name: Council \(id.uppercased())"
      rules = rules.replacingOccurrences(
        of: entry + " }",
        with: entry + (dates.isEmpty ? "" : ", ") + dates.joined(separator: ", ") + " }")
    }
    return (budget, rules)
  }

  @Test(arguments: [11, 12, 13] as [UInt64])
  func partYearSchedulesAreOnTheSheetsAndRecalculate(seed: UInt64) throws {
    let (budget, rules) = Self.partYear(seed: seed)
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runTexts(rules: rules, budget: budget.budget, in: folder)
    #expect(
      run.ruleSet.partners.contains { $0.membership != .wholeYear } || budget.partnerCount < 2,
      "\(budget): some partner is part-year")
    // Every number on every sheet, the Schedule sheets among them (see `checkSchedule`).
    try checkAllWorkbooks(run)
    guard Gnumeric.runsRecalculation else { return }
    for path in run.paths {
      let compared = try Gnumeric.expectRecalculationMatchesCache(path)
      #expect(compared == (try expectedFormulaCount(run, path: path)), "\(budget): \(path)")
    }
  }

  /// A partner who is a member from November has nothing in April to October of any rule
  /// that shares among members (here every rule but the direct ones, which no line takes).
  @Test func aPartnerWhoJoinsInNovemberPaysFromNovember() throws {
    let rules = """
      agreement: Joining
      year: 2017-18
      partners:
        - { id: brent, name: Brent, host: true }
        - { id: southwark, name: Southwark, joins: 2017-11-01 }
      rules:
        - name: Shared
          basis: equal

      """
    let budget = "id,description,amount\nL1,Staff,1200.00\nL2,Contract,120.01\n"
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runTexts(rules: rules, budget: budget, in: folder)
    try checkAllWorkbooks(run)
    let southwark = try SheetCheck(
      try XLSXBook(path: run.paths[2]), path: run.paths[2], sheet: "Schedule")
    // April to October: months 0–6 are rows 4–6, 8–10 and 12.
    for row in [4, 5, 6, 8, 9, 10, 12] {
      #expect(southwark[row, 1].flatMap { roundedPence($0.value) } == 0, "row \(row)")
    }
    // From November, half of each month's 110.0008…
    let months = try #require(run.summary.schedule).byPartner[1]
    #expect(months.prefix(7).allSatisfy { $0 == .zero })
    #expect(months.suffix(5).allSatisfy { $0.pence == 5500 || $0.pence == 5501 })
    #expect(try Money.sum(months) == run.summary.partnerTotals[1])
  }
}
