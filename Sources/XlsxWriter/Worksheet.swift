/// One worksheet of a `Workbook`: cells, column widths, panes and page setup.
///
/// Rows and columns are 0-based. Every failure throws an `XlsxError` naming the sheet and,
/// for cell writes, the cell (`Lines!B12`). The worksheet keeps its workbook alive.
///
/// In constant-memory mode (the default) rows must be written in ascending order: once a row
/// is started (by a write or `setRow`), earlier rows are flushed to disk. libxlsxwriter 1.1.4
/// rejects a later write to an earlier row with `LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE`; the
/// wrapper reports it as "rows must be written in ascending order". Within a row, columns may
/// be written in any order.
///
/// ```swift
/// let sheet = try book.addWorksheet(name: "Lines")
/// try sheet.writeString(row: 0, column: 0, "Rent")
/// try sheet.writeMoney(row: 0, column: 1, pence: 123_457)
/// try sheet.setColumn(first: 0, last: 0, width: 30)
/// try sheet.freezePanes(row: 1, column: 0)
/// ```
public final class Worksheet {
  /// Rows in an Excel worksheet.
  public static let maxRows = 1_048_576
  /// Columns in an Excel worksheet (`A` … `XFD`).
  public static let maxColumns = 16_384
  /// Longest text a cell holds, in UTF-16 code units (Excel's measure).
  public static let maxStringLength = 32_767
  /// Largest magnitude `writeMoney` accepts: 15 significant digits, Excel's precision.
  public static let maxExactPence: Int64 = 999_999_999_999_999

  /// The worksheet's name.
  public let name: String
  /// The workbook this sheet belongs to (kept alive by the sheet).
  public let workbook: Workbook
  let handle: Handle.Worksheet
  /// The highest row started so far (by a write or `setRow`), -1 before the first.
  public internal(set) var lastRowStarted = -1
  /// The rows given content, for the check of the written file.
  let tally: SheetTally

  init(workbook: Workbook, handle: Handle.Worksheet, name: String, tally: SheetTally) {
    self.workbook = workbook
    self.handle = handle
    self.name = name
    self.tally = tally
  }

  // MARK: Checks shared by the writers

  struct Cell {
    let row: UInt32
    let column: UInt16
  }

  func error(_ operation: XlsxError.Operation, row: Int? = nil, column: Int? = nil, reason: String)
    -> XlsxError
  {
    let cell = row.flatMap { row in column.map { CellReference.a1(row: row, column: $0) } }
    return XlsxError(operation, sheet: name, cell: cell, reason: reason)
  }

  static func localeError(_ operation: XlsxError.Operation, sheet: String? = nil) -> XlsxError {
    XlsxError(
      operation, sheet: sheet,
      reason: "the C numeric locale (LC_NUMERIC) does not use '.' as decimal point; "
        + "numbers would be written incorrectly")
  }

  /// Checks that the workbook is open and the cell inside Excel's grid.
  func cell(_ operation: XlsxError.Operation, _ row: Int, _ column: Int) throws -> Cell {
    if workbook.isClosed {
      // The cell's name is worked out only for the message: this is every write's hot path.
      _ = try workbook.requireOpen(
        operation, sheet: name, cell: CellReference.a1(row: row, column: column))
    }
    guard let r = UInt32(exactly: row), row < Self.maxRows, let c = UInt16(exactly: column),
      column < Self.maxColumns
    else {
      throw XlsxError(
        operation, sheet: name, cell: "R\(row + 1)C\(column + 1)", code: .worksheetIndexOutOfRange,
        reason: "row \(row) or column \(column) is outside the sheet (0..<\(Self.maxRows), "
          + "0..<\(Self.maxColumns))")
    }
    return Cell(row: r, column: c)
  }

  func formatHandle(
    _ format: Format?, _ operation: XlsxError.Operation, row: Int? = nil, column: Int? = nil
  ) throws -> Handle.Format? {
    guard let format else { return nil }
    guard format.workbook === workbook else {
      throw error(
        operation, row: row, column: column, reason: "the format belongs to another workbook")
    }
    return format.handle
  }

  /// Records the row as started (and, when `writes`, as holding content the file must
  /// show), or throws for a failed write (`Lxw.check`), explaining a row written out of order.
  func check(
    _ status: XlsxError.Code, _ operation: XlsxError.Operation, row: Int, column: Int? = nil,
    writes: Bool = true
  ) throws {
    guard status != .success else {
      lastRowStarted = max(lastRowStarted, row)
      if writes { tally.note(row: row) }
      return
    }
    let cell = column.map { CellReference.a1(row: row, column: $0) } ?? "row \(row + 1)"
    if status == .worksheetIndexOutOfRange, workbook.options.constantMemory, row < lastRowStarted {
      throw XlsxError(
        operation, sheet: name, cell: cell, code: status,
        reason: "rows must be written in ascending order in constant-memory mode: row \(row + 1) "
          + "comes after row \(lastRowStarted + 1), which is already started (\(status))")
    }
    try Lxw.check(status, operation, sheet: name, cell: cell)
  }

  // MARK: Writing cells

