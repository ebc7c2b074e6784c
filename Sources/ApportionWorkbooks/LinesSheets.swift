import ApportionCore
import ApportionIO
import XlsxWriter

/// The budget lines of a workbook, streamed row by row onto one sheet, continuing on
/// `Lines 2`, `Lines 3`… when a sheet is full.
///
/// Each sheet opens with a totals row of `SUBTOTAL(109, …)` formulas (the total of the
/// visible lines: it follows the filter, and stays in view above the frozen header), then
/// the header row with filter buttons, then one row per line: id, description, every other
/// budget column in budget order (numbers as numbers), amount, rule number and rule name,
/// and the workbook's own columns. Each column's lines have a defined name (`Lines_Amount`,
/// `Lines_Rule`, `Lines2_Amount` on `Lines 2`) that every formula about them uses. Rule
/// numbers accept only rule numbers; the rule name follows the number by formula; anything
/// typed below the lines turns red, because no total includes it.
final class LinesSheets {
  struct Column {
    var title: String
    /// Numbers (right-aligned header).
    var isNumeric = false
    var minimumWidth = 0
    var maximumWidth = SheetWriter.maxWidth
    /// The stem of the column's defined name on each sheet: `Part_brent` → `Lines_Part_brent`.
    var stem: String?
    /// Centred, header and cells.
    var isCentered = false
  }

  /// The rows every Lines sheet starts with.
  static let totalsRow = 0
  static let headerRow = 1
  static let firstDataRow = 2
  /// The widest a description is shown before it wraps.
  static let descriptionWidth = 70

  private let workbook: Workbook
  private let styles: WorkbookStyles
  private let profile: BudgetProfile
  private let columns: [Column]
  /// The budget's own columns shown after id and description: (header, position).
  private let budgetColumns: [(title: String, position: Int, isNumeric: Bool)]
  private let ruleNames: [String]
  /// The defined name of the rule names that the Rule column looks up.
  private let ruleNamesName: String
  /// `INDEX(Rules_Name,J`: the Rule column's formula up to the row number.
  private let ruleFormulaPrefix: String
  let amountColumn: Int
  let ruleNumberColumn: Int
  var ruleNameColumn: Int { ruleNumberColumn + 1 }
  let firstExtraColumn: Int
  private let title: String
  private let writeTotals:
    (SheetWriter, BudgetProfile.SheetTotals, (String) -> String) throws -> Void
  private let names: DefinedNames
  /// `stems[sheet][stem]`: the defined name of a column on a sheet.
  private var stems: [[String: String]] = []
  private(set) var sheets: [SheetWriter] = []
  /// Data rows written on each sheet.
  private(set) var rowCounts: [Int] = []
  private var amount = Money.zero

  /// - Parameters:
  ///   - profile: the checking pass's profile (line count, numeric columns, totals).
  ///   - ruleNamesName: the defined name of the rule names, in rule order.
  ///   - names: the workbook's defined names so far.
  ///   - totals: writes the workbook's own columns of a sheet's totals row, given the sheet,
  ///     its totals, and the defined name of a column's lines on it by stem.
  init(
    workbook: Workbook, styles: WorkbookStyles, schema: BudgetSchema, profile: BudgetProfile,
    ruleNames: [String], ruleNamesName: String, names: DefinedNames, extraColumns: [Column],
    title: String,
    totals: @escaping (SheetWriter, BudgetProfile.SheetTotals, (String) -> String) throws -> Void
  ) throws {
    self.workbook = workbook
    self.styles = styles
    self.profile = profile
    self.ruleNames = ruleNames
    self.ruleNamesName = ruleNamesName
    self.names = names
    self.title = title
    writeTotals = totals
    let own = [schema.idColumn, schema.descriptionColumn, schema.amountColumn]
    budgetColumns = schema.columns.enumerated().filter { !own.contains($0.offset) }.map {
      (title: $0.element, position: $0.offset, isNumeric: profile.isNumeric(position: $0.offset))
    }
    amountColumn = 2 + budgetColumns.count
    ruleNumberColumn = amountColumn + 1
    firstExtraColumn = amountColumn + 3
    ruleFormulaPrefix =
      "INDEX(\(ruleNamesName)," + CellReference.columnLetters(amountColumn + 1)
    columns =
      [
        Column(title: "Id", stem: "Id"),
        Column(title: "Description", maximumWidth: Self.descriptionWidth),
      ]
      + budgetColumns.map {
        Column(title: $0.title, isNumeric: $0.isNumeric, maximumWidth: 40, stem: $0.title)
      }
      + [
        Column(title: "Amount", isNumeric: true, minimumWidth: 12, stem: "Amount"),
        Column(title: "Rule no.", isNumeric: true, stem: "Rule", isCentered: true),
        Column(title: "Rule", maximumWidth: 30),
      ] + extraColumns
    try startSheet()
  }

