import ApportionCore
import XlsxWriter

/// A worksheet with its column widths measured from what is written (libxlsxwriter has no
/// autofit), and page setup for printing.
final class SheetWriter {
  let sheet: Worksheet
  /// The longest content measured in each column, by column (0 where nothing was measured):
  /// an array, not a dictionary, because every cell of every line is measured.
  private var widths: [Int] = []
  /// Widths set with ``setWidths(_:)``, in Excel's character units.
  private(set) var fixedWidths: [Int: Double] = [:]
  /// The widest a column is made, in characters; longer text is cut off on screen only.
  static let maxWidth = 60

  init(_ sheet: Worksheet) { self.sheet = sheet }

  var name: String { sheet.name }

  private func measure(_ column: Int, _ length: Int) {
    guard column >= 0 else { return }
    if column >= widths.count {
      guard length > 0 else { return }
      widths.append(contentsOf: repeatElement(0, count: column + 1 - widths.count))
    }
    if length > widths[column] { widths[column] = length }
  }

  /// Measures text: its Unicode scalars, counted only when its UTF-8 bytes (never fewer)
  /// could make the column wider.
  private func measure(_ column: Int, text: String) {
    let bytes = text.utf8.count
    if column >= 0, column < widths.count, bytes <= widths[column] { return }
    measure(column, bytes == 0 ? 0 : text.unicodeScalars.count)
  }

  /// Text from anywhere (inputs included): always written as text, never as a formula.
  /// Titles and notes that may run across empty cells pass `measured: false` so that they
  /// do not widen their column.
  func text(
    _ row: Int, _ column: Int, _ value: String, _ format: Format? = nil, measured: Bool = true
  ) throws {
    // Unicode scalars: close enough for a width, and much cheaper than characters.
    if measured { measure(column, text: value) }
    try sheet.writeString(row: row, column: column, value, format: format)
  }

  /// A column header, which wraps: it widens its column only to its longest word.
  func header(_ row: Int, _ column: Int, _ title: String, _ format: Format) throws {
    let longest =
      title.split(whereSeparator: { $0 == " " || $0 == "\n" })
      .map(\.unicodeScalars.count).max() ?? 0
    measure(column, longest + 1)
    try sheet.writeString(row: row, column: column, title, format: format)
  }

  func money(_ row: Int, _ column: Int, _ value: Money, _ format: Format) throws {
    measure(column, Self.width(of: value))
    try sheet.writeMoney(row: row, column: column, pence: value.pence, format: format)
  }

  func integer(_ row: Int, _ column: Int, _ value: Int, _ format: Format) throws {
    measure(column, Self.width(of: value))
    try sheet.writeNumber(row: row, column: column, Double(value), format: format)
  }

  /// A number that is not money, with the width of its text as shown.
  func number(_ row: Int, _ column: Int, _ value: Double, _ format: Format, width: Int) throws {
    measure(column, width)
    try sheet.writeNumber(row: row, column: column, value, format: format)
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

  /// A formula whose value is a number that is not money (a share, pence of rounding).
  func formula(
    _ row: Int, _ column: Int, _ formula: String, number: Double, _ format: Format, width: Int
  ) throws {
    measure(column, width)
    try sheet.writeFormula(row: row, column: column, formula, cachedValue: number, format: format)
  }

  /// A formula whose value is text, with that text cached.
  func formula(_ row: Int, _ column: Int, _ formula: String, text: String, _ format: Format?)
    throws
  {
    measure(column, text: text)
    try sheet.writeFormula(row: row, column: column, formula, cachedText: text, format: format)
  }

  /// Blank cells that carry a format (the rules of a total row).
  func blanks(_ row: Int, _ columns: [Int], _ format: Format) throws {
    for column in columns { try sheet.writeBlank(row: row, column: column, format: format) }
  }

  /// How many lines `text` takes wrapped in a column `width` units wide (a unit is a digit of
  /// the default font; letters are narrower on average, and a word that does not fit moves
  /// whole to the next line, hence the allowance).
  static func lineCount(_ text: String, width: Double) -> Int {
    let perLine = max(1, Int(width * 1.2) - 1)
    // Most texts fit on a line: counting bytes is enough to know (a character is a byte or
    // more).
    if text.utf8.count <= perLine && !text.utf8.contains(UInt8(ascii: "\n")) { return 1 }
    if let lines = asciiLineCount(text, perLine: perLine) { return lines }
    var wrap = Wrap(perLine: perLine)
    for (index, paragraph) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      if index > 0 { wrap.newLine() }
      for word in paragraph.split(separator: " ") { wrap.add(word: word.unicodeScalars.count) }
    }
    return max(1, wrap.lines)
  }

  /// Greedy word wrap, as spreadsheets do, counting lines: a word that does not fit moves to
  /// the next line, and a word longer than a line is broken.
  private struct Wrap {
    let perLine: Int
    private(set) var lines = 1
    private var used = 0

    init(perLine: Int) { self.perLine = perLine }

    mutating func add(word length: Int) {
      guard length > 0 else { return }
      if used > 0 && used + 1 + length > perLine {
        lines += 1
        used = 0
      }
      used += (used > 0 ? 1 : 0) + length
      while used > perLine {
        lines += 1
        used -= perLine
      }
    }

    mutating func newLine() {
      lines += 1
      used = 0
    }
  }

