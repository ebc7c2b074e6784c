import ApportionCore
import XlsxWriter

/// `partnership.xlsx`: Summary (partners across, rules down), Lines (every line and each
/// partner's part), Rules (each rule in words) and Sources (files, hashes, parameters).
final class PartnershipWorkbook {
  let workbook: Workbook
  private let styles: WorkbookStyles
  private let ruleSet: RuleSet
  private let sources: RunSources
  private let summarySheet: SheetWriter
  private let lines: LinesSheets
  /// Column positions on the Lines sheets.
  private var amountColumn: Int { lines.amountColumn }
  private var firstPartColumn: Int { lines.firstExtraColumn }
  private var checkColumn: Int { firstPartColumn + ruleSet.partners.count }

  init(
    path: String, options: WorkbookOptions, ruleSet: RuleSet, sources: RunSources,
    usedColumns: [(name: String, position: Int)], lineCount: Int, maxLinesPerSheet: Int
  ) throws {
    self.ruleSet = ruleSet
    self.sources = sources
    workbook = try Workbook(
      path: path, options: options, title: "\(ruleSet.agreement) \(ruleSet.year): apportionment",
      subject: "Apportionment of the shared service's budget between the partners", sources: sources
    )
    styles = try WorkbookStyles(workbook)
    summarySheet = SheetWriter(try workbook.addWorksheet(name: "Summary"))
    let columns =
      ruleSet.partners.map { LinesSheets.Column(title: $0.name, isMoney: true, minimumWidth: 10) }
      + [LinesSheets.Column(title: "Check: amount − parts", isMoney: true)]
    lines = try LinesSheets(
      workbook: workbook, styles: styles, usedColumns: usedColumns,
      ruleNames: ruleSet.rules.map(\.name), extraColumns: columns,
      title: "\(ruleSet.agreement) \(ruleSet.year)", lineCount: lineCount,
      maxDataRows: maxLinesPerSheet)
  }

  func add(_ result: LineResult) throws {
    try lines.write(result) { sheet, row in
      for (p, part) in result.parts.enumerated() {
        try sheet.money(row, firstPartColumn + p, part, styles.money)
        try lines.add(part, column: firstPartColumn + p)
      }
      let first = CellReference.a1(row: row, column: firstPartColumn)
      let last = CellReference.a1(row: row, column: checkColumn - 1)
      let amount = CellReference.a1(row: row, column: amountColumn)
      try sheet.formula(
        row, checkColumn, "ROUND(\(amount)-SUM(\(first):\(last)),2)", .zero, styles.money)
    }
  }

  func finish(_ summary: Summary) throws {
    try lines.finish()
    try writeSummary(summary)
    try writeRules(summary)
    try SourcesSheet.finish(
      workbook, styles: styles, ruleSet: ruleSet, sources: sources, summary: summary)
  }

