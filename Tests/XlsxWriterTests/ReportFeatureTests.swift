import Foundation
import TestSupport
import Testing
import XLSXInspection
import XlsxWriter

/// What the workbooks need beyond cells: checks that light up, validated input, print
/// areas, text formulas, merged paragraphs, charts that carry their data, properties and a
/// default font. Each is written in constant-memory mode, as the workbooks are.
@Suite struct ReportFeatureTests {
  @Test func conditionalFormatsAndValidationAreWritten() throws {
    let (book, _) = try roundTrip(sheet: "Lines") { workbook, sheet in
      let good = try workbook.addFormat(
        FormatSpecification(fontColor: 0x006100, backgroundColor: 0xC6EFCE))
      let bad = try workbook.addFormat(FormatSpecification(backgroundColor: 0xFFC7CE))
      for row in 0...3 { try sheet.writeNumber(row: row, column: 0, Double(row)) }
      let checks = RangeReference(sheet: "Lines", column: 0, rows: 0...3)
      try sheet.addConditionalFormat(ConditionalFormat(.equalTo(0), format: good), to: checks)
      try sheet.addConditionalFormat(ConditionalFormat(.notEqualTo(0), format: bad), to: checks)
      try sheet.addConditionalFormat(
        ConditionalFormat(.notBlank, format: bad),
        to: RangeReference(
          sheet: "Lines", firstRow: 4, firstColumn: 0, lastRow: Worksheet.maxRows - 1,
          lastColumn: 2))
      try sheet.addDataValidation(
        DataValidation(
          allowed: 1...5, inputTitle: "Rule number", inputMessage: "1 to 5",
          errorTitle: "Not a rule", errorMessage: "Type 1 to 5."),
        to: RangeReference(sheet: "Lines", column: 1, rows: 0...3))
      let elsewhere = #expect(throws: XlsxError.self) {
        try sheet.addDataValidation(
          DataValidation(allowed: 1...2), to: RangeReference(sheet: "Other", column: 0, rows: 0...0)
        )
      }
      #expect(elsewhere?.operation == .setLayout)
      let long = #expect(throws: XlsxError.self) {
        try sheet.addDataValidation(
          DataValidation(allowed: 1...2, inputTitle: String(repeating: "t", count: 33)),
          to: RangeReference(sheet: "Lines", column: 0, rows: 0...0))
      }
      #expect(long?.reason.contains("32") == true)
    }
    let formats = try book.elements("conditionalFormatting", sheet: "Lines")
    // Rules over the same range share one element.
    #expect(formats.map { $0.attributes["sqref"] } == ["A1:A4", "A5:C1048576"])
    let rules = try book.elements("cfRule", sheet: "Lines")
    #expect(rules.map { $0.attributes["operator"] } == ["equal", "notEqual", nil])
    #expect(rules.map { $0.attributes["type"] } == ["cellIs", "cellIs", "notContainsBlanks"])
    #expect(rules.first?.children(named: "formula").first?.text == "0")
    let validation = try #require(try book.elements("dataValidation", sheet: "Lines").first)
    #expect(validation.attributes["type"] == "whole")
    #expect(validation.attributes["sqref"] == "B1:B4")
    #expect(validation.attributes["promptTitle"] == "Rule number")
    #expect(validation.children(named: "formula1").first?.text == "1")
    #expect(validation.children(named: "formula2").first?.text == "5")
    // The conditional formats' colours are differential formats in styles.xml.
    let dxfs = try book.element(part: "xl/styles.xml").descendants(named: "dxf")
    #expect(dxfs.count == 2)
  }

  @Test func printAreaPortraitMarginsMergedTextAndTextFormulas() throws {
    let (book, cells) = try roundTrip(sheet: "Statement") { workbook, sheet in
      let wrapped = try workbook.addFormat(FormatSpecification(textWrap: true))
      try sheet.mergeRange(
        RangeReference(sheet: "Statement", firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 3),
        "=not a formula, and long enough to wrap", format: wrapped)
      try sheet.writeString(row: 1, column: 0, "Staff")
      try sheet.writeFormula(row: 2, column: 0, "INDEX(A2:A2,1)", cachedText: "Staff")
      try sheet.setPortrait()
      try sheet.setMargins(left: 0.5, right: 0.5, top: 0.6, bottom: 0.6)
      try sheet.setPrintArea(
        RangeReference(sheet: "Statement", firstRow: 0, firstColumn: 0, lastRow: 2, lastColumn: 3)
      )
      let backwards = #expect(throws: XlsxError.self) {
        try sheet.mergeRange(
          RangeReference(
            sheet: "Statement", firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: 1),
          "too late")
      }
      #expect(backwards?.code == .worksheetIndexOutOfRange)
    }
    #expect(cells["A1"]?.kind == .string && cells["A1"]?.text.hasPrefix("=not") == true)
    #expect(cells["A3"]?.formula == "INDEX(A2:A2,1)" && cells["A3"]?.text == "Staff")
    #expect(cells["A3"]?.type == "str")
    #expect(try book.elements("mergeCell", sheet: "Statement").first?.attributes["ref"] == "A1:D1")
    let setup = try #require(try book.elements("pageSetup", sheet: "Statement").first)
    #expect(setup.attributes["orientation"] == "portrait")
    let margins = try #require(try book.elements("pageMargins", sheet: "Statement").first)
    #expect(margins.attributes["left"] == "0.5" && margins.attributes["top"] == "0.6")
    #expect(try book.definedNames()["0!_xlnm.Print_Area"] == "Statement!$A$1:$D$3")
  }

  @Test func chartsCarryTheirDataLabelsAndAxes() throws {
    let (book, _) = try roundTrip(sheet: "Summary") { workbook, sheet in
      try sheet.writeString(row: 0, column: 0, "Brent")
      try sheet.writeString(row: 0, column: 1, "Lewisham")
      try sheet.writeString(row: 1, column: 2, "Staff")
      try sheet.writeMoney(row: 1, column: 0, pence: 4_141_927_37)
      try sheet.writeMoney(row: 1, column: 1, pence: -10_00)
      let categories = RangeReference(
        sheet: "Summary", firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 1)
      let values = RangeReference(
        sheet: "Summary", firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: 1)
      let column = try workbook.addChart(type: .column)
      var series = Chart.Series(name: .text("Total"), categories: categories, values: values)
      series.cachedCategories = ["Brent", "Lewisham"]
      series.cachedValues = [4_141_927.37, -10]
      series.dataLabelFormat = "£#,##0"
      try column.add(series)
      try column.setValueAxisMinimum(0)
      let short = #expect(throws: XlsxError.self) {
        var wrong = series
        wrong.cachedValues = [1]
        try column.add(wrong)
      }
      #expect(short?.operation == .addSeries)
      try sheet.insertChart(row: 3, column: 0, chart: column, xScale: 1.2)
      let bars = try workbook.addChart(type: .stackedBar)
      var rule = Chart.Series(
        name: .cell(row: 1, column: 2, sheet: "Summary", cached: "Staff"), categories: categories,
        values: values)
      rule.cachedCategories = ["Brent", "Lewisham"]
      rule.cachedValues = [4_141_927.37, -10]
      try bars.add(rule)
      try bars.setValueAxisNumberFormat("£#,##0")
      try bars.setCategoryLabelsLow()
      try bars.showLegendAtBottom()
      try sheet.insertChart(row: 20, column: 0, chart: bars)
    }
    let charts = book.chartParts
    #expect(charts.count == 2)
    let column = try book.element(part: charts[0])
    let points = column.descendants(named: "c:numCache").first?.descendants(named: "c:v")
    #expect(points?.map(\.text) == ["4141927.37", "-10"])
    let labels = column.descendants(named: "c:strCache").first?.descendants(named: "c:v")
    #expect(labels?.map(\.text) == ["Brent", "Lewisham"])
    #expect(column.descendants(named: "c:showVal").first?.attributes["val"] == "1")
    #expect(column.descendants(named: "c:min").first?.attributes["val"] == "0")
    let bars = try book.element(part: charts[1])
    #expect(bars.descendants(named: "c:grouping").first?.attributes["val"] == "stacked")
    let name = bars.descendants(named: "c:tx").first
    #expect(name?.descendants(named: "c:f").first?.text == "Summary!$C$2")
    #expect(name?.descendants(named: "c:v").first?.text == "Staff")
    // A bar chart's value axis runs across: its number format is the valAx's.
    let valueAxis = bars.descendants(named: "c:valAx").first
    #expect(valueAxis?.descendants(named: "c:numFmt").first?.attributes["formatCode"] == "£#,##0")
    #expect(
      bars.descendants(named: "c:catAx").first?.descendants(named: "c:tickLblPos").first?
        .attributes["val"] == "low")
  }

  @Test func propertiesCustomPropertyAndDefaultFont() throws {
    let (book, _) = try roundTrip { workbook, sheet in
      try workbook.setDefaultFont(name: "Arial", size: 10)
      try workbook.setProperties(
        DocumentProperties(
          title: "T", subject: "S", author: "A", company: "Brent", keywords: "k1, k2",
          category: "C", created: UTCDateTime(year: 2016, month: 4, day: 1)))
      try workbook.setCustomProperty("Generator", "apportion test")
      let arial = try workbook.addFormat(
        FormatSpecification(bold: true, verticalAlignment: .top, fontSize: 12, fontName: "Arial"))
      try sheet.writeString(row: 0, column: 0, "x", format: arial)
      #expect(throws: XlsxError.self) {
        try workbook.addFormat(FormatSpecification(fontSize: 500))
      }
    }
    let core = try book.coreProperties()
    #expect(core["cp:keywords"] == "k1, k2" && core["cp:category"] == "C")
    #expect(try book.appProperties()["Company"] == "Brent")
    #expect(try book.customProperties()["Generator"] == "apportion test")
    let fonts = try book.element(part: "xl/styles.xml").descendants(named: "font")
    #expect(fonts.first?.children(named: "name").first?.attributes["val"] == "Arial")
    #expect(fonts.first?.children(named: "sz").first?.attributes["val"] == "10")
    let style = try book.style(try #require(try book.cells(sheet: "Lines")["A1"]).styleIndex)
    #expect(style?.fontName == "Arial" && style?.fontSize == 12 && style?.bold == true)
    #expect(style?.vertical == "top")
  }

  struct NameCase: Sendable, CustomTestStringConvertible {
    let name: String
    let valid: Bool
    var testDescription: String { name.isEmpty ? "(empty)" : name }
  }

  @Test(arguments: [
    NameCase(name: "Lines_Amount", valid: true), NameCase(name: "_x", valid: true),
    NameCase(name: "Part.brent", valid: true), NameCase(name: "", valid: false),
    NameCase(name: "1st", valid: false), NameCase(name: "a b", valid: false),
    NameCase(name: "LGA1", valid: false), NameCase(name: "XFD1048576", valid: false),
    NameCase(name: "XFE1", valid: true), NameCase(name: "R1C1", valid: false),
    NameCase(name: "r", valid: false), NameCase(name: "C", valid: false),
    NameCase(name: "a-b", valid: false),
  ])
  func definedNamesFollowExcelsRules(_ test: NameCase) throws {
    #expect((Workbook.validateDefinedName(test.name) == nil) == test.valid)
    let book = try Workbook(path: try TemporaryFolder().url.appendingPathComponent("n.xlsx").path)
    _ = try book.addWorksheet(name: "Lines")
    let range = RangeReference(sheet: "Lines", column: 0, rows: 0...1)
    if test.valid {
      try book.defineName(test.name, refersTo: range)
    } else {
      #expect(throws: XlsxError.self) { try book.defineName(test.name, refersTo: range) }
    }
  }
}
