/// A rectangular block of cells on a named sheet, used for chart data and defined names.
///
/// Its `description` is the quoted, absolute form Excel formulas use: `'Lines'!$B$2:$B$9`.
///
/// ```swift
/// let shares = RangeReference(sheet: "Summary", column: 1, rows: 1...4)
/// shares.description  // "'Summary'!$B$2:$B$5"
/// try book.defineName("Shares", refersTo: shares)
/// ```
public struct RangeReference: Hashable, Sendable, CustomStringConvertible {
  /// The worksheet's name, unquoted.
  public var sheet: String
  /// 0-based corners, inclusive.
  public var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int

  /// A range from `(firstRow, firstColumn)` to `(lastRow, lastColumn)`, inclusive and 0-based.
  public init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
    self.sheet = sheet
    self.firstRow = firstRow
    self.firstColumn = firstColumn
    self.lastRow = lastRow
    self.lastColumn = lastColumn
  }

  /// A vertical run of cells in one column.
  public init(sheet: String, column: Int, rows: ClosedRange<Int>) {
    self.init(
      sheet: sheet, firstRow: rows.lowerBound, firstColumn: column, lastRow: rows.upperBound,
      lastColumn: column)
  }

  /// Whether both corners are inside Excel's grid and in order.
  public var isValid: Bool {
    (0..<Worksheet.maxRows).contains(firstRow) && (0..<Worksheet.maxRows).contains(lastRow)
      && (0..<Worksheet.maxColumns).contains(firstColumn)
      && (0..<Worksheet.maxColumns).contains(lastColumn) && firstRow <= lastRow
      && firstColumn <= lastColumn
  }

  /// `'Sheet name'!$B$2:$B$9`.
  public var description: String {
    CellReference.qualifiedRange(
      sheet: sheet, firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow,
      lastColumn: lastColumn)
  }
}
