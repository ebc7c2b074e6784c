/// A non-negative decimal number held exactly as `units / 10^scale`, built from text.
///
/// Used for percentages, driver values and carve-out fractions. Never built from a
/// floating-point value: `try ExactDecimal(parsing: "43.5")` is 435 / 10^1 exactly.
public struct ExactDecimal: Sendable, Hashable, CustomStringConvertible {
  public let units: Int64
  public let scale: Int

  /// The most decimal places accepted.
  public static let maxScale = 9

  public init(units: Int64, scale: Int) {
    self.units = units
    self.scale = scale
  }

  /// Parses a plain number: `12`, `0.25`, `+43.5`, with surrounding spaces ignored.
  ///
  /// - Throws: ``ExactDecimalError`` saying what is wrong with the text; a percentage such as
  ///   `43.5%` is ``ExactDecimalError/percentage(_:)`` (read those with ``Written``).
  public init(parsing text: String) throws(ExactDecimalError) {
    let written = try Written(parsing: text)
    if written.isPercentage { throw .percentage(text) }
    self = written.number
  }

  /// A number as written in a rule file or budget: plain (`0.25`) or a percentage (`25%`).
  ///
  /// ```swift
  /// let written = try ExactDecimal.Written(parsing: "43.5%")
  /// written.number        // 43.5
  /// written.isPercentage  // true
  /// written.fraction      // 0.435
  /// ```
  public struct Written: Sendable, Hashable {
    /// The number before any `%` sign.
    public let number: ExactDecimal
    /// Whether the text ended in `%`.
    public let isPercentage: Bool

    /// The value as a fraction of 1: the number, or the number ÷ 100 for a percentage.
    public var fraction: ExactDecimal {
      isPercentage ? ExactDecimal(units: number.units, scale: number.scale + 2) : number
    }

    /// Parses `12`, `0.25`, `43.5` or `43.5%`.
    ///
    /// - Throws: ``ExactDecimalError`` saying what is wrong with the text.
    public init(parsing text: String) throws(ExactDecimalError) {
      if let plain = Self.plain(text) {
        number = plain
        isPercentage = false
        return
      }
      var body = Substring(text).trimmingSpaces()
      var percent = false
      if body.last == "%" {
        percent = true
        body = body.dropLast().trimmingSpaces()
      }
      if body.first == "-" { throw .negative(text) }
      if body.first == "+" { body = body.dropFirst() }
      let parts = body.split(separator: ".", omittingEmptySubsequences: false)
      guard !body.isEmpty, parts.count <= 2, !parts[0].isEmpty || parts.count == 2,
        parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
        parts.count == 1 || !parts[1].isEmpty
      else { throw .notANumber(text) }
      let fraction = parts.count == 2 ? parts[1] : ""
      guard fraction.count <= maxScale else { throw .tooManyDecimalPlaces(text) }
      var units: Int64 = 0
      for digit in parts[0] + fraction {
        guard let value = digit.wholeNumberValue else { continue }
        let (times, o1) = units.multipliedReportingOverflow(by: 10)
        let (plus, o2) = times.addingReportingOverflow(Int64(value))
        if o1 || o2 { throw .tooLarge(text) }
        units = plus
      }
      number = ExactDecimal(units: units, scale: fraction.count)
      isPercentage = percent
    }

    /// The common case, `0`, `12` or `0.25` with nothing else (at most 18 digits), read
    /// straight from the bytes (a budget column may hold a million of them); nil for
    /// anything else, which the full parser then reads or explains.
    private static func plain(_ text: String) -> ExactDecimal? {
      var text = text
      return text.withUTF8 { bytes -> ExactDecimal? in
        guard !bytes.isEmpty, bytes.count <= 19 else { return nil }
        var units: Int64 = 0
        var scale = -1
        for byte in bytes {
          if byte == UInt8(ascii: ".") {
            guard scale < 0 else { return nil }
            scale = 0
          } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
            units = units &* 10 &+ Int64(byte &- UInt8(ascii: "0"))
            if scale >= 0 { scale += 1 }
          } else {
            return nil
          }
        }
        guard bytes[0] != UInt8(ascii: "."), scale != 0, scale <= maxScale else { return nil }
        return ExactDecimal(units: units, scale: max(scale, 0))
      }
    }
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
  public var description: String { Self.text(String(units), scale: scale) }

  /// Decimal text for a whole number of units written as digits, without trailing zeros.
  static func text(_ digits: String, scale: Int) -> String {
    guard scale > 0 else { return digits }
    var digits = digits
    if digits.count <= scale {
      digits = String(repeating: "0", count: scale - digits.count + 1) + digits
    }
    let cut = digits.index(digits.endIndex, offsetBy: -scale)
    var fraction = digits[cut...]
    while fraction.last == "0" { fraction = fraction.dropLast() }
    return fraction.isEmpty ? String(digits[..<cut]) : "\(digits[..<cut]).\(fraction)"
  }
}

/// Why a text is not a number ``ExactDecimal`` accepts. Its `description` is a phrase for
/// messages: `'-5' is negative; it must be zero or more`.
public enum ExactDecimalError: Error, Sendable, Hashable, CustomStringConvertible {
  case negative(String)
  case notANumber(String)
  case tooManyDecimalPlaces(String)
  case tooLarge(String)
  /// A percentage where a plain number is wanted.
  case percentage(String)

  public var description: String {
    switch self {
    case .negative(let text): return "'\(text)' is negative; it must be zero or more"
    case .notANumber(let text): return "'\(text)' is not a number"
    case .tooManyDecimalPlaces(let text):
      return "'\(text)' has more than \(ExactDecimal.maxScale) decimal places"
    case .tooLarge(let text): return "'\(text)' is too large"
    case .percentage(let text): return "'\(text)' is a percentage; a plain number is wanted"
    }
  }
}
