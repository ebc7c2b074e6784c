/// How one budget line was shared: the rule that took it and each partner's part.
///
/// Every output (terminal, JSON, workbooks) reads these; nothing is recomputed for
/// display.
public struct LineResult: Sendable {
  /// The line as read.
  public let line: BudgetLine
  /// The position of the rule that took it, in ``RuleSet/rules``.
  public let ruleIndex: Int
  /// Each partner's part, in ``RuleSet/partners`` order; they add up to the line's amount.
  public let parts: [Money]
  /// The line's exact weights: partner `p`'s exact share is `amount × weights[p] /
  /// denominator`.
  public let weights: [Int64]
  public let denominator: Int64

  /// A partner's exact share before rounding, as a fraction of pence: (numerator,
  /// denominator).
  public func exactShare(of partner: Int) -> (numerator: Int128, denominator: Int128) {
    (Int128(line.amount.pence) * Int128(weights[partner]), Int128(denominator))
  }
}

/// The totals of a whole apportionment: per rule and partner, per partner, overall.
public struct Summary: Sendable {
  public let partners: [Partner]
  public let rules: [Rule]
  /// `byRule[r][p]`: partner p's total over the lines rule r took.
  public internal(set) var byRule: [[Money]]
  /// The total of the lines each rule took.
  public internal(set) var ruleTotals: [Money]
  /// How many lines each rule took.
  public internal(set) var ruleLineCounts: [Int]
  /// Each partner's total over all rules.
  public internal(set) var partnerTotals: [Money]
  /// The total of every line.
  public internal(set) var total: Money
  public internal(set) var lineCount: Int
  /// Warnings found while running (for example a rule that took no line).
  public var warnings: [Diagnostic]

  init(partners: [Partner], rules: [Rule]) {
    self.partners = partners
    self.rules = rules
    byRule = Array(
      repeating: Array(repeating: .zero, count: partners.count), count: rules.count)
    ruleTotals = Array(repeating: .zero, count: rules.count)
    ruleLineCounts = Array(repeating: 0, count: rules.count)
    partnerTotals = Array(repeating: .zero, count: partners.count)
    total = .zero
    lineCount = 0
    warnings = []
  }

  /// Adds one line's parts to the totals.
  mutating func add(_ result: LineResult) throws(MoneyError) {
    let r = result.ruleIndex
    for (p, part) in result.parts.enumerated() {
      try byRule[r][p] += part
      try partnerTotals[p] += part
    }
    try ruleTotals[r] += result.line.amount
    try total += result.line.amount
    ruleLineCounts[r] += 1
    lineCount += 1
  }

  /// True when the partners' totals add up to the grand total (always, by construction;
  /// shown to the user as a check).
  public var partsAddUp: Bool {
    (try? Money.sum(partnerTotals)) == total
      && zip(byRule, ruleTotals).allSatisfy { (try? Money.sum($0.0)) == $0.1 }
  }
}