  /// `lineCount` for ASCII text, over its bytes without splitting it into strings (a byte is
  /// a character, but for `\r\n`, one character of two scalars that is not a line break);
  /// nil for other text.
  private static func asciiLineCount(_ text: String, perLine: Int) -> Int? {
    var text = text
    return text.withUTF8 { bytes -> Int? in
      var wrap = Wrap(perLine: perLine)
      var word = 0
      func endWord() {
        wrap.add(word: word)
        word = 0
      }
      for index in bytes.indices {
        let byte = bytes[index]
        if byte >= 0x80 { return nil }
        if byte == UInt8(ascii: "\n") && (index == 0 || bytes[index - 1] != UInt8(ascii: "\r")) {
          endWord()
          wrap.newLine()
        } else if byte == UInt8(ascii: " ") {
          endWord()
        } else {
          word += 1
        }
      }
      endWord()
      return wrap.lines
    }
  }

  /// Makes a row tall enough for wrapped text (spreadsheets do not all grow rows on
  /// opening): `texts` are the wrapped cells' text and their columns' widths in characters.
  /// Call it before writing the row's cells.
  func fitRow(_ row: Int, wrapped texts: [(String, Double)], lineHeight: Double = 13) throws {
    let lines = texts.map { Self.lineCount($0, width: $1) }.max() ?? 1
    try fitRow(row, lines: lines, lineHeight: lineHeight)
  }

  /// Makes a row tall enough for `lines` lines of wrapped text (counted with `lineCount`).
  func fitRow(_ row: Int, lines: Int, lineHeight: Double = 13) throws {
    if lines > 1 || lineHeight > 15 {
      try sheet.setRow(row: row, height: max(15, lineHeight * Double(lines) + 2))
    }
  }

  /// Text wrapped across the merged cells of `columns` (whose widths must have been set
  /// with ``setWidths(_:)``), with the row made tall enough for it.
  /// A text larger than the default font (a title at 14 points) passes `lineHeight` for its
  /// size: the width it wraps at shrinks in proportion.
  func paragraph(
    _ row: Int, _ columns: ClosedRange<Int>, _ text: String, _ format: Format,
    lineHeight: Double = 13
  ) throws {
    let scale = max(1, lineHeight / 13)
    let width = columns.reduce(0.0) { $0 + (fixedWidths[$1] ?? 8.43) } / scale
    try fitRow(row, wrapped: [(text, width)], lineHeight: lineHeight)
    if columns.count == 1 {
      try self.text(row, columns.lowerBound, text, format, measured: false)
    } else {
      try sheet.mergeRange(
        RangeReference(
          sheet: name, firstRow: row, firstColumn: columns.lowerBound, lastRow: row,
          lastColumn: columns.upperBound), text, format: format)
    }
  }

  /// `SUM(C5:C9)`: the sum of `column` over `rows` (0-based).
  static func sum(column: Int, rows: ClosedRange<Int>) -> String {
    "SUM(\(range(column: column, rows: rows)))"
  }

  /// `C5:C9`.
  static func range(column: Int, rows: ClosedRange<Int>) -> String {
    CellReference.range(
      firstRow: rows.lowerBound, firstColumn: column, lastRow: rows.upperBound,
      lastColumn: column)
  }

  /// The width of `£ 1,234.56 ` or `£ (1,234.56)` in the accounting format, in digits of the
  /// default font, without building the text: a digit each, half for a comma or the point,
  /// the pence, the pound sign, a space and the brackets' room.
  static func width(of money: Money) -> Int {
    let digits = groupedWidth(money.pence.magnitude / 100)
    let commas = digits / 4
    return digits - commas + (commas + 1 + 1) / 2 + 2 + 4
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
    var fitted: [Int: Double] = [:]
    let measured = widths.indices.filter { widths[$0] > 0 }
    for column in Set(measured).union(minimum.keys).sorted() {
      let longest = min(
        maximum[column] ?? Self.maxWidth, column < widths.count ? widths[column] : 0)
      let characters = max(longest, minimum[column, default: 0])
      // Proportional fonts and bold headers run wider than a character count.
      fitted[column] = Double(characters) * 1.1 + 2
    }
    try setWidths(fitted)
  }

  /// Sets columns' widths in Excel's character units.
  func setWidths(_ widths: [Int: Double]) throws {
    for (column, width) in widths.sorted(by: { $0.key < $1.key }) {
      try sheet.setColumn(first: column, last: column, width: width)
      fixedWidths[column] = width
    }
  }

  /// How the sheet prints.
  struct Printing {
    /// Left section of the page header (escaped here).
    var title: String
    /// Right section of the page header; the sheet's name when `nil`.
    var right: String?
    /// Rows repeated at the top of every page.
    var repeatRows: ClosedRange<Int>?
    var landscape = true
    /// Shrink to one page wide when wider; `false` prints at 100% whatever the width.
    var fitToWidth = true
  }

  /// A4, a page header, a page-numbered footer, and `printing`'s orientation, scaling and
  /// repeated rows.
  func setUpPrinting(_ printing: Printing) throws {
    if printing.landscape { try sheet.setLandscape() } else { try sheet.setPortrait() }
    try sheet.setPaperA4()
    if printing.fitToWidth { try sheet.fitToPages(width: 1, height: 0) }
    if let rows = printing.repeatRows {
      try sheet.repeatRows(first: rows.lowerBound, last: rows.upperBound)
    }
    let right = printing.right ?? name
    try sheet.setHeader(
      "&L" + Worksheet.escapeHeaderFooter(printing.title) + "&R"
        + Worksheet.escapeHeaderFooter(right))
    try sheet.setFooter("&CPage &P of &N")
  }

  /// Landscape A4, one page wide, `headerRow` repeated on every page, a page-numbered footer.
  func setUpPrinting(title: String, headerRow: Int?) throws {
    try setUpPrinting(Printing(title: title, repeatRows: headerRow.map { $0...$0 }))
  }
}
