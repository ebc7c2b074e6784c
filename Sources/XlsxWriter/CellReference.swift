/// Excel cell and range references (`B12`, `$B$12`, `A1:D10`, `'Sheet name'!$B$2:$B$9`).
///
/// Rows and columns are 0-based on the way in, as everywhere in this module; the text is Excel's
/// 1-based A1 notation. A row or column outside Excel's grid (see `Worksheet.maxRows` and
/// `Worksheet.maxColumns`) renders as `#REF!`, Excel's own marker for an invalid reference.
///
/// ```swift
/// CellReference.a1(row: 11, col: 1)                  // "B12"
/// CellReference.a1(row: 11, col: 1, absolute: true)  // "$B$12"
/// CellReference.range(firstRow: 0, firstCol: 0, lastRow: 9, lastCol: 3)  // "A1:D10"
/// CellReference.quotedSheetName("O'Brien & Co")       // "'O''Brien & Co'"
/// ```
public enum CellReference {
  /// The column letters for a 0-based column: 0 → `A`, 25 → `Z`, 26 → `AA`, 16383 → `XFD`.
  ///
  /// - Returns: the letters, or `#REF!` outside `0..<Worksheet.maxColumns`.
  public static func columnLetters(_ col: Int) -> String {
    guard (0..<Worksheet.maxColumns).contains(col) else { return "#REF!" }
    var letters: [Character] = []
    var n = col + 1
    while n > 0 {
      let remainder = (n - 1) % 26
      letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
      n = (n - 1) / 26
    }
    return String(letters.reversed())
  }

  /// The A1 reference of a cell, e.g. `B12` for row 11, column 1; `$B$12` when `absolute`.
  ///
  /// - Returns: the reference, or `#REF!` when the cell is outside Excel's grid.
  public static func a1(row: Int, col: Int, absolute: Bool = false) -> String {
    guard (0..<Worksheet.maxRows).contains(row), (0..<Worksheet.maxColumns).contains(col) else {
      return "#REF!"
    }
    let dollar = absolute ? "$" : ""
    return dollar + columnLetters(col) + dollar + String(row + 1)
  }

  /// A range reference such as `A1:D10` (or `$A$1:$D$10` when `absolute`).
  ///
  /// A single-cell range is still written with both corners (`A1:A1`), which Excel accepts.
  public static func range(
    firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int, absolute: Bool = false
  ) -> String {
    let first = a1(row: firstRow, col: firstCol, absolute: absolute)
    let last = a1(row: lastRow, col: lastCol, absolute: absolute)
    if first == "#REF!" || last == "#REF!" { return "#REF!" }
    return first + ":" + last
  }

  /// A sheet name in single quotes with any apostrophe doubled: `O'Brien` → `'O''Brien'`.
  ///
  /// Quoting is always valid in formulas, so it is applied even where Excel would not need it.
  public static func quotedSheetName(_ name: String) -> String {
    "'" + name.replacingApostrophes() + "'"
  }

  /// A sheet-qualified absolute range: `'Sheet name'!$B$2:$B$9`.
  public static func qualifiedRange(
    sheet: String, firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int
  ) -> String {
    quotedSheetName(sheet) + "!"
      + range(
        firstRow: firstRow, firstCol: firstCol, lastRow: lastRow, lastCol: lastCol,
        absolute: true)
  }
}

/// A rectangular block of cells on a named sheet, used for chart data and defined names.
///
/// Its `description` is the quoted, absolute form Excel formulas use: `'Lines'!$B$2:$B$9`.
public struct RangeRef: Hashable, Sendable, CustomStringConvertible {
  /// The worksheet's name, unquoted.
  public var sheet: String
  /// 0-based corners, inclusive.
  public var firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int

  /// A range from `(firstRow, firstCol)` to `(lastRow, lastCol)`, inclusive and 0-based.
  public init(sheet: String, firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int) {
    self.sheet = sheet
    self.firstRow = firstRow
    self.firstCol = firstCol
    self.lastRow = lastRow
    self.lastCol = lastCol
  }

  /// A vertical run of cells in one column.
  public init(sheet: String, col: Int, rows: ClosedRange<Int>) {
    self.init(
      sheet: sheet, firstRow: rows.lowerBound, firstCol: col, lastRow: rows.upperBound,
      lastCol: col)
  }

  /// Whether both corners are inside Excel's grid and in order.
  public var isValid: Bool {
    (0..<Worksheet.maxRows).contains(firstRow) && (0..<Worksheet.maxRows).contains(lastRow)
      && (0..<Worksheet.maxColumns).contains(firstCol)
      && (0..<Worksheet.maxColumns).contains(lastCol) && firstRow <= lastRow
      && firstCol <= lastCol
  }

  /// `'Sheet name'!$B$2:$B$9`.
  public var description: String {
    CellReference.qualifiedRange(
      sheet: sheet, firstRow: firstRow, firstCol: firstCol, lastRow: lastRow, lastCol: lastCol)
  }
}

extension String {
  fileprivate func replacingApostrophes() -> String {
    var out = ""
    for character in self {
      out.append(character)
      if character == "'" { out.append("'") }
    }
    return out
  }
}
