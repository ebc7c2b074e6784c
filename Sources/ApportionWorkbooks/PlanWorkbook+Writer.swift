import ApportionCore
import XlsxWriter

extension PlanWorkbook {
  /// A sheet being written: its writer and the next free row.
  final class Sheet {
    let writer: SheetWriter
    var nextRow: Int
    /// The first row and the header row of the first table (for the chart and printing).
    var firstRow = 0
    var headerRow = 0
    init(_ writer: SheetWriter, nextRow: Int) {
      self.writer = writer
      self.nextRow = nextRow
    }
  }

  /// Writes the measure sheets: the years across, an "All years" column.
  struct Writer {
    let result: PlanResult
    let workbook: Workbook
    let styles: WorkbookStyles
    let span: String
    private let sheets = SheetList()

    final class SheetList { var all: [(String, Sheet)] = [] }

    init(result: PlanResult, workbook: Workbook, styles: WorkbookStyles, span: String) {
      self.result = result
      self.workbook = workbook
      self.styles = styles
      self.span = span
    }

    var years: [String] { result.years.map(\.year.description) }

    /// A sheet with one table (and a Total row when `total`).
    func sheet(_ name: String, subtitle: String, names: [String], rows: [[Money?]], total: Bool)
      throws -> Sheet
    {
      try sheet(name, subtitle: subtitle, blocks: [("Partner", names, rows)], total: total)
    }

    /// A sheet with tables one under another, each with its own header.
    func sheet(
      _ name: String, subtitle: String, blocks: [(String, [String], [[Money?]])],
      total: Bool = false
    ) throws -> Sheet {
      let writer = SheetWriter(try workbook.addWorksheet(name: name))
      try writer.text(0, 0, "\(name): \(result.title), \(span)", styles.titleLine, measured: false)
      try writer.text(1, 0, subtitle, styles.subtitle, measured: false)
      let sheet = Sheet(writer, nextRow: 3)
      for (index, block) in blocks.enumerated() {
        let (firstRow, headerRow) = try table(
          writer, at: sheet.nextRow, label: block.0, names: block.1, rows: block.2,
          total: total)
        if index == 0 {
          sheet.firstRow = firstRow
          sheet.headerRow = headerRow
        }
        sheet.nextRow = firstRow + block.1.count + (total ? 1 : 0) + 1
      }
      sheets.all.append((name, sheet))
      return sheet
    }

    /// One table: a header row of years, a row per name, an "All years" column of `SUM`s
    /// and, with `total`, a Total row of `SUM`s.
    private func table(
      _ writer: SheetWriter, at headerRow: Int, label: String, names: [String],
      rows: [[Money?]], total: Bool
    ) throws -> (firstRow: Int, headerRow: Int) {
      let allYears = years.count + 1
      try writer.text(headerRow, 0, label, styles.header)
      for (index, year) in years.enumerated() {
        try writer.text(headerRow, index + 1, year, styles.headerRight)
      }
      try writer.text(headerRow, allYears, "All years", styles.headerRight)
      let firstRow = headerRow + 1
      for (item, name) in names.enumerated() {
        let row = firstRow + item
        try writer.text(row, 0, name)
        for (index, value) in rows[item].enumerated() {
          if let value { try writer.money(row, index + 1, value, styles.money) }
        }
        let sum = try Money.sum(rows[item].compactMap { $0 })
        try writer.formula(
          row, allYears,
          "SUM(\(CellReference.range(firstRow: row, firstColumn: 1, lastRow: row, lastColumn: years.count)))",
          sum, styles.money)
      }
      guard total, !names.isEmpty else { return (firstRow, headerRow) }
      let totalRow = firstRow + names.count
      let span = firstRow...(totalRow - 1)
      try writer.text(totalRow, 0, "Total", styles.totalLabel)
      for column in 1...allYears {
        let values = rows.compactMap { column <= years.count ? $0[column - 1] : nil }
        let sum =
          column <= years.count
          ? try Money.sum(values) : try Money.sum(rows.flatMap { $0.compactMap { $0 } })
        try writer.formula(
          totalRow, column, SheetWriter.sum(column: column, rows: span), sum, styles.moneyTotal)
      }
      return (firstRow, headerRow)
    }

    /// A line chart of the first table's rows over the years.
    func chart(on sheet: Sheet, title: String, rows: Int) throws {
      guard rows > 0 else { return }
      let chart = try workbook.addChart(type: .line)
      try chart.setTitle(title)
      try chart.setValueAxisNumberFormat("£#,##0;(£#,##0)")
      let name = sheet.writer.name
      for row in sheet.firstRow..<(sheet.firstRow + rows) {
        try chart.addSeries(
          name: result.partners[row - sheet.firstRow].name,
          categories: RangeReference(
            sheet: name, firstRow: sheet.headerRow, firstColumn: 1, lastRow: sheet.headerRow,
            lastColumn: years.count),
          values: RangeReference(
            sheet: name, firstRow: row, firstColumn: 1, lastRow: row, lastColumn: years.count))
      }
      try sheet.writer.sheet.insertChart(row: sheet.nextRow + 1, column: 0, chart: chart)
      sheet.nextRow += 18
    }

    /// Sizes the columns and sets up printing on every sheet.
    func finishSheets() throws {
      for (name, sheet) in sheets.all {
        try sheet.writer.fitColumns(minimum: [0: 24])
        try sheet.writer.setUpPrinting(
          title: "\(name): \(result.title)", headerRow: sheet.headerRow)
      }
    }
  }
}
