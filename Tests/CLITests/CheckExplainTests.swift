import Foundation
import Testing

let sampleRuleNames = [
  "Council-specific contracts", "LGA contract income", "Staff", "Third-party customer income",
  "Shared service",
]

@Suite("apportion check, explain and --help")
struct CheckExplainTests {
  @Test("check without a budget describes every rule and says the rules are valid")
  func checkRulesOnly() throws {
    let result = try CLI.run(["check", "--rules", "Rules/brent-lewisham.yaml"])
    #expect(result.status == 0, "\(result)")
    for (index, name) in sampleRuleNames.enumerated() {
      #expect(result.stdout.contains("\(index + 1). \(name):"), "\(name)")
    }
    #expect(result.stdout.contains("Rules/brent-lewisham.yaml: the rules are valid."))
    #expect(!result.stdout.contains("lines are taken"))
  }

  @Test("check with a budget (from the manifest or --budget) counts each rule's lines")
  func checkWithBudget() throws {
    for arguments in [
      ["check", "Samples/2016-17"],
      [
        "check", "--rules", "Rules/brent-lewisham.yaml", "--budget",
        "Samples/2016-17/budget.csv",
      ],
    ] {
      let result = try CLI.run(arguments)
      #expect(result.status == 0, "\(result)")
      #expect(result.stderr.isEmpty)
      #expect(
        result.stdout.contains(
          "Samples/2016-17/budget.csv: all 105 lines are taken by a rule and can be shared."))
      for (name, expected) in zip(sampleRuleNames, handWorkedRules) {
        #expect(result.stdout.contains("  \(name): \(expected.lines) lines"), "\(name)")
      }
    }
  }

  struct ExplainCase: Sendable, CustomTestStringConvertible {
    let id: String
    /// "Rule n, name: takes the line".
    let takenBy: String
    /// Rows of the pence table that must appear: partner and rounded part.
    let parts: [(String, String)]
    var testDescription: String { id }
  }

  static let explainCases: [ExplainCase] = [
    // A Lewisham-only contract, charged wholly to Lewisham by its council column.
    ExplainCase(
      id: "LC-002", takenBy: "Rule 1, Council-specific contracts: takes the line",
      parts: [("Brent", "£0.00"), ("Lewisham", "£142,600.00")]),
    // A post that serves the LGA half-time: 0.5 to Brent, the rest split equally, so
    // Brent's exact share is 75% of £55,267.85 = £41,450.8875.
    ExplainCase(
      id: "ST-009", takenBy: "Rule 3, Staff: takes the line",
      parts: [("Brent", "£41,450.89"), ("Lewisham", "£13,816.96")]),
    // An equal split whose exact halves are whole pence: with a fixed tie order per rule the
    // carried odd penny stays where it is, so the halves come out exact.
    ExplainCase(
      id: "SS-003", takenBy: "Rule 5, Shared service: takes the line",
      parts: [("Brent", "£17,500.00"), ("Lewisham", "£17,500.00")]),
  ]

  @Test(
    "explain names the rule that takes a line and the pence each partner gets",
    arguments: explainCases)
  func explain(_ example: ExplainCase) throws {
    let result = try CLI.run(["explain", "Samples/2016-17", example.id])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.hasPrefix("Line \(example.id) (Samples/2016-17/budget.csv:"))
    #expect(result.stdout.contains(example.takenBy))
    let rows = result.stdout.split(separator: "\n").map(String.init)
    for (partner, part) in example.parts {
      let row = rows.first { $0.hasPrefix(partner + " ") }
      #expect(row?.contains(" \(part) ") == true, "\(partner): \(row ?? "no row")")
    }
  }

  @Test("explain's parts agree with run --json for the same line")
  func explainAgreesWithRun() throws {
    let run = try RunDocument(try CLI.run(sampleJSONArguments).stdoutData)
    let line = try #require(run.lines.first { $0["id"] as? String == "ST-009" })
    let parts = try shares(line["shares"], partners: run.partners)
    #expect(parts == [4_145_089, 1_381_696])
  }

  @Test("explain finds a line whatever the case of its id (ids are unique ignoring case)")
  func explainIgnoresCase() throws {
    let result = try CLI.run(["explain", "Samples/2016-17", " st-009 "])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.hasPrefix("Line ST-009 (Samples/2016-17/budget.csv:10:1)"), "\(result)")
  }

  @Test("explain an unknown id: exit 1 and a message naming the budget")
  func explainUnknownID() throws {
    let result = try CLI.run(["explain", "Samples/2016-17", "NO-SUCH"])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.hasPrefix(
        "Samples/2016-17/budget.csv:1:1: error: no line has the id 'NO-SUCH'"))
  }

  @Test("--help documents the exit statuses")
  func helpDocumentsExitStatus() throws {
    let result = try CLI.run(["--help"])
    #expect(result.status == 0)
    let text = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(text.contains("Exit status: 0 success; 1 a problem in the rule file or budget"))
    #expect(text.contains("2 an output could not be written"))
    #expect(text.contains("64 bad command-line usage"))
  }

  struct UsageCase: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    let message: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  @Test(
    "usage errors exit 64",
    arguments: [
      UsageCase(arguments: ["run", "--bogus"], message: "Unknown option '--bogus'"),
      UsageCase(arguments: ["run"], message: "name a rule file with --rules"),
      UsageCase(arguments: ["check"], message: "name a rule file with --rules"),
      UsageCase(
        arguments: ["run", "--rules", "Rules/brent-lewisham.yaml"],
        message: "name a budget with --budget"),
      UsageCase(arguments: ["explain"], message: "Missing expected argument"),
      UsageCase(arguments: ["explain", "a", "b", "c"], message: "give the id of one budget line"),
      UsageCase(arguments: ["frobnicate"], message: "Unexpected argument 'frobnicate'"),
      UsageCase(arguments: ["run", "--rules"], message: "Missing value for '--rules"),
    ])
  func usageError(_ example: UsageCase) throws {
    let result = try CLI.run(example.arguments)
    #expect(result.status == 64, "\(result)")
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains(example.message), "\(result)")
  }
}
