import ApportionCore

/// A partner's share of one line in words, for statements: "50% of the line: equal split
/// between 2 partners", "whole line: direct to the partner named in column council
/// (council = brent)".
struct LineBasis {
  let ruleSet: RuleSet
  let schema: BudgetSchema

  func describe(_ result: LineResult, partner p: Int) -> String {
    let rule = ruleSet.rules[result.ruleIndex]
    let weight = result.weights[p]
    let share: String
    if weight == result.denominator {
      share = "whole line"
    } else if weight == 0 {
      share = "none of the line"
    } else {
      share = Self.percent(weight, of: result.denominator) + " of the line"
    }
    var words =
      share + ": " + rule.basis.describe(partners: ruleSet.partners, drivers: ruleSet.drivers)
    let values = rule.basis.columns.compactMap { column -> String? in
      guard let position = schema.position(of: column.name) else { return nil }
      return "\(column.name) = \(result.line.value(at: position))"
    }
    if !values.isEmpty { words += " (" + values.joined(separator: ", ") + ")" }
    return words
  }

  /// `50%`, `62.5%`, `33.3333…%`: an exact fraction as a percentage.
  static func percent(_ numerator: Int64, of denominator: Int64) -> String {
    var text = exactPoundsText(
      numerator: Int128(numerator) * 10_000, denominator: Int128(denominator), digits: 4)
    if !text.hasSuffix("…") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text + "%"
  }
}
