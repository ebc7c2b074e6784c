/// Excel cell and range references (`B12`, `$B$12`, `A1:D10`, `'Sheet name'!$B$2:$B$9`).
///
/// Rows and columns are 0-based on the way in, as everywhere in this module; the text is Excel's
/// 1-based A1 notation. A row or column outside Excel's grid (see `Worksheet.maxRows` and
/// `Worksheet.maxColumns`) renders as `#REF!`, Excel's own marker for an invalid reference.
///
/// ```swift
/// CellReference.a1(row: 11, column: 1)                  // "B12"
/// CellReference.a1(row: 11, column: 1, absolute: true)  // "$B$12"
/// CellReference.range(firstRow: 0, firstColumn: 0, lastRow: 9, lastColumn: 3)  // "A1:D10"
/// CellReference.quotedSheetName("O'Brien & Co")       // "'O''Brien & Co'"
/// ```
public enum CellReference {
  /// The column letters for a 0-based column: 0 → `A`, 25 → `Z`, 26 → `AA`, 16383 → `XFD`.
  ///
  /// - Returns: the letters, or `#REF!` outside `0..<Worksheet.maxColumns`.
  public static func columnLetters(_ column: Int) -> String {
    guard (0..<Worksheet.maxColumns).contains(column) else { return "#REF!" }
    // At most three letters: built in place, no array (every formula of every line comes here).
    var bytes: (UInt8, UInt8, UInt8) = (0, 0, 0)
    var count = 0
    var n = column + 1
    while n > 0 {
      let letter = UInt8(65 + (n - 1) % 26)
      bytes = (letter, bytes.0, bytes.1)
      count += 1
      n = (n - 1) / 26
    }
    return withUnsafeBytes(of: bytes) {
      String(decoding: UnsafeRawBufferPointer(rebasing: $0[0..<count]), as: UTF8.self)
    }
  }

  /// The 0-based column of column letters (`A` → 0, `XFD` → 16383), or `nil` for text that is
  /// not one to three letters A–Z.
  public static func columnNumber(_ letters: String) -> Int? {
    guard (1...3).contains(letters.unicodeScalars.count) else { return nil }
    var number = 0
    for scalar in letters.uppercased().unicodeScalars {
      guard ("A"..."Z").contains(scalar) else { return nil }
      number = number * 26 + Int(scalar.value) - 64
    }
    return number - 1
  }

  /// The A1 reference of a cell, e.g. `B12` for row 11, column 1; `$B$12` when `absolute`.
  ///
  /// - Returns: the reference, or `#REF!` when the cell is outside Excel's grid.
  public static func a1(row: Int, column: Int, absolute: Bool = false) -> String {
    guard (0..<Worksheet.maxRows).contains(row), (0..<Worksheet.maxColumns).contains(column) else {
      return "#REF!"
    }
    var text = absolute ? "$" : ""
    text += columnLetters(column)
    if absolute { text += "$" }
    text += String(row + 1)
    return text
  }

  /// A range reference such as `A1:D10` (or `$A$1:$D$10` when `absolute`).
  ///
  /// A single-cell range is still written with both corners (`A1:A1`), which Excel accepts.
  public static func range(
    firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int, absolute: Bool = false
  ) -> String {
    let first = a1(row: firstRow, column: firstColumn, absolute: absolute)
    let last = a1(row: lastRow, column: lastColumn, absolute: absolute)
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
    sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int
  ) -> String {
    quotedSheetName(sheet) + "!"
      + range(
        firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn,
        absolute: true)
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
