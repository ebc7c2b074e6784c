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
  /// The monthly recharge schedule; empty until the run is finished.
  public internal(set) var schedule: Schedule?

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
