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

  /// A partner's exact share before rounding.
  public func exactShare(of partner: Int) -> ExactPence {
    ExactPence(
      numerator: Int128(line.amount.pence) * Int128(weights[partner]),
      denominator: Int128(denominator))
  }

  /// A partner's exact share as a percentage of the line: `50`, `33.3333…`.
  public func sharePercentText(of partner: Int) -> String {
    ExactPence.percentText(Int128(weights[partner]), of: Int128(denominator))
  }
}
