import ApportionCore
import Testing

/// What ``Money/init(parsing:)`` says about text that is not an amount: the text, and what
/// in it is wrong, in words.
@Suite("Money(parsing:): messages")
struct MoneyMessageTests {
  @Test(
    "each kind of mistake",
    arguments: [
      ("", "the amount is empty"),
      ("  ", "the amount is empty"),
      ("£", "'£' is not an amount: it has no digits"),
      ("-", "'-' is not an amount: it has no digits"),
      ("()", "'()' is not an amount: it has no digits"),
      ("abc", "'abc' is not an amount: it has no digits"),
      ("12abc", "'12abc' is not an amount: it has 'a' in it"),
      ("1e5", "'1e5' is not an amount: it has 'e' in it"),
      ("£ 12", "'£ 12' is not an amount: it has a space in it"),
      ("1\u{A0}234", "it has an invisible space (U+00A0) in it"),
      ("--1", "'--1' is not an amount: it has '-' in the wrong place"),
      ("1.2x", "'1.2x' is not an amount: 'x' after the decimal point"),
      (".5", "'.5' has no digits before the decimal point (write 0.5)"),
      ("1.", "'1.' has no digits after the decimal point"),
      ("1.2.3", "'1.2.3' has more than one decimal point"),
      ("1.234", "'1.234' has 3 decimal places"),
      ("1,00", "'1,00' has commas that do not separate thousands"),
      ("(1", "'(1' opens a bracket it does not close"),
      ("(-1)", "'(-1)' is negative twice"),
    ])
  func message(_ text: String, _ expected: String) {
    #expect {
      _ = try Money(parsing: text)
    } throws: { error in
      "\(error)".contains(expected)
    }
  }
}
