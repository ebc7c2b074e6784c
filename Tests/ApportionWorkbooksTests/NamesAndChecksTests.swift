import ApportionCore
import Foundation
import TestSupport
import Testing
import XLSXInspection

/// Formulas a person can read (defined names, the rule's number by reference), edits that
/// cannot slip through (a changed rule number changes the name and the totals; a row typed
/// below the lines shows in a check), and checks that light up.
@Suite struct NamesAndChecksTests {
  @Test func formulasUseNamesNotColumnLetters() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runSample(in: folder)
    let partnership = try XLSXBook(path: run.partnershipPath)
    let names = try partnership.definedNames()
    for name in [
      "Lines_Id", "Lines_Amount", "Lines_Rule", "Lines_Part_brent", "Lines_Part_lewisham",
      "Lines_Rounding_brent", "Lines_Check", "Lines_lga_share", "Rules_Name", "Rules_Number",
      "Budget_Total", "Check_Total", "Check_Lines",
    ] {
      #expect(names[name] != nil, "partnership.xlsx has no \(name)")
    }
    #expect(names["Rules_Name"] == "'Rules'!$B$5:$B$9")
    #expect(names["Check_Total"] == "'Summary'!$F$13:$F$13")
    let brent = try XLSXBook(path: run.paths[1]).definedNames()
    for name in [
      "Lines_Part", "Lines_Rounding", "Lines_Share", "Rules_Name", "Payable", "Check_Statement",
    ] {
      #expect(brent[name] != nil, "brent.xlsx has no \(name)")
    }
    #expect(brent["Rules_Name"] == "'Brent'!$B$9:$B$13")
    for path in run.paths {
      let book = try XLSXBook(path: path)
      for sheet in book.sheetNames {
        for cell in try book.cells(sheet: sheet).values {
          guard let formula = cell.formula else { continue }
          let place = "\((path as NSString).lastPathComponent) \(sheet)!\(cell.reference)"
          // Another sheet only by a defined name (or the whole of column A, to count rows).
          #expect(!formula.contains("!") || formula.hasPrefix("COUNTA("), "\(place): \(formula)")
          // No literal rule numbers: the criterion is the rule's number cell.
          #expect(formula.firstMatch(of: /(SUMIF|COUNTIF)\([A-Za-z_0-9]+,[0-9]/) == nil, "\(place)")
        }
      }
    }
  }

  @Test(
    .enabled(
      if: Gnumeric.runsRecalculation, "ssconvert (gnumeric) is not installed; skipped locally"))
  func aChangedRuleNumberChangesTheNameAndTheTotals() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runSample(in: folder)
    #expect(run.results[0].ruleIndex == 2)  // ST-001, Staff
    let edited = folder.appendingPathComponent("edited.xlsx").path
    let book = try XLSXBook(path: run.partnershipPath)
    try XLSXBook.rewrite(run.partnershipPath, to: edited, part: try book.partName(sheet: "Lines")) {
      xml in
      let cell = try #require(xml.firstMatch(of: /<c r="J3"[^>]*><v>3<\/v><\/c>/))
      return xml.replacingCharacters(
        in: cell.range, with: cell.output.replacingOccurrences(of: "<v>3</v>", with: "<v>1</v>"))
    }
    let sheets = try Gnumeric.recalculate(edited)
    let lines = sheets[try #require(book.sheetNames.firstIndex(of: "Lines"))]
    #expect(lines[2][10] == run.ruleSet.rules[0].name, "the name follows the number")
    let summary = sheets[0]
    #expect(summary[4][2] == "\(run.summary.ruleLineCounts[0] + 1)")
    #expect(summary[6][2] == "\(run.summary.ruleLineCounts[2] - 1)")
    let moved = run.results[0].parts[0]
    #expect(
      roundedPence(summary[4][3]) == (try run.summary.byRule[0][0] + moved).pence,
      "Brent's total for rule 1 takes the line's part")
    // Every line is still in the totals: the checks read 0.
    let totalRow = 4 + run.ruleSet.rules.count
    #expect(roundedPence(summary[totalRow + 3][5]) == 0)
    #expect(summary[totalRow + 5][5] == "0")
  }

  @Test(
    .enabled(
      if: Gnumeric.runsRecalculation, "ssconvert (gnumeric) is not installed; skipped locally"))
  func aRowTypedBelowTheLinesShowsInTheCheck() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runSample(in: folder)
    let edited = folder.appendingPathComponent("edited.xlsx").path
    let book = try XLSXBook(path: run.partnershipPath)
    try XLSXBook.rewrite(run.partnershipPath, to: edited, part: try book.partName(sheet: "Lines")) {
      $0.replacingOccurrences(
        of: "</sheetData>",
        with: "<row r=\"110\"><c r=\"A110\" t=\"inlineStr\"><is><t>NEW-1</t></is></c>"
          + "<c r=\"I110\"><v>500</v></c><c r=\"J110\"><v>5</v></c></row></sheetData>")
    }
    let summary = try Gnumeric.recalculate(edited)[0]
    let totalRow = 4 + run.ruleSet.rules.count
    #expect(summary[totalRow + 4][5] == "\(run.summary.lineCount + 1)")
    #expect(summary[totalRow + 5][5] == "1", "the line check no longer reads 0")
  }

  @Test func everyCheckLightsUp() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runSample(in: folder)
    let book = try XLSXBook(path: run.partnershipPath)
    let names = try book.definedNames()
    let formats = try book.elements("conditionalFormatting", sheet: "Summary")
    for name in ["Check_Total", "Check_Lines"] {
      let cell = try #require(names[name]).split(separator: "!").last.map {
        String($0.split(separator: ":")[0]).replacingOccurrences(of: "$", with: "")
      }
      let format = try #require(formats.first { $0.attributes["sqref"] == cell }, "\(name)")
      #expect(
        format.children.map { $0.attributes["operator"] } == ["equal", "notEqual"], "\(name)")
    }
    // Green and red: the two differential formats.
    let fills = try book.element(part: "xl/styles.xml").descendants(named: "dxf")
      .compactMap { $0.descendants(named: "bgColor").first?.attributes["rgb"] }
    #expect(fills == ["FFC6EFCE", "FFFFC7CE"])
  }
}
