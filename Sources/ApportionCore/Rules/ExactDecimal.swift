/// A non-negative decimal number held exactly as `units / 10^scale`, built from text.
///
/// Used for percentages, driver values and carve-out fractions. Never built from a
/// floating-point value: `ExactDecimal(parsing: "43.5")` is 435 / 10^1 exactly.
public struct ExactDecimal: Sendable, Hashable, CustomStringConvertible {
  public let units: Int64
  public let scale: Int

  /// The most decimal places accepted.
  public static let maxScale = 9

  public init(units: Int64, scale: Int) {
    self.units = units
    self.scale = scale
  }

  /// Parses `12`, `0.25`, `43.5` (and, with `allowPercent`, `43.5%`, returning the
  /// number before the `%`).
  ///
  /// - Returns: the value and whether a `%` sign was present.
  /// - Throws: a message saying what is wrong with the text.
  public static func parse(_ text: String) throws(MoneyError) -> (ExactDecimal, percent: Bool) {
    var body = Substring(text).trimmingSpaces()
    var percent = false
    if body.last == "%" {
      percent = true
      body = body.dropLast().trimmingSpaces()
    }
    if body.first == "-" { throw .invalid("'\(text)' is negative; it must be zero or more") }
    if body.first == "+" { body = body.dropFirst() }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard !body.isEmpty, parts.count <= 2, !parts[0].isEmpty || parts.count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
      parts.count == 1 || !parts[1].isEmpty
    else { throw .invalid("'\(text)' is not a number") }
    let fraction = parts.count == 2 ? parts[1] : ""
    guard fraction.count <= maxScale else {
      throw .invalid("'\(text)' has more than \(maxScale) decimal places")
    }
    var units: Int64 = 0
    for digit in parts[0] + fraction {
      guard let value = digit.wholeNumberValue else { continue }
      let (times, o1) = units.multipliedReportingOverflow(by: 10)
      let (plus, o2) = times.addingReportingOverflow(Int64(value))
      if o1 || o2 { throw .invalid("'\(text)' is too large") }
      units = plus
    }
    return (ExactDecimal(units: units, scale: fraction.count), percent)
  }

  /// The value's units at a larger scale, or nil on overflow.
  public func units(atScale target: Int) -> Int64? {
    var value = units
    for _ in 0..<max(0, target - scale) {
      let (times, overflow) = value.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      value = times
    }
    return value
  }

  public var isZero: Bool { units == 0 }

  /// The decimal text, without trailing zeros: `43.5`, `0.25`, `12`.
  public var description: String {
    guard scale > 0 else { return String(units) }
    var digits = String(units)
    if digits.count <= scale {
      digits = String(repeating: "0", count: scale - digits.count + 1) + digits
    }
    let cut = digits.index(digits.endIndex, offsetBy: -scale)
    var fraction = digits[cut...]
    while fraction.last == "0" { fraction = fraction.dropLast() }
    return fraction.isEmpty ? String(digits[..<cut]) : "\(digits[..<cut]).\(fraction)"
  }
}
