import Foundation
import TestSupport
import Testing

/// Text from the inputs never reaches the terminal raw: whatever the command, its standard
/// output and error hold no control character but the line ends apportion writes itself.
@Suite("control characters from the inputs are shown escaped")
struct TerminalSafetyTests {
  /// A budget full of escape sequences, line breaks, tabs and a right-to-left override, in
  /// ids, descriptions and values; a rule file with what a rule file may hold (line breaks,
  /// tabs, characters that reorder text: control characters are refused there).
  static let rules = """
    agreement: "Reordered \\u202E agreement"
    year: 2016-17
    partners:
      - { id: brent, name: "Brent\\u2066", host: true }
      - { id: lewisham, name: "Lewi\\u202Esham" }
    rules:
      - name: "Staff\\u202Etitle\\t"
        description: "a\\nb\\tc"
        when: { category: "st\\u202Eaff" }
        basis: { direct: { column: council } }
      - name: "All\\r"
        basis: equal

    """
  static let budget =
    "id,description,amount,category,council\n"
    + "\"S\u{1B}[1m1\",\"two\nlines\u{1B}[5m\u{7}\",1.00,\"st\u{202E}aff\",brent\n"
    + "X1,\"\u{202E}txt\",2.00,other,\n"

  static func run(_ arguments: [String]) throws -> CLIResult {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("rules.yaml", rules)
    try folder.write("budget.csv", budget)
    return try CLI.run(arguments, in: folder.url)
  }

  static func isSafe(_ text: String) -> Bool {
    !text.unicodeScalars.contains {
      ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
        || $0.properties.isBidiControl
    }
  }

  @Test(
    "check, run, explain and their errors",
    arguments: [
      ["check", "--rules", "rules.yaml", "--budget", "budget.csv"],
      ["run", "--rules", "rules.yaml", "--budget", "budget.csv"],
      ["explain", "--rules", "rules.yaml", "--budget", "budget.csv", "S\u{1B}[1m1"],
      ["explain", "--rules", "rules.yaml", "--budget", "budget.csv", "no\u{1B}[1mne"],
      ["run", "--rules", "rules.yaml", "--budget", "budget\u{1B}[31m.csv"],
      ["run", "--rul\u{1B}[31mes", "rules.yaml"],
    ])
  func safe(_ arguments: [String]) throws {
    let result = try Self.run(arguments)
    #expect(Self.isSafe(result.stdout), "\(result.stdout)")
    #expect(Self.isSafe(result.stderr), "\(result.stderr)")
    #expect(!(result.stdout + result.stderr).isEmpty)
  }

  @Test("the escapes are shown where the text was")
  func shown() throws {
    let result = try Self.run(
      ["explain", "--rules", "rules.yaml", "--budget", "budget.csv", "S\u{1B}[1m1"])
    #expect(result.status == 0, "\(result)")
    #expect(
      result.stdout.contains("Line S\\u{1B}[1m1 (budget.csv:2:1): two\\nlines\\u{1B}[5m\\u{7}"))
    #expect(result.stdout.contains("Rule 1, Staff\\u{202E}title\\t: takes the line"))
  }
}
