import ApportionCore
import Testing

/// ``Swift/StringProtocol/displayEscaped``: nothing from an input acts on a terminal.
@Suite("displayEscaped: control characters shown, not obeyed")
struct DisplayTextTests {
  @Test(
    "each kind of character",
    arguments: [
      ("plain £ text, café, 😀", "plain £ text, café, 😀"),
      ("red \u{1B}[31mtext", "red \\u{1B}[31mtext"),
      ("tab\there", "tab\\there"),
      ("two\nlines\r\n", "two\\nlines\\r\\n"),
      ("bell\u{07} nul\u{00} del\u{7F}", "bell\\u{7} nul\\u{0} del\\u{7F}"),
      ("c1 \u{9B}2J", "c1 \\u{9B}2J"),
      ("right-to-left \u{202E}txt.exe", "right-to-left \\u{202E}txt.exe"),
      ("isolate \u{2066}x\u{2069}", "isolate \\u{2066}x\\u{2069}"),
      ("separator \u{2028}", "separator \\u{2028}"),
    ])
  func escapes(_ text: String, _ shown: String) {
    #expect(text.displayEscaped == shown)
  }

  @Test("a diagnostic is one line and its hint another, whatever the input holds")
  func diagnosticLines() {
    let diagnostic = Diagnostic(
      at: SourceLocation(file: "b\n.csv", line: 2, column: 3), "id 'a\nb\u{1B}' is used twice",
      hint: "x\ny")
    #expect(
      diagnostic.description
        == "b\\n.csv:2:3: error: id 'a\\nb\\u{1B}' is used twice\n  hint: x\\ny")
  }
}
