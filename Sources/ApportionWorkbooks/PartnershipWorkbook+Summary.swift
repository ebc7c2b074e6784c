import ApportionCore
import XlsxWriter

extension PartnershipWorkbook {
  /// The Summary: rules down, partners across, each cell a `SUMIF` over the Lines sheets by
  /// the rule's number, with totals, the base and the change when there is one, the checks,
  /// and two charts. It prints on one portrait page at full size for a few partners.
  func writeSummary(_ summary: Summary) throws {
    let sheet = summarySheet
    let partners = ruleSet.partners
    let n = partners.count
    let totalColumn = 3 + n
    let lastColumn = totalColumn

    // Widths first: the titles and notes wrap across the table's width.
    var moneyWidth = [Int](repeating: 12, count: n + 1)
    for p in 0..<n {
      let values = summary.byRule.map { $0[p] } + [summary.partnerTotals[p]]
      moneyWidth[p] = values.map(SheetWriter.width(of:)).max() ?? 12
      moneyWidth[p] = max(moneyWidth[p], Self.longestWord(partners[p].shortName) + 1, 12)
    }
    moneyWidth[n] = max(
      (summary.ruleTotals + [summary.total]).map(SheetWriter.width(of:)).max() ?? 12, 12)
    let ruleWidth = min(36, max(24, summary.rules.map(\.name.count).max() ?? 0))
    var widths: [Int: Double] = [
      0: 5, 1: Double(ruleWidth) + 2,
      2: Double(max(7, SheetWriter.width(of: summary.lineCount) + 2)),
    ]
    for column in 0...n { widths[3 + column] = Double(moneyWidth[column]) + 1 }
    try sheet.setWidths(widths)

    try sheet.paragraph(
      0, 0...lastColumn, "\(ruleSet.agreement): apportionment \(ruleSet.year)", styles.title,
      lineHeight: 19)
    try sheet.paragraph(
      1, 0...lastColumn,
      "Each partner's share of the budget by rule, in \(ruleSet.currency). "
        + sources.generatedBy + " (\(summary.lineCount) lines); see the Sources sheet.",
      styles.note)
    let headerRow = 3
    try sheet.sheet.setRow(row: headerRow, height: 30)
    try sheet.header(headerRow, 0, "No.", styles.headerCenter)
    try sheet.header(headerRow, 1, "Rule", styles.header)
    try sheet.header(headerRow, 2, "Lines", styles.headerRight)
    for (p, partner) in partners.enumerated() {
      try sheet.header(headerRow, 3 + p, partner.shortName, styles.headerRight)
    }
    try sheet.header(headerRow, totalColumn, "Total", styles.headerRight)

    let firstRuleRow = headerRow + 1
    for (r, rule) in ruleSet.rules.enumerated() {
      let row = firstRuleRow + r
      try sheet.fitRow(row, wrapped: [(rule.name, widths[1] ?? 24)])
      let number = CellReference.a1(row: row, column: 0, absolute: true)
      try sheet.integer(row, 0, r + 1, styles.ruleNumber)
      try sheet.text(row, 1, rule.name, styles.wrapped, measured: false)
      try sheet.formula(
        row, 2, lines.countIf(number), count: summary.ruleLineCounts[r], styles.integer)
      for p in 0..<n {
        try sheet.formula(
          row, 3 + p, lines.sumIf(number, stem: partStems[p]), summary.byRule[r][p],
          styles.money)
      }
      let range = CellReference.range(
        firstRow: row, firstColumn: 3, lastRow: row, lastColumn: 2 + n)
      try sheet.formula(row, totalColumn, "SUM(\(range))", summary.ruleTotals[r], styles.money)
    }
    let totalRow = firstRuleRow + ruleSet.rules.count
    let ruleRows = firstRuleRow...max(firstRuleRow, totalRow - 1)
    func columnSum(_ column: Int) -> String { SheetWriter.sum(column: column, rows: ruleRows) }
    try sheet.blanks(totalRow, [0], styles.grandTotalLabel)
    try sheet.text(totalRow, 1, "Total", styles.grandTotalLabel, measured: false)
    try sheet.formula(
      totalRow, 2, columnSum(2), count: summary.lineCount, styles.integerGrandTotal)
    for p in 0..<n {
      try sheet.formula(
        totalRow, 3 + p, columnSum(3 + p), summary.partnerTotals[p], styles.moneyGrandTotal)
      partnerTotalNames.append(
        try names.define("Total_" + partners[p].id.rawValue, cell(totalRow, 3 + p)))
    }
    try sheet.formula(
      totalRow, totalColumn, columnSum(totalColumn), summary.total, styles.moneyGrandTotal)

    var row = totalRow + 1
    if let baseline { row = try writeBaseline(baseline, summary, totalRow: totalRow) }
    row += 1
    let labels = 0...(totalColumn - 1)
    let grand = CellReference.a1(row: row, column: totalColumn)
    try sheet.paragraph(
      row, labels, "Total of all budget lines (on the Lines sheet)", styles.paragraph)
    try sheet.formula(row, totalColumn, lines.sum(stem: "Amount"), summary.total, styles.money)
    try names.define("Budget_Total", cell(row, totalColumn))
    row += 1
    try sheet.paragraph(
      row, labels, "Check: partners' totals − budget total (should be 0.00)", styles.paragraph)
    let partnersTotal = CellReference.range(
      firstRow: totalRow, firstColumn: 3, lastRow: totalRow, lastColumn: 2 + n)
    try sheet.formula(
      row, totalColumn, "ROUND(SUM(\(partnersTotal))-\(grand),2)",
      try Money.sum(summary.partnerTotals) - summary.total, styles.check)
    try names.define("Check_Total", cell(row, totalColumn))
    try styles.lightUp(cell(row, totalColumn), on: sheet.sheet)
    row += 1
    let counted = CellReference.a1(row: row, column: totalColumn)
    try sheet.paragraph(
      row, labels, "Rows with an id on the Lines sheet, down to the end of the sheet",
      styles.paragraph)
    try sheet.formula(
      row, totalColumn, lines.countRowsWithAnId(), count: summary.lineCount, styles.integer)
    row += 1
    try sheet.paragraph(
      row, labels,
      "Check: those rows − the lines in the totals above (should be 0; a row typed below the "
        + "lines is in no total, and shows here)", styles.paragraph)
    try sheet.formula(
      row, totalColumn, "\(counted)-\(CellReference.a1(row: totalRow, column: 2))", count: 0,
      styles.integer)
    try names.define("Check_Lines", cell(row, totalColumn))
    try styles.lightUp(cell(row, totalColumn), on: sheet.sheet)

    let chartRow = row + 2
    let tableWidth = widths.values.reduce(0) { $0 + $1 * 7 + 5 }
    let scale = min(1.5, max(1, tableWidth / 480))
    try addTotalsChart(
      summary, headerRow: headerRow, totalRow: totalRow, at: chartRow, scale: scale)
    try addByRuleChart(
      summary, headerRow: headerRow, firstRuleRow: firstRuleRow, at: chartRow + 16, scale: scale)

    try sheet.setUpPrinting(
      SheetWriter.Printing(
        title: "\(ruleSet.agreement) \(ruleSet.year)", repeatRows: nil, landscape: false))
  }

