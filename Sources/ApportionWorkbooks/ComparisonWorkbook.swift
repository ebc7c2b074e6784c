import ApportionCore
import XlsxWriter

/// `comparison.xlsx`: a base and its scenarios side by side. Partners and rules down, each
/// run across with its difference from the base beside it (a formula over the two columns,
/// stored with the value computed from the runs), totals as `SUM` formulas, and a chart of
/// each partner's total in every run. A second sheet says where each run came from.
///
/// Every number comes from the runs' summaries (``Comparison``), the same results that each
/// run's own workbooks show.
public enum ComparisonWorkbook {
  /// Writes the workbook to `path`.
  ///
  /// - Parameters:
  ///   - created: the document's creation time, fixed so that reruns are byte-identical.
  ///   - toolVersion: written as the document's author, `apportion <version>`.
  public static func write(
    _ comparison: Comparison, path: String, created: UTCDateTime, toolVersion: String
  ) throws {
    let workbook = try Workbook(path: path)
    let base = comparison.columns.first?.name ?? ""
    try workbook.setProperties(
      DocumentProperties(
        title: "Scenarios compared with \(base)",
        subject: "Each partner's total in each scenario and the difference from the base",
        author: "apportion \(toolVersion)",
        comments: "Runs: " + comparison.columns.map(\.source).joined(separator: ", "),
        created: created))
    let styles = try WorkbookStyles(workbook)
    let sheet = SheetWriter(try workbook.addWorksheet(name: "Comparison"))
    try sheet.text(0, 0, "Scenarios compared with the base, \(base)", styles.title, measured: false)
    try sheet.text(
      1, 0,
      "Each run's totals as 'apportion run' gives them; beside each scenario, its difference "
        + "from the base (scenario − base).", styles.subtitle, measured: false)

    // Columns: label, base, then each scenario and its difference.
    var valueColumn: [Int] = []
    var differenceColumn: [Int?] = []
    var next = 1
    for index in comparison.columns.indices {
      valueColumn.append(next)
      next += 1
      if index > 0 {
        differenceColumn.append(next)
        next += 1
      } else {
        differenceColumn.append(nil)
      }
    }

    func table(
      at headerRow: Int, label: String, names: [String], values: [[Money]],
      differences: [[Money]]
    ) throws -> (firstRow: Int, totalRow: Int) {
      try sheet.text(headerRow, 0, label, styles.header)
      for (index, column) in comparison.columns.enumerated() {
        try sheet.text(headerRow, valueColumn[index], column.name, styles.headerRight)
        if let difference = differenceColumn[index] {
          try sheet.text(headerRow, difference, "\(column.name) − base", styles.headerRight)
        }
      }
      let firstRow = headerRow + 1
      for (item, name) in names.enumerated() {
        let row = firstRow + item
        try sheet.text(row, 0, name)
        for index in comparison.columns.indices {
          try sheet.money(row, valueColumn[index], values[index][item], styles.money)
          if let difference = differenceColumn[index] {
            let scenario = CellReference.a1(row: row, column: valueColumn[index])
            let baseCell = CellReference.a1(row: row, column: valueColumn[0])
            try sheet.formula(
              row, difference, "\(scenario)-\(baseCell)", differences[index][item], styles.money)
          }
        }
      }
      let totalRow = firstRow + names.count
      let rows = firstRow...max(firstRow, totalRow - 1)
      try sheet.text(totalRow, 0, "Total", styles.totalLabel)
      for index in comparison.columns.indices {
        try sheet.formula(
          totalRow, valueColumn[index], SheetWriter.sum(column: valueColumn[index], rows: rows),
          comparison.totals[index], styles.moneyTotal)
        if let difference = differenceColumn[index] {
          try sheet.formula(
            totalRow, difference, SheetWriter.sum(column: difference, rows: rows),
            comparison.totalDifferences[index], styles.moneyTotal)
        }
      }
      return (firstRow, totalRow)
    }

    let partnerHeader = 3
    let partners = try table(
      at: partnerHeader, label: "Partner", names: comparison.partners.map(\.name),
      values: comparison.partnerTotals, differences: comparison.partnerDifferences)
    let ruleHeader = partners.totalRow + 2
    let rules = try table(
      at: ruleHeader, label: "Rule", names: comparison.ruleNames,
      values: comparison.ruleTotals, differences: comparison.ruleDifferences)
    try sheet.text(
      rules.totalRow + 2, 0,
      "A partner or rule that a run does not have counts as £0.00 in that run.", styles.note,
      measured: false)

    let chart = try workbook.addChart(type: .column)
    try chart.setTitle("Each partner's total, by scenario")
    try chart.setValueAxisNumberFormat("£#,##0;(£#,##0)")
    for index in comparison.columns.indices {
      try chart.addSeries(
        name: comparison.columns[index].name,
        categories: RangeReference(
          sheet: sheet.name, firstRow: partners.firstRow, firstColumn: 0,
          lastRow: partners.totalRow - 1, lastColumn: 0),
        values: RangeReference(
          sheet: sheet.name, firstRow: partners.firstRow, firstColumn: valueColumn[index],
          lastRow: partners.totalRow - 1, lastColumn: valueColumn[index]))
    }
    try sheet.sheet.insertChart(row: rules.totalRow + 4, column: 0, chart: chart)
    try sheet.fitColumns(minimum: [0: 24])
    try sheet.setUpPrinting(title: "Scenarios compared with \(base)", headerRow: partnerHeader)

    let runs = SheetWriter(try workbook.addWorksheet(name: "Runs"))
    for (column, title) in ["Run", "Name", "Source", "Lines"].enumerated() {
      try runs.text(0, column, title, column == 3 ? styles.headerRight : styles.header)
    }
    for (index, column) in comparison.columns.enumerated() {
      try runs.text(index + 1, 0, index == 0 ? "base" : "\(index)")
      try runs.text(index + 1, 1, column.name)
      try runs.text(index + 1, 2, column.source)
      try runs.integer(index + 1, 3, column.summary.lineCount, styles.integer)
    }
    try runs.fitColumns()
    try runs.setUpPrinting(title: "Scenarios compared with \(base)", headerRow: 0)
    try workbook.close()
  }
}
