import BigInt

/// One rule's running state: its running total, each partner's exact running share, and
/// those shares rounded.
///
/// Each exact running share is a numerator over the rule's denominator. For a rule whose
/// weights fit in 64 bits (``Weights/narrow``) the numerators are `Int128`, which cannot
/// overflow while the shares fit in 64-bit pence: a share below 2⁶³p over a denominator
/// below 2⁶³ is below 2¹²⁶, and so is a line's `amount × weight`. Finer rules keep them in
/// arbitrary precision. Either way the rounded shares, the parts and the totals are
/// `Int64` pence, and a value beyond that is reported, never wrapped.
struct RuleState: Sendable {
  enum Shares: Sendable {
    case narrow([Int128], denominator: Int128)
    indirect case wide([BigInt], denominator: BigInt)
  }

  var total: Int64 = 0
  var exact: Shares
  var rounded: [Int64]
  var count = 0
  /// Room for the next rounded shares, swapped with ``rounded`` (no allocation per line).
  private var nextRounded: [Int64] = []
  /// The rule's position: where its tie order starts (see ``LargestRemainder``).
  let tieTurn: Int

  init(partners: Int, basis: CompiledBasis, tieTurn: Int) {
    self.tieTurn = tieTurn
    if let denominator = basis.narrowDenominator {
      exact = .narrow(Array(repeating: 0, count: partners), denominator: Int128(denominator))
    } else {
      exact = .wide(Array(repeating: 0, count: partners), denominator: basis.denominator)
    }
    rounded = Array(repeating: 0, count: partners)
  }

  /// The state of a rule phased across months (``PhasedBasis``): its shares are kept in
  /// arbitrary precision over `denominator`.
  init(partners: Int, denominator: BigInt, tieTurn: Int) {
    self.tieTurn = tieTurn
    exact = .wide(Array(repeating: 0, count: partners), denominator: denominator)
    rounded = Array(repeating: 0, count: partners)
  }

  /// Adds a line whose exact shares are given as numerators over the rule's denominator
  /// (adding up to `amount ×` the denominator); returns its parts, or nil on overflow.
  mutating func add(_ amount: Money, numerators: [BigInt], rank: [Int]) -> [Money]? {
    let (newTotal, overflow) = total.addingReportingOverflow(amount.pence)
    if overflow { return nil }
    var (shares, denominator) = wideShares
    for p in shares.indices { shares[p] += numerators[p] }
    guard
      let newRounded = LargestRemainder.round(
        shares, denominator: denominator, total: newTotal, sortedRank: rank, turn: tieTurn)
    else { return nil }
    return commit(total: newTotal, exact: .wide(shares, denominator: denominator), newRounded)
  }

  /// Adds a line; returns its parts, or nil when a total, a share or a part would not fit
  /// in 64-bit pence.
  mutating func add(_ amount: Money, weights: Weights, rank: [Int]) -> [Money]? {
    let (newTotal, overflow) = total.addingReportingOverflow(amount.pence)
    if overflow { return nil }
    if case .narrow(let values, _) = weights, case .narrow = exact,
      values.count <= LargestRemainder.narrowLimit
    {
      if let parts = addNarrow(amount.pence, values: values, total: newTotal, rank: rank) {
        return parts
      }
    }
    let newExact: Shares
    let newRounded: [Int64]?
    if case .narrow(var shares, let denominator) = exact,
      case .narrow(let values, _) = weights,
      Self.add(amount.pence, times: values, to: &shares)
    {
      newExact = .narrow(shares, denominator: denominator)
      newRounded = LargestRemainder.round(
        shares, denominator: denominator, total: newTotal, sortedRank: rank, turn: tieTurn)
    } else {
      // Arbitrary precision: a rule with wide weights (or, defensively, any overflow).
      var (shares, denominator) = wideShares
      let values = weights.wide.values
      let pence = BigInt(amount.pence)
      for p in shares.indices { shares[p] += pence * values[p] }
      newExact = .wide(shares, denominator: denominator)
      newRounded = LargestRemainder.round(
        shares, denominator: denominator, total: newTotal, sortedRank: rank, turn: tieTurn)
    }
    guard let newRounded else { return nil }
    return commit(total: newTotal, exact: newExact, newRounded)
  }

  /// Takes the new running state; returns the line's parts (the change in each rounded
  /// share), or nil on overflow.
  private mutating func commit(total newTotal: Int64, exact newExact: Shares, _ newRounded: [Int64])
    -> [Money]?
  {
    var parts = [Money]()
    parts.reserveCapacity(newRounded.count)
    for p in newRounded.indices {
      let (part, o) = newRounded[p].subtractingReportingOverflow(rounded[p])
      if o { return nil }
      parts.append(Money(pence: part))
    }
    total = newTotal
    exact = newExact
    rounded = newRounded
    count += 1
    return parts
  }

  /// The usual case in place, without allocating but for the parts: 64-bit weights, a few
  /// partners. Nil (and the state as it was) on any overflow: the caller then takes the
  /// general path, which says whether the line really cannot be added.
  private mutating func addNarrow(
    _ pence: Int64, values: [Int64], total newTotal: Int64, rank: [Int]
  )
    -> [Money]?
  {
    guard case .narrow(var shares, let denominator) = exact, shares.count == values.count else {
      return nil
    }
    // Released here, so that `shares` is changed in place.
    exact = .narrow([], denominator: denominator)
    defer { exact = .narrow(shares, denominator: denominator) }
    let amount = Int128(pence)
    for p in shares.indices {
      let (product, o1) = amount.multipliedReportingOverflow(by: Int128(values[p]))
      let (_, o2) = shares[p].addingReportingOverflow(product)
      if o1 || o2 { return nil }
    }
    for p in shares.indices { shares[p] += amount * Int128(values[p]) }
    var parts: [Money]?
    if LargestRemainder.round(
      narrow: shares, denominator: denominator, total: newTotal, sortedRank: rank,
      turn: tieTurn, into: &nextRounded)
    {
      var list = [Money]()
      list.reserveCapacity(shares.count)
      for p in nextRounded.indices {
        let (part, o) = nextRounded[p].subtractingReportingOverflow(rounded[p])
        if o { break }
        list.append(Money(pence: part))
      }
      if list.count == shares.count { parts = list }
    }
    guard let parts else {
      for p in shares.indices { shares[p] -= amount * Int128(values[p]) }
      return nil
    }
    swap(&rounded, &nextRounded)
    total = newTotal
    count += 1
    return parts
  }

  /// `shares[p] += pence × values[p]` for every partner; false (shares then unusable) on
  /// overflow.
  private static func add(_ pence: Int64, times values: [Int64], to shares: inout [Int128])
    -> Bool
  {
    for p in shares.indices {
      let (product, o1) = Int128(pence).multipliedReportingOverflow(by: Int128(values[p]))
      let (sum, o2) = shares[p].addingReportingOverflow(product)
      if o1 || o2 { return false }
      shares[p] = sum
    }
    return true
  }

  /// The exact shares in arbitrary precision.
  var wideShares: (shares: [BigInt], denominator: BigInt) {
    switch exact {
    case .narrow(let shares, let denominator):
      return (shares.map { BigInt($0) }, BigInt(denominator))
    case .wide(let shares, let denominator):
      return (shares, denominator)
    }
  }
}
