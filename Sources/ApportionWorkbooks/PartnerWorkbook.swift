import ApportionCore
import XlsxWriter

/// `<partner-id>.xlsx`: one council's statement. A one-page statement named after the
/// council (see ``StatementSheet``), Schedule (its recharge month by month, see
/// ``ScheduleSheet``), Lines (every line with its full amount, the rule, the
/// council's share in words and as a percentage, its part and the rounding in pence), and
/// Sources.
final class PartnerWorkbook {
  let workbook: Workbook
  private let partner: Int
  private let styles: WorkbookStyles
  private let ruleSet: RuleSet
  private let sources: RunSources
  private let baseline: Baseline?
  private let names: DefinedNames
  private let statement: SheetWriter
  private let scheduleSheet: SheetWriter
  private let lines: LinesSheets
  private var wordsColumn: Int { lines.firstExtraColumn }
  private var shareColumn: Int { lines.firstExtraColumn + 1 }
  private var partColumn: Int { lines.firstExtraColumn + 2 }
  private var roundingColumn: Int { lines.firstExtraColumn + 3 }
  /// The width the share in words wraps at on the Lines sheet.
  static let wordsWidth = 60

  init(
    path: String, options: WorkbookOptions, partner: Int, ruleSet: RuleSet,
    schema: BudgetSchema, sources: RunSources, profile: BudgetProfile, baseline: Baseline?
  ) throws {
    self.partner = partner
    self.ruleSet = ruleSet
    self.sources = sources
    self.baseline = baseline
    let me = ruleSet.partners[partner]
    workbook = try Workbook(
      path: path, options: options,
      title: "\(ruleSet.agreement) \(ruleSet.year): statement for \(me.name)",
      subject: "\(me.name)'s share of the shared service's budget", sources: sources,
      ruleSet: ruleSet, keywords: [me.name, "statement"])
    let styles = try WorkbookStyles(workbook)
    self.styles = styles
    names = DefinedNames(workbook)
    // The statement comes first, so it must not take a name the Lines sheets will need.
    let taken =
      ["Schedule", "Lines", "Sources"]
      + (1..<max(1, profile.sheets.count)).map { "Lines \($0 + 1)" }
    statement = SheetWriter(
      try workbook.addWorksheet(name: SafeNames.sheetName(me.shortName, taken: taken)))
    scheduleSheet = SheetWriter(try workbook.addWorksheet(name: "Schedule"))
    let first = LinesSheets.firstExtraColumn(schema)
    let amountColumn = first - 3
    lines = try LinesSheets(
      workbook: workbook, styles: styles, schema: schema, profile: profile,
      ruleNames: ruleSet.rules.map(\.name), ruleNamesName: "Rules_Name", names: names,
      extraColumns: [
        .init(title: "Share in words", maximumWidth: Self.wordsWidth),
        .init(title: "Share %", isNumeric: true, minimumWidth: 7, stem: "Share"),
        .init(title: "\(me.shortName)'s part", isNumeric: true, minimumWidth: 12, stem: "Part"),
        .init(title: "Rounding (p)", isNumeric: true, stem: "Rounding"),
      ],
      title: "\(ruleSet.agreement) \(ruleSet.year): \(me.name)"
    ) { sheet, totals, name in
      let row = LinesSheets.totalsRow
      try sheet.blanks(row, [first], styles.grandTotalLabel)
      let amount = CellReference.a1(row: row, column: amountColumn)
      let part = CellReference.a1(row: row, column: first + 2)
      try sheet.formula(
        row, first + 1, "IF(\(amount)=0,0,\(part)/\(amount))",
        number: RulesSheet.share(totals.parts[partner], of: totals.amount),
        styles.percentGrandTotal, width: 6)
      try sheet.formula(
        row, first + 2, LinesSheets.visible(.sum, name("Part")), totals.parts[partner],
        styles.moneyGrandTotal)
      try sheet.formula(
        row, first + 3, LinesSheets.visible(.sum, name("Rounding")),
        number: totals.rounding[partner],
        styles.penceGrandTotal, width: 9)
    }
  }

  func add(_ prepared: PreparedLine) throws {
    let result = prepared.result
    try lines.write(prepared, wrappedLines: prepared.wordsLines) { sheet, row in
      try sheet.text(row, wordsColumn, prepared.words, styles.wrapped)
      try sheet.number(row, shareColumn, prepared.shares[partner], styles.percent, width: 6)
      try sheet.money(row, partColumn, result.parts[partner], styles.money)
      try sheet.number(row, roundingColumn, prepared.rounding[partner], styles.pence, width: 9)
    }
  }

  func finish(_ summary: Summary) throws {
    try lines.finish()
    try StatementSheet(
      sheet: statement, styles: styles, ruleSet: ruleSet, partner: partner, sources: sources,
      baseline: baseline, names: names, lines: lines
    ).write(summary)
    try writeSchedule(summary)
    try SourcesSheet.finish(
      workbook, styles: styles, ruleSet: ruleSet, sources: sources, summary: summary,
      names: names)
  }

  /// The Schedule sheet: this partner's column of the monthly recharge schedule, checked
  /// against the statement's total payable.
  private func writeSchedule(_ summary: Summary) throws {
    guard let schedule = summary.schedule, ScheduleSheet.fits(schedule) else { return }
    let me = ruleSet.partners[partner]
    let column = ScheduleSheet.Column(
      title: "\(me.shortName)'s recharge", months: schedule.byPartner[partner],
      total: summary.partnerTotals[partner], totalName: "Payable")
    try ScheduleSheet(
      sheet: scheduleSheet, styles: styles, columns: [column], months: schedule.months,
      totalsPlace: "the statement"
    ).write(
      title: "\(me.name): monthly recharge \(ruleSet.year)",
      note: "\(me.name)'s recharge month by month, in \(ruleSet.currency), for invoicing "
        + "monthly or quarterly: the same schedule as the partnership's workbook. The months "
        + "add up to the total payable on the statement.",
      printTitle: "\(ruleSet.agreement), \(ruleSet.year)")
  }
}
