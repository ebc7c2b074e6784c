import ApportionCore
import XlsxWriter

/// `<partner-id>.xlsx`: one council's statement. A sheet named after the council (its
/// totals per rule, the total payable, and the partnership's totals for context), Lines
/// (every line with its full amount, the rule, the basis in words and the council's part),
/// and Sources.
final class PartnerWorkbook {
  let workbook: Workbook
  private let partner: Int
  private let styles: WorkbookStyles
  private let ruleSet: RuleSet
  private let sources: RunSources
  private let basis: LineBasis
  private let statement: SheetWriter
  private let lines: LinesSheets
  private var basisColumn: Int { lines.firstExtraColumn }
  private var partColumn: Int { lines.firstExtraColumn + 1 }

  private var name: String { ruleSet.partners[partner].name }

  init(
    path: String, options: WorkbookOptions, partner: Int, ruleSet: RuleSet, schema: BudgetSchema,
    sources: RunSources,
    usedColumns: [(name: String, position: Int)], lineCount: Int, maxLinesPerSheet: Int
  ) throws {
    self.partner = partner
    self.ruleSet = ruleSet
    self.sources = sources
    basis = LineBasis(ruleSet: ruleSet, schema: schema)
    let name = ruleSet.partners[partner].name
    workbook = try Workbook(
      path: path, options: options,
      title: "\(ruleSet.agreement) \(ruleSet.year): statement for \(name)",
      subject: "\(name)'s share of the shared service's budget", sources: sources)
    styles = try WorkbookStyles(workbook)
    // The statement comes first, so it must not take a name the Lines sheets will need.
    let perSheet = max(1, maxLinesPerSheet)
    let lineSheets = max(1, (lineCount + perSheet - 1) / perSheet)
    let taken = ["Lines", "Sources"] + (1..<lineSheets).map { "Lines \($0 + 1)" }
    statement = SheetWriter(
      try workbook.addWorksheet(name: SafeNames.sheetName(name, taken: taken)))
    lines = try LinesSheets(
      workbook: workbook, styles: styles, usedColumns: usedColumns,
      ruleNames: ruleSet.rules.map(\.name),
      extraColumns: [
        .init(title: "Basis"), .init(title: "\(name)'s part", isMoney: true, minimumWidth: 10),
      ],
      title: "\(ruleSet.agreement) \(ruleSet.year): \(name)", lineCount: lineCount,
      maxDataRows: maxLinesPerSheet)
  }

  func add(_ result: LineResult) throws {
    let part = result.parts[partner]
    try lines.write(result) { sheet, row in
      try sheet.text(row, basisColumn, basis.describe(result, partner: partner))
      try sheet.money(row, partColumn, part, styles.money)
    }
    try lines.add(part, column: partColumn)
  }

  func finish(_ summary: Summary) throws {
    try lines.finish()
    try writeStatement(summary)
    try SourcesSheet.finish(
      workbook, styles: styles, ruleSet: ruleSet, sources: sources, summary: summary)
  }

  private func writeStatement(_ summary: Summary) throws {
    let sheet = statement
    try sheet.text(0, 0, "Statement for \(name)", styles.title, measured: false)
    try sheet.text(
      1, 0, "\(name)'s share of \(ruleSet.agreement), \(ruleSet.year), in \(ruleSet.currency).",
      styles.subtitle, measured: false)
    try sheet.text(
      2, 0,
      sources.generatedBy
        + "; every line is on the Lines sheet.", styles.subtitle,
      measured: false)
    let headerRow = 4
    let titles = ["Rule", "Basis", "Lines", "Total of the lines", "\(name)'s part"]
    for (column, title) in titles.enumerated() {
      try sheet.text(headerRow, column, title, column >= 2 ? styles.headerRight : styles.header)
    }
    let first = headerRow + 1
    for (r, rule) in ruleSet.rules.enumerated() {
      let row = first + r
      try sheet.text(row, 0, rule.name)
      try sheet.text(
        row, 1, rule.basis.describe(partners: ruleSet.partners, drivers: ruleSet.drivers))
      try lines.writeCountAndTotal(of: r, summary, on: sheet, row: row, column: 2)
      try sheet.formula(
        row, 4, lines.sumIf(rule: r, column: partColumn), summary.byRule[r][partner],
        styles.money)
    }
    let totalRow = first + ruleSet.rules.count
    let ruleRows = first...max(first, totalRow - 1)
    func columnSum(_ column: Int) -> String { SheetWriter.sum(column: column, rows: ruleRows) }
    try sheet.text(totalRow, 0, "Total payable by \(name)", styles.bold)
    try sheet.sheet.writeBlank(row: totalRow, column: 1, format: styles.bold)
    try sheet.formula(totalRow, 2, columnSum(2), count: summary.lineCount, styles.integerBold)
    try sheet.formula(totalRow, 3, columnSum(3), summary.total, styles.moneyBold)
    try sheet.formula(totalRow, 4, columnSum(4), summary.partnerTotals[partner], styles.moneyBold)

    let contextRow = totalRow + 2
    try sheet.text(contextRow, 0, "The partnership", styles.header)
    for column in 1...3 {
      try sheet.sheet.writeBlank(row: contextRow, column: column, format: styles.header)
    }
    try sheet.text(contextRow, 4, "Total", styles.headerRight)
    for (p, other) in ruleSet.partners.enumerated() {
      let row = contextRow + 1 + p
      try sheet.text(row, 0, other.name + (p == partner ? " (this statement)" : ""))
      try sheet.money(row, 4, summary.partnerTotals[p], styles.money)
    }
    let sumRow = contextRow + 1 + ruleSet.partners.count
    try sheet.text(sumRow, 0, "Total of all partners", styles.bold)
    for column in 1...3 {
      try sheet.sheet.writeBlank(row: sumRow, column: column, format: styles.bold)
    }
    try sheet.formula(
      sumRow, 4, SheetWriter.sum(column: 4, rows: (contextRow + 1)...(sumRow - 1)), summary.total,
      styles.moneyBold)
    try sheet.text(
      sumRow + 1, 0, "Check: this statement's total − \(name)'s partnership total (should be 0.00)",
      measured: false)
    let mine = CellReference.a1(row: contextRow + 1 + partner, column: 4)
    let payable = CellReference.a1(row: totalRow, column: 4)
    try sheet.formula(sumRow + 1, 4, "ROUND(\(payable)-\(mine),2)", .zero, styles.money)
    try sheet.fitColumns(minimum: [0: 30], maximum: [1: 120])
    try sheet.setUpPrinting(
      title: "\(ruleSet.agreement) \(ruleSet.year): \(name)", headerRow: headerRow)
  }
}
