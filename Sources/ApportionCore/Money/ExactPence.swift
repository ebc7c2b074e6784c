/// An exact amount of pence that need not be whole: `numerator / denominator` pence.
///
/// A partner's exact share of a line before rounding is one of these; the engine's rounded
/// parts differ from it by less than 2p. It is only ever shown, never added into money.
///
/// ```swift
/// ExactPence(numerator: 6_172_850, denominator: 10_000).poundsText()  // "617.285"
/// ExactPence(numerator: 1, denominator: 3).poundsText()               // "0.003333…"
/// ```
public struct ExactPence: Sendable, Hashable {
  public let numerator: Int128
  /// Always positive.
  public let denominator: Int128

  /// `numerator / denominator` pence; `denominator` must be positive.
  public init(numerator: Int128, denominator: Int128) {
    self.numerator = numerator
    self.denominator = denominator
  }

  /// The amount in pounds with at least 2 and up to `digits` decimals; `…` marks a value cut
  /// short.
  public func poundsText(digits: Int = 6) -> String {
    Self.decimalText(numerator, over: denominator * 100, digits: digits)
  }

  /// `part / whole` as a percentage with up to `digits` decimals and no trailing zeros:
  /// `50`, `62.5`, `33.3333…`.
  public static func percentText(_ part: Int128, of whole: Int128, digits: Int = 4) -> String {
    var text = decimalText(part * 100, over: whole, digits: digits)
    if !text.hasSuffix("…") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }

  /// `numerator / denominator` in decimals: at least 2, at most `digits`, then `…` if cut.
  static func decimalText(_ numerator: Int128, over denominator: Int128, digits: Int) -> String {
    guard denominator > 0 else { return "?" }
    let negative = numerator < 0
    let magnitude = negative ? -numerator : numerator
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
