import ApportionCore
import ApportionIO
import Foundation
import XlsxWriter

/// `comparison.xlsx`: a base and its scenarios side by side. Partners and rules down, each
/// run across with its difference from the base beside it (a formula over the two columns,
/// stored with the value computed from the runs), totals as `SUM` formulas, and a chart of
/// each partner's total in every run. A second sheet says where each run came from.
///
/// Every number comes from the runs' summaries (``Comparison``), the same results that each
/// run's own workbooks show.
public enum ComparisonWorkbook {
  /// The file's name in the output folder.
  public static let fileName = "comparison.xlsx"

  /// The subfolder of the output folder for each run's own workbooks, from the path the run
  /// was named by: a sample folder's name (`2016-17`, also for its `manifest.yaml`), a
  /// scenario file's name without extension (`southwark-joins`); letters, digits, `-` and
  /// `_` only, unique (`-2`…) when two runs would share one.
  public static func folderNames(for sources: [String]) -> [String] {
    var taken: Set<String> = []
    return sources.map { source in
      let name = SafeNames.stem(RunInputs.stem(of: source), fallback: "run", taken: taken)
      taken.insert(name.lowercased())
      return name
    }
  }

  /// Writes `comparison.xlsx` into `directory` as a set of one file (see `OutputFolder`:
  /// other files in the folder are kept; the file is complete or not there), then runs
  /// `confirm` with its path while the previous file is still kept: if `confirm` throws,
  /// the previous file is put back and the error rethrown.
  ///
  /// - Parameters:
  ///   - folders: each run's subfolder, shown on the Runs sheet; empty when there are none.
  /// - Returns: the path written.
  public static func write(
    _ comparison: Comparison, into directory: String, folders: [String], created: UTCDateTime,
    toolVersion: String, confirming confirm: (String) throws -> Void = { _ in }
  ) throws -> String {
    let folder = try OutputFolder(path: directory, names: [fileName])
    do {
      try write(
        comparison, path: folder.stagedPath(for: fileName), folders: folders,
        options: WorkbookOptions(temporaryDirectory: folder.temporaryDirectory),
        created: created, toolVersion: toolVersion)
      try folder.commit()
      try confirm(folder.finalPath(for: fileName))
    } catch let error as XlsxError {
      folder.rollBack()
      throw OutputError(
        "\(folder.finalPath(for: fileName)): \(error); nothing in \(directory) was changed")
    } catch {
      folder.rollBack()
      throw error
    }
    folder.complete()
    return folder.finalPath(for: fileName)
  }

  /// Writes the workbook to `path`.
  ///
  /// - Parameters:
  ///   - created: the document's creation time, fixed so that reruns are byte-identical.
  ///   - toolVersion: written as the document's author, `apportion <version>`.
  public static func write(
    _ comparison: Comparison, path: String, folders: [String] = [],
    options: WorkbookOptions = WorkbookOptions(), created: UTCDateTime, toolVersion: String
  ) throws {
    let workbook = try Workbook(path: path, options: options)
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

    // Widths first: the run names wrap in their headers, the money fits its cells.
    let labels = comparison.partners.map(\.name) + comparison.ruleNames + ["Partner", "Rule"]
    let labelWidth = Double(min(40, max(24, labels.map(\.count).max() ?? 0)) + 2)
    var allMoney: [Money] = comparison.totals + comparison.totalDifferences
    for table in [
      comparison.partnerTotals, comparison.ruleTotals, comparison.partnerDifferences,
      comparison.ruleDifferences,
    ] {
      allMoney += table.joined()
    }
    let moneyWidth = Double(max(14, allMoney.map(SheetWriter.width(of:)).max() ?? 14) + 2)
    var widths: [Int: Double] = [0: labelWidth]
    for column in 1..<next { widths[column] = moneyWidth }
    try sheet.setWidths(widths)
    let differenceTitle = "Change from the base"
    let across = 0...(next - 1)
    try sheet.paragraph(
      0, across, "Scenarios compared with the base, \(base)", styles.title, lineHeight: 19)
    try sheet.paragraph(
      1, across,
      "Each run's totals as 'apportion run' gives them; beside each scenario, its difference "
        + "from the base (scenario − base). A partner or rule that a run does not have counts "
        + "as £0.00 in that run.", styles.note)

    func table(
      at headerRow: Int, label: String, names: [String], values: [[Money]],
      differences: [[Money]]
    ) throws -> (firstRow: Int, totalRow: Int) {
      try sheet.fitRow(
        headerRow,
        wrapped: comparison.columns.map { ($0.name, moneyWidth - 1) }
          + [(differenceTitle, moneyWidth - 1)])
      try sheet.header(headerRow, 0, label, styles.header)
      for (index, column) in comparison.columns.enumerated() {
        try sheet.header(headerRow, valueColumn[index], column.name, styles.headerRight)
        if let difference = differenceColumn[index] {
          try sheet.header(headerRow, difference, differenceTitle, styles.headerRight)
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

    let chart = try workbook.addChart(type: .column)
    try chart.setTitle("Each partner's total, by scenario")
    try chart.setValueAxisNumberFormat("£#,##0;(£#,##0)")
    for index in comparison.columns.indices {
      // The data is cached in the chart too, for viewers that do not recalculate.
      var series = Chart.Series(
        name: .cell(
          row: partnerHeader, column: valueColumn[index], sheet: sheet.name,
          cached: comparison.columns[index].name),
        categories: RangeReference(
          sheet: sheet.name, firstRow: partners.firstRow, firstColumn: 0,
          lastRow: partners.totalRow - 1, lastColumn: 0),
        values: RangeReference(
          sheet: sheet.name, firstRow: partners.firstRow, firstColumn: valueColumn[index],
          lastRow: partners.totalRow - 1, lastColumn: valueColumn[index]))
      series.cachedCategories = comparison.partners.map(\.name)
      series.cachedValues = comparison.partnerTotals[index].map { Double($0.pence) / 100 }
      try chart.add(series)
    }
    try chart.showLegendAtBottom()
    // As wide as the table (a column is about 7 pixels a character, the chart 480 wide).
    let tableWidth = widths.values.reduce(0) { $0 + $1 * 7 + 5 }
    try sheet.sheet.insertChart(
      row: rules.totalRow + 2, column: 0, chart: chart, xScale: max(1, min(4, tableWidth / 480)),
      yScale: 1.5)
    try sheet.setUpPrinting(title: "Scenarios compared with \(base)", headerRow: partnerHeader)

    let runs = SheetWriter(try workbook.addWorksheet(name: "Runs"))
    let titles = ["Run", "Name", "Source", "Lines"] + (folders.isEmpty ? [] : ["Workbooks in"])
    for (column, title) in titles.enumerated() {
      try runs.text(0, column, title, column == 3 ? styles.headerRight : styles.header)
    }
    for (index, column) in comparison.columns.enumerated() {
      try runs.text(index + 1, 0, index == 0 ? "base" : "\(index)")
      try runs.text(index + 1, 1, column.name)
      try runs.text(index + 1, 2, column.source)
      try runs.integer(index + 1, 3, column.summary.lineCount, styles.integer)
      if index < folders.count { try runs.text(index + 1, 4, folders[index] + "/") }
    }
    try runs.fitColumns()
    try runs.setUpPrinting(title: "Scenarios compared with \(base)", headerRow: 0)
    try workbook.close()
  }
}