  private func startSheet() throws {
    let index = sheets.count
    let name = index == 0 ? "Lines" : "Lines \(index + 1)"
    let writer = SheetWriter(try workbook.addWorksheet(name: name))
    let planned = index < profile.sheets.count ? profile.sheets[index] : nil
    let lines = planned?.lines ?? 0
    let lastColumn = columns.count - 1
    let dataRows = Self.firstDataRow...(Self.firstDataRow + max(0, lines - 1))

    // Names for the columns' lines on this sheet: Lines_Amount, Lines2_Amount…
    let prefix = index == 0 ? "Lines" : "Lines\(index + 1)"
    var sheetStems: [String: String] = [:]
    for (position, column) in columns.enumerated() {
      guard let stem = column.stem else { continue }
      sheetStems[stem] = try names.define(
        prefix + "_" + stem, RangeReference(sheet: name, column: position, rows: dataRows))
    }
    stems.append(sheetStems)
    sheets.append(writer)
    rowCounts.append(0)
    amount = .zero

    // The totals row, above the header so that filtering never hides it.
    let row = Self.totalsRow
    try writer.formula(
      row, 0, Self.visible(.count, self.name(of: "Id", sheet: index)), count: lines,
      styles.lineCount)
    try writer.text(
      row, 1, "Total of the visible lines (follows the filter)", styles.grandTotalLabel,
      measured: false)
    try writer.blanks(row, budgetColumns.indices.map { 2 + $0 }, styles.grandTotalLabel)
    try writer.formula(
      row, amountColumn, Self.visible(.sum, self.name(of: "Amount", sheet: index)),
      planned?.amount ?? .zero, styles.moneyGrandTotal)
    try writer.blanks(row, [ruleNumberColumn, ruleNameColumn], styles.grandTotalLabel)
    let partners = profile.sheets.first?.parts.count ?? 0
    try writeTotals(
      writer,
      planned
        ?? BudgetProfile.SheetTotals(
          parts: Array(repeating: .zero, count: partners),
          rounding: Array(repeating: 0, count: partners))
    ) { self.name(of: $0, sheet: index) }

    // Tall enough for the headers wrapped in the widths they are likely to get.
    let headerLines =
      columns.map { column in
        let longest = column.title.split(separator: " ").map(\.count).max() ?? 1
        let width = Self.shownWidth(
          max(column.minimumWidth, min(column.maximumWidth, longest + 1)))
        return SheetWriter.lineCount(column.title, width: width)
      }.max() ?? 1
    try writer.sheet.setRow(row: Self.headerRow, height: max(30, 13 * Double(headerLines) + 4))
    for (position, column) in columns.enumerated() {
      let format =
        column.isCentered
        ? styles.headerCenter : column.isNumeric ? styles.headerRight : styles.header
      try writer.header(Self.headerRow, position, column.title, format)
    }
    try writer.sheet.freezePanes(row: Self.firstDataRow, column: 1)
    try writer.sheet.autofilter(
      firstRow: Self.headerRow, firstColumn: 0, lastRow: Self.headerRow + max(1, lines),
      lastColumn: lastColumn)

    // Only rule numbers go in the rule number column; anything below the lines is red.
    let count = ruleNames.count
    try writer.sheet.addDataValidation(
      DataValidation(
        allowed: 1...max(1, count), inputTitle: "Rule number",
        inputMessage: "A rule number, 1 to \(count). The Rule column and every total follow it.",
        errorTitle: "Not a rule number",
        errorMessage: "Type a rule number from 1 to \(count), as numbered on the Rules sheet."),
      to: RangeReference(
        sheet: name, column: ruleNumberColumn,
        rows: Self.firstDataRow...(Worksheet.maxRows - 1)))
    let below = Self.firstDataRow + lines
    if below < Worksheet.maxRows {
      try writer.sheet.addConditionalFormat(
        ConditionalFormat(.notBlank, format: styles.bad),
        to: RangeReference(
          sheet: name, firstRow: below, firstColumn: 0, lastRow: Worksheet.maxRows - 1,
          lastColumn: lastColumn))
    }
  }

