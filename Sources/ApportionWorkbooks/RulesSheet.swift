import ApportionCore
import XlsxWriter

/// The Rules sheet of `partnership.xlsx`: each rule in words (which lines it takes, its
/// basis, its note), how many lines it took and their total, and each partner's share of
/// them; a totals row; then the drivers as a table, each partner's percentage a formula over
/// its figures. The rule names are the defined name `Rules_Name`, which the Lines sheets'
/// Rule column looks up by number.
struct RulesSheet {
  let workbook: Workbook
  let styles: WorkbookStyles
  let ruleSet: RuleSet
  let names: DefinedNames
  let lines: LinesSheets
  let partStems: [String]

  static let headerRow = 3
  static let textWidth = 28.0

  func write(_ summary: Summary) throws {
    let sheet = SheetWriter(try workbook.addWorksheet(name: "Rules"))
    let partners = ruleSet.partners
    let n = partners.count
    let totalColumn = 6
    let firstShareColumn = 7
    let lastColumn = firstShareColumn + n - 1
    let moneyWidth = max(
      12, (summary.ruleTotals + [summary.total]).map(SheetWriter.width(of:)).max() ?? 12)
    var widths: [Int: Double] = [
      0: 5, 1: 22, 2: Self.textWidth, 3: Self.textWidth + 4, 4: Self.textWidth, 5: 8,
      totalColumn: Double(moneyWidth) + 1,
    ]
    for (p, partner) in partners.enumerated() {
      widths[firstShareColumn + p] = Double(
        max(9, PartnershipWorkbook.longestWord(partner.shortName) + 2))
    }
    try sheet.setWidths(widths)

    try sheet.paragraph(
      0, 0...lastColumn, "Rules of \(ruleSet.agreement), \(ruleSet.year)", styles.title,
      lineHeight: 19)
    try sheet.paragraph(
      1, 0...lastColumn,
      "The first rule whose conditions match a line takes it. Values compare ignoring case and "
        + "surrounding spaces. A partner's share is its part of the total of the rule's lines.",
      styles.note)
    let headerRow = Self.headerRow
    try sheet.sheet.setRow(row: headerRow, height: 30)
    let titles = ["No.", "Rule", "Takes", "Basis", "Note", "Lines", "Total of the lines"]
    for (column, title) in titles.enumerated() {
      let format =
        column == 0 ? styles.headerCenter : column >= 5 ? styles.headerRight : styles.header
      try sheet.header(headerRow, column, title, format)
    }
    for (p, partner) in partners.enumerated() {
      try sheet.header(headerRow, firstShareColumn + p, partner.shortName, styles.headerRight)
    }

    let firstRow = headerRow + 1
    for (r, rule) in ruleSet.rules.enumerated() {
      let row = firstRow + r
      let takes =
        rule.condition.isCatchAll ? "every other line" : "lines where \(rule.condition.summary)"
      let basis = rule.basis.describe(partners: partners, drivers: ruleSet.drivers)
      let note = rule.note ?? ""
      try sheet.fitRow(
        row,
        wrapped: [
          (rule.name, widths[1] ?? 22), (takes, widths[2] ?? 28), (basis, widths[3] ?? 32),
          (note, widths[4] ?? 28),
        ])
      let number = CellReference.a1(row: row, column: 0, absolute: true)
      try sheet.integer(row, 0, r + 1, styles.ruleNumber)
      try sheet.text(row, 1, rule.name, styles.wrapped, measured: false)
      try sheet.text(row, 2, takes, styles.wrapped, measured: false)
      try sheet.text(row, 3, basis, styles.wrapped, measured: false)
      try sheet.text(row, 4, note, styles.wrapped, measured: false)
      try lines.writeCountAndTotal(
        of: r, criterion: number, summary, on: sheet, row: row, column: 5)
      let total = CellReference.a1(row: row, column: totalColumn, absolute: true)
      for p in 0..<n {
        let part = lines.sumIf(number, stem: partStems[p])
        try sheet.formula(
          row, firstShareColumn + p, "IF(\(total)=0,0,(\(part))/\(total))",
          number: Self.share(summary.byRule[r][p], of: summary.ruleTotals[r]), styles.percent,
          width: 6)
      }
    }
    let rules = ruleSet.rules.count
    let ruleRows = firstRow...max(firstRow, firstRow + rules - 1)
    try names.define("Rules_Number", RangeReference(sheet: sheet.name, column: 0, rows: ruleRows))
    try names.define("Rules_Name", RangeReference(sheet: sheet.name, column: 1, rows: ruleRows))

    let totalRow = firstRow + rules
    try sheet.blanks(totalRow, [0, 2, 3, 4], styles.grandTotalLabel)
    try sheet.text(totalRow, 1, "Total", styles.grandTotalLabel, measured: false)
    try sheet.formula(
      totalRow, 5, SheetWriter.sum(column: 5, rows: ruleRows), count: summary.lineCount,
      styles.integerGrandTotal)
    try sheet.formula(
      totalRow, totalColumn, SheetWriter.sum(column: totalColumn, rows: ruleRows), summary.total,
      styles.moneyGrandTotal)
    let total = CellReference.a1(row: totalRow, column: totalColumn, absolute: true)
    for p in 0..<n {
      try sheet.formula(
        totalRow, firstShareColumn + p,
        "IF(\(total)=0,0,(\(lines.sum(stem: partStems[p])))/\(total))",
        number: Self.share(summary.partnerTotals[p], of: summary.total),
        styles.percentGrandTotal, width: 6)
    }
    if !ruleSet.drivers.isEmpty { try writeDrivers(on: sheet, from: totalRow + 2) }
    try sheet.setUpPrinting(
      SheetWriter.Printing(
        title: "\(ruleSet.agreement) \(ruleSet.year)", repeatRows: headerRow...headerRow))
  }

