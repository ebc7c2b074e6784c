import ApportionCore
import ApportionWorkbooks
import Foundation
import TestSupport
import Testing
import XLSXInspection

/// The statement is the one page a council's finance director reads and signs: A4 portrait
/// at 100%, words wrapped, each rule's share as a number, the base and the change, the check
/// against the partnership, why the pennies are fair, and lines to sign.
@Suite struct StatementTests {
  /// A4 in inches, and the pixels (at 96 dpi) of a column whose width in the file is `width`
  /// (digits of the default font, padding included): 7 pixels a digit of 10-point Arial in
  /// Excel, 7.4 of Liberation Sans in LibreOffice.
  static let a4 = (width: 8.27, height: 11.69)
  static func excelPixels(_ width: Double) -> Double { width * 7 }
  static func libreOfficePixels(_ width: Double) -> Double { width * 7.4 }

  /// Checks that the first sheet of `path` prints on one portrait A4 page at full size.
  static func expectOnePageAtFullSize(_ path: String) throws {
    let book = try XLSXBook(path: path)
    let name = try #require(book.sheetNames.first)
    let place = "\((path as NSString).lastPathComponent) \(name)"
    let setup = try #require(try book.elements("pageSetup", sheet: name).first)
    #expect(setup.attributes["orientation"] == "portrait", "\(place)")
    #expect(setup.attributes["paperSize"] == "9", "\(place)")
    #expect(setup.attributes["scale"] == nil && setup.attributes["fitToWidth"] == nil, "\(place)")
    #expect(try book.elements("pageSetUpPr", sheet: name).isEmpty, "\(place): fit to page")
    let margins = try #require(try book.elements("pageMargins", sheet: name).first)
    func inches(_ key: String) -> Double { margins.attributes[key].flatMap(Double.init) ?? 1 }
    let printable = (a4.width - inches("left") - inches("right")) * 96
    let widths = try book.columnWidths(sheet: name)
    let columns = (0..<7).map { widths[$0] ?? 8.43 }
    #expect(widths.keys.max() == 6, "\(place): seven columns")
    let excel = columns.map(excelPixels).reduce(0, +)
    let libreOffice = columns.map(libreOfficePixels).reduce(0, +)
    #expect(excel <= printable, "\(place): \(excel) px wide in Excel, the page \(printable)")
    #expect(
      libreOffice <= printable, "\(place): \(libreOffice) px in LibreOffice, the page \(printable)")
    // Every row of the print area is on the page: heights add up to less than it.
    let area = try #require(try book.definedNames()["0!_xlnm.Print_Area"])
    let lastRow = try #require(Int(area.split(separator: "$").last ?? ""))
    var heights = [Double](repeating: 15, count: lastRow)
    for row in try book.elements("row", sheet: name) {
      guard let r = row.attributes["r"].flatMap(Int.init), r <= lastRow else { continue }
      if let height = row.attributes["ht"].flatMap(Double.init) { heights[r - 1] = height }
    }
    let tall = heights.reduce(0, +)
    let page = (a4.height - inches("top") - inches("bottom")) * 72
    #expect(tall <= page, "\(place): \(tall) points tall, the page \(page)")
    #expect(area.hasPrefix("'\(name)'!$A$1:$G$") || area.hasPrefix("\(name)!$A$1:$G$"), "\(area)")
  }

  @Test func sampleStatementsPrintOnOnePageAtFullSize() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runSample(in: folder)
    for path in run.paths.dropFirst() { try Self.expectOnePageAtFullSize(path) }
  }

  @Test func aLongNameAndLargeAmountsStillFitThePage() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runTexts(
      rules: ThreeCouncils.rules, budget: ThreeCouncils.budget(lines: 400), in: folder)
    try checkAllWorkbooks(run)
    #expect(run.summary.total.pence.magnitude > 1_000_000_000_00)
    for path in run.paths.dropFirst() { try Self.expectOnePageAtFullSize(path) }
    let southwark = try XLSXBook(path: run.paths[3])
    // The short name names the sheet; the full name is in the title, whole.
    #expect(southwark.sheetNames.first == "Southwark")
    let cells = try southwark.cells(sheet: "Southwark")
    #expect(
      cells["A2"]?.text == "Statement for London Borough of Southwark (from November 2016), 2017-18"
    )
    let header = try southwark.elements("oddHeader", sheet: "Southwark").first?.text
    #expect(header?.contains("Statement for Southwark") == true)
  }

  @Test func wordsWrapBesideTheShareAsANumber() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runSample(in: folder)
    let book = try XLSXBook(path: run.paths[1])
    let cells = try book.cells(sheet: "Brent")
    #expect(cells["C8"]?.text == "Share in words" && cells["E8"]?.text == "Share %")
    // Staff (rule 3): the carve-out in words, wrapped, and Brent's share as a number.
    let words = try #require(cells["C11"])
    #expect(
      words.text == "the share in column lga_share to Brent, the rest equal split between all 2")
    #expect(try book.style(words.styleIndex)?.wraps == true)
    let share = try #require(cells["E11"])
    #expect(try book.style(share.styleIndex)?.numberFormat == "0.0%")
    #expect(share.formula == "IF(F11=0,0,G11/F11)")
    let expected = Double(run.summary.byRule[2][0].pence) / Double(run.summary.ruleTotals[2].pence)
    #expect(abs((Double(share.value) ?? 0) - expected) < 1e-12)
    // The row is tall enough for the wrapped words.
    let row = try book.elements("row", sheet: "Brent").first { $0.attributes["r"] == "11" }
    #expect((row?.attributes["ht"].flatMap(Double.init) ?? 15) >= 28)
  }

  @Test func theBaseAndTheChangeShowWhenGiven() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let base = Baseline(
      label: "Base: 2016-17 budget",
      totals: [PartnerID("brent"): try Money(parsing: "4000000.00")])
    let run = try runSample(in: folder, baseline: base)
    try checkAllWorkbooks(run, baseline: base)
    let brent = try XLSXBook(path: run.paths[1]).cells(sheet: "Brent")
    #expect(brent["A6"]?.text == "Base: 2016-17 budget")
    #expect(brent["A7"]?.text == "Change from the base" && brent["G7"]?.formula == "G5-G6")
    #expect(brent["G7"]?.value == "141927.37")
    // Lewisham is not in this base: it reads as not a partner then, from nothing.
    let lewisham = try XLSXBook(path: run.paths[2]).cells(sheet: "Lewisham")
    #expect(lewisham["A6"]?.text == "Base: 2016-17 budget: Lewisham was not a partner (0.00)")
    #expect(lewisham["G7"]?.value == "3407217.13")
    if Gnumeric.runsRecalculation {
      for path in run.paths {
        let compared = try Gnumeric.expectRecalculationMatchesCache(path)
        #expect(compared == (try expectedFormulaCount(run, path: path, baseline: true)), "\(path)")
      }
    }
  }

  @Test func theStatementSaysWhyThePenniesAreFairAndHasLinesToSign() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runSample(in: folder)
    let book = try XLSXBook(path: run.paths[2])
    var sheet = try SheetCheck(book, path: run.paths[2], sheet: "Lewisham")
    let pennies = try #require(sheet.row(startingWith: "Pennies are fair: "))
    let sentence = try #require(sheet[pennies, 0]?.text)
    #expect(sentence.filter { $0 == "." }.count == 1 && sentence.hasSuffix("pence."))
    #expect(sentence.contains("within 1p of its exact share"))
    let signOff = try #require(sheet.row(withText: "Sign-off"))
    #expect(signOff > pennies)
    for (offset, role) in ["Prepared by", "Checked by", "Approved by"].enumerated() {
      let row = signOff + 1 + offset
      sheet.text(row, 0, role)
      sheet.text(row, 3, "Date")
      for column in [2, 4, 5, 6] {
        let cell = try #require(
          sheet[row, column], "\(role): no line to sign in \(a1(row, column))")
        #expect(try book.style(cell.styleIndex)?.borderBottom == "thin", "\(role) \(column)")
      }
    }
    // The check against the partnership is named and lights up.
    let names = try book.definedNames()
    let check = try #require(names["Check_Statement"])
    let formats = try book.elements("conditionalFormatting", sheet: "Lewisham")
    let cell = String(check.split(separator: "!").last ?? "").replacingOccurrences(
      of: "$", with: "")
    #expect(formats.contains { $0.attributes["sqref"] == cell.components(separatedBy: ":")[0] })
  }
}
