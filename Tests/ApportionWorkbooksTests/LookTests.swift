import ApportionCore
import ApportionWorkbooks
import Foundation
import TestSupport
import Testing
import XLSXInspection

/// How the workbooks look to an accountant: money formats and the rules under totals, the
/// Rules sheet, short names where long ones would be cut, the properties, and the charts.
@Suite struct LookTests {
  /// The style of a cell that must be there.
  func style(_ book: XLSXBook, _ cells: [String: XLSXCell], _ reference: String) throws
    -> XLSXStyle
  {
    guard let cell = cells[reference], let style = try book.style(cell.styleIndex) else {
      throw TestFailure("no cell or style at \(reference)")
    }
    return style
  }

  static let accounting = #"_(£* #,##0.00_);_(£* (#,##0.00);_(£* "-"??_);_(@_)"#

  @Test func moneyIsInTheAccountantsFormatWithRulesUnderTotals() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runSample(in: folder)
    let book = try XLSXBook(path: run.partnershipPath)
    let summary = try book.cells(sheet: "Summary")
    let rule = try style(book, summary, "D5")
    #expect(rule.numberFormat == Self.accounting && rule.fontName == "Arial" && rule.fontSize == 10)
    // The grand total: a single rule above, a double rule under, bold.
    let total = try style(book, summary, "D10")
    #expect(total.numberFormat == Self.accounting && total.bold)
    #expect(total.borderTop == "thin" && total.borderBottom == "double")
    let label = try style(book, summary, "B10")
    #expect(label.borderTop == "thin" && label.borderBottom == "double")
    // A check reads 0.00, not a dash.
    let check = try style(book, summary, "F13")
    #expect(check.numberFormat?.contains(#"£* 0.00_)"#) == true)
    // LGA income for Lewisham is zero: a dash in the accounting format.
    #expect(summary["E6"]?.value == "0")
    let lines = try book.cells(sheet: "Lines")
    let amount = try style(book, lines, "I3")
    #expect(amount.numberFormat == Self.accounting && amount.vertical == "top")
    let rounding = try style(book, lines, "N3")
    #expect(rounding.numberFormat == #"+0.00####;-0.00####;"-""#)
  }

  @Test func theRulesSheetReadsAsATable() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runTexts(
      rules: ThreeCouncils.rules, budget: ThreeCouncils.budget(lines: 120), in: folder)
    try checkAllWorkbooks(run)  // counts, totals, shares, drivers
    let book = try XLSXBook(path: run.partnershipPath)
    let cells = try book.cells(sheet: "Rules")
    // Wrapped text and numbers top-aligned, so a rule's row reads level.
    for column in ["A", "B", "C", "D", "F", "G", "H"] {
      let style = try book.style(try #require(cells["\(column)5"], "\(column)5").styleIndex)
      #expect(style?.vertical == "top", "\(column)5")
    }
    // The number stands apart from the name.
    #expect(try book.style(try #require(cells["A5"]).styleIndex)?.horizontal == "center")
    // A totals row, and each partner's share per rule as a formula.
    #expect(cells["B12"]?.text == "Total" && cells["G12"]?.formula == "SUM(G5:G11)")
    #expect(cells["H8"]?.formula == "IF($G$8=0,0,(SUMIF(Lines_Rule,$A$8,Lines_Part_brent))/$G$8)")
    // The drivers as a table: partner by driver, each share a formula over the figures.
    #expect(cells["B14"]?.text == "Drivers")
    #expect(cells["C15"]?.text == "calls" && cells["D15"]?.text == "calls share")
    #expect(cells["B16"]?.text == "Brent" && cells["C16"]?.value == "27289")
    #expect(cells["D16"]?.formula == "IF($C$19=0,0,C16/$C$19)")
    #expect(cells["E18"]?.value == "10.25" && cells["E19"]?.formula == "SUM(E16:E18)")
    #expect(try book.definedNames()["Driver_calls"] == "'Rules'!$C$16:$C$18")
  }

  @Test func shortNamesWhereLongOnesWouldBeCut() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runTexts(
      rules: ThreeCouncils.rules, budget: ThreeCouncils.budget(lines: 60), in: folder)
    let partnership = try XLSXBook(path: run.partnershipPath)
    let summary = try partnership.cells(sheet: "Summary")
    #expect(["D4", "E4", "F4"].map { summary[$0]?.text } == ["Brent", "Lewisham", "Southwark"])
    let widths = try partnership.columnWidths(sheet: "Summary")
    #expect(widths.values.allSatisfy { $0 < 40 }, "\(widths)")
    // Headers wrap rather than widen their column.
    #expect(try partnership.style(try #require(summary["D4"]).styleIndex)?.wraps == true)
    // The full name is in the Sources sheet and the statement's title.
    let sources = try partnership.cells(sheet: "Sources").values.map(\.text)
    #expect(
      sources.contains("London Borough of Southwark (from November 2016) (Southwark in headers)"))
    #expect(
      try XLSXBook(path: run.paths[3]).sheetNames == ["Southwark", "Schedule", "Lines", "Sources"])
  }

  @Test func propertiesSayWhatTheFileIsAndWhichDateItCarries() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runSample(in: folder)
    let book = try XLSXBook(path: run.partnershipPath)
    let core = try book.coreProperties()
    #expect(core["dc:title"] == "Brent and Lewisham ICT Shared Service 2016-17: apportionment")
    #expect(core["dc:subject"]?.isEmpty == false)
    #expect(
      core["cp:keywords"]
        == "apportionment, Brent and Lewisham ICT Shared Service, 2016-17, Brent, Lewisham")
    #expect(core["dcterms:created"] == "2016-04-01T00:00:00Z")
    #expect(try book.appProperties()["Company"] == "Brent")
    #expect(try book.customProperties()["Generator"] == "apportion test with libxlsxwriter 1.1.4")
    let statement = try XLSXBook(path: run.paths[2]).coreProperties()
    #expect(
      statement["dc:title"]
        == "Brent and Lewisham ICT Shared Service 2016-17: statement for Lewisham")
    // Sources says which date the file carries and why.
    let sources = try SheetCheck(book, path: run.partnershipPath, sheet: "Sources")
    let row = try #require(sources.row(withText: "Workbook date"))
    #expect(
      sources[row, 1]?.text
        == "2016-04-01T00:00:00Z: 1 April 2016, the start of the financial year 2016-17: a fixed "
        + "date, so that rerunning with the same inputs gives byte-identical files; not when the "
        + "file was written (set SOURCE_DATE_EPOCH to choose another).")
    let epoch = RunSources.creation(year: "2016-17", sourceDateEpoch: "1700000000")
    #expect(epoch.because.hasPrefix("from SOURCE_DATE_EPOCH=1700000000"))
  }

  @Test func chartsCarryTheirDataForViewersThatDoNotRecalculate() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runSample(in: folder)
    let book = try XLSXBook(path: run.partnershipPath)
    let charts = book.chartParts
    #expect(charts.count == 2)
    let totals = try book.element(part: charts[0])
    #expect(
      totals.descendants(named: "a:t").first?.text == "Total payable by each partner, 2016-17")
    let values = totals.descendants(named: "c:numCache").first?.descendants(named: "c:v")
    #expect(values?.map { roundedPence($0.text) } == run.summary.partnerTotals.map(\.pence))
    #expect(
      totals.descendants(named: "c:strCache").first?.descendants(named: "c:v").map(\.text)
        == ["Brent", "Lewisham"])
    #expect(totals.descendants(named: "c:showVal").first?.attributes["val"] == "1")
    let byRule = try book.element(part: charts[1])
    #expect(byRule.descendants(named: "c:grouping").first?.attributes["val"] == "stacked")
    let series = byRule.descendants(named: "c:ser")
    #expect(series.count == run.ruleSet.rules.count)
    for (r, one) in series.enumerated() {
      let name = one.descendants(named: "c:tx").first?.descendants(named: "c:v").first?.text
      #expect(name == run.ruleSet.rules[r].name)
      let points = one.descendants(named: "c:numCache").first?.descendants(named: "c:v")
      #expect(points?.map { roundedPence($0.text) } == run.summary.byRule[r].map(\.pence))
    }
  }
}
