import BigInt

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
  /// For a line shared month by month among partners who join or leave during the year:
  /// each partner's exact share as a numerator over `denominator` (the shares are then not
  /// the amount times weights fixed for the line). Nil for every other line.
  let phasedShares: PhasedShares?

  struct PhasedShares: Sendable {
    let numerators: [BigInt]
    let denominator: BigInt
  }

  init(line: BudgetLine, ruleIndex: Int, parts: [Money], weights: Weights) {
    self.line = line
    self.ruleIndex = ruleIndex
    self.parts = parts
    self.weights = weights
    phasedShares = nil
  }

  init(line: BudgetLine, ruleIndex: Int, parts: [Money], phased: PhasedShares) {
    self.line = line
    self.ruleIndex = ruleIndex
    self.parts = parts
    weights = .wide(phased.numerators, denominator: phased.denominator)
    phasedShares = phased
  }

  /// A partner's exact share before rounding.
  public func exactShare(of partner: Int) -> ExactPence {
    if let phasedShares {
      return ExactPence(
        numerator: phasedShares.numerators[partner], denominator: phasedShares.denominator)
    }
    return weights.share(of: partner, amount: line.amount)
  }

  /// A partner's exact share as a fraction of the line (`1/2`), for a percentage cell in a
  /// workbook; 0 for a line of zero. (For a line phased month by month among part-year
  /// partners, its exact share of the amount over the amount.)
  public func shareOfLine(of partner: Int) -> ExactFraction {
    if let phasedShares {
      let whole = BigInt(line.amount.pence) * phasedShares.denominator
      guard whole != 0 else { return .zero }
      let part = phasedShares.numerators[partner]
      return whole > 0
        ? ExactFraction(numerator: part, denominator: whole)
        : ExactFraction(numerator: -part, denominator: -whole)
    }
    switch weights {
    case .narrow(let values, let denominator):
      return .narrow(numerator: Int128(values[partner]), denominator: Int128(denominator))
    case .wide(let values, let denominator):
      return .wide(numerator: values[partner], denominator: denominator)
    }
  }

  /// A partner's exact share as a percentage of the line: `50`, `33.3333…`.
  public func sharePercentText(of partner: Int) -> String {
    if let phasedShares {
      let whole = BigInt(line.amount.pence) * phasedShares.denominator
      guard whole != 0 else { return "0" }
      let part = phasedShares.numerators[partner]
      return whole > 0
        ? ExactPence.percentText(part, of: whole) : ExactPence.percentText(-part, of: -whole)
    }
    return weights.percentText(of: partner)
  }
}
