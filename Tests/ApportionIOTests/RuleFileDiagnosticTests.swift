import ApportionCore
import Testing

@testable import ApportionIO

/// A rule file that must not parse, and the error it must give.
struct RuleErrorCase: Sendable, CustomTestStringConvertible {
  let name: String
  let text: String
  /// `line:column`, or `line` alone, or "" for no place.
  let place: String
  /// The start of the message after `error: `.
  let message: String
  var hint: String?
  var testDescription: String { name }
}

/// The header followed by one rule's lines (each indented four spaces, after `- name: R`
/// at 10:5).
func oneRule(_ body: String) -> String {
  ruleFileHeader + "  - name: R\n" + body
}

let ruleErrorCases: [RuleErrorCase] = [
  RuleErrorCase(
    name: "unknown top-level key",
    text: ruleFileHeader.replacingOccurrences(of: "drivers:", with: "driver:")
      + "  - name: R\n    basis: equal\n",
    place: "6:1", message: "unknown key 'driver' in the rule file", hint: "did you mean 'drivers'?"),
  RuleErrorCase(
    name: "unknown key in a rule", text: oneRule("    basis: equal\n    wen: { a: b }\n"),
    place: "12:5", message: "unknown key 'wen' in a rule", hint: "did you mean 'when'?"),
  RuleErrorCase(
    name: "unknown partner in direct", text: oneRule("    basis: { direct: lewisam }\n"),
    place: "11:22", message: "'lewisam' is not a partner",
    hint: "did you mean 'lewisham'? the partners are: brent, lewisham, southwark"),
  RuleErrorCase(
    name: "unknown partner in percentages",
    text: oneRule("    basis: { percentages: { brent: 50, camden: 50 } }\n"),
    place: "11:40", message: "'camden' is not a partner", hint: "the partners are"),
  RuleErrorCase(
    name: "unknown partner in an equal split", text: oneRule("    basis: { equal: [brent, x] }\n"),
    place: "11:29", message: "'x' is not a partner"),
  RuleErrorCase(
    name: "percentages adding to 99.5%",
    text: oneRule("    basis: { percentages: { brent: 50, lewisham: 49.5 } }\n"),
    place: "10:5", message: "rule 'R': the percentages add up to 99.5%, expected 100%"),
  RuleErrorCase(
    name: "percentages adding to 100.01%",
    text: oneRule("    basis: { percentages: { brent: 50.01%, lewisham: 50% } }\n"),
    place: "10:5", message: "rule 'R': the percentages add up to 100.01%, expected 100%"),
  RuleErrorCase(
    name: "a percentage that is not a number",
    text: oneRule("    basis: { percentages: { brent: half, lewisham: 50 } }\n"),
    place: "11:36", message: "percentages: 'half' is not a number"),
  RuleErrorCase(
    name: "a negative percentage",
    text: oneRule("    basis: { percentages: { brent: -10, lewisham: 110 } }\n"),
    place: "11:36", message: "percentages: '-10' is negative"),
  RuleErrorCase(
    name: "unknown driver", text: oneRule("    basis: { driver: ftes }\n"),
    place: "10:5", message: "rule 'R': there is no driver named 'ftes'",
    hint: "did you mean 'fte'? the drivers are: calls, fte"),
  RuleErrorCase(
    name: "driver all zeros",
    text: ruleFileHeader.replacingOccurrences(of: "brent: 12.5, lewisham: 10", with: "brent: 0")
      + "  - name: R\n    basis: { driver: fte }\n",
    place: "10:5", message: "rule 'R': driver 'fte' is zero for every partner"),
  RuleErrorCase(
    name: "a driver figure with a % sign",
    text: ruleFileHeader.replacingOccurrences(of: "brent: 12.5,", with: "brent: 12.5%,")
      + "  - name: R\n    basis: equal\n",
    place: "8:17", message: "driver 'fte': '12.5%' is a percentage"),
  RuleErrorCase(
    name: "carve without rest", text: oneRule("    carve: { fraction: 0.25, to: brent }\n"),
    place: "10:5", message: "a carve-out needs 'rest'", hint: "rest: equal"),
  RuleErrorCase(
    name: "rest without carve", text: oneRule("    rest: equal\n"),
    place: "11:5", message: "rule 'R' has 'rest' without 'carve'"),
  RuleErrorCase(
    name: "rest given twice",
    text: oneRule("    carve: { fraction: 0.25, to: brent, rest: equal }\n    rest: equal\n"),
    place: "12:11", message: "'rest' is given twice"),
  RuleErrorCase(
    name: "basis and carve together",
    text: oneRule("    basis: equal\n    carve: { fraction: 0.25, to: brent }\n    rest: equal\n"),
    place: "10:5", message: "rule 'R' has both 'basis' and 'carve'"),
  RuleErrorCase(
    name: "neither basis nor carve", text: oneRule("    when: { a: b }\n"),
    place: "10:5", message: "rule 'R' says how lines are shared by neither 'basis' nor 'carve'"),
  RuleErrorCase(
    name: "carve fraction above 1",
    text: oneRule("    carve: { fraction: 1.5, to: brent }\n    rest: equal\n"),
    place: "10:5", message: "rule 'R': the carve-out fraction 1.5 is more than the whole line"),
  RuleErrorCase(
    name: "carve fraction not a number",
    text: oneRule("    carve: { fraction: a quarter, to: brent }\n    rest: equal\n"),
    place: "11:24", message: "fraction: 'a quarter' is not a number", hint: "{ column: name }"),
  RuleErrorCase(
    name: "unknown basis", text: oneRule("    basis: equl\n"),
    place: "11:12", message: "unknown basis 'equl'"),
  RuleErrorCase(
    name: "unknown basis key", text: oneRule("    basis: { driverr: fte }\n"),
    place: "11:14", message: "unknown key 'driverr' in a basis", hint: "did you mean 'driver'?"),
  RuleErrorCase(
    name: "unknown test",
    text: oneRule("    when: { council: { nto: brent } }\n    basis: equal\n"),
    place: "11:24", message: "unknown key 'nto' in the test on council", hint: "did you mean 'not'?"
  ),
  RuleErrorCase(
    name: "two tests on one column",
    text: oneRule("    when: { council: { not: brent, prefix: b } }\n    basis: equal\n"),
    place: "11:22", message: "the test on council must have exactly one of"),
  RuleErrorCase(
    name: "empty: maybe",
    text: oneRule("    when: { council: { empty: maybe } }\n    basis: equal\n"),
    place: "11:31", message: "empty must be true or false, not 'maybe'"),
  RuleErrorCase(
    name: "when with no conditions", text: oneRule("    when: {}\n    basis: equal\n"),
    place: "11:11", message: "when has no conditions"),
  RuleErrorCase(
    name: "two rules with one name",
    text: oneRule("    basis: equal\n  - name: r\n    basis: equal\n"),
    place: "12:5", message: "two rules are named 'r'"),
  RuleErrorCase(
    name: "a rule without a name", text: ruleFileHeader + "  - basis: equal\n",
    place: "10:5", message: "a rule has no 'name'"),
  RuleErrorCase(
    name: "rules not a list", text: "year: 2016-17\npartners: [{ id: a }]\nrules: { name: R }\n",
    place: "3:8", message: "rules must be a list"),
  RuleErrorCase(
    name: "no rules", text: "year: 2016-17\npartners: [{ id: a }]\nrules: []\n",
    place: "3:8", message: "the rule file has no rules"),
  RuleErrorCase(
    name: "no partners key", text: "year: 2016-17\nrules: []\n",
    place: "1:1", message: "the rule file has no 'partners'"),
  RuleErrorCase(
    name: "a partner listed twice",
    text: "year: 2016-17\npartners: [{ id: a }, { id: A }]\nrules: []\n",
    place: "2:29",
    message: "partner id 'A' is already the id of partner 'a' (line 2), ignoring case"),
  RuleErrorCase(
    name: "a partner id with a space",
    text: "year: 2016-17\npartners: [{ id: \"a b\" }]\nrules:\n  - { name: R, basis: equal }\n",
    place: "2:18", message: "partner id 'a b' has a space in it"),
  RuleErrorCase(
    name: "two hosts",
    text: "year: 2016-17\npartners: [{ id: a, host: true }, { id: b, host: yes }]\nrules: []\n",
    place: "2:11", message: "more than one partner is marked host: true"),
  RuleErrorCase(
    name: "a currency other than GBP",
    text:
      "year: 2016-17\ncurrency: EUR\npartners: [{ id: a }]\nrules:\n  - { name: R, basis: equal }\n",
    place: "2:11", message: "currency 'EUR' is not supported"),
  RuleErrorCase(
    name: "YAML syntax error: unclosed bracket",
    text: "year: 2016-17\npartners: [ { id: brent }, { id: lewisham ]\nrules: []\n",
    place: "2:43", message: "a mapping in { } is not closed"),
  RuleErrorCase(
    name: "YAML syntax error: bad indentation",
    text: "year: 2016-17\npartners:\n  - { id: a }\n rules: []\n",
    place: "4:2", message: "the indentation here does not line up with the lines above"),
  RuleErrorCase(
    name: "a key twice", text: "year: 2016-17\nyear: y\npartners: [{ id: a }]\nrules: []\n",
    place: "2:1", message: "'year' is written twice in the same mapping",
    hint: "keep one of them"),
  RuleErrorCase(
    name: "an amount with a thousands separator in { }",
    text: "year: 2016-17\npartners: [{ id: a, name: 1,000 }]\nrules: []\n",
    place: "2:29", message: "unknown key '000' in a partner",
    hint: "inside { … } a comma separates entries"),
  RuleErrorCase(
    name: "amounts with thousands separators in { }",
    text:
      "year: 2016-17\npartners: [{ id: a }, { id: b }]\n"
      + "drivers:\n  d: { a: 100,000.00, b: 50,000.00 }\nrules: []\n",
    place: "4:15", message: "'000.00' is written twice in the same mapping",
    hint:
      "inside { … } a comma separates entries, so an amount written 100,000.00 reads as two; "
      + "write it 100000.00, or in quotes ('100,000.00')"),
  RuleErrorCase(name: "an empty file", text: "", place: "1:1", message: "the rule file is empty"),
  RuleErrorCase(
    name: "not a mapping", text: "- a\n- b\n", place: "1:1",
    message: "the rule file must be a mapping of keys to values"),
]

