import BigInt

/// A rule's basis for a year in which partners join or leave: in each month, the basis among
/// that month's members (see ``RuleCompiler/compile(_:rule:active:)``), one compiled variant
/// per different set of members.
///
/// A partner's exact share of a line is `Σ months (line's amount that month × its weight that
/// month ÷ that month's denominator)`. Over the rule's ``denominator`` — the least common
/// multiple of the variants' denominators times the phasing plan's total — every month's
/// share is a whole numerator, so the rule's running shares stay exact.
struct PhasedBasis: Sendable {
  let variants: [CompiledBasis]
  /// The variant in force in each month.
  let variantOfMonth: [Int]
  /// The least common multiple of the variants' denominators.
  let common: BigInt
  /// `common / variant.denominator`, for each variant.
  let factors: [BigInt]

  init(variants: [CompiledBasis], variantOfMonth: [Int]) {
    self.variants = variants
    self.variantOfMonth = variantOfMonth
    let common = variants.reduce(BigInt(1)) { lcm($0, $1.denominator) }
    self.common = common
    factors = variants.map { common / $0.denominator }
  }

  /// Each month's exact share of each partner, `[month][partner]`, as numerators over
  /// `common × plan.total`; the months and partners add up to `amount × common ×
  /// plan.total`.
  func monthShares(
    of line: BudgetLine, phasing: PhasingPlan.Phasing, plan: PhasingPlan, partners: Int
  ) throws(Diagnostic) -> [[BigInt]] {
    let months = plan.monthNumerators(of: line.amount, phasing)
    var weights: [Int: [BigInt]] = [:]
    var shares: [[BigInt]] = []
    shares.reserveCapacity(months.count)
    for (month, amount) in months.enumerated() {
      let v = variantOfMonth[month]
      let values: [BigInt]
      if let known = weights[v] {
        values = known
      } else {
        values = try variants[v].weights(for: line).wide.values
        weights[v] = values
      }
      let factor = amount * factors[v]
      shares.append(values.map { $0 * factor })
    }
    return shares
  }
}
