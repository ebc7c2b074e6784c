import ApportionCore
import XlsxWriter

/// `partnership.xlsx`: Summary (partners across, rules down, checks and two charts), Schedule
/// (the monthly recharge schedule: months down, partners across, quarter subtotals), Lines
/// (every line, each partner's part and rounding, a check per line), Rules (each rule in
/// words with each partner's share, and the drivers) and Sources (files, hashes, parameters).
final class PartnershipWorkbook {
  let workbook: Workbook
  let styles: WorkbookStyles
  let ruleSet: RuleSet
  let sources: RunSources
  let baseline: Baseline?
  let names: DefinedNames
  let summarySheet: SheetWriter
  let scheduleSheet: SheetWriter
  /// The defined names of each partner's total on the Summary, once it is written.
  var partnerTotalNames: [String] = []
  let lines: LinesSheets
  /// Column positions on the Lines sheets.
  var amountColumn: Int { lines.amountColumn }
  var firstPartColumn: Int { lines.firstExtraColumn }
  var firstRoundingColumn: Int { firstPartColumn + ruleSet.partners.count }
  var checkColumn: Int { firstRoundingColumn + ruleSet.partners.count }
  /// The stems of each partner's defined names: `Part_brent` (`Lines_Part_brent`).
  let partStems: [String]
  let roundingStems: [String]
  /// The columns of each line's check formula, as letters.
  private let amountLetters: String
  private let firstPartLetters: String
  private let lastPartLetters: String

  init(
    path: String, options: WorkbookOptions, ruleSet: RuleSet, schema: BudgetSchema,
    sources: RunSources, profile: BudgetProfile, baseline: Baseline?
  ) throws {
    self.ruleSet = ruleSet
    self.sources = sources
    self.baseline = baseline
    workbook = try Workbook(
      path: path, options: options, title: "\(ruleSet.agreement) \(ruleSet.year): apportionment",
      subject: "Apportionment of the shared service's budget between the partners",
      sources: sources, ruleSet: ruleSet, keywords: ruleSet.partners.map(\.name))
    let styles = try WorkbookStyles(workbook)
    self.styles = styles
    names = DefinedNames(workbook)
    summarySheet = SheetWriter(try workbook.addWorksheet(name: "Summary"))
    scheduleSheet = SheetWriter(try workbook.addWorksheet(name: "Schedule"))
    let partners = ruleSet.partners
    let n = partners.count
    let partStems = partners.map { "Part_" + $0.id.rawValue }
    let roundingStems = partners.map { "Rounding_" + $0.id.rawValue }
    self.partStems = partStems
    self.roundingStems = roundingStems
    let columns =
      partners.enumerated().map {
        LinesSheets.Column(
          title: $0.element.shortName, isNumeric: true, minimumWidth: 12, stem: partStems[$0.offset]
        )
      }
      + partners.enumerated().map {
        LinesSheets.Column(
          title: "Rounding \($0.element.shortName) (p)", isNumeric: true,
          stem: roundingStems[$0.offset])
      }
      + [
        LinesSheets.Column(
          title: "Check: amount − parts", isNumeric: true, minimumWidth: 12, stem: "Check")
      ]
    let firstPart = LinesSheets.firstExtraColumn(schema)
    amountLetters = CellReference.columnLetters(firstPart - 3)
    firstPartLetters = CellReference.columnLetters(firstPart)
    lastPartLetters = CellReference.columnLetters(firstPart + n - 1)
    lines = try LinesSheets(
      workbook: workbook, styles: styles, schema: schema, profile: profile,
      ruleNames: ruleSet.rules.map(\.name), ruleNamesName: "Rules_Name", names: names,
      extraColumns: columns, title: "\(ruleSet.agreement) \(ruleSet.year)"
    ) { sheet, totals, name in
      let row = LinesSheets.totalsRow
      for p in 0..<n {
        try sheet.formula(
          row, firstPart + p, LinesSheets.visible(.sum, name(partStems[p])), totals.parts[p],
          styles.moneyGrandTotal)
        try sheet.formula(
          row, firstPart + n + p, LinesSheets.visible(.sum, name(roundingStems[p])),
          number: totals.rounding[p], styles.penceGrandTotal, width: 9)
      }
      let check = firstPart + 2 * n
      try sheet.formula(row, check, LinesSheets.visible(.sum, name("Check")), .zero, styles.check)
      // Every check lights up: the totals row's, and each line's.
      try styles.lightUp(
        RangeReference(sheet: sheet.name, column: check, rows: row...row), on: sheet.sheet)
      try styles.lightUp(
        RangeReference(
          sheet: sheet.name, column: check,
          rows: LinesSheets.firstDataRow...(LinesSheets.firstDataRow + max(0, totals.lines - 1))),
        on: sheet.sheet)
    }
  }

  func add(_ prepared: PreparedLine) throws {
    let result = prepared.result
    try lines.write(prepared) { sheet, row in
      for (p, part) in result.parts.enumerated() {
        try sheet.money(row, firstPartColumn + p, part, styles.money)
        try sheet.number(
          row, firstRoundingColumn + p, prepared.rounding[p], styles.pence, width: 9)
      }
      // ROUND(I3-SUM(L3:M3),2)
      let number = String(row + 1)
      try sheet.formula(
        row, checkColumn,
        "ROUND(" + amountLetters + number + "-SUM(" + firstPartLetters + number + ":"
          + lastPartLetters + number + "),2)", .zero, styles.check)
    }
  }

  func finish(_ summary: Summary) throws {
    try lines.finish()
    try writeSummary(summary)
    try writeSchedule(summary)
    try RulesSheet(
      workbook: workbook, styles: styles, ruleSet: ruleSet, names: names, lines: lines,
      partStems: partStems
    ).write(summary)
    try SourcesSheet.finish(
      workbook, styles: styles, ruleSet: ruleSet, sources: sources, summary: summary,
      names: names)
  }
}

extension PartnershipWorkbook {
  /// The Schedule sheet: each partner's recharge month by month (see ``ScheduleSheet``).
  func writeSchedule(_ summary: Summary) throws {
    guard let schedule = summary.schedule, ScheduleSheet.fits(schedule) else { return }
    let columns = ruleSet.partners.indices.map { p in
      ScheduleSheet.Column(
        title: ruleSet.partners[p].shortName, months: schedule.byPartner[p],
        total: summary.partnerTotals[p], totalName: partnerTotalNames[p])
    }
    try ScheduleSheet(
      sheet: scheduleSheet, styles: styles, columns: columns, months: schedule.months,
      totalsPlace: "the Summary"
    ).write(
      title: "\(ruleSet.agreement): monthly recharge schedule \(ruleSet.year)",
      note: "Each partner's recharge month by month, in \(ruleSet.currency), for invoicing "
        + "monthly or quarterly. A line's amount falls across the months evenly (or by its "
        + "rule's profile, or by its own month columns) and each month is shared among that "
        + "month's members. Each partner's months add up to its total for the year on the "
        + "Summary, and for each rule each month is within 1p of the partner's exact share.",
      printTitle: "\(ruleSet.agreement), \(ruleSet.year)")
  }
}
