import BigInt

/// Exact rational arithmetic of any size, for checking the engine independently of it on
/// rules whose denominators outgrow `Int128` (nested carve-outs of fine figures).
///
/// The denominator is always positive. Arithmetic does not reduce to lowest terms (greatest
/// common divisors are slow in a debug build); ``reduced`` does, and equality and order
/// compare values, whatever the terms.
struct BigFraction: Comparable, CustomStringConvertible {
  let numerator: BigInt
  let denominator: BigInt

  init(_ numerator: BigInt, _ denominator: BigInt = 1) {
    precondition(denominator != 0, "a fraction over zero")
    (self.numerator, self.denominator) =
      denominator < 0 ? (-numerator, -denominator) : (numerator, denominator)
  }

  /// The same value in lowest terms.
  var reduced: BigFraction {
    let divisor = numerator.greatestCommonDivisor(with: denominator)
    return divisor <= 1 ? self : BigFraction(numerator / divisor, denominator / divisor)
  }

  init(_ integer: Int64) { self.init(BigInt(integer)) }

  /// A decimal written as `units / 10^scale`.
  init(units: Int64, scale: Int) { self.init(BigInt(units), BigInt(10).power(scale)) }

  static let zero = BigFraction(0)
  static let one = BigFraction(1)

  static func + (a: BigFraction, b: BigFraction) -> BigFraction {
    BigFraction(
      a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
  }
  static func - (a: BigFraction, b: BigFraction) -> BigFraction {
    BigFraction(
      a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
  }
  static func * (a: BigFraction, b: BigFraction) -> BigFraction {
    BigFraction(a.numerator * b.numerator, a.denominator * b.denominator)
  }
  static func / (a: BigFraction, b: BigFraction) -> BigFraction {
    BigFraction(a.numerator * b.denominator, a.denominator * b.numerator)
  }
  static func < (a: BigFraction, b: BigFraction) -> Bool {
    a.numerator * b.denominator < b.numerator * a.denominator
  }
  static func == (a: BigFraction, b: BigFraction) -> Bool {
    a.numerator * b.denominator == b.numerator * a.denominator
  }

  /// The largest integer not above the fraction (toward −∞).
  var floor: BigInt {
    let quotient = numerator / denominator
    return numerator < 0 && quotient * denominator != numerator ? quotient - 1 : quotient
  }

  /// |self| < 1
  var isWithinOne: Bool { numerator.magnitude < denominator.magnitude }
  /// |self| < 2
  var isWithinTwo: Bool { numerator.magnitude < 2 * denominator.magnitude }

  var description: String {
    let value = reduced
    return value.denominator == 1 ? "\(value.numerator)" : "\(value.numerator)/\(value.denominator)"
  }
}