  /// The base's totals and the change from them, under the total row; returns the next row.
  private func writeBaseline(_ baseline: Baseline, _ summary: Summary, totalRow: Int) throws
    -> Int
  {
    let sheet = summarySheet
    let n = ruleSet.partners.count
    let baseRow = totalRow + 1
    try sheet.text(baseRow, 1, baseline.label, styles.text, measured: false)
    var baseTotal = Money.zero
    for (p, partner) in ruleSet.partners.enumerated() {
      let base = baseline.totals[partner.id] ?? .zero
      baseTotal = try baseTotal + base
      try sheet.money(baseRow, 3 + p, base, styles.money)
    }
    try sheet.formula(
      baseRow, 3 + n,
      "SUM(\(CellReference.range(firstRow: baseRow, firstColumn: 3, lastRow: baseRow, lastColumn: 2 + n)))",
      baseTotal, styles.money)
    let changeRow = baseRow + 1
    try sheet.text(changeRow, 1, "Change from the base", styles.label, measured: false)
    for column in 3...(3 + n) {
      let now = CellReference.a1(row: totalRow, column: column)
      let before = CellReference.a1(row: baseRow, column: column)
      let value =
        column == 3 + n
        ? try summary.total - baseTotal
        : try summary.partnerTotals[column - 3]
          - (baseline.totals[ruleSet.partners[column - 3].id] ?? .zero)
      try sheet.formula(changeRow, column, "\(now)-\(before)", value, styles.moneyTotal)
    }
    return changeRow + 1
  }

