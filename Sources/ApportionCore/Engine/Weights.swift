import BigInt

/// A line's exact weights: partner `p`'s exact share of the line is `amount × values[p] /
/// denominator`, and the values add up to the denominator.
///
/// Held in the narrowest integers that fit. Nearly every rule's denominator fits in 64 bits
/// (equal splits, percentages, drivers, carve-outs of them), and those rules run on `Int64`
/// weights and `Int128` running shares. A rule whose denominator does not fit — typically
/// carve-outs of fine fractions to fine drivers, nested — runs on arbitrary-precision
/// integers instead, so every valid rule is computed exactly, however fine its figures.
///
/// | basis | denominator | width |
/// | --- | --- | --- |
/// | equal between 3 | 3 | narrow |
/// | percentages 43.5, 56.5 | 200 (87 + 113, in lowest terms) | narrow |
/// | each line's fraction (6 decimals) to FTE 312.45, 198.37, rest equal | 10⁶ × 51,082 | narrow |
/// | three nested carve-outs of 9-decimal fractions to 9-decimal drivers | about 10⁵⁹ | wide |
///
/// (`FineRuleTests` checks these rows.)
enum Weights: Sendable {
  case narrow([Int64], denominator: Int64)
  indirect case wide([BigInt], denominator: BigInt)

  /// Weights reduced to lowest terms (divided by the greatest common divisor of the values
  /// and the denominator), narrow when the denominator fits in 64 bits.
  ///
  /// - Parameters:
  ///   - values: one weight per partner, zero or more, adding up to `denominator`.
  ///   - denominator: above zero.
  static func reduced(_ values: [BigInt], denominator: BigInt) -> Weights {
    var divisor = denominator
    for value in values where divisor != 1 { divisor = divisor.greatestCommonDivisor(with: value) }
    let values = divisor == 1 ? values : values.map { $0 / divisor }
    let denominator = denominator / divisor
    if let narrow = denominator.exactly(Int64.self) {
      // Each value is at most the denominator, so each fits too.
      return .narrow(values.map { Int64(truncatingIfNeeded: $0) }, denominator: narrow)
    }
    return .wide(values, denominator: denominator)
  }

  /// The weights as arbitrary-precision integers, whatever their width.
  var wide: (values: [BigInt], denominator: BigInt) {
    switch self {
    case .narrow(let values, let denominator):
      return (values.map { BigInt($0) }, BigInt(denominator))
    case .wide(let values, let denominator):
      return (values, denominator)
    }
  }

  /// Partner `p`'s exact share of `amount`.
  func share(of p: Int, amount: Money) -> ExactPence {
    switch self {
    case .narrow(let values, let denominator):
      return ExactPence(
        numerator: Int128(amount.pence) * Int128(values[p]), denominator: Int128(denominator))
    case .wide(let values, let denominator):
      return ExactPence(numerator: BigInt(amount.pence) * values[p], denominator: denominator)
    }
  }

  /// Partner `p`'s weight as a percentage: `50`, `33.3333…`.
  func percentText(of p: Int) -> String {
    switch self {
    case .narrow(let values, let denominator):
      return ExactPence.percentText(Int128(values[p]), of: Int128(denominator))
    case .wide(let values, let denominator):
      return ExactPence.percentText(values[p], of: denominator)
    }
  }
}

/// The least common multiple of two values above zero.
func lcm(_ a: BigInt, _ b: BigInt) -> BigInt {
  a / a.greatestCommonDivisor(with: b) * b
}

/// 10 to the power n, exactly, for any n ≥ 0.
func bigPow10(_ n: Int) -> BigInt {
  BigInt(10).power(n)
}

extension BigInt {
  /// The value in a fixed-width signed integer type, or nil when it does not fit.
  ///
  /// Use this, not `Int128(exactly:)` or `init(truncatingIfNeeded:)`: in BigInt 6.0.1 those
  /// go through `>>`, which rounds a negative value toward zero instead of down, and so
  /// give a wrong number for negative values wider than 64 bits. The magnitude (unsigned)
  /// converts correctly; the sign is applied here.
  func exactly<T: FixedWidthInteger & SignedInteger>(_: T.Type) -> T? {
    guard let magnitude = T.Magnitude(exactly: self.magnitude) else { return nil }
    if sign == .minus {
      guard magnitude <= T.Magnitude(T.max) + 1 else { return nil }
      return T(truncatingIfNeeded: ~magnitude &+ 1)
    }
    guard magnitude <= T.Magnitude(T.max) else { return nil }
    return T(magnitude)
  }
}
