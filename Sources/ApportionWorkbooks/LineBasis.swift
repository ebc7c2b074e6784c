import ApportionCore
import XlsxWriter

/// A partner's share of one line in words, for statements: "equal split between 2",
/// "direct, council = brent", "carve-out lga_share 0.5 direct to Brent, rest equal split
/// between 2". The share as a number is beside it, in its own column.
struct LineBasis {
  let ruleSet: RuleSet
  let schema: BudgetSchema
  /// Each rule's words when they read no column (the same for every line), worked out once.
  private var constantWords: [String?] = []

  init(ruleSet: RuleSet, schema: BudgetSchema) {
    self.ruleSet = ruleSet
    self.schema = schema
    constantWords = ruleSet.rules.map { rule in
      Self.readsColumns(rule.basis) ? nil : Self.fitted(words(rule.basis, line: nil))
    }
  }

  func describe(_ result: LineResult) -> String {
    if result.ruleIndex < constantWords.count, let words = constantWords[result.ruleIndex] {
      return words
    }
    return Self.fitted(words(ruleSet.rules[result.ruleIndex].basis, line: result.line))
  }

  /// Whether the words of `basis` include a column's value.
  private static func readsColumns(_ basis: Basis) -> Bool {
    switch basis {
    case .directByColumn: return true
    case .carve(let fraction, let to, let rest):
      if case .column = fraction { return true }
      return readsColumns(to) || readsColumns(rest)
    default: return false
    }
  }

  /// The words cut (with `…`) to what a cell holds: a column's value can be as long as a
  /// cell, and the words add to it.
  static func fitted(_ text: String) -> String {
    let limit = Worksheet.maxStringLength
    guard text.utf16.count > limit else { return text }
    var out = ""
    var count = 0
    for character in text {
      let length = character.utf16.count
      if count + length > limit - 1 { break }
      out.append(character)
      count += length
    }
    return out + "…"
  }

  /// A partner's exact share of a line as a fraction of 1 (`0.5`), for a `0.0%` cell.
  static func share(_ result: LineResult, partner p: Int) -> Double {
    result.shareOfLine(of: p).nearestDouble
  }

  /// The basis in short words with this line's column values filled in.
  private func words(_ basis: Basis, line: BudgetLine?) -> String {
    func name(_ id: PartnerID) -> String { ruleSet.partner(id)?.shortName ?? id.rawValue }
    func value(_ column: ColumnRef) -> String {
      guard let line else { return "" }
      return schema.position(of: column.name).map { BudgetLine.trimmed(line.value(at: $0)) } ?? ""
    }
    switch basis {
    case .equal(nil): return "equal split between \(ruleSet.partners.count)"
    case .equal(let among?): return "equal split between \(among.count)"
    case .percentages: return "fixed percentages"
    case .driver(let driver): return "in proportion to \(driver)"
    case .direct(let id): return "direct to \(name(id))"
    case .directByColumn(let column): return "direct, \(column.name) = \(value(column))"
    case .carve(let fraction, let to, let rest):
      let part: String
      switch fraction {
      case .constant(let constant): part = "\(constant)"
      case .column(let column): part = "\(column.name) \(value(column))"
      }
      return "carve-out \(part) \(words(to, line: line)), rest \(words(rest, line: line))"
    }
  }
}