  /// A single cell of the Summary as a range.
  private func cell(_ row: Int, _ column: Int) -> RangeReference {
    RangeReference(sheet: summarySheet.name, column: column, rows: row...row)
  }

  static func longestWord(_ text: String) -> Int {
    text.split(separator: " ").map(\.count).max() ?? 0
  }

  /// Each partner's total, a column each, labelled in pounds.
  private func addTotalsChart(
    _ summary: Summary, headerRow: Int, totalRow: Int, at row: Int, scale: Double
  ) throws {
    let n = ruleSet.partners.count
    let chart = try workbook.addChart(type: .column)
    try chart.setTitle("Total payable by each partner, \(ruleSet.year)")
    try chart.setValueAxisNumberFormat("£#,##0;(£#,##0)")
    try chart.hideLegend()
    if summary.partnerTotals.allSatisfy({ $0 >= .zero }) { try chart.setValueAxisMinimum(0) }
    var series = Chart.Series(
      name: .text("Total payable"),
      categories: RangeReference(
        sheet: summarySheet.name, firstRow: headerRow, firstColumn: 3, lastRow: headerRow,
        lastColumn: 2 + n),
      values: RangeReference(
        sheet: summarySheet.name, firstRow: totalRow, firstColumn: 3, lastRow: totalRow,
        lastColumn: 2 + n))
    series.cachedCategories = ruleSet.partners.map(\.shortName)
    series.cachedValues = summary.partnerTotals.map { Double($0.pence) / 100 }
    series.dataLabelFormat = "£#,##0;(£#,##0)"
    try chart.add(series)
    try summarySheet.sheet.insertChart(row: row, column: 0, chart: chart, xScale: scale)
  }

  /// Each partner's total built up rule by rule: a stacked bar per partner, for the
  /// meeting's slide.
  private func addByRuleChart(
    _ summary: Summary, headerRow: Int, firstRuleRow: Int, at row: Int, scale: Double
  ) throws {
    let n = ruleSet.partners.count
    let chart = try workbook.addChart(type: .stackedBar)
    try chart.setTitle("Each partner's total by rule, \(ruleSet.year)")
    try chart.setValueAxisNumberFormat("£#,##0;(£#,##0)")
    try chart.showLegendAtBottom()
    try chart.setCategoryLabelsLow()
    for (r, rule) in ruleSet.rules.enumerated() {
      let ruleRow = firstRuleRow + r
      var series = Chart.Series(
        name: .cell(row: ruleRow, column: 1, sheet: summarySheet.name, cached: rule.name),
        categories: RangeReference(
          sheet: summarySheet.name, firstRow: headerRow, firstColumn: 3, lastRow: headerRow,
          lastColumn: 2 + n),
        values: RangeReference(
          sheet: summarySheet.name, firstRow: ruleRow, firstColumn: 3, lastRow: ruleRow,
          lastColumn: 2 + n))
      series.cachedCategories = ruleSet.partners.map(\.shortName)
      series.cachedValues = summary.byRule[r].map { Double($0.pence) / 100 }
      try chart.add(series)
    }
    let height = max(1, min(2, Double(n + ruleSet.rules.count) / 8))
    try summarySheet.sheet.insertChart(
      row: row, column: 0, chart: chart, xScale: scale, yScale: height)
  }
}
