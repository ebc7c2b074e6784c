import TestSupport
import Testing

@testable import ApportionCore

struct MoneyParseCase: Sendable, CustomTestStringConvertible {
  let text: String
  let pence: Int64
  var testDescription: String { "'\(text)' → \(pence)" }
}

struct MoneyErrorCase: Sendable, CustomTestStringConvertible {
  let text: String
  let fragment: String
  var testDescription: String { "'\(text)'" }
}

@Suite struct MoneyTests {
  @Test(arguments: [
    MoneyParseCase(text: "1234.56", pence: 123_456),
    MoneyParseCase(text: "-1234.56", pence: -123_456),
    MoneyParseCase(text: "1,234.56", pence: 123_456),
    MoneyParseCase(text: "£1,234.56", pence: 123_456),
    MoneyParseCase(text: "(1,234.56)", pence: -123_456),
    MoneyParseCase(text: "(£1,234.56)", pence: -123_456),
    MoneyParseCase(text: "-£1,234.56", pence: -123_456),
    MoneyParseCase(text: "£-1,234.56", pence: -123_456),
    MoneyParseCase(text: "  12 ", pence: 1200),
    MoneyParseCase(text: "12.5", pence: 1250),
    MoneyParseCase(text: "0.01", pence: 1),
    MoneyParseCase(text: "-0.01", pence: -1),
    MoneyParseCase(text: "0", pence: 0),
    MoneyParseCase(text: "1,234,567.89", pence: 123_456_789),
    MoneyParseCase(text: "92233720368547758.07", pence: Int64.max),
  ])
  func parsesAccepted(_ c: MoneyParseCase) throws {
    #expect(try Money(parsing: c.text).pence == c.pence)
  }

  @Test(arguments: [
    MoneyErrorCase(text: "", fragment: "empty"),
    MoneyErrorCase(text: "   ", fragment: "empty"),
    MoneyErrorCase(text: "1.234", fragment: "3 decimal places"),
    MoneyErrorCase(text: "12.", fragment: "no digits after"),
    MoneyErrorCase(text: ".5", fragment: "no digits before"),
    MoneyErrorCase(text: "12a", fragment: "not an amount"),
    MoneyErrorCase(text: "1,23.00", fragment: "thousands"),
    MoneyErrorCase(text: "12,34", fragment: "thousands"),
    MoneyErrorCase(text: "(12", fragment: "bracket"),
    MoneyErrorCase(text: "(-12)", fragment: "negative twice"),
    MoneyErrorCase(text: "1.2.3", fragment: "more than one decimal point"),
    MoneyErrorCase(text: "$12", fragment: "not an amount"),
    MoneyErrorCase(text: "1e5", fragment: "not an amount"),
    MoneyErrorCase(text: "٣", fragment: "not an amount"),
  ])
  func rejectsWithReason(_ c: MoneyErrorCase) {
    let error = #expect(throws: MoneyError.self) { _ = try Money(parsing: c.text) }
    #expect(error.map { "\($0)".contains(c.fragment) } == true, "\(String(describing: error))")
  }

  // Found by fuzzing (Fuzz/regressions/amount/space-with-combining-mark): a space carrying a
  // combining mark is one character whose first scalar is white space; trimming used to drop
  // it, mark and all, so " \u{483}0" read as 0.
  @Test(
    "a space with a combining mark on it is not white space", arguments: ["\u{483}", "\u{301}"])
  func combiningMarkOnSpace(_ mark: String) throws {
    for text in [" \(mark)0", "0 \(mark)", "( \(mark)1.00)", "\t\(mark)12"] {
      #expect(throws: MoneyError.self, "'\(text)'") { try Money(parsing: text) }
      #expect(throws: ExactDecimalError.self, "'\(text)'") {
        try ExactDecimal.Written(parsing: text)
      }
    }
    #expect(try Money(parsing: " \r\n 12\t").pence == 1200)
  }

  @Test func overflowIsAnErrorNotATrap() {
    #expect(throws: MoneyError.overflow) { _ = try Money(parsing: "92233720368547758.08") }
    #expect(throws: MoneyError.overflow) { _ = try Money(parsing: "99999999999999999.99") }
    #expect(throws: MoneyError.overflow) { _ = try Money(parsing: "-99999999999999999999") }
    #expect(throws: MoneyError.overflow) { _ = try Money(pence: .max) + Money(pence: 1) }
    #expect(throws: MoneyError.overflow) { _ = try Money(pence: .min) - Money(pence: 1) }
    #expect(throws: MoneyError.overflow) { _ = try -Money(pence: .min) }
    #expect(throws: MoneyError.overflow) {
      _ = try Money.sum([Money(pence: .max), Money(pence: 1)])
    }
  }

  @Test func arithmetic() throws {
    let a = Money(pence: 150)
    let b = Money(pence: -275)
    #expect(try (a + b).pence == -125)
    #expect(try (a - b).pence == 425)
    #expect(try (-b).pence == 275)
    #expect(try Money.sum([a, b, a]).pence == 25)
    #expect(b < a)
  }

  @Test(arguments: [
    (Int64(123_457), "1234.57", "£1,234.57", "1,234.57"),
    (-5, "-0.05", "(£0.05)", "-0.05"),
    (0, "0.00", "£0.00", "0.00"),
    (100, "1.00", "£1.00", "1.00"),
    (-123_456_789, "-1234567.89", "(£1,234,567.89)", "-1,234,567.89"),
    (
      Int64.min, "-92233720368547758.08", "(£92,233,720,368,547,758.08)",
      "-92,233,720,368,547,758.08"
    ),
  ])
  func formats(pence: Int64, plain: String, formatted: String, grouped: String) {
    let money = Money(pence: pence)
    #expect(money.description == plain)
    #expect(money.formatted == formatted)
    #expect(money.grouped == grouped)
  }

  @Test func textRoundTripsForManyValues() throws {
    var rng = SeededGenerator(seed: 7)
    for _ in 0..<5000 {
      let pence = Int64(bitPattern: rng.next()) >> Int64(rng.next() % 60)
      let money = Money(pence: pence)
      #expect(try Money(parsing: money.plainText) == money)
      #expect(try Money(parsing: money.formatted) == money)
      #expect(try Money(parsing: money.grouped) == money)
    }
  }
}
