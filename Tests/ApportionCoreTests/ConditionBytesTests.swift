import TestSupport
import Testing

@testable import ApportionCore

/// Column tests read plain ASCII values from their bytes (no String made per line): over
/// random values and test values, mixing case, white space, carriage returns and accented
/// letters, every test gives what the general path (trimmed, case-folded text) gives.
@Suite struct ConditionBytesTests {
  static let pieces = [
    "a", "B", "b", "ab", "AB", " ", "\t", "\r", "\n", "\r\n", "é", "E", "-", "1",
  ]

  static func text(_ generator: inout SeededGenerator, length: Int) -> String {
    (0..<Int.random(in: 0...length, using: &generator)).map { _ in
      pieces[Int.random(in: 0..<pieces.count, using: &generator)]
    }.joined()
  }

  @Test func bytesAgreeWithCharacters() {
    var generator = SeededGenerator(seed: 11)
    var checked = 0
    for _ in 0..<3000 {
      let options = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
        Self.text(&generator, length: 3)
      }
      let tests: [ColumnTest] = [
        .oneOf(options), .noneOf(options), .prefix(options), .contains(options), .empty(true),
        .empty(false),
      ]
      for _ in 0..<5 {
        let raw = Self.text(&generator, length: 6)
        for test in tests {
          #expect(
            CompiledTest(test).matches(raw) == CompiledTest(test).matchesText(raw),
            "\(test) on \(raw.debugDescription)")
          checked += 1
        }
      }
    }
    #expect(checked == 90_000)
  }

  @Test func examples() {
    #expect(CompiledTest(.oneOf(["Brent", "lewisham"])).matches("  BRENT\t"))
    #expect(!CompiledTest(.oneOf(["brent"])).matches("brents"))
    #expect(CompiledTest(.prefix(["ict1"])).matches("ICT130"))
    #expect(CompiledTest(.contains(["licence"])).matches("Annual LICENCE fee"))
    #expect(CompiledTest(.empty(true)).matches(" \r\n"))
    #expect(!CompiledTest(.noneOf(["staff"])).matches("Staff "))
    #expect(!CompiledTest(.contains([" "])).matches("text"), "an empty text is in none")
  }
}