@Suite("RuleFile.parse: errors name the line and column")
struct RuleFileDiagnosticTests {
  @Test("each error", arguments: ruleErrorCases)
  func error(_ example: RuleErrorCase) {
    do {
      let result = try RuleFile.parse(example.text, file: "t.yaml")
      Issue.record("parsed without errors: \(result.ruleSet.rules.map(\.name))")
    } catch {
      let file = example.place.isEmpty ? "t.yaml" : "t.yaml:\(example.place)"
      let expected = "\(file): error: \(example.message)"
      let match = error.diagnostics.first { $0.description.hasPrefix(expected) }
      #expect(match != nil, "expected '\(expected)' in:\n\(error)")
      if let hint = example.hint {
        #expect(match?.hint?.contains(hint) == true, "hint: \(match?.hint ?? "none")")
      }
    }
  }

  @Test("every problem in a file is reported, not only the first")
  func collectsAllErrors() {
    let text = oneRule(
      "    basis: { direct: brnt }\n  - name: S\n    basis: { equal: [lewisam] }\n"
        + "  - name: T\n    bassis: equal\n")
    do {
      _ = try RuleFile.parse(text, file: "t.yaml")
      Issue.record("parsed without errors")
    } catch {
      let places = error.diagnostics.compactMap { $0.location.map(\.description) }
      #expect(places.contains("t.yaml:11:22"))
      #expect(places.contains("t.yaml:13:22"))
      #expect(places.contains("t.yaml:15:5"))
    }
  }

  @Test("a missing rule file: the path and a hint")
  func missingFile() {
    do {
      _ = try RuleFile.load(path: "/nonexistent/rules.yaml")
      Issue.record("loaded a missing file")
    } catch {
      #expect(
        error.description
          == "/nonexistent/rules.yaml: error: cannot read the rule file: no such file\n"
          + "  hint: check the path; the rule file is a YAML text file")
    }
  }
}