  enum Aggregate {
    case sum, count
  }

  /// The sum (or count) of the visible cells of a named range:
  /// `IFERROR(SUBTOTAL(109,Lines_Amount),SUBTOTAL(9,Lines_Amount))`. `SUBTOTAL(109, …)`
  /// leaves out rows a filter (or a person) hides, in Excel and LibreOffice; Gnumeric 1.12
  /// has no function numbers over 100 and answers `#NUM!`, so it falls back to
  /// `SUBTOTAL(9, …)`.
  static func visible(_ aggregate: Aggregate, _ name: String) -> String {
    let (visible, all) = aggregate == .sum ? (109, 9) : (103, 3)
    return "IFERROR(SUBTOTAL(\(visible),\(name)),SUBTOTAL(\(all),\(name)))"
  }

  /// The first of a workbook's own columns for a budget with these columns: after id,
  /// description, the budget's other columns, amount, rule number and rule name.
  static func firstExtraColumn(_ schema: BudgetSchema) -> Int { schema.columns.count + 2 }

  /// The defined name of a column's lines on a sheet.
  func name(of stem: String, sheet: Int) -> String {
    stems[sheet][stem] ?? "#NAME?"
  }

  /// Writes one line's row: the leading cells here, the workbook's own through
  /// `extra(sheet, row)`. `wrappedLines` is how many lines the workbook's own wrapped texts
  /// take, so that the row is made tall enough.
  func write(
    _ prepared: PreparedLine, wrappedLines: Int = 1,
    extra: (SheetWriter, Int) throws -> Void
  ) throws {
    let result = prepared.result
    let line = result.line
    var index = sheets.count - 1
    if rowCounts[index] == planned(index) {
      guard index + 1 < profile.sheets.count else {
        throw OutputError("the budget has more lines than when it was first read")
      }
      try closeSheet()
      try startSheet()
      index += 1
    }
    let row = Self.firstDataRow + rowCounts[index]
    rowCounts[index] += 1
    amount = try amount + line.amount
    let sheet = sheets[index]
    try sheet.fitRow(row, lines: max(prepared.descriptionLines, wrappedLines))
    try sheet.text(row, 0, line.id, styles.text)
    try sheet.text(row, 1, line.description, styles.wrapped)
    for (offset, value) in prepared.values.enumerated() {
      switch value {
      case .number(let number, let width):
        try sheet.number(row, 2 + offset, number, styles.number, width: width)
      case .text(let text):
        try sheet.text(row, 2 + offset, text, styles.text)
      }
    }
    try sheet.money(row, amountColumn, line.amount, styles.money)
    try sheet.integer(row, ruleNumberColumn, result.ruleIndex + 1, styles.ruleNumber)
    // INDEX(Rules_Name,J3): the formula's text before the row is the same on every row.
    try sheet.formula(
      row, ruleNameColumn, ruleFormulaPrefix + String(row + 1) + ")",
      text: ruleNames[result.ruleIndex], styles.text)
    try extra(sheet, row)
  }

