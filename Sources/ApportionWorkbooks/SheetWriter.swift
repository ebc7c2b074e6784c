import ApportionCore
import XlsxWriter

/// A worksheet with its column widths measured from what is written (libxlsxwriter has no
/// autofit), and page setup for printing.
final class SheetWriter {
  let sheet: Worksheet
  private var widths: [Int: Int] = [:]
  /// The widest a column is made, in characters; longer text is cut off on screen only.
  static let maxWidth = 60

  init(_ sheet: Worksheet) { self.sheet = sheet }

  var name: String { sheet.name }

  private func measure(_ column: Int, _ length: Int) {
    if length > widths[column, default: 0] { widths[column] = length }
  }

  /// Text from anywhere (inputs included): always written as text, never as a formula.
  /// Titles and notes that may run across empty cells pass `measured: false` so that they
  /// do not widen their column.
  func text(
    _ row: Int, _ column: Int, _ value: String, _ format: Format? = nil, measured: Bool = true
  ) throws {
    // Unicode scalars: close enough for a width, and much cheaper than characters.
    if measured { measure(column, value.unicodeScalars.count) }
    try sheet.writeString(row: row, column: column, value, format: format)
  }

  func money(_ row: Int, _ column: Int, _ value: Money, _ format: Format) throws {
    measure(column, Self.width(of: value))
    try sheet.writeMoney(row: row, column: column, pence: value.pence, format: format)
  }

  func integer(_ row: Int, _ column: Int, _ value: Int, _ format: Format) throws {
    measure(column, Self.width(of: value))
    try sheet.writeNumber(row: row, column: column, Double(value), format: format)
  }

  /// A formula whose value is money, with the engine's value cached.
  func formula(_ row: Int, _ column: Int, _ formula: String, _ value: Money, _ format: Format)
    throws
  {
    measure(column, Self.width(of: value))
    try sheet.writeFormula(
      row: row, column: column, formula, cachedPence: value.pence, format: format)
  }

  /// A formula whose value is a count, with the engine's value cached.
  func formula(_ row: Int, _ column: Int, _ formula: String, count: Int, _ format: Format) throws {
    measure(column, Self.width(of: count))
    try sheet.writeFormula(
      row: row, column: column, formula, cachedValue: Double(count), format: format)
  }

  /// Makes a row tall enough for wrapped text (spreadsheets do not all grow rows on
  /// opening): `texts` are the wrapped cells' text and their columns' widths in characters.
  /// Call it before writing the row's cells.
  func fitRow(_ row: Int, wrapped texts: [(String, Double)]) throws {
    let lines =
      texts.map { text, width in
        text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) {
          $0 + max(1, Int((Double($1.count) / max(1, width - 2)).rounded(.up)))
        }
      }.max() ?? 1
    if lines > 1 { try sheet.setRow(row: row, height: 15 * Double(lines)) }
  }

  /// `SUM(C5:C9)`: the sum of `column` over `rows` (0-based).
  static func sum(column: Int, rows: ClosedRange<Int>) -> String {
    let range = CellReference.range(
      firstRow: rows.lowerBound, firstColumn: column, lastRow: rows.upperBound,
      lastColumn: column)
    return "SUM(\(range))"
  }

  /// The width of `£1,234.56` or `(£1,234.56)` without building the text.
  static func width(of money: Money) -> Int {
    groupedWidth(money.pence.magnitude / 100) + 4 + (money.pence < 0 ? 2 : 0)
  }

  /// The width of `1,234` or `-1,234` without building the text.
  static func width(of count: Int) -> Int {
    groupedWidth(count.magnitude) + (count < 0 ? 1 : 0)
  }

  /// Digits plus thousands separators.
  private static func groupedWidth<T: BinaryInteger>(_ magnitude: T) -> Int {
    var rest = magnitude
    var digits = 1
    while rest >= 10 {
      rest /= 10
      digits += 1
    }
    return digits + (digits - 1) / 3
  }

  /// Sets every written column's width from its longest content, at most `maximum` (or
  /// ``maxWidth``) characters.
  func fitColumns(minimum: [Int: Int] = [:], maximum: [Int: Int] = [:]) throws {
    for column in Set(widths.keys).union(minimum.keys).sorted() {
      let longest = min(maximum[column] ?? Self.maxWidth, widths[column, default: 0])
      let characters = max(longest, minimum[column, default: 0])
      // Proportional fonts and bold headers run wider than a character count.
      let width = Double(characters) * 1.15 + 2
      try sheet.setColumn(first: column, last: column, width: width)
    }
  }

  /// Landscape A4, one page wide, `headerRow` repeated on every page, a page-numbered footer.
  func setUpPrinting(title: String, headerRow: Int?) throws {
    try sheet.setLandscape()
    try sheet.setPaperA4()
    try sheet.fitToPages(width: 1, height: 0)
    if let headerRow { try sheet.repeatRows(first: headerRow, last: headerRow) }
    try sheet.setHeader(
      "&L" + Worksheet.escapeHeaderFooter(title) + "&R" + Worksheet.escapeHeaderFooter(name))
    try sheet.setFooter("&CPage &P of &N")
  }
}
