import Foundation
import TestSupport
import Testing

/// A rule file's first seven lines: two partners, one driver; `rules:` is line 7, so the
/// first rule's `- name:` mapping starts at 8:5.
let rulesHeader = """
  year: 2016-17
  partners:
    - { id: brent, name: Brent, host: true }
    - { id: lewisham, name: Lewisham }
  drivers:
    calls: { brent: 3, lewisham: 1 }
  rules:

  """

/// Valid rules for ``goodBudget``.
let goodRules =
  rulesHeader + """
      - name: Contracts
        when: { council: [brent, lewisham] }
        basis: { direct: { column: council } }
      - name: Staff
        when: { category: staff }
        carve: { fraction: { column: lga_share }, to: brent }
        rest: equal
      - name: Everything else
        basis: equal

    """

let budgetHeader = "id,description,amount,category,council,lga_share\n"

/// A valid budget for ``goodRules``.
let goodBudget =
  budgetHeader + """
    S1,Post,100.01,staff,,0.5
    C1,Contract,200.00,contract,brent,
    X1,Other,"1,000.00",supplies,,

    """

/// One bad input: a rule file and a budget written to a new folder, then
/// `apportion run --json --rules r.yaml --budget b.csv` run there.
struct ErrorCase: Sendable, CustomTestStringConvertible {
  let name: String
  var rules = goodRules
  var budget = goodBudget
  var arguments = ["run", "--json", "--rules", "r.yaml", "--budget", "b.csv"]
  /// Where and what: the start of the error's line on stderr, e.g.
  /// `r.yaml:2:1: error: unknown key 'partnrs'`.
  let error: String
  /// Text the hint below the error must contain, if any.
  var hint: String?
  var testDescription: String { name }
}

let errorCases: [ErrorCase] = [
  ErrorCase(
    name: "unknown top-level key",
    rules: goodRules.replacingOccurrences(of: "partners:", with: "partnrs:"),
    error: "r.yaml:2:1: error: unknown key 'partnrs' in the rule file",
    hint: "did you mean 'partners'?"),
  ErrorCase(
    name: "unknown partner in direct",
    rules: rulesHeader + "  - name: D\n    basis: { direct: brnt }\n",
    error: "r.yaml:9:22: error: 'brnt' is not a partner",
    hint: "did you mean 'brent'? the partners are: brent, lewisham"),
  ErrorCase(
    name: "percentages adding to 99.5%",
    rules: rulesHeader
      + "  - name: P\n    basis: { percentages: { brent: 50, lewisham: 49.5 } }\n",
    error: "r.yaml:8:5: error: rule 'P': the percentages add up to 99.5%, expected 100%",
    hint: "total exactly 100"),
  ErrorCase(
    name: "unknown driver",
    rules: rulesHeader + "  - name: D\n    basis: { driver: callz }\n",
    error: "r.yaml:8:5: error: rule 'D': there is no driver named 'callz'",
    hint: "did you mean 'calls'?"),
  ErrorCase(
    name: "driver all zeros",
    rules: rulesHeader.replacingOccurrences(
      of: "brent: 3, lewisham: 1", with: "brent: 0, lewisham: 0")
      + "  - name: D\n    basis: { driver: calls }\n",
    error: "r.yaml:8:5: error: rule 'D': driver 'calls' is zero for every partner",
    hint: "above zero"),
  ErrorCase(
    name: "carve without rest",
    rules: rulesHeader + "  - name: C\n    carve: { fraction: 25%, to: brent }\n",
    error: "r.yaml:8:5: error: a carve-out needs 'rest'", hint: "rest: equal"),
  ErrorCase(
    name: "rule naming a column the budget lacks",
    rules: rulesHeader + "  - name: C\n    when: { councel: brent }\n    basis: equal\n"
      + "  - name: All\n    basis: equal\n",
    error: "r.yaml:9:13: error: the budget has no column 'councel'",
    hint: "did you mean 'council'?"),
  ErrorCase(
    name: "YAML syntax error",
    rules: "year: 2016-17\npartners: [ { id: brent }, { id: lewisham ]\nrules: []\n",
    error: "r.yaml:2:43: error: a mapping in { } is not closed", hint: "'{' has its '}'"),
  ErrorCase(
    name: "unknown basis",
    rules: rulesHeader + "  - name: E\n    basis: equall\n",
    error: "r.yaml:9:12: error: unknown basis 'equall'", hint: "bases: equal"),
  ErrorCase(
    name: "two rules with one name",
    rules: rulesHeader + "  - name: A\n    basis: equal\n  - name: a\n    basis: equal\n",
    error: "r.yaml:10:5: error: two rules are named 'a'"),
  ErrorCase(
    name: "budget amount with 3 decimals",
    budget: budgetHeader + "S1,Post,100.015,staff,,0.5\n",
    error: "b.csv:2:9: error: line S1: '100.015' has 3 decimal places",
    hint: "write amounts like 1234.56"),
  ErrorCase(
    name: "duplicate id",
    budget: goodBudget + "S1,Again,1.00,staff,,0\n",
    error: "b.csv:5:1: error: id 'S1' is used twice (first on line 2)", hint: "unique"),
  ErrorCase(
    name: "missing amount column",
    rules: rulesHeader + "  - name: All\n    basis: equal\n",
    budget: "id,description,cost\nA,a,1.00\n",
    error: "b.csv:1:1: error: the budget has no 'amount' column", hint: "id, description, cost"),
  ErrorCase(
    name: "unterminated quote",
    budget: budgetHeader + "X1,\"Other,1.00,supplies,,\n",
    error: "b.csv:2:4: error: quoted field starting here is never closed",
    hint: "closing quote"),
  ErrorCase(
    name: "row with too many fields",
    budget: budgetHeader + "S1,Post,100.01,staff,,0.5,extra\n",
    error: "b.csv:2:27: error: this row has 7 fields but the header has 6",
    hint: "double quotes"),
  ErrorCase(
    name: "council column naming a non-partner",
    rules: rulesHeader
      + "  - name: C\n    when: { council: { empty: false } }\n"
      + "    basis: { direct: { column: council } }\n  - name: All\n    basis: equal\n",
    budget: budgetHeader + "C1,Contract,200.00,contract,southwark,\n",
    error: "b.csv:2:29: error: line C1: 'southwark' in column council is not a partner",
    hint: "the partners are: brent, lewisham"),
  ErrorCase(
    name: "empty lga_share on a carve rule",
    budget: budgetHeader + "S1,Post,100.01,staff,,\n",
    error: "b.csv:2:23: error: line S1: column lga_share is empty",
    hint: "write 0 for none"),
  ErrorCase(
    name: "a line no rule takes",
    rules: rulesHeader + "  - name: Staff\n    when: { category: staff }\n    basis: equal\n",
    error: "b.csv:3:1: error: no rule takes line C1 (Contract)",
    hint: "catch-all"),
  ErrorCase(
    name: "missing rule file",
    arguments: ["run", "--json", "--rules", "nope.yaml", "--budget", "b.csv"],
    error: "nope.yaml: error: cannot read the rule file: no such file", hint: "check the path"),
  ErrorCase(
    name: "missing budget",
    arguments: ["run", "--json", "--rules", "r.yaml", "--budget", "nope.csv"],
    error: "nope.csv: error: cannot read the budget: no such file", hint: "check the path"),
  ErrorCase(
    name: "missing sample folder",
    arguments: ["run", "--json", "no-such-sample"],
    error: "no-such-sample: error: no such file or folder", hint: "--rules and --budget"),
]

