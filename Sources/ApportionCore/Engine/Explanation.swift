/// Why a line was shared as it was: which rules were tried, which took it, the basis, each
/// partner's exact share and the pence it got.
public struct Explanation: Sendable {
  /// One rule tried, in order, up to and including the one that took the line.
  public struct Attempt: Sendable {
    public let ruleIndex: Int
    public let rule: Rule
    public let checks: [ConditionCheck]
    public let matched: Bool
  }

  public let attempts: [Attempt]
  /// The result, or nil when no rule took the line.
  public let result: LineResult?
  /// The basis of the rule that took it, in words.
  public let basis: String?
  /// How many lines that rule had taken before this one (its rounding carries from them).
  public let linesBefore: Int
  /// The columns the basis read and their values on this line (`lga_share` = `0.5`).
  public let basisValues: [(column: String, value: String)]
}

extension Apportioner {
  /// Shares one line, like ``apportion(_:)``, and says why.
  public mutating func explain(_ line: BudgetLine) throws(Diagnostic) -> Explanation {
    var attempts: [Explanation.Attempt] = []
    for (index, compiled) in rules.enumerated() {
      let matched = compiled.condition.matches(line)
      attempts.append(
        .init(
          ruleIndex: index, rule: compiled.rule, checks: compiled.condition.trace(line),
          matched: matched))
      if matched { break }
    }
    let before = attempts.last.map { summaryLineCount(rule: $0.ruleIndex) } ?? 0
    let result = try apportion(line)
    let basis = result.map {
      rules[$0.ruleIndex].rule.basis.describe(
        partners: ruleSet.partners, drivers: ruleSet.drivers)
    }
    let values = result.map { rules[$0.ruleIndex].basis.columnValues(line) } ?? []
    return Explanation(
      attempts: attempts, result: result, basis: basis, linesBefore: before, basisValues: values)
  }
}

/// An exact amount of pence, `numerator / denominator`, as pounds with up to `digits`
/// decimals; `…` marks a value cut short. `(6172850, 10000)` pence → `617.285`.
public func exactPoundsText(numerator: Int128, denominator: Int128, digits: Int = 6) -> String {
  guard denominator > 0 else { return "?" }
  let negative = numerator < 0
  let magnitude = negative ? -numerator : numerator
  let scaled = denominator * 100
  var whole = String(magnitude / scaled)
  var remainder = magnitude % scaled
  var fraction = ""
  while remainder != 0 && fraction.count < digits {
    remainder *= 10
    fraction.append(String(remainder / scaled))
    remainder %= scaled
  }
  while fraction.count < 2 { fraction.append("0") }
  if remainder != 0 { fraction.append("…") }
  if negative { whole = "-" + whole }
  return "\(whole).\(fraction)"
}
