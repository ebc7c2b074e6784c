import ApportionCore

/// What the checking pass over a budget learns for the workbooks, before a line is written:
/// how many lines there are, which budget columns hold only numbers, and the totals of each
/// Lines sheet.
///
/// The workbooks are written in constant-memory mode, row by row, so whatever stands above
/// the lines must be known first: each Lines sheet opens with its totals row (above the
/// header, where filtering cannot hide it), and a column is written as numbers only when
/// every one of its values is a number.
///
/// ```swift
/// var profile = BudgetProfile(partnerCount: ruleSet.partners.count)
/// _ = try job.run { try profile.add($0) }  // the checking pass
/// let books = try WorkbookSet(
///   directory: "out", ruleSet: ruleSet, schema: schema, sources: sources, profile: profile)
/// ```
public struct BudgetProfile: Sendable {
  /// The totals of one Lines sheet's lines.
  struct SheetTotals: Sendable {
    var lines = 0
    var amount = Money.zero
    /// Each partner's part.
    var parts: [Money]
    /// Each partner's rounding in pence: parts less exact shares.
    var rounding: [Double]
  }

  /// Lines per Lines sheet before the next sheet starts.
  public let linesPerSheet: Int
  /// How many lines have been added.
  public private(set) var lineCount = 0
  /// For each budget column position: `nil` while every value seen is empty, `true` while
  /// every non-empty value is a plain number, `false` once one is not.
  private var numeric: [Bool?] = []
  private(set) var sheets: [SheetTotals]
  private let partnerCount: Int

  /// - Parameters:
  ///   - partnerCount: the rule set's partners.
  ///   - linesPerSheet: lines per Lines sheet (smaller in tests).
  public init(partnerCount: Int, linesPerSheet: Int = WorkbookSet.defaultLinesPerSheet) {
    self.partnerCount = partnerCount
    self.linesPerSheet = max(1, linesPerSheet)
    sheets = [Self.emptySheet(partnerCount)]
  }

  private static func emptySheet(_ partners: Int) -> SheetTotals {
    SheetTotals(
      parts: Array(repeating: .zero, count: partners),
      rounding: Array(repeating: 0, count: partners))
  }

  /// Adds one apportioned line.
  ///
  /// - Throws: `MoneyError` when a sheet's total overflows.
  public mutating func add(_ result: LineResult) throws {
    if sheets[sheets.count - 1].lines == linesPerSheet {
      sheets.append(Self.emptySheet(partnerCount))
    }
    let index = sheets.count - 1
    sheets[index].lines += 1
    sheets[index].amount = try sheets[index].amount + result.line.amount
    for p in 0..<min(partnerCount, result.parts.count) {
      sheets[index].parts[p] = try sheets[index].parts[p] + result.parts[p]
      sheets[index].rounding[p] += result.roundingPence(of: p)
    }
    lineCount += 1
    let values = result.line.values
    if numeric.count < values.count {
      numeric += Array(repeating: nil, count: values.count - numeric.count)
    }
    for (position, value) in values.enumerated() where numeric[position] != false {
      guard !BudgetLine.trimmed(value).isEmpty else { continue }
      numeric[position] = Self.plainNumber(value) != nil
    }
  }

  /// Whether every non-empty value of the budget column at `position` is a plain number
  /// (and at least one is there).
  func isNumeric(position: Int) -> Bool {
    position < numeric.count && numeric[position] == true
  }

  /// The number a budget field holds, when it is written as a plain decimal number: an
  /// optional `-`, digits without leading zeros (`0.5` but not `01`, which is a code), an
  /// optional fraction, at most 15 significant digits (Excel's precision, so the number is
  /// stored as written). Surrounding spaces are ignored.
  ///
  /// | field | number |
  /// | --- | --- |
  /// | `0.5` | 0.5 |
  /// | `-12` | -12 |
  /// | `01` | – (text) |
  /// | `1,000` | – (text) |
  /// | `1e3` | – (text) |
  /// | `.5` | – (text) |
  static func plainNumber(_ field: String) -> Double? {
    func isDigit(_ c: Character) -> Bool { ("0"..."9").contains(c) }
    let text = Substring(BudgetLine.trimmed(field))
    var digits = text.first == "-" ? text.dropFirst() : text
    let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) })
    else { return nil }
    if parts[0].count > 1 && parts[0].first == "0" { return nil }
    digits = Substring(parts.joined())
    let significant = digits.drop { $0 == "0" }.count
    guard significant <= 15 else { return nil }
    return Double(String(text))
  }
}

extension LineResult {
  /// How many pence partner `p`'s part differs from its exact share: part − exact share
  /// (`0.5`, `-0.333333…`). An audit figure, not money.
  func roundingPence(of p: Int) -> Double {
    exactShare(of: p).difference(to: parts[p]).value.nearestDouble
  }
}
