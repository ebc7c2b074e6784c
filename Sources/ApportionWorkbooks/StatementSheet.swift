import ApportionCore
import XlsxWriter

/// The first sheet of a partner's workbook: the one page a council's finance director reads
/// and signs. It says which agreement and year; the total payable, with the base's figure
/// and the change when there is a base; by rule, the lines, the share in words and as a
/// percentage, the total of the lines and the council's part; the check against the
/// partnership's totals; why the pennies are fair; and lines to sign. It prints on A4 in
/// portrait at full size: the columns' widths add up to the page's, and long text wraps.
struct StatementSheet {
  let sheet: SheetWriter
  let styles: WorkbookStyles
  let ruleSet: RuleSet
  let partner: Int
  let sources: RunSources
  let baseline: Baseline?
  let names: DefinedNames
  let lines: LinesSheets

  /// The printable width of A4 portrait with half-inch side margins (7.27 in, 698 pixels at
  /// 96 dpi) in column units of 10-point Arial: 7 pixels a digit and 5 a column in Excel,
  /// 7.4 a digit in LibreOffice, less a margin for error.
  static let pageWidth = 88.0
  /// Columns: number, rule, share in words, lines, share %, total of the lines, part.
  static let columns = 7

  private var me: Partner { ruleSet.partners[partner] }

  /// The columns' widths: the numbers as wide as their longest figure, the rule and the
  /// words sharing what is left of the page.
  static func widths(_ summary: Summary) -> [Int: Double] {
    let money =
      (summary.ruleTotals + [summary.total] + summary.partnerTotals).map(SheetWriter.width(of:))
      .max() ?? 12
    let numbers: [Int: Double] = [
      0: 4, 3: Double(max(6, SheetWriter.width(of: summary.lineCount) + 2)), 4: 7.5,
      5: Double(max(12, money)) + 0.5, 6: Double(max(12, money)) + 0.5,
    ]
    let left = pageWidth - numbers.values.reduce(0, +)
    let rule = max(14, (left * 0.4).rounded(.down))
    return numbers.merging([1: rule, 2: max(18, left - rule)]) { $1 }
  }

  func write(_ summary: Summary) throws {
    let widths = Self.widths(summary)
    try sheet.setWidths(widths)
    let all = 0...(Self.columns - 1)
    let short = me.shortName
    try sheet.paragraph(0, all, ruleSet.agreement, styles.title, lineHeight: 19)
    try sheet.paragraph(
      1, all, "Statement for \(me.name), \(ruleSet.year)", styles.heading, lineHeight: 17)
    try sheet.paragraph(
      2, all,
      "\(me.name)'s share of the budget for \(ruleSet.year), in \(ruleSet.currency), by the "
        + "agreement's rules. Every line is on the Lines sheet. \(sources.generatedBy).",
      styles.note)

    // The figure that matters, first.
    let headerRow = baseline == nil ? 7 : 8
    let firstRuleRow = headerRow + 1
    let totalRow = firstRuleRow + ruleSet.rules.count
    let payable = CellReference.a1(row: totalRow, column: 6)
    try sheet.paragraph(4, 0...5, "Total payable by \(short)", styles.heading, lineHeight: 17)
    try sheet.formula(
      4, 6, payable, summary.partnerTotals[partner], styles.moneyHeadline)
    try writeComparison(summary, at: 5)

    try sheet.sheet.setRow(row: headerRow, height: 30)
    let titles = [
      "No.", "Rule", "Share in words", "Lines", "Share %", "Total of the lines", "\(short)'s part",
    ]
    for (column, title) in titles.enumerated() {
      let format =
        column == 0 ? styles.headerCenter : column >= 3 ? styles.headerRight : styles.header
      try sheet.header(headerRow, column, title, format)
    }
    let describe = StatementWords(ruleSet: ruleSet, partner: me)
    for (r, rule) in ruleSet.rules.enumerated() {
      let row = firstRuleRow + r
      let words = describe.describe(rule.basis)
      try sheet.fitRow(row, wrapped: [(rule.name, widths[1] ?? 14), (words, widths[2] ?? 18)])
      let number = CellReference.a1(row: row, column: 0, absolute: true)
      try sheet.integer(row, 0, r + 1, styles.ruleNumber)
      try sheet.text(row, 1, rule.name, styles.wrapped, measured: false)
      try sheet.text(row, 2, words, styles.wrapped, measured: false)
      try sheet.formula(
        row, 3, lines.countIf(number), count: summary.ruleLineCounts[r], styles.integer)
      try writeShare(row: row, summary.byRule[r][partner], of: summary.ruleTotals[r])
      try sheet.formula(
        row, 5, lines.sumIf(number, stem: "Amount"), summary.ruleTotals[r], styles.money)
      try sheet.formula(
        row, 6, lines.sumIf(number, stem: "Part"), summary.byRule[r][partner], styles.money)
    }
    try names.define(
      "Rules_Name",
      RangeReference(
        sheet: sheet.name, column: 1,
        rows: firstRuleRow...max(firstRuleRow, totalRow - 1)))

    let ruleRows = firstRuleRow...max(firstRuleRow, totalRow - 1)
    func columnSum(_ column: Int) -> String { SheetWriter.sum(column: column, rows: ruleRows) }
    try sheet.blanks(totalRow, [0, 2], styles.grandTotalLabel)
    try sheet.text(
      totalRow, 1, "Total payable by \(short)", styles.grandTotalLabel, measured: false)
    try sheet.formula(
      totalRow, 3, columnSum(3), count: summary.lineCount, styles.integerGrandTotal)
    try sheet.formula(
      totalRow, 4,
      "IF(\(CellReference.a1(row: totalRow, column: 5))=0,0,\(payable)/"
        + "\(CellReference.a1(row: totalRow, column: 5)))",
      number: RulesSheet.share(summary.partnerTotals[partner], of: summary.total),
      styles.percentGrandTotal, width: 6)
    try sheet.formula(totalRow, 5, columnSum(5), summary.total, styles.moneyGrandTotal)
    try sheet.formula(
      totalRow, 6, columnSum(6), summary.partnerTotals[partner], styles.moneyGrandTotal)
    try names.define(
      "Payable", RangeReference(sheet: sheet.name, column: 6, rows: totalRow...totalRow))

    let end = try writeCheck(summary, from: totalRow + 2, payable: payable)
    let pennies = end + 1
    try sheet.paragraph(
      pennies, all,
      "Pennies are fair: every line is shared exactly and then rounded to whole pence so that "
        + "its parts add up to it, with the rounding carried down each rule's lines so that "
        + "\(short)'s total for each rule is within 1p of its exact share and a tied penny goes "
        + "to each partner in turn; the Rounding column on the Lines sheet shows each line's "
        + "adjustment in pence.", styles.note)
    let last = try writeSignOff(from: pennies + 2)

    try sheet.sheet.setMargins(left: 0.5, right: 0.5, top: 0.6, bottom: 0.6)
    try sheet.setUpPrinting(
      SheetWriter.Printing(
        title: "\(ruleSet.agreement), \(ruleSet.year)", right: "Statement for \(short)",
        repeatRows: nil, landscape: false, fitToWidth: false))
    try sheet.sheet.setPrintArea(
      RangeReference(
        sheet: sheet.name, firstRow: 0, firstColumn: 0, lastRow: last,
        lastColumn: Self.columns - 1))
  }

