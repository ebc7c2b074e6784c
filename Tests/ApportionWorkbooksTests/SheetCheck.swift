import ApportionCore
import Foundation
import TestSupport
import Testing
import XLSXInspection

/// `A1` notation for a 0-based row and column: (0, 0) → `A1`, (9, 27) → `AB10`.
func a1(_ row: Int, _ column: Int) -> String {
  var letters = ""
  var n = column + 1
  while n > 0 {
    let unit = (n - 1) % 26
    letters = String(UnicodeScalar(UInt8(65 + unit))) + letters
    n = (n - 1) / 26
  }
  return letters + String(row + 1)
}

/// The 0-based row and column of an `A1` reference.
func rowAndColumn(_ reference: String) -> (row: Int, column: Int)? {
  let letters = reference.prefix { $0.isLetter }
  guard !letters.isEmpty, let row = Int(reference.dropFirst(letters.count)) else { return nil }
  var column = 0
  for scalar in letters.uppercased().unicodeScalars {
    column = column * 26 + Int(scalar.value) - 64
  }
  return (row - 1, column - 1)
}

/// Checks the cells of one sheet against expected values, remembering which were checked
/// so that ``expectEveryNumberChecked(_:)`` can prove no number went unexamined.
struct SheetCheck {
  let book: String
  let sheet: String
  let cells: [String: XLSXCell]
  private(set) var checked: Set<String> = []

  init(_ xlsx: XLSXBook, path: String, sheet: String) throws {
    book = (path as NSString).lastPathComponent
    self.sheet = sheet
    cells = try xlsx.cells(sheet: sheet)
  }

  subscript(_ row: Int, _ column: Int) -> XLSXCell? { cells[a1(row, column)] }

  private func place(_ row: Int, _ column: Int) -> String { "\(book) \(sheet)!\(a1(row, column))" }

  /// A money cell: a number (or a formula whose cached value is) equal to `expected` in
  /// pence.
  mutating func money(
    _ row: Int, _ column: Int, _ expected: Money, formula: Bool,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    number(row, column, expected.pence, formula: formula, sourceLocation: sourceLocation)
  }

  /// A count cell (line counts, rule numbers).
  mutating func count(
    _ row: Int, _ column: Int, _ expected: Int, formula: Bool,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    number(row, column, Int64(expected) * 100, formula: formula, sourceLocation: sourceLocation)
  }

  private mutating func number(
    _ row: Int, _ column: Int, _ pence: Int64, formula: Bool,
    sourceLocation: Testing.SourceLocation
  ) {
    checked.insert(a1(row, column))
    guard let cell = self[row, column] else {
      Issue.record("\(place(row, column)) is missing", sourceLocation: sourceLocation)
      return
    }
    #expect(
      cell.kind == (formula ? .formula : .number), "\(place(row, column)): \(cell)",
      sourceLocation: sourceLocation)
    #expect(
      roundedPence(cell.value) == pence,
      "\(place(row, column)) holds \(cell.value), expected \(poundsText(pence))",
      sourceLocation: sourceLocation)
  }

  /// A number that is not money (a share, pence of rounding, a budget figure): a number, or a
  /// formula whose cached value is, within `tolerance` of `expected`.
  mutating func value(
    _ row: Int, _ column: Int, _ expected: Double, formula: Bool, tolerance: Double = 1e-9,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    checked.insert(a1(row, column))
    guard let cell = self[row, column] else {
      Issue.record("\(place(row, column)) is missing", sourceLocation: sourceLocation)
      return
    }
    #expect(
      cell.kind == (formula ? .formula : .number), "\(place(row, column)): \(cell)",
      sourceLocation: sourceLocation)
    let stored = Double(cell.value)
    #expect(
      stored.map { abs($0 - expected) <= tolerance * max(1, abs(expected)) } ?? false,
      "\(place(row, column)) holds \(cell.value), expected \(expected)",
      sourceLocation: sourceLocation)
  }

  /// A formula whose cached value is text.
  mutating func formulaText(
    _ row: Int, _ column: Int, _ formula: String, cached: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    checked.insert(a1(row, column))
    let cell = self[row, column]
    #expect(
      cell?.kind == .formula && cell?.formula == formula && cell?.text == cached,
      "\(place(row, column)): \(String(describing: cell)), expected =\(formula) showing \(cached)",
      sourceLocation: sourceLocation)
  }

  /// The formula in a cell (whose value is checked separately).
  func formula(
    _ row: Int, _ column: Int, _ expected: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    #expect(
      self[row, column]?.formula == expected,
      "\(place(row, column)) has =\(self[row, column]?.formula ?? "nothing"), expected =\(expected)",
      sourceLocation: sourceLocation)
  }

  /// The first row (from `from`) whose cell in `column` reads `text`.
  func row(withText text: String, column: Int = 0, from: Int = 0) -> Int? {
    cells.values.filter { $0.kind == .string && $0.text == text }
      .compactMap { rowAndColumn($0.reference) }
      .filter { $0.column == column && $0.row >= from }.map(\.row).min()
  }

  /// The first row whose cell in `column` starts with `prefix`.
  func row(startingWith prefix: String, column: Int = 0) -> Int? {
    cells.values.filter { $0.kind == .string && $0.text.hasPrefix(prefix) }
      .compactMap { rowAndColumn($0.reference) }.filter { $0.column == column }.map(\.row).min()
  }

  /// A text cell, stored as a string (never as a formula).
  mutating func text(
    _ row: Int, _ column: Int, _ expected: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    checked.insert(a1(row, column))
    let cell = self[row, column]
    #expect(
      cell?.kind == .string, "\(place(row, column)): \(String(describing: cell))",
      sourceLocation: sourceLocation)
    #expect(cell?.text == expected, "\(place(row, column))", sourceLocation: sourceLocation)
  }

  /// Every number and formula on the sheet has been checked against the engine.
  func expectEveryNumberChecked(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let numbers = cells.values.filter { $0.kind == .number || $0.kind == .formula }
    let unchecked = numbers.map(\.reference).filter { !checked.contains($0) }.sorted()
    #expect(
      unchecked.isEmpty, "\(book) \(sheet): numbers not checked: \(unchecked)",
      sourceLocation: sourceLocation)
  }

  /// The column whose header (row `row`) reads `title`.
  func column(titled title: String, row: Int = 0) -> Int? {
    cells.values.first { $0.text == title && rowAndColumn($0.reference)?.row == row }
      .flatMap { rowAndColumn($0.reference)?.column }
  }
}
