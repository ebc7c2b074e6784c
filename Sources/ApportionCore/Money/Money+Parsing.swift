extension Money {
  /// Parses an amount as finance officers write it.
  ///
  /// Accepted, with at most two decimal places and surrounding spaces ignored:
  ///
  /// | text | pence |
  /// | --- | --- |
  /// | `1234.56` | 123456 |
  /// | `-1234.56` | -123456 |
  /// | `1,234.56` | 123456 |
  /// | `£1,234.56` | 123456 |
  /// | `-£1,234.56`, `£-1,234.56` | -123456 |
  /// | `(1,234.56)`, `(£1,234.56)` | -123456 |
  /// | `12`, `12.5` | 1200, 1250 |
  ///
  /// Anything else is an error, never rounded: three decimals, stray characters, commas
  /// that do not group thousands, an empty amount.
  ///
  /// - Throws: ``MoneyError/invalid(_:)`` saying what is wrong, or ``MoneyError/overflow``.
  public init(parsing text: String) throws(MoneyError) {
    if let pence = Self.plainPence(text) {
      self.init(pence: pence)
      return
    }
    var chars = Substring(text).trimmingSpaces()
    if chars.isEmpty { throw .invalid("the amount is empty") }
    var negative = false
    if chars.first == "(" {
      guard chars.last == ")" else {
        throw .invalid("'\(text)' opens a bracket it does not close")
      }
      negative = true
      chars = chars.dropFirst().dropLast().trimmingSpaces()
    }
    if chars.first == "-" {
      if negative { throw .invalid("'\(text)' is negative twice (brackets and a minus)") }
      negative = true
      chars = chars.dropFirst()
    }
    if chars.first == "£" {
      chars = chars.dropFirst()
      if chars.first == "-" {
        if negative { throw .invalid("'\(text)' is negative twice") }
        negative = true
        chars = chars.dropFirst()
      }
    }
    guard chars.contains(where: \.isASCIIDigit) else {
      throw .invalid("'\(text)' is not an amount: it has no digits")
    }
    let parts = chars.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2 else { throw .invalid("'\(text)' has more than one decimal point") }
    let whole = parts[0]
    let fraction = parts.count == 2 ? parts[1] : ""
    guard !whole.isEmpty else {
      throw .invalid("'\(text)' has no digits before the decimal point (write 0\(chars))")
    }
    if parts.count == 2 && fraction.isEmpty {
      throw .invalid("'\(text)' has no digits after the decimal point")
    }
    if let bad = fraction.first(where: { !$0.isASCIIDigit }) {
      throw .invalid("'\(text)' is not an amount: \(Self.describe(bad)) after the decimal point")
    }
    guard fraction.count <= 2 else {
      throw .invalid(
        "'\(text)' has \(fraction.count) decimal places; amounts are in pence (at most 2)")
    }
    let digits = try Self.wholeDigits(whole, text: text)
    var pence: Int64 = 0
    for digit in digits + fraction.padding(toLength: 2) {
      guard let value = digit.wholeNumberValue else { continue }
      let (times, o1) = pence.multipliedReportingOverflow(by: 10)
      let (plus, o2) = times.addingReportingOverflow(Int64(value))
      if o1 || o2 { throw .overflow }
      pence = plus
    }
    self.init(pence: negative ? -pence : pence)
  }

  /// The common case, `-1234.5`, `1234.56` or `1,234.56` (commas grouping thousands) with
  /// nothing else, read straight from the bytes (a budget has a million of them); nil for
  /// anything else, which the full parser then accepts or explains.
  private static func plainPence(_ text: String) -> Int64? {
    var text = text
    return text.withUTF8 { plainPence(bytes: $0) }
  }

  private static func plainPence(bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
    var pence: Int64 = 0
    var negative = false
    var digits = 0
    var decimals = -1
    // Digits since the last comma (-1: no comma yet).
    var group = -1
    for index in bytes.indices {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "-") where index == 0: negative = true
      case UInt8(ascii: ","):
        // The first group has 1 to 3 digits, every later one 3.
        guard decimals < 0, digits > 0, group < 0 ? digits <= 3 : group == 3 else { return nil }
        group = 0
      case UInt8(ascii: "."):
        guard decimals < 0, digits > 0, group < 0 || group == 3 else { return nil }
        decimals = 0
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        guard digits < 16 || decimals >= 0, decimals < 2 else { return nil }
        pence = pence &* 10 &+ Int64(byte &- UInt8(ascii: "0"))
        if decimals >= 0 {
          decimals += 1
        } else {
          digits += 1
          if group >= 0 { group += 1 }
        }
      default: return nil
      }
    }
    guard digits > 0, decimals != 0, group < 0 || group == 3 || decimals > 0 else { return nil }
    for _ in 0..<(2 - max(0, decimals)) { pence *= 10 }
    return negative ? -pence : pence
  }

  /// The digits of the whole pounds, checking that any commas group thousands.
  private static func wholeDigits(_ whole: Substring, text: String) throws(MoneyError)
    -> [Character]
  {
    if let bad = whole.first(where: { !$0.isASCIIDigit && $0 != "," }) {
      let place = bad == "-" || bad == "(" ? "in the wrong place" : "in it"
      throw .invalid("'\(text)' is not an amount: it has \(describe(bad)) \(place)")
    }
    if whole.contains(",") {
      let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
      let valid =
        (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
      guard valid else {
        throw .invalid("'\(text)' has commas that do not separate thousands")
      }
    }
    return whole.filter { $0 != "," }.map { $0 }
  }

  /// A character in words for a message: `a space`, `'e'`, `an invisible space (U+00A0)`.
  private static func describe(_ character: Character) -> String {
    if character == " " { return "a space" }
    if character.isWhitespace, let scalar = character.unicodeScalars.first {
      let hex = String(scalar.value, radix: 16, uppercase: true)
      return "an invisible space (U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex))"
    }
    return "'\(character)'"
  }
}

extension Character {
  /// 0-9 only (not other scripts' digits).
  var isASCIIDigit: Bool { isASCII && isNumber }

  /// White space through and through: every scalar is white space (`" "`, `"\t"`, `"\r\n"`).
  ///
  /// Not `isWhitespace`, which looks at the first scalar only: a space with a combining mark
  /// on it (`" \u{483}"`, one character) is white space to it, so trimming with it would
  /// drop the mark unseen and `" \u{483}0"` would read as 0.
  var isBlank: Bool { unicodeScalars.allSatisfy(\.properties.isWhitespace) }
}

extension Substring {
  /// The text without surrounding white space (characters that are ``Character/isBlank``).
  func trimmingSpaces() -> Substring {
    var result = self
    while let first = result.first, first.isBlank { result = result.dropFirst() }
    while let last = result.last, last.isBlank { result = result.dropLast() }
    return result
  }

  fileprivate func padding(toLength length: Int) -> [Character] {
    Array(self) + Array(repeating: "0", count: Swift.max(0, length - count))
  }
}
