import Foundation

/// Integer pence from the number text a spreadsheet stores or prints (`8.140000000000001`,
/// `1310058.99999999999`, `-1.16415321826935E-10`, `12`), rounded to two decimals half away
/// from zero by working on the digits: never through `Double`.
public func roundedPence(_ text: String) -> Int64? {
  var s = Substring(text.trimmingCharacters(in: .whitespaces))
  var negative = false
  if s.first == "-" {
    negative = true
    s = s.dropFirst()
  } else if s.first == "+" {
    s = s.dropFirst()
  }
  var exponent = 0
  if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
    guard let value = Int(s[s.index(after: e)...]) else { return nil }
    exponent = value
    s = s[..<e]
  }
  let pieces = s.split(separator: ".", omittingEmptySubsequences: false)
  guard (1...2).contains(pieces.count) else { return nil }
  let whole = pieces[0]
  let fraction = pieces.count == 2 ? pieces[1] : ""
  var digits = Array(whole + fraction)
  guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
  // How many digits stand before the decimal point.
  var point = whole.count + exponent
  if point < 0 {
    digits = Array(repeating: "0", count: -point) + digits
    point = 0
  }
  if digits.count < point + 3 {
    digits += Array(repeating: "0", count: point + 3 - digits.count)
  }
  guard let kept = Int64(String(digits[0..<(point + 2)])) else { return nil }
  let magnitude = digits[point + 2] >= "5" ? kept + 1 : kept
  return negative ? -magnitude : magnitude
}

/// The exact decimal text of an amount in pence, for messages and comparisons:
/// `123457` → `1234.57`, `-5` → `-0.05`.
public func poundsText(_ pence: Int64) -> String {
  let magnitude = pence.magnitude
  let cents = magnitude % 100
  return (pence < 0 ? "-" : "") + "\(magnitude / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
}

/// Integer pence from a money string of the JSON output's form (`-1234.56`: an optional `-`,
/// digits, `.`, exactly two digits); `nil` for anything else. Never goes through floating
/// point.
public func pence(_ text: String) -> Int64? {
  guard text.wholeMatch(of: /-?[0-9]+\.[0-9]{2}/) != nil else { return nil }
  let negative = text.hasPrefix("-")
  let digits = text.filter { $0 != "-" && $0 != "." }
  guard let magnitude = Int64(digits) else { return nil }
  return negative ? -magnitude : magnitude
}
