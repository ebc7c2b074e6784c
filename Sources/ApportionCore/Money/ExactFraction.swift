import BigInt

/// An exact fraction `numerator / denominator` (the denominator above zero), in `Int128`
/// when both parts fit and in arbitrary-precision integers otherwise.
///
/// The exact values the engine computes (a partner's exact share of a line, the rounding of
/// a part against it) are these; the workbooks show them as the nearest floating-point
/// number in a cell, the only place where they become approximate.
public enum ExactFraction: Sendable, Hashable {
  case narrow(numerator: Int128, denominator: Int128)
  indirect case wide(numerator: BigInt, denominator: BigInt)

  /// `numerator / denominator`, kept in `Int128` when both fit; `denominator` above zero.
  init(numerator: BigInt, denominator: BigInt) {
    if let n = numerator.exactly(Int128.self), let d = denominator.exactly(Int128.self) {
      self = .narrow(numerator: n, denominator: d)
    } else {
      self = .wide(numerator: numerator, denominator: denominator)
    }
  }

  /// The fraction in arbitrary-precision integers, whatever its width.
  public var wide: (numerator: BigInt, denominator: BigInt) {
    switch self {
    case .narrow(let n, let d): return (BigInt(n), BigInt(d))
    case .wide(let n, let d): return (n, d)
    }
  }

  static let zero = ExactFraction.narrow(numerator: 0, denominator: 1)
}