@Suite("apportion on bad input")
struct ErrorTests {
  /// Writes the case's files to a new folder and runs the CLI there.
  func run(_ example: ErrorCase) throws -> CLIResult {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("r.yaml", example.rules)
    try folder.write("b.csv", example.budget)
    return try CLI.run(example.arguments, in: folder.url)
  }

  @Test("the good inputs run", arguments: [["run"], ["run", "--json"], ["check"]])
  func goodInputsRun(_ command: [String]) throws {
    let result = try run(
      ErrorCase(
        name: "good", arguments: command + ["--rules", "r.yaml", "--budget", "b.csv"],
        error: ""))
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty, "\(result)")
  }

  @Test("exit 1, nothing on stdout, the place and a hint on stderr", arguments: errorCases)
  func badInput(_ example: ErrorCase) throws {
    let result = try run(example)
    #expect(result.status == 1, "\(result)")
    #expect(result.stdout.isEmpty, "\(result)")
    let lines = result.stderr.split(separator: "\n").map(String.init)
    let index = lines.firstIndex { $0.hasPrefix(example.error) }
    #expect(index != nil, "expected '\(example.error)' in:\n\(result.stderr)")
    if let hint = example.hint, let index {
      let next = index + 1 < lines.count ? lines[index + 1] : ""
      #expect(next.hasPrefix("  hint: ") && next.contains(hint), "hint: \(next)")
    }
  }

  @Test("check reports the same rule-file errors as run", arguments: errorCases.prefix(10))
  func checkReportsRuleErrors(_ example: ErrorCase) throws {
    var checking = example
    checking.arguments = ["check", "--rules", "r.yaml", "--budget", "b.csv"]
    let result = try run(checking)
    #expect(result.status == 1, "\(result)")
    #expect(result.stderr.contains(example.error), "\(result)")
  }

  @Test("unmatched lines: the first ten are listed, then how many more")
  func manyUnmatchedLines() throws {
    var budget = budgetHeader
    for n in 1...12 { budget += "C\(n),Contract \(n),1.00,contract,,\n" }
    let result = try run(
      ErrorCase(
        name: "unmatched",
        rules: rulesHeader + "  - name: Staff\n    when: { category: staff }\n    basis: equal\n",
        budget: budget, error: ""))
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    for n in 1...10 {
      #expect(result.stderr.contains("b.csv:\(n + 1):1: error: no rule takes line C\(n) "))
    }
    #expect(!result.stderr.contains("line C11"))
    #expect(result.stderr.contains("error: 2 more lines match no rule"))
  }

  @Test("an error late in a large budget leaves stdout empty for --json")
  func lateErrorInLargeBudget() throws {
    var budget = budgetHeader
    for n in 1...3000 { budget += "X\(n),Line number \(n) of a large budget,12.34,supplies,,\n" }
    budget += "X1,The same id again,1.00,supplies,,\n"
    let result = try run(
      ErrorCase(name: "late", budget: budget, error: ""))
    #expect(result.status == 1)
    #expect(result.stdoutData.isEmpty, "\(result.stdoutData.count) bytes on stdout")
    #expect(result.stderr.hasPrefix("b.csv:3002:1: error: id 'X1' is used twice"))
  }

  @Test("warnings go to stderr and do not fail the run")
  func warnings() throws {
    let rules =
      rulesHeader
      + "  - name: All\n    basis: equal\n  - name: Never\n    when: { category: staff }\n"
      + "    basis: equal\n"
    let result = try run(ErrorCase(name: "warn", rules: rules, error: ""))
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.contains("r.yaml:10:5: warning: rule 'Never' can never take a line"))
    #expect(result.stderr.contains("r.yaml:10:5: warning: rule 'Never' takes no line"))
    _ = try JSONSerialization.jsonObject(with: result.stdoutData)
  }
}
