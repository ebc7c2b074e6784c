/// Rounds exact shares to whole pence that add up to a total exactly: the largest
/// remainder (Hamilton) method with an order-free tie-break that differs from rule to rule.
///
/// Each partner's exact share is `numerator / denominator` pence. Every share is first
/// rounded down (toward −∞, so negative shares work the same way); the pennies left over,
/// `total − Σ floor`, go one each to the partners with the largest remainders. The result
/// is always within 1p of the exact share, and the parts add up to `total`.
///
/// Ties (equal remainders) are broken by the partners' ids in sorted order, starting at a
/// position given by `turn`: the partner at sorted position `i` has tie key
/// `(i − turn) mod n`, and the smallest key wins. The engine passes the rule's position in
/// the rule file (0 for the first rule), so each rule has a fixed tie order (which keeps a
/// rule's running shares steady from line to line: equal shares are dealt out like cards,
/// and a penny line never takes a penny back from anyone) while different rules favour
/// different partners. Nothing depends on the order in which partners are listed.
///
/// | exact shares (pence) | total | turn | result |
/// | --- | --- | --- | --- |
/// | 50.5, 50.5 | 101 | 1 | 50, 51 |
/// | 50.5, 50.5 | 101 | 2 | 51, 50 |
/// | 33⅓, 33⅓, 33⅓ | 100 | 0 | 34, 33, 33 |
/// | −0.5, −0.5 | −1 | 0 | 0, −1 |
enum LargestRemainder {
  /// - Parameters:
  ///   - numerators: each partner's exact share times `denominator`; they must add up to
  ///     `total × denominator`. `Int128` for rules with 64-bit weights, `BigInt` for finer
  ///     ones: the result depends only on the fractions' values.
  ///   - denominator: above zero.
  ///   - sortedRank: each partner's position when the partners are sorted by id.
  /// - Returns: whole pence per partner, adding up to `total`; nil if a share does not fit
  ///   in 64-bit pence, or if the numerators do not add up (an internal error); the caller
  ///   reports it.
  static func round<Value: SignedInteger>(
    _ numerators: [Value], denominator: Value, total: Int64, sortedRank: [Int], turn: Int
  ) -> [Int64]? {
    let n = numerators.count
    var floors = [Int64]()
    floors.reserveCapacity(n)
    var remainders = [Value]()
    remainders.reserveCapacity(n)
    var sum: Value = 0
    for numerator in numerators {
      var quotient = numerator / denominator
      var remainder = numerator % denominator
      if remainder < 0 {
        quotient -= 1
        remainder += denominator
      }
      // Compared, not converted with `Int64(exactly:)`, which is wrong for some negative
      // BigInt values (see `BigInt.exactly(_:)`); within the range, the low word is exact.
      guard quotient >= Value(Int64.min), quotient <= Value(Int64.max) else { return nil }
      floors.append(Int64(truncatingIfNeeded: quotient))
      remainders.append(remainder)
      sum += quotient
    }
    let leftover = Value(total) - sum
    guard leftover >= 0, leftover == 0 || leftover < Value(n) else { return nil }
    if leftover == 0 { return floors }
    let order = (0..<n).sorted { a, b in
      if remainders[a] != remainders[b] { return remainders[a] > remainders[b] }
      return tieKey(sortedRank[a], turn: turn, n: n) < tieKey(sortedRank[b], turn: turn, n: n)
    }
    for p in order.prefix(Int(leftover)) { floors[p] += 1 }
    return floors
  }

  /// The most partners ``round(narrow:denominator:total:sortedRank:turn:into:)`` takes: it
  /// picks the largest remainders one by one, which is quicker than sorting for a few.
  static let narrowLimit = 16

  /// ``round(_:denominator:total:sortedRank:turn:)`` for 64-bit weights and at most
  /// ``narrowLimit`` partners, without allocating: the result goes into `floors` (resized to
  /// the partners' count). False where that returns nil.
  static func round(
    narrow numerators: [Int128], denominator: Int128, total: Int64, sortedRank: [Int], turn: Int,
    into floors: inout [Int64]
  ) -> Bool {
    let n = numerators.count
    guard n <= narrowLimit else { return false }
    if floors.count != n { floors = Array(repeating: 0, count: n) }
    return withUnsafeTemporaryAllocation(of: Int128.self, capacity: n) { remainders in
      var sum: Int128 = 0
      for p in 0..<n {
        var (quotient, remainder) = numerators[p].quotientAndRemainder(dividingBy: denominator)
        if remainder < 0 {
          quotient -= 1
          remainder += denominator
        }
        guard quotient >= Int128(Int64.min), quotient <= Int128(Int64.max) else { return false }
        floors[p] = Int64(truncatingIfNeeded: quotient)
        remainders[p] = remainder
        sum += quotient
      }
      let leftover = Int128(total) - sum
      guard leftover >= 0, leftover == 0 || leftover < Int128(n) else { return false }
      // The partners with the largest remainders, ties to the smallest tie key, one by one
      // (a remainder taken is marked -1: every other is at least 0).
      for _ in 0..<Int(leftover) {
        var best = -1
        for p in 0..<n where remainders[p] >= 0 {
          if best < 0 || remainders[p] > remainders[best]
            || (remainders[p] == remainders[best]
              && tieKey(sortedRank[p], turn: turn, n: n)
                < tieKey(sortedRank[best], turn: turn, n: n))
          {
            best = p
          }
        }
        floors[best] += 1
        remainders[best] = -1
      }
      return true
    }
  }

  static func tieKey(_ rank: Int, turn: Int, n: Int) -> Int {
    ((rank - turn) % n + n) % n
  }
}
