extension Money {
  /// The amount changed by a percentage, rounded to the penny half away from zero: the
  /// arithmetic a finance officer checks by hand.
  ///
  /// | amount | percentage | result |
  /// | --- | --- | --- |
  /// | 100.00 | +2.5% | 102.50 |
  /// | 0.10 | +5% | 0.11 (10.5p rounds up) |
  /// | -0.10 | +5% | -0.11 (half away from zero) |
  /// | 33.33 | -10% | 30.00 (29.997) |
  ///
  /// - Throws: ``MoneyError/overflow`` when the result does not fit.
  public func scaled(by percentage: SignedPercentage) throws(MoneyError) -> Money {
    let magnitude = percentage.magnitude
    guard let hundred = ExactDecimal(units: 100, scale: 0).units(atScale: magnitude.scale)
    else { throw .overflow }
    let scale = Int128(hundred)
    let change = Int128(magnitude.units) * (percentage.isNegative ? -1 : 1)
    let numerator = Int128(pence) * (scale + change)
    var quotient = numerator / scale
    let remainder = numerator % scale
    if remainder.magnitude * 2 >= scale.magnitude {
      quotient += numerator < 0 ? -1 : 1
    }
    guard let result = Int64(exactly: quotient) else { throw .overflow }
    return Money(pence: result)
  }
}
