import BigInt

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
  /// For a line shared month by month because partners join or leave during the year: the
  /// months (`2017-04` …) and each month's exact share of each partner,
  /// `monthlyShares[month][partner]`. Empty otherwise.
  public let months: [String]
  public let monthlyShares: [[ExactPence]]
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
    let before = attempts.last.map { linesTaken(byRule: $0.ruleIndex) } ?? 0
    let result = try apportion(line)
    let basis = result.map {
      rules[$0.ruleIndex].rule.basis.describe(
        partners: ruleSet.partners, drivers: ruleSet.drivers)
    }
    let values = result.map { rules[$0.ruleIndex].basis.columnValues(line) } ?? []
    var monthly: [[ExactPence]] = []
    if let result, let phased = rules[result.ruleIndex].phased {
      let phasing = try plan.phasing(of: line, ruleProfile: rules[result.ruleIndex].profile)
      let denominator = phased.common * plan.total
      monthly = try phased.monthShares(
        of: line, phasing: phasing, plan: plan, partners: ruleSet.partners.count
      ).map { month in month.map { ExactPence(numerator: $0, denominator: denominator) } }
    }
    return Explanation(
      attempts: attempts, result: result, basis: basis, linesBefore: before, basisValues: values,
      months: monthly.isEmpty ? [] : Schedule.labels(year: ruleSet.year), monthlyShares: monthly)
  }
}
