import ApportionCore
import Foundation
import TestSupport
import Testing
import XLSXInspection

/// The Lines sheet as a ledger a finance officer can filter, pivot and reconcile: every
/// budget column, numbers as numbers, totals that follow the filter, readable columns, rule
/// numbers that cannot be mistyped, rounding made visible, and not 200 pages of print.
@Suite struct LinesSheetTests {
  static func sample(in folder: URL) throws -> (WorkbookRun, XLSXBook) {
    let run = try runSample(in: folder)
    return (run, try XLSXBook(path: run.partnershipPath))
  }

  @Test func everyBudgetColumnIsKeptInBudgetOrder() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let (_, book) = try Self.sample(in: folder)
    let cells = try book.cells(sheet: "Lines")
    let header = (0..<11).map { cells[a1(1, $0)]?.text }
    // The sample's header: id,description,amount,category,team,grade,council,lga_share,cost_centre
    #expect(
      header == [
        "Id", "Description", "category", "team", "grade", "council", "lga_share", "cost_centre",
        "Amount", "Rule no.", "Rule",
      ])
    #expect(cells["H3"]?.text == "ICT100" && cells["D3"]?.text == "Head of Digital Services")
    #expect(try book.definedNames()["Lines_cost_centre"] == "'Lines'!$H$3:$H$107")
    // The budget's headers look like the others: the same header style, wrapped.
    let styles = try [0, 2, 7].map { try book.style(try #require(cells[a1(1, $0)]).styleIndex) }
    #expect(
      styles.allSatisfy { $0?.bold == true && $0?.wraps == true && $0?.borderBottom == "thin" })
  }

  @Test func numbersAreNumbersAndCodesStayText() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let budget = """
      id,description,amount,lga_share,account,fte,note,big
      A1,One,10.00,0.5,01234,1,x,1234567890123456
      A2,Two,20.00,0,2000,,7,1
      A3,Three,30.00,,0300,12.25,y,2

      """
    let rules = """
      year: 2016-17
      partners: [{ id: a }, { id: b }]
      rules:
        - name: All
          basis: equal

      """
    let run = try runTexts(rules: rules, budget: budget, in: folder)
    try checkAllWorkbooks(run)
    let cells = try XLSXBook(path: run.partnershipPath).cells(sheet: "Lines")
    // lga_share (C) and fte (E) are numbers as written; account (D, leading zeros), note
    // (F, not all numbers) and big (G, 16 digits) stay text.
    #expect(cells["C3"]?.kind == .number && cells["C3"]?.value == "0.5")
    #expect(cells["C4"]?.kind == .number && cells["C4"]?.value == "0")
    #expect(cells["E5"]?.kind == .number && cells["E5"]?.value == "12.25")
    #expect(cells["D3"]?.kind == .string && cells["D3"]?.text == "01234")
    #expect(cells["D4"]?.kind == .string && cells["D4"]?.text == "2000")
    #expect(cells["F4"]?.kind == .string && cells["F4"]?.text == "7")
    #expect(cells["G3"]?.kind == .string && cells["G3"]?.text == "1234567890123456")
    // Counts are numbers on Sources too.
    let sources = try SheetCheck(XLSXBook(path: run.partnershipPath), path: "", sheet: "Sources")
    let row = try #require(sources.row(withText: "Budget lines"))
    #expect(sources[row, 1]?.kind == .number && sources[row, 1]?.value == "3")
  }

  @Test func theTotalsRowAddsUpTheVisibleLines() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let (run, book) = try Self.sample(in: folder)
    let cells = try book.cells(sheet: "Lines")
    #expect(cells["B1"]?.text == "Total of the visible lines (follows the filter)")
    #expect(cells["I1"]?.formula == "IFERROR(SUBTOTAL(109,Lines_Amount),SUBTOTAL(9,Lines_Amount))")
    #expect(cells["L1"]?.formula?.contains("SUBTOTAL(109,Lines_Part_brent)") == true)
    #expect(cells["A1"]?.formula?.contains("SUBTOTAL(103,Lines_Id)") == true)
    // The Summary adds up every line whatever the filter: SUMIF, not SUBTOTAL.
    let summary = try book.cells(sheet: "Summary")
    #expect(summary["D5"]?.formula == "SUMIF(Lines_Rule,$A$5,Lines_Part_brent)")
    // Frozen above the filter: the totals row is row 1, the filter starts at the header.
    let xml = try book.rawXML(part: book.partName(sheet: "Lines"))
    #expect(xml.contains("<autoFilter ref=\"A2:P107\"/>") && xml.contains("ySplit=\"2\""))
    _ = run
  }

  @Test(
    .enabled(if: LibreOffice.soffice != nil, "LibreOffice is not installed; skipped"))
  func filteringToOneCategoryChangesTheTotalsRowButNotTheSummary() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let (run, book) = try Self.sample(in: folder)
    // Filter the Lines sheet to category "staff" as a person would: the other rows hidden and
    // the filter recorded on the category column.
    let filtered = folder.appendingPathComponent("filtered.xlsx").path
    try XLSXBook.rewrite(
      run.partnershipPath, to: filtered, part: try book.partName(sheet: "Lines")
    ) { xml in
      var out = xml.replacingOccurrences(
        of: "<autoFilter ref=\"A2:P107\"/>",
        with: "<autoFilter ref=\"A2:P107\"><filterColumn colId=\"2\"><filters>"
          + "<filter val=\"staff\"/></filters></filterColumn></autoFilter>")
      for result in run.results.enumerated() where result.element.line.value(at: 3) != "staff" {
        let row = result.offset + 3
        out = out.replacingOccurrences(
          of: "<row r=\"\(row)\"", with: "<row r=\"\(row)\" hidden=\"1\"")
      }
      return out
    }
    let staff = run.results.filter { $0.line.value(at: 3) == "staff" }
    let amount = try Money.sum(staff.map(\.line.amount))
    let brent = try Money.sum(staff.map { $0.parts[0] })
    let sheets = try LibreOffice.recalculate(filtered)
    let lines = try #require(sheets["Lines"])
    #expect(lines[0][0] == "\(staff.count)")
    #expect(roundedPence(lines[0][8]) == amount.pence)
    #expect(roundedPence(lines[0][11]) == brent.pence)
    let summary = try #require(sheets["Summary"])
    let totalRow = 4 + run.ruleSet.rules.count
    #expect(roundedPence(summary[totalRow][5]) == run.summary.total.pence)
    #expect(roundedPence(summary[totalRow][3]) == run.summary.partnerTotals[0].pence)
  }

  @Test func readableColumnsAndHeaders() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let (_, book) = try Self.sample(in: folder)
    let widths = try book.columnWidths(sheet: "Lines")
    // Descriptions are shown up to 70 characters wide (they were cut at 60), longer ones
    // wrap in taller rows.
    #expect((widths[1] ?? 0) > 75)
    let cells = try book.cells(sheet: "Lines")
    let long = try #require(
      cells.values.first { $0.reference.hasPrefix("B") && $0.text.count > 100 })
    #expect(try book.style(long.styleIndex)?.wraps == true)
    let row = try #require(rowAndColumn(long.reference)?.row)
    let height = try book.elements("row", sheet: "Lines").first {
      $0.attributes["r"] == "\(row + 1)"
    }
    #expect((height?.attributes["ht"].flatMap(Double.init) ?? 15) >= 26)
    // The rule number is centred apart from the rule's name, its header too.
    #expect(try book.style(try #require(cells["J3"]).styleIndex)?.horizontal == "center")
    #expect(try book.style(try #require(cells["J2"]).styleIndex)?.horizontal == "center")
    #expect(try book.style(try #require(cells["K3"]).styleIndex)?.horizontal == nil)
    // Every cell of a line is top-aligned, so that a wrapped description keeps the row level.
    for column in ["A", "C", "I", "J", "L", "N"] {
      #expect(try book.style(try #require(cells["\(column)3"]).styleIndex)?.vertical == "top")
    }
  }

  @Test func theLinesPrintOnlyWhenAsked() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runTexts(
      rules: ThreeCouncils.rules, budget: ThreeCouncils.budget(lines: 300), in: folder,
      maxLinesPerSheet: 200)
    for path in run.paths {
      let book = try XLSXBook(path: path)
      let names = try book.definedNames()
      for (index, sheet) in book.sheetNames.enumerated() where sheet.hasPrefix("Lines") {
        let quoted = sheet.contains(" ") ? "'\(sheet)'" : sheet
        #expect(names["\(index)!_xlnm.Print_Area"] == "\(quoted)!$A$1:$B$1", "\(path) \(sheet)")
        let header = try book.elements("oddHeader", sheet: sheet).first?.text ?? ""
        #expect(header.contains("clear the print area to print them"), "\(header)")
      }
    }
  }

  @Test func roundingIsShownLineByLineAndEvensOutWithinEachRule() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runTexts(
      rules: ThreeCouncils.rules, budget: ThreeCouncils.budget(lines: 300), in: folder)
    // checkAllWorkbooks compares every rounding cell with part − exact share; here the
    // cells of each rule add up to less than a penny, partner by partner.
    try checkAllWorkbooks(run)
    let cells = try XLSXBook(path: run.partnershipPath).cells(sheet: "Lines")
    let header = cells.values.filter { $0.text.hasPrefix("Rounding ") }
      .compactMap { rowAndColumn($0.reference)?.column }.sorted()
    #expect(header.count == 3)
    var sums = Array(repeating: Array(repeating: 0.0, count: 3), count: run.ruleSet.rules.count)
    for (index, result) in run.results.enumerated() {
      for (p, column) in header.enumerated() {
        sums[result.ruleIndex][p] += Double(cells[a1(index + 2, column)]?.value ?? "") ?? .nan
      }
    }
    for (r, rule) in sums.enumerated() {
      for sum in rule { #expect(abs(sum) < 1 + 1e-6, "rule \(r + 1): \(sum)p") }
    }
    // Some lines do carry an odd penny, and the column shows it.
    #expect(
      run.results.indices.contains { index in
        header.contains { abs(Double(cells[a1(index + 2, $0)]?.value ?? "0") ?? 0) >= 0.5 }
      })
  }

  @Test func ruleNumbersAreValidatedAndRowsTypedBelowTurnRed() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let (run, book) = try Self.sample(in: folder)
    for path in run.paths {
      let book = try XLSXBook(path: path)
      let validation = try #require(try book.elements("dataValidation", sheet: "Lines").first)
      #expect(
        validation.attributes["type"] == "whole" && validation.attributes["sqref"] == "J3:J1048576")
      #expect(validation.children(named: "formula2").first?.text == "5")
      let below = try book.elements("conditionalFormatting", sheet: "Lines")
        .first { $0.attributes["sqref"]?.hasPrefix("A108:") == true }
      #expect(below?.children.first?.attributes["type"] == "notContainsBlanks", "\(path)")
    }
    // The partnership's check column lights up, and so does its total.
    let formats = try book.elements("conditionalFormatting", sheet: "Lines")
      .map { $0.attributes["sqref"] ?? "" }
    #expect(formats.contains("P3:P107") && formats.contains("P1"))
  }
}
