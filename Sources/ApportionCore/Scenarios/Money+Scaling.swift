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

extension Money {
  /// The amount times `numerator` ÷ `denominator`, rounded to the penny half away from zero
  /// (`denominator` > 0): a part-year's share of an annual amount, or a cost per FTE times
  /// the FTEs.
  ///
  /// | amount | × | result |
  /// | --- | --- | --- |
  /// | 100.00 | 9 ÷ 12 | 75.00 |
  /// | 0.10 | 1 ÷ 12 | 0.01 (0.83p rounds up) |
  /// | 0.06 | 1 ÷ 12 | 0.01 (0.5p rounds away from zero) |
  /// | -0.06 | 1 ÷ 12 | -0.01 |
  ///
  /// - Throws: ``MoneyError/overflow`` when the result does not fit.
  public func scaled(by numerator: Int64, over denominator: Int64) throws(MoneyError) -> Money {
    precondition(denominator > 0, "a fraction's denominator must be positive")
    let product = Int128(pence) * Int128(numerator)
    let scale = Int128(denominator)
    var quotient = product / scale
    let remainder = product % scale
    if remainder.magnitude * 2 >= scale.magnitude {
      quotient += product < 0 ? -1 : 1
    }
    guard let result = Int64(exactly: quotient) else { throw .overflow }
    return Money(pence: result)
  }

  /// The amount for `months` of the twelve months of a year (0 to 12), rounded to the penny
  /// half away from zero: see ``scaled(by:over:)``. Never overflows (the result is no larger
  /// than the amount).
  public func prorated(months: Int) -> Money {
    let kept = Int64(min(max(months, 0), FinancialYear.monthCount))
    return (try? scaled(by: kept, over: Int64(FinancialYear.monthCount))) ?? self
  }
}
