import ApportionCore
import Foundation
import TestSupport
import Testing

@testable import ApportionIO

/// Each mistake in a plan file is reported at its place, with its fix.
@Suite("Plan files: errors at their place")
struct PlanErrorTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    /// After `plan: P` and `base: .` (lines 1 and 2).
    let text: String
    /// `line:column: error: message`.
    let expected: String
    let hint: String?
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "a misspelt key", text: "years: 2016-17 to 2017-18\ngrwoth: []\n",
      expected: "4:1: error: unknown key 'grwoth' in the plan",
      hint: "did you mean 'growth'? the plan takes: " + PlanKeys.top.joined(separator: ", ")),
    Case(
      name: "no years", text: "growth: []\n", expected: "1:1: error: the plan has no 'years'",
      hint: "add 'years: ...'"),
    Case(
      name: "years that go backwards", text: "years: 2018-19 to 2016-17\n",
      expected: "3:8: error: years: 2018-19 is after 2016-17", hint: "write the first year first"),
    Case(
      name: "growth without a percent sign",
      text: "years: 2016-17 to 2017-18\ngrowth:\n  - { when: { category: staff }, by: 2 }\n",
      expected: "5:38: error: by: '2' is not a number",
      hint: "write a yearly percentage such as 2.5% (or -1%)"),
    Case(
      name: "an event not on the first of a month",
      text: "years: 2016-17 to 2017-18\nevents:\n  - on: 2017-11-02\n    changes: []\n",
      expected:
        "5:9: error: on: '2017-11-02' is not the first day of a month; a partner joins on the 1st",
      hint: "an event takes effect on the 1st of a month"),
    Case(
      name: "an event outside the plan's years",
      text: "years: 2016-17 to 2017-18\nevents:\n  - on: 2019-11-01\n    changes: []\n",
      expected: "5:9: error: 2019-11-01 is outside the plan's years (2016-17 to 2017-18)", hint: nil
    ),
    Case(
      name: "events out of order",
      text: """
        years: 2016-17 to 2017-18
        events:
          - { on: 2017-11-01, changes: [] }
          - { on: 2017-05-01, changes: [] }

        """,
      expected: "6:11: error: the event on 2017-05-01 comes after the one on 2017-11-01",
      hint: "list the events in date order"),
    Case(
      name: "an event that sets the year",
      text:
        "years: 2016-17 to 2017-18\nevents:\n  - on: 2017-05-01\n    changes:\n      - year: 2017-18\n",
      expected: "7:9: error: an event cannot set the year",
      hint: "the plan sets each year; the event's date says when it takes effect"),
    Case(
      name: "an event's change names a rule that is not there",
      text: """
        years: 2016-17 to 2017-18
        events:
          - on: 2017-05-01
            changes:
              - remove rule: Stafff

        """,
      expected: "7:9: error: there is no rule named 'Stafff'",
      hint: "did you mean 'Staff'? the rules are: 'Own', 'Staff', 'Rest'"),
    Case(
      name: "a target for a year the plan does not cover",
      text:
        "years: 2016-17 to 2017-18\nsavings:\n  against: previous year\n  targets:\n    2018-19: { a: 1.00 }\n",
      expected: "7:5: error: targets: '2018-19' is not one of the plan's years",
      hint: "did you mean '2016-17'? the years are: 2016-17, 2017-18"),
    Case(
      name: "a misspelt partner in the baseline",
      text: "years: 2016-17\nsavings:\n  baseline: { alpha: 1.00 }\n  targets: {}\n",
      expected: "5:15: error: 'alpha' is not a partner", hint: "the partners are: a, b"),
    Case(
      name: "savings against something unknown",
      text: "years: 2016-17\nsavings:\n  against: last year\n  targets: {}\n",
      expected: "5:12: error: against: 'last year' is not 'baseline' or 'previous year'",
      hint: "savings are measured against the stated baseline or the previous year"),
    Case(
      name: "hosting without a fee",
      text: "years: 2016-17\nhosting:\n  start: 2016-07-01\n  clients: 1\n  basis: equal\n",
      expected: "5:3: error: hosting has no 'fee'", hint: "add 'fee: ...'"),
    Case(
      name: "a misspelt hosting key",
      text:
        "years: 2016-17\nhosting:\n  start: 2016-07-01\n  clients: 1\n  fee: 1.00\n  basis: equal\n  licenses: 2.00\n",
      expected: "9:3: error: unknown key 'licenses' in hosting",
      hint: "did you mean 'licences'? hosting takes: " + PlanKeys.hosting.joined(separator: ", ")),
    Case(
      name: "hosting that replaces a line the budget does not have",
      text:
        "years: 2016-17\nhosting:\n  start: 2016-07-01\n  clients: 1\n  fee: 1.00\n  basis: equal\n  replaces: L9\n",
      expected:
        "5:3: error: the hosting replaces 'L9', which is not a line of the budget in 2016-17",
      hint: "name the external hosting contract's line by its id"),
    Case(
      name: "a hosting basis naming a partner that is not there",
      text:
        "years: 2016-17\nhosting:\n  start: 2016-07-01\n  clients: 1\n  fee: 1.00\n  basis: { direct: c }\n",
      expected: "8:20: error: 'c' is not a partner",
      hint: "did you mean 'a'? the partners are: a, b"),
  ]

  @Test("each mistake is reported at its place", arguments: cases)
  func located(_ example: Case) throws {
    let base = try ScenarioBase()
    let path = try base.folder.write("p.yaml", "plan: P\nbase: .\n" + example.text)
    do {
      let runner = try PlanRunner.load(path)
      _ = try runner.run()
      Issue.record("no error for \(example.name)")
    } catch let error as DiagnosticList {
      let first = try #require(error.diagnostics.first)
      #expect("\(first)".hasPrefix("\(path):\(example.expected)"), "\(first)")
      if let hint = example.hint { #expect(first.hint == hint, "\(first)") }
    }
  }
}
