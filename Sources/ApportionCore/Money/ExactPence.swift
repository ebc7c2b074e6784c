import BigInt

/// An exact amount of pence that need not be whole: `numerator / denominator` pence.
///
/// A partner's exact share of a line before rounding is one of these; the engine's rounded
/// parts differ from it by less than 2p. It is only ever shown, never added into money. The
/// numerator and denominator can be wider than any fixed-width integer (a rule of very fine
/// nested carve-outs), so they are kept inside and read through ``poundsText(digits:)``.
///
/// ```swift
/// ExactPence(numerator: 6_172_850, denominator: 10_000).poundsText()  // "617.285"
/// ExactPence(numerator: 1, denominator: 3).poundsText()               // "0.003333…"
/// ```
public struct ExactPence: Sendable, Hashable {
  /// The amount in pence as a fraction, in `Int128` when both parts fit (always for 64-bit
  /// weights).
  public let value: ExactFraction

  /// `numerator / denominator` pence; `denominator` must be positive.
  public init(numerator: Int128, denominator: Int128) {
    value = .narrow(numerator: numerator, denominator: denominator)
  }

  /// `numerator / denominator` pence, kept in `Int128` when both fit.
  init(numerator: BigInt, denominator: BigInt) {
    value = ExactFraction(numerator: numerator, denominator: denominator)
  }

  /// How far a rounded part is from this exact amount: `part − self`.
  ///
  /// ```swift
  /// ExactPence(numerator: 1, denominator: 3).difference(to: Money(pence: 1)).poundsText()
  /// // "0.006666…"
  /// ```
  public func difference(to part: Money) -> ExactPence {
    if case .narrow(let n, let d) = value {
      let (scaled, o1) = Int128(part.pence).multipliedReportingOverflow(by: d)
      let (difference, o2) = scaled.subtractingReportingOverflow(n)
      if !o1 && !o2 { return ExactPence(numerator: difference, denominator: d) }
    }
    let (n, d) = wide
    return ExactPence(numerator: BigInt(part.pence) * d - n, denominator: d)
  }

  /// The fraction in arbitrary-precision integers.
  var wide: (numerator: BigInt, denominator: BigInt) { value.wide }

  /// The amount in pounds with at least 2 and up to `digits` decimals; `…` marks a value cut
  /// short.
  public func poundsText(digits: Int = 6) -> String {
    if case .narrow(let n, let d) = value, Self.roomy(n, d) {
      return Self.decimalText(n, over: d * 100, digits: digits)
    }
    let (n, d) = wide
    return Self.decimalText(n, over: d * 100, digits: digits)
  }

  /// `part / whole` as a percentage with up to `digits` decimals and no trailing zeros:
  /// `50`, `62.5`, `33.3333…`.
  public static func percentText(_ part: Int128, of whole: Int128, digits: Int = 4) -> String {
    guard roomy(part, whole) else {
      return percentText(BigInt(part), of: BigInt(whole), digits: digits)
    }
    return trimmed(decimalText(part * 100, over: whole, digits: digits))
  }

  /// Whether `Int128` has room for the decimal expansion of `n / d` (and of `100 n / d` or
  /// `n / 100 d`): both well below 2¹²⁷, so that multiplying by 1,000 cannot overflow.
  private static func roomy(_ n: Int128, _ d: Int128) -> Bool {
    let limit = UInt128(1) << 116
    return n.magnitude < limit && d.magnitude < limit
  }

  /// ``percentText(_:of:digits:)`` for arbitrary-precision integers.
  static func percentText(_ part: BigInt, of whole: BigInt, digits: Int = 4) -> String {
    trimmed(decimalText(part * 100, over: whole, digits: digits))
  }

  /// Without trailing zeros after the point (nor the point itself), unless cut short.
  private static func trimmed(_ text: String) -> String {
    var text = text
    if !text.hasSuffix("…") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }

  /// `numerator / denominator` in decimals: at least 2, at most `digits`, then `…` if cut.
  static func decimalText<Value: SignedInteger>(
    _ numerator: Value, over denominator: Value, digits: Int
  ) -> String {
    guard denominator > 0 else { return "?" }
    let negative = numerator < 0
    let magnitude = negative ? 0 - numerator : numerator
    var whole = String(magnitude / denominator)
    var remainder = magnitude % denominator
    var fraction = ""
    while remainder != 0 && fraction.count < digits {
      remainder *= 10
      fraction.append(String(remainder / denominator))
      remainder %= denominator
    }
    while fraction.count < 2 { fraction.append("0") }
    if remainder != 0 { fraction.append("…") }
    if negative { whole = "-" + whole }
    return "\(whole).\(fraction)"
  }
}