  private func planned(_ sheet: Int) -> Int {
    sheet < profile.sheets.count ? profile.sheets[sheet].lines : 0
  }

  /// The width a column shows text in, for `maximum` measured characters.
  static func shownWidth(_ characters: Int) -> Double { Double(characters) * 1.1 + 2 }

  /// Sets the current sheet's widths and printing, after checking that it holds what the
  /// checking pass counted.
  private func closeSheet() throws {
    guard let writer = sheets.last else { return }
    let index = sheets.count - 1
    if index < profile.sheets.count, amount != profile.sheets[index].amount {
      throw OutputError("the budget has changed since it was first read")
    }
    var minimum: [Int: Int] = [:]
    var maximum: [Int: Int] = [:]
    for (position, column) in columns.enumerated() {
      minimum[position] = column.minimumWidth
      maximum[position] = column.maximumWidth
    }
    try writer.fitColumns(minimum: minimum, maximum: maximum)
    // Printing the workbook prints the summaries, not 20,000 lines: the print area is the
    // line count alone, and the page header says how to print the lines.
    let lines = rowCounts[index]
    try writer.setUpPrinting(
      SheetWriter.Printing(
        title: title,
        right: "\(writer.name): \(lines) lines, not printed here: clear the print area to print "
          + "them", repeatRows: Self.totalsRow...Self.headerRow))
    try writer.sheet.setPrintArea(
      RangeReference(
        sheet: writer.name, firstRow: Self.totalsRow, firstColumn: 0, lastRow: Self.totalsRow,
        lastColumn: 1))
  }

  /// Closes the last sheet.
  func finish() throws {
    guard rowCounts == profile.sheets.map(\.lines) else {
      throw OutputError("the budget has fewer lines than when it was first read")
    }
    try closeSheet()
  }

  /// `SUMIF(Lines_Rule,criterion,Lines_<stem>)` over every sheet, added up: the total of a
  /// column over the lines whose rule number is `criterion` (a cell reference such as `$A6`).
  func sumIf(_ criterion: String, stem: String) -> String {
    sheets.indices.map {
      "SUMIF(\(name(of: "Rule", sheet: $0)),\(criterion),\(name(of: stem, sheet: $0)))"
    }.joined(separator: "+")
  }

  /// `COUNTIF(Lines_Rule,criterion)` over every sheet, added up.
  func countIf(_ criterion: String) -> String {
    sheets.indices.map { "COUNTIF(\(name(of: "Rule", sheet: $0)),\(criterion))" }
      .joined(separator: "+")
  }

  /// `SUM(Lines_<stem>)` over every sheet, added up.
  func sum(stem: String) -> String {
    sheets.indices.map { "SUM(\(name(of: stem, sheet: $0)))" }.joined(separator: "+")
  }

  /// The rows with an id on every sheet, counted over the whole of column A (less each
  /// sheet's totals and header rows), so that a row typed anywhere is counted.
  func countRowsWithAnId() -> String {
    sheets.map { "COUNTA(\(CellReference.quotedSheetName($0.name))!$A:$A)-2" }
      .joined(separator: "+")
  }

  /// Writes a rule's line count at `column` and the total of its lines' amounts in the
  /// column after, as formulas over every Lines sheet with the engine's figures cached.
  func writeCountAndTotal(
    of rule: Int, criterion: String, _ summary: Summary, on sheet: SheetWriter, row: Int,
    column: Int
  ) throws {
    try sheet.formula(
      row, column, countIf(criterion), count: summary.ruleLineCounts[rule], styles.integer)
    try sheet.formula(
      row, column + 1, sumIf(criterion, stem: "Amount"), summary.ruleTotals[rule], styles.money)
  }
}
