/// Exact rational arithmetic for checking the engine independently of it.
struct Fraction: Equatable {
  var numerator: Int128
  var denominator: Int128

  init(_ numerator: Int128, _ denominator: Int128 = 1) {
    let g = gcd(numerator.magnitude, denominator.magnitude)
    let sign: Int128 = denominator < 0 ? -1 : 1
    self.numerator = sign * numerator / Int128(g == 0 ? 1 : g)
    self.denominator = sign * denominator / Int128(g == 0 ? 1 : g)
  }

  static func + (a: Fraction, b: Fraction) -> Fraction {
    Fraction(
      a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
  }
  static func * (a: Fraction, b: Fraction) -> Fraction {
    Fraction(a.numerator * b.numerator, a.denominator * b.denominator)
  }
  static func - (a: Fraction, b: Fraction) -> Fraction { a + Fraction(-b.numerator, b.denominator) }

  /// |self| < 1
  var isWithinOne: Bool { numerator.magnitude < denominator.magnitude }
}

func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
  var (x, y) = (a, b)
  while y != 0 { (x, y) = (y, x % y) }
  return x
}
