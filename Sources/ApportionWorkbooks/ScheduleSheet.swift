import ApportionCore
import XlsxWriter

/// The monthly recharge schedule on a sheet: the twelve months down (April first) with a
/// subtotal after each quarter, one column per partner (the partnership workbook) or the
/// partner's own column (a partner's workbook), and a total across when there are several.
/// The month cells are the engine's schedule (see ``Schedule``); the quarters, the year and
/// the totals across are formulas with the engine's values cached, and a check under each
/// column compares its year with the partner's total elsewhere in the workbook, by name.
struct ScheduleSheet {
  /// One column of amounts: a partner's months, and the defined name of the cell holding
  /// the same partner's total for the year, which the check row compares with.
  struct Column {
    var title: String
    var months: [Money]
    var total: Money
    var totalName: String
  }

  let sheet: SheetWriter
  let styles: WorkbookStyles
  let columns: [Column]
  /// The months' labels (`2017-04` …), as in `run --json`.
  let months: [String]
  /// Where the totals the check compares with are, for the check's label: "the Summary".
  let totalsPlace: String

  private var hasTotalColumn: Bool { columns.count > 1 }
  private var totalColumn: Int { 1 + columns.count }
  private var lastColumn: Int { hasTotalColumn ? totalColumn : columns.count }
  private static let headerRow = 3
  private static let firstMonthRow = headerRow + 1
  /// A quarter's three months, then its subtotal.
  private static let quarterRows = 4

  private static let quarterNames = [
    "April–June", "July–September", "October–December",
    "January–March",
  ]

  func write(title: String, note: String, printTitle: String) throws {
    let monthTotals = try months.indices.map { m in
      try Money.sum(columns.map { $0.months[m] })
    }
    let allColumns: [(values: [Money], total: Money)] =
      columns.map { ($0.months, $0.total) }
      + (hasTotalColumn ? [(monthTotals, try Money.sum(columns.map(\.total)))] : [])

    var widths: [Int: Double] = [0: 26]
    for (c, column) in allColumns.enumerated() {
      let title = c < columns.count ? columns[c].title : "Total"
      let widest = (column.values + [column.total]).map(SheetWriter.width(of:)).max() ?? 12
      widths[1 + c] = Double(
        max(widest, PartnershipWorkbook.longestWord(title) + 1, 12) + 1)
    }
    try sheet.setWidths(widths)
    try sheet.paragraph(0, 0...lastColumn, title, styles.title, lineHeight: 19)
    try sheet.paragraph(1, 0...lastColumn, note, styles.note)

    let header = Self.headerRow
    try sheet.sheet.setRow(row: header, height: 30)
    try sheet.header(header, 0, "Month", styles.header)
    for (c, column) in columns.enumerated() {
      try sheet.header(header, 1 + c, column.title, styles.headerRight)
    }
    if hasTotalColumn { try sheet.header(header, totalColumn, "Total", styles.headerRight) }

    var quarterCells: [[String]] = Array(repeating: [], count: allColumns.count)
    for quarter in 0..<4 {
      let firstRow = Self.firstMonthRow + quarter * Self.quarterRows
      for offset in 0..<3 {
        let m = quarter * 3 + offset
        guard m < months.count else { break }
        let row = firstRow + offset
        try sheet.text(row, 0, months[m], styles.text, measured: false)
        for (c, column) in columns.enumerated() {
          try sheet.money(row, 1 + c, column.months[m], styles.money)
        }
        if hasTotalColumn {
          let across = CellReference.range(
            firstRow: row, firstColumn: 1, lastRow: row, lastColumn: columns.count)
          try sheet.formula(row, totalColumn, "SUM(\(across))", monthTotals[m], styles.money)
        }
      }
      let subtotalRow = firstRow + 3
      try sheet.text(
        subtotalRow, 0, "Quarter \(quarter + 1) (\(Self.quarterNames[quarter]))",
        styles.totalLabel, measured: false)
      for (c, column) in allColumns.enumerated() {
        let range = firstRow...(firstRow + 2)
        let value = try Money.sum(column.values[(quarter * 3)..<(quarter * 3 + 3)])
        try sheet.formula(
          subtotalRow, 1 + c, SheetWriter.sum(column: 1 + c, rows: range), value,
          styles.moneyTotal)
        quarterCells[c].append(CellReference.a1(row: subtotalRow, column: 1 + c))
      }
    }

    let yearRow = Self.firstMonthRow + 4 * Self.quarterRows
    try sheet.text(yearRow, 0, "Year", styles.grandTotalLabel, measured: false)
    for (c, column) in allColumns.enumerated() {
      try sheet.formula(
        yearRow, 1 + c, "SUM(" + quarterCells[c].joined(separator: ",") + ")", column.total,
        styles.moneyGrandTotal)
    }
    let checkRow = yearRow + 2
    try sheet.paragraph(
      checkRow, 0...0, "Check: year − total on \(totalsPlace) (should be 0.00)", styles.wrapped)
    for (c, column) in columns.enumerated() {
      let year = CellReference.a1(row: yearRow, column: 1 + c)
      try sheet.formula(
        checkRow, 1 + c, "ROUND(\(year)-\(column.totalName),2)", .zero, styles.check)
    }
    try styles.lightUp(
      RangeReference(
        sheet: sheet.name, firstRow: checkRow, firstColumn: 1, lastRow: checkRow,
        lastColumn: columns.count),
      on: sheet.sheet)
    try sheet.setUpPrinting(
      SheetWriter.Printing(
        title: printTitle, repeatRows: header...header, landscape: columns.count > 6,
        fitToWidth: true))
  }

  /// The quarters' subtotals are checked as sums of months, so a schedule that is not
  /// twelve months (never, from the engine) would misplace them.
  static func fits(_ schedule: Schedule) -> Bool {
    schedule.months.count == FinancialYear.monthCount
  }
}