  /// The partner's share of a rule's lines: its part over their total.
  private func writeShare(row: Int, _ part: Money, of total: Money) throws {
    let totalCell = CellReference.a1(row: row, column: 5)
    let partCell = CellReference.a1(row: row, column: 6)
    try sheet.formula(
      row, 4, "IF(\(totalCell)=0,0,\(partCell)/\(totalCell))",
      number: RulesSheet.share(part, of: total), styles.percent, width: 6)
  }

  /// The base's figure and the change, or a sentence saying there is none.
  private func writeComparison(_ summary: Summary, at row: Int) throws {
    guard let baseline else {
      try sheet.paragraph(
        row, 0...(Self.columns - 1),
        "No earlier figure to compare with: this run has no base (a scenario's statement shows "
          + "its base's total and the change here).", styles.note)
      return
    }
    let short = me.shortName
    let base = baseline.totals[me.id]
    try sheet.paragraph(
      row, 0...5,
      base == nil ? "\(baseline.label): \(short) was not a partner (0.00)" : baseline.label,
      styles.paragraph)
    try sheet.money(row, 6, base ?? .zero, styles.money)
    try sheet.paragraph(row + 1, 0...5, "Change from the base", styles.label)
    let now = CellReference.a1(row: row - 1, column: 6)
    let before = CellReference.a1(row: row, column: 6)
    try sheet.formula(
      row + 1, 6, "\(now)-\(before)", try summary.partnerTotals[partner] - (base ?? .zero),
      styles.moneyTotal)
  }

  /// Every partner's total in the partnership, their sum, and the check that this statement
  /// agrees; returns the last row written.
  private func writeCheck(_ summary: Summary, from start: Int, payable: String) throws -> Int {
    try sheet.paragraph(
      start, 0...(Self.columns - 1), "Check against the partnership's totals", styles.label)
    let first = start + 1
    for (p, other) in ruleSet.partners.enumerated() {
      let row = first + p
      try sheet.paragraph(
        row, 1...5, other.name + (p == partner ? " (this statement)" : ""), styles.paragraph)
      try sheet.money(row, 6, summary.partnerTotals[p], styles.money)
    }
    let sumRow = first + ruleSet.partners.count
    try sheet.blanks(sumRow, [0], styles.grandTotalLabel)
    try sheet.paragraph(sumRow, 1...5, "Total of all partners", styles.grandTotalLabel)
    try sheet.formula(
      sumRow, 6, SheetWriter.sum(column: 6, rows: first...(sumRow - 1)), summary.total,
      styles.moneyGrandTotal)
    let checkRow = sumRow + 1
    try sheet.paragraph(
      checkRow, 1...5,
      "Check: this statement's total − \(me.shortName)'s total in the partnership (should be "
        + "0.00)", styles.paragraph)
    let mine = CellReference.a1(row: first + partner, column: 6)
    try sheet.formula(checkRow, 6, "ROUND(\(payable)-\(mine),2)", .zero, styles.check)
    let cell = RangeReference(sheet: sheet.name, column: 6, rows: checkRow...checkRow)
    try names.define("Check_Statement", cell)
    try styles.lightUp(cell, on: sheet.sheet)
    return checkRow
  }

  /// Lines to sign and date; returns the last row.
  private func writeSignOff(from start: Int) throws -> Int {
    try sheet.paragraph(start, 0...(Self.columns - 1), "Sign-off", styles.label)
    let roles = ["Prepared by", "Checked by", "Approved by"]
    for (index, role) in roles.enumerated() {
      let row = start + 1 + index
      try sheet.sheet.setRow(row: row, height: 24)
      try sheet.sheet.mergeRange(
        RangeReference(
          sheet: sheet.name, firstRow: row, firstColumn: 0, lastRow: row, lastColumn: 1),
        role, format: styles.signatureLabel)
      try sheet.blanks(row, [2], styles.signature)
      try sheet.text(row, 3, "Date", styles.signatureLabel, measured: false)
      try sheet.blanks(row, [4, 5, 6], styles.signature)
    }
    return start + roles.count
  }
}