  private func writeSummary(_ summary: Summary) throws {
    let sheet = summarySheet
    let n = ruleSet.partners.count
    try sheet.text(
      0, 0, "\(ruleSet.agreement): apportionment \(ruleSet.year)", styles.title, measured: false)
    try sheet.text(
      1, 0, "Each partner's share of the budget by rule, in \(ruleSet.currency).", styles.subtitle,
      measured: false)
    try sheet.text(
      2, 0,
      sources.generatedBy
        + " (\(summary.lineCount) lines); see the Sources sheet.",
      styles.subtitle, measured: false)
    let headerRow = 4
    try sheet.text(headerRow, 0, "Rule", styles.header)
    try sheet.text(headerRow, 1, "Lines", styles.headerRight)
    for (p, partner) in ruleSet.partners.enumerated() {
      try sheet.text(headerRow, 2 + p, partner.name, styles.headerRight)
    }
    try sheet.text(headerRow, 2 + n, "Total", styles.headerRight)
    let firstRuleRow = headerRow + 1
    for (r, rule) in ruleSet.rules.enumerated() {
      let row = firstRuleRow + r
      try sheet.text(row, 0, rule.name)
      try sheet.formula(
        row, 1, lines.countIf(rule: r),
        count: summary.ruleLineCounts[r], styles.integer)
      for p in 0..<n {
        try sheet.formula(
          row, 2 + p,
          lines.sumIf(rule: r, column: firstPartColumn + p),
          summary.byRule[r][p], styles.money)
      }
      let range = CellReference.range(
        firstRow: row, firstColumn: 2, lastRow: row, lastColumn: 1 + n)
      try sheet.formula(row, 2 + n, "SUM(\(range))", summary.ruleTotals[r], styles.money)
    }
    let totalRow = firstRuleRow + ruleSet.rules.count
    try sheet.text(totalRow, 0, "Total", styles.bold)
    let ruleRows = firstRuleRow...max(firstRuleRow, totalRow - 1)
    func columnSum(_ column: Int) -> String { SheetWriter.sum(column: column, rows: ruleRows) }
    try sheet.formula(totalRow, 1, columnSum(1), count: summary.lineCount, styles.integerBold)
    for p in 0..<n {
      try sheet.formula(
        totalRow, 2 + p, columnSum(2 + p), summary.partnerTotals[p], styles.moneyBold)
    }
    try sheet.formula(totalRow, 2 + n, columnSum(2 + n), summary.total, styles.moneyBold)

    let checkRow = totalRow + 2
    try sheet.text(
      checkRow, 0, "Total of all budget lines (from the Lines sheet)", measured: false)
    try sheet.formula(checkRow, 2 + n, lines.sum(column: amountColumn), summary.total, styles.money)
    try sheet.text(
      checkRow + 1, 0, "Check: partners' totals − budget total (should be 0.00)", measured: false)
    let partnersTotal = CellReference.range(
      firstRow: totalRow, firstColumn: 2, lastRow: totalRow, lastColumn: 1 + n)
    let grand = CellReference.a1(row: checkRow, column: 2 + n)
    try sheet.formula(
      checkRow + 1, 2 + n, "ROUND(SUM(\(partnersTotal))-\(grand),2)",
      try Money.sum(summary.partnerTotals) - summary.total, styles.money)

    let chart = try workbook.addChart(type: .column)
    try chart.setTitle("Each partner's share of \(ruleSet.year)")
    try chart.setValueAxisNumberFormat("£#,##0;(£#,##0)")
    try chart.hideLegend()
    try chart.addSeries(
      name: "Total",
      categories: RangeReference(
        sheet: sheet.name, firstRow: headerRow, firstColumn: 2, lastRow: headerRow,
        lastColumn: 1 + n),
      values: RangeReference(
        sheet: sheet.name, firstRow: totalRow, firstColumn: 2, lastRow: totalRow, lastColumn: 1 + n)
    )
    try sheet.sheet.insertChart(row: checkRow + 3, column: 0, chart: chart)

    try sheet.fitColumns(minimum: [0: 24])
    try sheet.setUpPrinting(title: "\(ruleSet.agreement) \(ruleSet.year)", headerRow: headerRow)
  }

  private func writeRules(_ summary: Summary) throws {
    let sheet = SheetWriter(try workbook.addWorksheet(name: "Rules"))
    let header = ["No.", "Rule", "Takes", "Basis", "Note", "Lines", "Total"]
    for (column, title) in header.enumerated() {
      try sheet.text(0, column, title, column >= 5 ? styles.headerRight : styles.header)
    }
    let wide = 40.0
    for (r, rule) in ruleSet.rules.enumerated() {
      let row = r + 1
      let takes =
        rule.condition.isCatchAll ? "every other line" : "lines where \(rule.condition.summary)"
      let basis = rule.basis.describe(partners: ruleSet.partners, drivers: ruleSet.drivers)
      let note = rule.note ?? ""
      try sheet.fitRow(row, wrapped: [(takes, wide), (basis, wide), (note, wide)])
      try sheet.integer(row, 0, r + 1, styles.integer)
      try sheet.text(row, 1, rule.name)
      try sheet.text(row, 2, takes, styles.wrapped, measured: false)
      try sheet.text(row, 3, basis, styles.wrapped, measured: false)
      try sheet.text(row, 4, note, styles.wrapped, measured: false)
      try lines.writeCountAndTotal(of: r, summary, on: sheet, row: row, column: 5)
    }
    try sheet.text(
      ruleSet.rules.count + 2, 0,
      "The first rule whose conditions match a line takes it. Values compare ignoring case and "
        + "surrounding spaces.", styles.note, measured: false)
    try sheet.fitColumns(minimum: [0: 4, 2: Int(wide), 3: Int(wide), 4: Int(wide)])
    try sheet.setUpPrinting(title: "\(ruleSet.agreement) \(ruleSet.year)", headerRow: 0)
  }
}
