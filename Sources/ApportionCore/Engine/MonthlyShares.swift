import BigInt

/// What one rule needs, besides its running shares, to give each partner's exact share of
/// each month: for the recharge schedule.
///
/// A rule whose basis is the same all year keeps nothing for lines phased evenly (their
/// months are a twelfth of its running shares), a sum per profile for lines phased by a
/// profile, and month by month sums for lines with their own month amounts. A rule phased
/// by membership keeps every month's shares.
struct MonthlyShares: Sendable {
  /// Lines phased by a profile other than even: profile → each partner's Σ amount × weight.
  private var byProfile: [Int: [BigInt]] = [:]
  /// `[month][partner]`: month amounts × weights, or (phased rules) every line's month
  /// shares.
  private var byMonth: [[BigInt]]?
  private let partners: Int

  init(partners: Int) { self.partners = partners }

  /// A line of a rule whose basis is the same all year.
  mutating func add(
    _ amount: Money, weights: Weights, phasing: PhasingPlan.Phasing
  ) {
    switch phasing {
    case .profile(0): return
    case .profile(let profile):
      let values = weights.wide.values
      var sums = byProfile[profile] ?? Array(repeating: 0, count: partners)
      let pence = BigInt(amount.pence)
      for p in 0..<partners { sums[p] += pence * values[p] }
      byProfile[profile] = sums
    case .months(let amounts):
      let values = weights.wide.values
      var months = byMonth ?? Self.zero(partners)
      for (month, pence) in amounts.enumerated() where pence != 0 {
        for p in 0..<partners { months[month][p] += BigInt(pence) * values[p] }
      }
      byMonth = months
    }
  }

  /// A line of a rule phased by membership: its month shares over the rule's denominator.
  mutating func add(monthShares: [[BigInt]]) {
    var months = byMonth ?? Self.zero(partners)
    for (month, shares) in monthShares.enumerated() {
      for p in 0..<partners { months[month][p] += shares[p] }
    }
    byMonth = months
  }

  /// Each month's exact share of each partner, `[month][partner]`, over the returned
  /// denominator.
  ///
  /// - Parameters:
  ///   - exact: the rule's running exact shares over `denominator`.
  ///   - phased: true for a rule phased by membership (its month sums are complete).
  func exactMonths(
    exact: [BigInt], denominator: BigInt, plan: PhasingPlan, phased: Bool
  ) -> (values: [[BigInt]], denominator: BigInt) {
    if phased { return (byMonth ?? Self.zero(partners), denominator) }
    let scale = plan.total
    var even = exact
    for sums in byProfile.values { for p in 0..<partners { even[p] -= sums[p] } }
    if let byMonth { for month in byMonth { for p in 0..<partners { even[p] -= month[p] } } }
    var result = Self.zero(partners)
    let evenFactor = scale / plan.sums[0]
    for month in 0..<FinancialYear.monthCount {
      for p in 0..<partners {
        var value = even[p] * plan.weights[0][month] * evenFactor
        for (profile, sums) in byProfile {
          value += sums[p] * plan.weights[profile][month] * (scale / plan.sums[profile])
        }
        if let byMonth { value += byMonth[month][p] * scale }
        result[month][p] = value
      }
    }
    return (result, denominator * scale)
  }

  private static func zero(_ partners: Int) -> [[BigInt]] {
    Array(repeating: Array(repeating: BigInt(0), count: partners), count: FinancialYear.monthCount)
  }
}
