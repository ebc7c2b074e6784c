import Testing

@testable import ApportionIO

/// JSON string literals: plain ASCII as it is (the quick path), everything else escaped as
/// before.
@Suite struct JSONTextTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let text: String
    let literal: String
    var testDescription: String { text.debugDescription }
  }

  static let cases = [
    Case(text: "Shared service", literal: #""Shared service""#),
    Case(text: "", literal: #""""#),
    Case(text: #"say "hi""#, literal: #""say \"hi\"""#),
    Case(text: #"a\b"#, literal: #""a\\b""#),
    Case(text: "a\nb\r\t", literal: #""a\nb\r\t""#),
    Case(text: "\u{1}\u{1F}", literal: #""\u0001\u001f""#),
    Case(text: "del\u{7F}", literal: "\"del\u{7F}\""),
    Case(text: "£1 é", literal: "\"£1 é\""),
    Case(text: "a\u{2028}b\u{2029}", literal: #""a\u2028b\u2029""#),
  ]

  @Test(arguments: cases)
  func literal(_ example: Case) {
    #expect(json(example.text) == example.literal)
  }
}
