/// An exact amount of money in minor units (pence), with overflow-checked arithmetic.
///
/// Costs are positive and income negative (the net expenditure convention). No floating
/// point is ever used: amounts are built from text or from whole pence, and every operation
/// that could overflow `Int64` throws ``MoneyError/overflow`` instead of trapping.
///
/// ```swift
/// let a = try Money(parsing: "£1,234.56")
/// let b = try a + Money(pence: 1)      // 1234.57
/// print(b)                             // "1234.57"
/// ```
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The amount in pence.
  public let pence: Int64

  /// Creates an amount from whole pence.
  public init(pence: Int64) { self.pence = pence }

  /// Zero pence.
  public static let zero = Money(pence: 0)

  public static func < (lhs: Money, rhs: Money) -> Bool { lhs.pence < rhs.pence }

  /// True when the amount is below zero (income, under the net expenditure convention).
  public var isNegative: Bool { pence < 0 }

  /// The plain decimal text used in JSON and CSV: optional `-`, digits, `.`, two digits.
  ///
  /// | pence | text |
  /// | --- | --- |
  /// | 123457 | `1234.57` |
  /// | -5 | `-0.05` |
  /// | 0 | `0.00` |
  public var description: String { plainText }

  /// See ``description``.
  public var plainText: String { (pence < 0 ? "-" : "") + Self.decimalText(pence.magnitude) }

  /// `pounds.pp` for a number of pence without sign.
  static func decimalText(_ magnitude: UInt64) -> String {
    let minor = magnitude % 100
    return "\(magnitude / 100).\(minor < 10 ? "0" : "")\(minor)"
  }
}

/// Why a money operation or parse failed.
public enum MoneyError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The result does not fit in 64-bit pence (about ±£92 million million).
  case overflow
  /// The text is not an amount; the associated text says why.
  case invalid(String)

  /// The largest amount, as the messages write it: `92,233,720,368,547,758.07`.
  public static let limitText = "92,233,720,368,547,758.07"

  public var description: String {
    switch self {
    case .overflow: return "amount too large (beyond ±\(Self.limitText))"
    case .invalid(let why): return why
    }
  }
}

extension Money {
  /// The sum, or ``MoneyError/overflow``.
  public static func + (lhs: Money, rhs: Money) throws(MoneyError) -> Money {
    let (value, overflow) = lhs.pence.addingReportingOverflow(rhs.pence)
    if overflow { throw .overflow }
    return Money(pence: value)
  }

  /// The difference, or ``MoneyError/overflow``.
  public static func - (lhs: Money, rhs: Money) throws(MoneyError) -> Money {
    let (value, overflow) = lhs.pence.subtractingReportingOverflow(rhs.pence)
    if overflow { throw .overflow }
    return Money(pence: value)
  }

  /// The negation, or ``MoneyError/overflow`` for the one value that has none.
  public static prefix func - (value: Money) throws(MoneyError) -> Money {
    try Money.zero - value
  }

  /// Adds in place, or throws ``MoneyError/overflow`` leaving the value unchanged.
  public static func += (lhs: inout Money, rhs: Money) throws(MoneyError) {
    lhs = try lhs + rhs
  }

  /// The sum of a sequence of amounts, or ``MoneyError/overflow``.
  public static func sum<S: Sequence>(_ amounts: S) throws(MoneyError) -> Money
  where S.Element == Money {
    var total = Money.zero
    for amount in amounts { try total += amount }
    return total
  }
}
