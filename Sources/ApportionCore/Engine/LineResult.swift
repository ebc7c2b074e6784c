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
  /// The line's exact weights: partner `p`'s exact share is `amount × weight / denominator`,
  /// in 64-bit or (for very fine rules) arbitrary-precision integers. Read them through
  /// ``exactShare(of:)`` and ``sharePercentText(of:)``.
  let weights: Weights

  /// A partner's exact share before rounding.
  public func exactShare(of partner: Int) -> ExactPence {
    weights.share(of: partner, amount: line.amount)
  }

  /// A partner's exact share as a percentage of the line: `50`, `33.3333…`.
  public func sharePercentText(of partner: Int) -> String {
    weights.percentText(of: partner)
  }
}