  /// Writes `text` as a string cell, always as text: `=SUM(A1)`, `+1`, `-1` and `@x` stay
  /// text and are never read as formulas or numbers (`worksheet_write_string`).
  ///
  /// An empty string writes nothing (or a formatted blank cell when `format` is given), as
  /// libxlsxwriter does. Characters XML cannot hold (control characters, NUL included, and
  /// non-characters) are stored as Excel's escapes (`_x0001_`), and literal text of that shape
  /// is protected (`_x0041_` is stored as `_x005F_x0041_`) so that Excel shows it as written
  /// rather than as `A`; see `WorkbookText`. Each such repair is recorded in the workbook's
  /// `textRepairs`.
  ///
  /// - Throws: `XlsxError` when the text is longer than `maxStringLength` UTF-16 code units
  ///   (libxlsxwriter itself counts code points, so would let 32,767 emoji through), or the
  ///   row is out of order.
  public func writeString(row: Int, column: Int, _ text: String, format: Format? = nil) throws {
    let cell = try cell(.writeCell, row, column)
    let format = try formatHandle(format, .writeCell, row: row, column: column)
    // UTF-16 never has more units than UTF-8 has bytes: count them only when it could matter.
    if text.utf8.count > Self.maxStringLength, text.utf16.count > Self.maxStringLength {
      throw XlsxError(
        .writeCell, sheet: name, cell: CellReference.a1(row: row, column: column),
        code: .maxStringLengthExceeded, detail: "\(text.utf16.count) UTF-16 code units")
    }
    let stored = workbook.storableCell(
      text, place: "cell \(self.name)!\(CellReference.a1(row: row, column: column))")
    try check(
      Lxw.writeString(handle, cell.row, cell.column, stored, format), .writeCell, row: row,
      column: column, writes: !stored.isEmpty || format != nil)
  }

  /// Writes a number. Money should go through `writeMoney(row:column:pence:format:)`.
  ///
  /// libxlsxwriter (Debian build, no dtoa library) stores `%.16G` of the value, so 8.14 is
  /// stored as `8.140000000000001`; that text reads back as exactly the same `Double`.
  ///
  /// - Throws: `XlsxError` for NaN or infinity (libxlsxwriter would write `-NAN`/`INF`, a
  ///   corrupt cell), a non-C numeric locale, or an out-of-order row.
  public func writeNumber(row: Int, column: Int, _ value: Double, format: Format? = nil) throws {
    let cell = try cell(.writeCell, row, column)
    let format = try formatHandle(format, .writeCell, row: row, column: column)
    let value = try finite(value, row: row, column: column)
    try check(
      Lxw.writeNumber(handle, cell.row, cell.column, value, format), .writeCell, row: row,
      column: column)
  }

  /// Writes an amount of money given in pence (minor units) as a number of pounds.
  ///
  /// This is the one place money becomes a `Double`: `Double(pence) / 100`, the nearest
  /// `Double` to the exact decimal amount (both steps are exact or correctly rounded). The
  /// stored text reads back as that same `Double`, and rounds to the exact amount at two
  /// decimals. Amounts beyond `maxExactPence` (15 significant digits, Excel's precision) are
  /// refused rather than shown with the pennies lost.
  ///
  /// - Throws: `XlsxError` when `|pence| > maxExactPence`, or as `writeNumber`.
  public func writeMoney(row: Int, column: Int, pence: Int64, format: Format? = nil) throws {
    let value = try pounds(pence, row: row, column: column)
    try writeNumber(row: row, column: column, value, format: format)
  }

  /// Writes a formula with the value it evaluates to, which is stored as the cached result.
  ///
  /// Viewers that do not recalculate show `cachedValue`, so pass the value you computed
  /// (`worksheet_write_formula_num`). A leading `=` is optional; libxlsxwriter strips it.
  public func writeFormula(
    row: Int, column: Int, _ formula: String, cachedValue: Double, format: Format? = nil
  ) throws {
    let cell = try cell(.writeCell, row, column)
    let format = try formatHandle(format, .writeCell, row: row, column: column)
    let cached = try finite(cachedValue, row: row, column: column)
    if formula.isEmpty || formula == "=" {
      throw error(.writeCell, row: row, column: column, reason: "the formula is empty")
    }
    let stored = workbook.storable(
      formula, place: "the formula in \(self.name)!\(CellReference.a1(row: row, column: column))")
    try check(
      Lxw.writeFormula(handle, cell.row, cell.column, stored, cached, format), .writeCell,
      row: row, column: column)
  }

  /// Writes a formula whose value is an amount of money, cached as `Double(pence) / 100`.
  public func writeFormula(
    row: Int, column: Int, _ formula: String, cachedPence: Int64, format: Format? = nil
  ) throws {
    let value = try pounds(cachedPence, row: row, column: column)
    try writeFormula(row: row, column: column, formula, cachedValue: value, format: format)
  }

  /// Writes an empty cell that carries a format (libxlsxwriter ignores it without a format).
  public func writeBlank(row: Int, column: Int, format: Format?) throws {
    let cell = try cell(.writeCell, row, column)
    let format = try formatHandle(format, .writeCell, row: row, column: column)
    try check(
      Lxw.writeBlank(handle, cell.row, cell.column, format), .writeCell, row: row, column: column,
      writes: format != nil)
  }

  private func finite(_ value: Double, row: Int, column: Int) throws -> Double {
    guard value.isFinite else {
      throw error(.writeCell, row: row, column: column, reason: "\(value) is not a finite number")
    }
    guard Lxw.numericLocaleUsesFullStop() else { throw Self.localeError(.writeCell, sheet: name) }
    return value == 0 ? 0 : value  // no "-0" in the file
  }

  private func pounds(_ pence: Int64, row: Int, column: Int) throws -> Double {
    guard pence.magnitude <= Self.maxExactPence.magnitude else {
      throw error(
        .writeCell, row: row, column: column,
        reason: "\(pence) pence has more than 15 significant digits and cannot be stored "
          + "exactly (limit ±\(Self.maxExactPence))")
    }
    return Double(pence) / 100
  }
}
