import ApportionCore
import ApportionIO
import XlsxWriter

/// The budget lines of a workbook, streamed row by row onto one sheet, continuing on
/// `Lines 2`, `Lines 3`… when a sheet is full. Each sheet has a header row, a frozen header
/// and id column, an autofilter, and a totals row of `SUM` formulas under its lines.
final class LinesSheets {
  struct Column {
    var title: String
    /// Money columns get a total under the lines.
    var isMoney = false
    var minimumWidth = 0
  }

  private let workbook: Workbook
  private let styles: WorkbookStyles
  private let columns: [Column]
  private let usedColumns: [(name: String, position: Int)]
  private let ruleNames: [String]
  /// Every Lines sheet starts with id, description, the columns the rules use, amount, rule
  /// number and rule name; the workbook's own columns follow from `firstExtraColumn`.
  let amountColumn: Int
  let ruleNumberColumn: Int
  let firstExtraColumn: Int
  private let title: String
  /// Lines planned for each sheet: the filter and the totals row must be placed before
  /// the rows are streamed (constant-memory mode writes rows in order).
  private let planned: [Int]
  private(set) var sheets: [SheetWriter] = []
  /// Data rows written on each sheet.
  private(set) var rowCounts: [Int] = []
  private var sums: [Int: Money] = [:]

  /// - Parameters:
  ///   - lineCount: how many lines will be written (known from a first pass).
  ///   - maxDataRows: lines per sheet before the next sheet starts (the sheet's limit less
  ///     the header and totals rows; smaller in tests).
  init(
    workbook: Workbook, styles: WorkbookStyles, usedColumns: [(name: String, position: Int)],
    ruleNames: [String], extraColumns: [Column], title: String, lineCount: Int,
    maxDataRows: Int = Worksheet.maxRows - 2
  ) throws {
    self.workbook = workbook
    self.styles = styles
    self.usedColumns = usedColumns
    self.ruleNames = ruleNames
    amountColumn = 2 + usedColumns.count
    ruleNumberColumn = amountColumn + 1
    firstExtraColumn = amountColumn + 3
    self.columns =
      [Column(title: "Id"), Column(title: "Description")]
      + usedColumns.map { Column(title: $0.name) }
      + [
        Column(title: "Amount", isMoney: true, minimumWidth: 10), Column(title: "Rule no."),
        Column(title: "Rule"),
      ] + extraColumns
    self.title = title
    let perSheet = max(1, maxDataRows)
    var plan: [Int] = []
    var left = max(0, lineCount)
    repeat {
      plan.append(min(perSheet, left))
      left -= plan[plan.count - 1]
    } while left > 0
    planned = plan
    try startSheet()
  }

  private func startSheet() throws {
    let name = sheets.isEmpty ? "Lines" : "Lines \(sheets.count + 1)"
    let writer = SheetWriter(try workbook.addWorksheet(name: name))
    for (index, column) in columns.enumerated() {
      try writer.text(0, index, column.title, column.isMoney ? styles.headerRight : styles.header)
    }
    try writer.sheet.freezePanes(row: 1, column: 1)
    try writer.sheet.autofilter(
      firstRow: 0, firstColumn: 0, lastRow: max(1, planned[sheets.count]),
      lastColumn: columns.count - 1)
    sheets.append(writer)
    rowCounts.append(0)
    sums = [:]
  }

  /// Writes one line's row: the leading cells here, the workbook's own through
  /// `extra(sheet, row)`, whose money cells must be reported with ``add(_:column:)`` so the
  /// totals row can cache its value.
  func write(_ result: LineResult, extra: (SheetWriter, Int) throws -> Void) throws {
    let line = result.line
    try write { sheet, row in
      try sheet.text(row, 0, line.id)
      try sheet.text(row, 1, line.description)
      for (offset, column) in usedColumns.enumerated() {
        try sheet.text(row, 2 + offset, line.value(at: column.position))
      }
      try sheet.money(row, amountColumn, line.amount, styles.money)
      try sheet.integer(row, ruleNumberColumn, result.ruleIndex + 1, styles.integer)
      try sheet.text(row, ruleNumberColumn + 1, ruleNames[result.ruleIndex])
      try extra(sheet, row)
    }
    try add(line.amount, column: amountColumn)
  }

