import ApportionCore

/// What must hold for any text read as an amount of money or a rule-file figure.
///
/// - An accepted amount is read exactly: its digits, sign and decimal places agree with a
///   reading of the text written here independently of the parser.
/// - Its plain, grouped and formatted texts (`1234.56`, `1,234.56`, `(£1,234.56)`) read back
///   as the same pence.
/// - The fast path for plain amounts and the full parser agree: the text with a leading space
///   (which only the full parser takes) gives the same pence or the same error.
/// - A rejected amount says why (a non-empty message).
/// - A figure accepted by `ExactDecimal.Written` reads back from its own text as the same
///   value.
enum AmountCheck {
  static func check(_ bytes: [UInt8]) throws(FuzzFailure) {
    let text = String(decoding: bytes, as: UTF8.self)
    let parsed = Result { () throws(MoneyError) in try Money(parsing: text) }
    let slow = Result { () throws(MoneyError) in try Money(parsing: " " + text) }
    guard outcome(parsed) == outcome(slow) else {
      throw FuzzFailure(
        "'\(excerpt(text))' reads as \(outcome(parsed)) but with a leading space as "
          + outcome(slow))
    }
    switch parsed {
    case .success(let money):
      try checkAccepted(money, text: text)
    case .failure(let error):
      guard !error.description.isEmpty else {
        throw FuzzFailure("'\(excerpt(text))' is rejected without a reason")
      }
    }
    try checkFigure(text)
  }

  /// `123456p`, `overflow` or `invalid`: what a reading came to, without the message (which
  /// quotes the text).
  private static func outcome(_ result: Result<Money, MoneyError>) -> String {
    switch result {
    case .success(let money): return "\(money.pence)p"
    case .failure(.overflow): return "overflow"
    case .failure(.invalid): return "invalid"
    }
  }

  private static func checkAccepted(_ money: Money, text: String) throws(FuzzFailure) {
    if let expected = ReferenceAmount.pence(text), expected != money.pence {
      throw FuzzFailure(
        "'\(excerpt(text))' reads as \(money.pence)p; the text says \(expected)p")
    } else if ReferenceAmount.pence(text) == nil {
      throw FuzzFailure("'\(excerpt(text))' is accepted as \(money.pence)p but is not an amount")
    }
    for written in [money.plainText, money.grouped, money.formatted] {
      let again = try? Money(parsing: written)
      guard again == money else {
        throw FuzzFailure(
          "'\(excerpt(text))' reads as \(money.pence)p, written '\(written)', which reads "
            + "back as \(again.map { "\($0.pence)p" } ?? "an error")")
      }
    }
  }

  private static func checkFigure(_ text: String) throws(FuzzFailure) {
    guard let written = try? ExactDecimal.Written(parsing: text) else { return }
    let number = written.number
    guard number.units >= 0, (0...ExactDecimal.maxScale).contains(number.scale) else {
      throw FuzzFailure("'\(excerpt(text))' reads as \(number.units)e-\(number.scale)")
    }
    let again: ExactDecimal
    do { again = try ExactDecimal(parsing: number.description) } catch {
      throw FuzzFailure(
        "'\(excerpt(text))' reads as \(number), which does not read back: \(error)")
    }
    // Equal values: units₁ × 10^scale₂ = units₂ × 10^scale₁ (exact in 128 bits).
    func scaled(_ units: Int64, by scale: Int) -> Int128 {
      var value = Int128(units)
      for _ in 0..<scale { value *= 10 }
      return value
    }
    guard scaled(number.units, by: again.scale) == scaled(again.units, by: number.scale) else {
      throw FuzzFailure("'\(excerpt(text))' reads as \(number) but '\(number)' as \(again)")
    }
  }
}

/// An amount read the simple way, to compare the parser with: nil if the text is not one.
///
/// Surrounding white space, `£`, commas, one minus sign or one pair of brackets are set
/// aside; what is left must be ASCII digits with at most one `.` followed by one or two
/// digits. It does not check where the commas are (the parser does), only that the digits
/// are read as written.
enum ReferenceAmount {
  static func pence(_ text: String) -> Int64? {
    // Only characters that are white space through and through (a space with an accent on
    // it is not).
    func blank(_ character: Character) -> Bool {
      character.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }
    let trimmed = text.drop(while: blank).reversed().drop(while: blank)
    let characters = Array(trimmed.reversed())
    let brackets = characters.first == "(" && characters.last == ")"
    let minuses = characters.filter { $0 == "-" }.count
    guard minuses + (brackets ? 1 : 0) <= 1 else { return nil }
    var digits = ""
    for character in characters where !["£", ",", "(", ")", "-"].contains(character) {
      if blank(character) { continue }
      guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
        scalar == "." || ("0"..."9").contains(scalar)
      else { return nil }
      digits.append(character)
    }
    let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), !parts[0].isEmpty else { return nil }
    let decimals = parts.count == 2 ? parts[1] : ""
    guard parts.count == 1 || (1...2).contains(decimals.count) else { return nil }
    let all = parts[0] + decimals + String(repeating: "0", count: 2 - decimals.count)
    guard let magnitude = Int64(all) else { return nil }
    return brackets || minuses == 1 ? -magnitude : magnitude
  }
}