  /// `part / whole` as a fraction of 1 (0 when the whole is 0), for a `0.0%` cell.
  static func share(_ part: Money, of whole: Money) -> Double {
    whole == .zero ? 0 : Double(part.pence) / Double(whole.pence)
  }

  /// The drivers as a table: partners down, each driver's figure and the partner's share of
  /// it (a formula over the figures) across.
  private func writeDrivers(on sheet: SheetWriter, from start: Int) throws {
    let partners = ruleSet.partners
    try sheet.text(start, 1, "Drivers", styles.heading, measured: false)
    let headerRow = start + 1
    try sheet.sheet.setRow(row: headerRow, height: 30)
    try sheet.header(headerRow, 1, "Partner", styles.header)
    for (d, driver) in ruleSet.drivers.enumerated() {
      try sheet.header(headerRow, 2 + 2 * d, driver.name, styles.headerRight)
      try sheet.header(headerRow, 3 + 2 * d, "\(driver.name) share", styles.headerRight)
    }
    let firstRow = headerRow + 1
    let rows = firstRow...(firstRow + partners.count - 1)
    let totalRow = firstRow + partners.count
    for (p, partner) in partners.enumerated() {
      let row = firstRow + p
      try sheet.text(row, 1, partner.shortName, styles.text, measured: false)
      for (d, driver) in ruleSet.drivers.enumerated() {
        let value = Self.value(of: partner.id, in: driver)
        let total = ruleSet.driverTotal(driver)
        try sheet.number(
          row, 2 + 2 * d, value, styles.number, width: "\(value)".count)
        let figure = CellReference.a1(row: row, column: 2 + 2 * d)
        let sum = CellReference.a1(row: totalRow, column: 2 + 2 * d, absolute: true)
        try sheet.formula(
          row, 3 + 2 * d, "IF(\(sum)=0,0,\(figure)/\(sum))",
          number: total == 0 ? 0 : value / total, styles.percent, width: 6)
      }
    }
    try sheet.text(totalRow, 1, "Total", styles.grandTotalLabel, measured: false)
    for (d, driver) in ruleSet.drivers.enumerated() {
      let total = ruleSet.driverTotal(driver)
      try sheet.formula(
        totalRow, 2 + 2 * d, SheetWriter.sum(column: 2 + 2 * d, rows: rows), number: total,
        styles.numberGrandTotal, width: 8)
      try sheet.formula(
        totalRow, 3 + 2 * d, SheetWriter.sum(column: 3 + 2 * d, rows: rows),
        number: total == 0 ? 0 : 1, styles.percentGrandTotal, width: 6)
      try names.define(
        "Driver_" + driver.name,
        RangeReference(sheet: sheet.name, column: 2 + 2 * d, rows: rows))
    }
  }

  /// A partner's figure in a driver (0 when left out), as a number.
  static func value(of partner: PartnerID, in driver: Driver) -> Double {
    driver.values.first { $0.partner == partner }.flatMap { Double("\($0.value)") } ?? 0
  }
}

extension RuleSet {
  /// A driver's figures added up, as a number.
  func driverTotal(_ driver: Driver) -> Double {
    partners.reduce(0) { $0 + RulesSheet.value(of: $1.id, in: driver) }
  }
}