  private func write(_ body: (SheetWriter, Int) throws -> Void) throws {
    var index = sheets.count - 1
    if rowCounts[index] == planned[index] {
      guard index + 1 < planned.count else {
        throw OutputError("the budget has more lines than when it was first read")
      }
      try closeSheet()
      try startSheet()
      index += 1
    }
    rowCounts[index] += 1
    try body(sheets[index], rowCounts[index])
  }

  /// Adds a money cell's value to its column's total.
  func add(_ value: Money, column: Int) throws {
    sums[column] = try sums[column, default: .zero] + value
  }

  /// The row of the current sheet's totals (after its last line).
  private func closeSheet() throws {
    guard let writer = sheets.last, let count = rowCounts.last else { return }
    let totalRow = count + 1
    try writer.text(totalRow, 0, "Total", styles.bold)
    for (index, column) in columns.enumerated() where index > 0 {
      guard column.isMoney else {
        try writer.sheet.writeBlank(row: totalRow, column: index, format: styles.bold)
        continue
      }
      try writer.formula(
        totalRow, index, SheetWriter.sum(column: index, rows: 1...max(1, count)),
        sums[index, default: .zero], styles.moneyBold)
    }
    var minimum: [Int: Int] = [:]
    for (index, column) in columns.enumerated() { minimum[index] = column.minimumWidth }
    try writer.fitColumns(minimum: minimum)
    try writer.setUpPrinting(title: title, headerRow: 0)
  }

  /// Closes the last sheet (its totals row and layout).
  func finish() throws {
    guard rowCounts == planned else {
      throw OutputError("the budget has fewer lines than when it was first read")
    }
    try closeSheet()
  }

  /// One absolute range per sheet over a column's data rows: `'Lines'!$E$2:$E$106`.
  func ranges(column: Int) -> [String] {
    zip(sheets, rowCounts).map { writer, count in
      CellReference.qualifiedRange(
        sheet: writer.name, firstRow: 1, firstColumn: column, lastRow: max(1, count),
        lastColumn: column)
    }
  }

  /// `SUMIF(rule numbers, r, column)` over every sheet, added up: the total of `column` over
  /// the lines of rule `rule` (0-based; rule numbers on the sheets count from 1).
  func sumIf(rule: Int, column: Int) -> String {
    zip(ranges(column: ruleNumberColumn), ranges(column: column))
      .map { "SUMIF(\($0),\(rule + 1),\($1))" }.joined(separator: "+")
  }

  /// `COUNTIF(rule numbers, r)` over every sheet, added up: the number of lines of `rule`.
  func countIf(rule: Int) -> String {
    ranges(column: ruleNumberColumn).map { "COUNTIF(\($0),\(rule + 1))" }.joined(separator: "+")
  }

  /// Writes a rule's line count at `column` and the total of its lines' amounts in the
  /// column after, as formulas over every Lines sheet with the engine's figures cached.
  func writeCountAndTotal(
    of rule: Int, _ summary: Summary, on sheet: SheetWriter, row: Int, column: Int
  ) throws {
    try sheet.formula(
      row, column, countIf(rule: rule), count: summary.ruleLineCounts[rule], styles.integer)
    try sheet.formula(
      row, column + 1, sumIf(rule: rule, column: amountColumn), summary.ruleTotals[rule],
      styles.money)
  }

  /// `SUM(column)` over every sheet's lines, added up.
  func sum(column: Int) -> String {
    ranges(column: column).map { "SUM(\($0))" }.joined(separator: "+")
  }
}
