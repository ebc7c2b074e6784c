import ApportionCore
import Foundation
import TestSupport
import Testing

@testable import ApportionIO

/// A small base (two partners, four lines) written to a folder, and scenarios over it.
struct ScenarioBase {
  let folder: TemporaryFolder

  static let rules = """
    agreement: Base agreement
    year: 2016-17
    partners:
      - { id: a, name: Alpha, host: true }
      - { id: b, name: Beta }
    drivers:
      calls: { a: 3, b: 1 }
    rules:
      - name: Own
        when: { council: [a, b] }
        basis: { direct: { column: council } }
      - name: Staff
        when: { category: staff }
        basis: equal
      - name: Rest
        basis: equal

    """
  static let budget = """
    id,description,amount,category,council
    L1,Post,100.00,staff,
    L2,Contract,50.00,contract,a
    L3,Licence,30.01,contract,
    L4,Income,-20.00,income,

    """

  init() throws {
    folder = try TemporaryFolder()
    try folder.write("rules.yaml", Self.rules)
    try folder.write("budget.csv", Self.budget)
    try folder.write("manifest.yaml", "rules: rules.yaml\nbudget: budget.csv\n")
  }

  /// Writes a scenario over the base (`base: .` is the folder's manifest) and loads it.
  func load(_ changes: String, name: String = "s.yaml") throws -> RunInputs {
    let path = try folder.write(name, "scenario: S\nbase: .\nchanges:\n" + changes)
    return try RunInputs.load(path)
  }

  /// Each line's id and parts, and the totals, of a run.
  func run(_ inputs: RunInputs) throws -> (lines: [String: [Int64]], totals: [Int64]) {
    var lines: [String: [Int64]] = [:]
    let summary = try Job(inputs).run { lines[$0.line.id] = $0.parts.map(\.pence) }
    return (lines, summary.partnerTotals.map(\.pence))
  }
}

@Suite("Scenarios: each change")
struct ScenarioChangeTests {
  @Test func yearAndAgreement() throws {
    let base = try ScenarioBase()
    let inputs = try base.load("  - year: 2017-18\n  - agreement: New title\n")
    #expect(inputs.ruleSet.year == "2017-18")
    #expect(inputs.ruleSet.agreement == "New title")
    #expect(inputs.name == "S")
  }

  @Test func addPartnerSharesEqualRules() throws {
    let base = try ScenarioBase()
    let inputs = try base.load("  - add partner: { id: c, name: Gamma }\n")
    #expect(inputs.ruleSet.partners.map(\.id.rawValue) == ["a", "b", "c"])
    let run = try base.run(inputs)
    #expect(run.lines["L1"]?.reduce(0, +) == 10000)
    #expect(run.lines["L1"]?.sorted() == [3333, 3333, 3334])
    #expect(run.lines["L2"] == [5000, 0, 0])
  }

  @Test func removePartnerNeedsItsRulesChangedFirst() throws {
    let base = try ScenarioBase()
    let inputs = try base.load(
      "  - change rule: { name: Own, basis: { direct: a } }\n  - remove partner: b\n")
    #expect(inputs.ruleSet.partners.map(\.id.rawValue) == ["a"])
    #expect(inputs.ruleSet.drivers[0].values.map(\.partner.rawValue) == ["a"])
    #expect(try base.run(inputs).totals == [16001])
  }

  @Test func renamePartnerFollowsRulesAndDrivers() throws {
    let base = try ScenarioBase()
    let inputs = try base.load(
      "  - change rule: { name: Staff, basis: { percentages: { a: 60, b: 40 } } }\n"
        + "  - rename partner: { id: b, to: beta, name: Beta Council }\n")
    #expect(inputs.ruleSet.partners[1].id.rawValue == "beta")
    #expect(inputs.ruleSet.partners[1].name == "Beta Council")
    #expect(
      inputs.ruleSet.rules[1].basis
        == .percentages([
          PartnerValue(PartnerID("a"), ExactDecimal(units: 60, scale: 0)),
          PartnerValue(PartnerID("beta"), ExactDecimal(units: 40, scale: 0)),
        ]))
    #expect(inputs.ruleSet.drivers[0].values[1].partner.rawValue == "beta")
  }

  @Test func shortNamesAreGivenOnAddAndRenameAndFollowANewID() throws {
    let base = try ScenarioBase()
    let added = try base.load(
      "  - add partner: { id: c, name: London Borough of Southwark, short_name: Southwark }\n")
    #expect(added.ruleSet.partners[2].shortName == "Southwark")
    #expect(added.ruleSet.partners[2].name == "London Borough of Southwark")
    let renamed = try base.load(
      "  - rename partner: { id: a, short_name: Alpha }\n  - rename partner: { id: b, to: beta }\n")
    #expect(renamed.ruleSet.partners.map(\.shortName) == ["Alpha", "beta"])
    #expect(renamed.ruleSet.partners.map(\.name) == ["Alpha", "Beta"])
  }

  @Test func joinsAndLeavesSetMembershipMonths() throws {
    let base = try ScenarioBase()
    let inputs = try base.load(
      "  - add partner: { id: c, joins: 2016-11-01 }\n  - leaves: { b: 2017-01-31 }\n")
    #expect(inputs.ruleSet.partners[2].membership == Membership(firstMonth: 7))
    #expect(inputs.ruleSet.partners[1].membership == Membership(lastMonth: 9))
  }

  @Test func insertReplaceRemoveAndChangeRules() throws {
    let base = try ScenarioBase()
    let inserted = try base.load(
      "  - insert rule: { name: Licences, when: { id: L3 }, basis: { direct: b }, before: Staff }\n"
    )
    #expect(inserted.ruleSet.rules.map(\.name) == ["Own", "Licences", "Staff", "Rest"])
    #expect(try base.run(inserted).lines["L3"] == [0, 3001])
    let after = try base.load("  - insert rule: { name: X, basis: equal, after: Own }\n")
    #expect(after.ruleSet.rules.map(\.name) == ["Own", "X", "Staff", "Rest"])
    let replaced = try base.load(
      "  - replace rule: { name: staff, with: { name: Posts, when: { category: staff }, "
        + "basis: { driver: calls } } }\n")
    #expect(replaced.ruleSet.rules.map(\.name) == ["Own", "Posts", "Rest"])
    #expect(try base.run(replaced).lines["L1"] == [7500, 2500])
    let removed = try base.load("  - remove rule: Own\n")
    #expect(try base.run(removed).lines["L2"] == [2500, 2500])
    let changed = try base.load(
      "  - change rule: { name: Rest, when: { category: contract } }\n"
        + "  - insert rule: { name: Income, when: { category: income }, basis: { direct: a } }\n")
    #expect(try base.run(changed).lines["L4"] == [-2000, 0])
  }

  @Test func driversAreSetOrAdded() throws {
    let base = try ScenarioBase()
    let inputs = try base.load(
      "  - drivers: { calls: { a: 1, b: 1 }, fte: { a: 1, b: 4 } }\n"
        + "  - change rule: { name: Staff, basis: { driver: fte } }\n")
    #expect(inputs.ruleSet.drivers.map(\.name) == ["calls", "fte"])
    #expect(try base.run(inputs).lines["L1"] == [2000, 8000])
    // A figure given replaces that partner's; the others keep theirs; a new partner's is
    // added.
    let merged = try base.load(
      "  - add partner: { id: c }\n  - drivers: { calls: { b: 2, c: 5 } }\n"
        + "  - change rule: { name: Staff, basis: { driver: calls } }\n")
    #expect(
      merged.ruleSet.drivers[0].values.map { "\($0.partner.rawValue):\($0.value)" }
        == ["a:3", "b:2", "c:5"])
    #expect(try base.run(merged).lines["L1"] == [3000, 2000, 5000])
  }

  @Test func linesAddedScaledAndRemovedInOrder() throws {
    let base = try ScenarioBase()
    try base.folder.write("extra.csv", "amount,id,description,category\n10.00,F1,From file,staff\n")
    let inputs = try base.load(
      "  - scale lines: { when: { category: staff }, by: 10% }\n"
        + "  - add lines:\n      - { id: N1, description: New, amount: 1.00, category: staff }\n"
        + "  - add lines: { file: extra.csv }\n"
        + "  - scale lines: { when: { category: staff }, by: -50% }\n"
        + "  - remove lines: { when: { id: L4 } }\n")
    let run = try base.run(inputs)
    // L1: 100 × 1.1 × 0.5 = 55.00; N1 and F1 only meet the second scaling.
    #expect(run.lines["L1"]?.reduce(0, +) == 5500)
    #expect(run.lines["N1"]?.reduce(0, +) == 50)
    #expect(run.lines["F1"]?.reduce(0, +) == 500)
    #expect(run.lines["L4"] == nil)
    #expect(run.lines.count == 5)
  }

  @Test(
    "scaling rounds half away from zero",
    arguments: [
      ("100.00", "2.5%", 10250), ("0.10", "5%", 11), ("-0.10", "5%", -11), ("33.33", "-10%", 3000),
      ("0.01", "+49.99%", 1), ("0.01", "50%", 2), ("-0.01", "50%", -2), ("12.34", "0%", 1234),
    ])
  func scalingRounds(_ amount: String, _ percentage: String, _ pence: Int64) throws {
    let scaled = try Money(parsing: amount).scaled(by: SignedPercentage(parsing: percentage))
    #expect(scaled.pence == pence)
  }

  @Test func scenariosBuildOnScenarios() throws {
    let base = try ScenarioBase()
    try base.folder.write("first.yaml", "scenario: First\nbase: .\nchanges:\n  - year: 2017-18\n")
    let second = try base.folder.write(
      "second.yaml", "scenario: Second\nbase: first.yaml\nchanges:\n  - agreement: Two\n")
    let inputs = try RunInputs.load(second)
    #expect(inputs.ruleSet.year == "2017-18")
    #expect(inputs.ruleSet.agreement == "Two")
    #expect(
      inputs.scenarioPaths.map { ($0 as NSString).lastPathComponent } == [
        "first.yaml", "second.yaml",
      ])
  }

  @Test func layeredScenarioIgnoresItsBase() throws {
    let base = try ScenarioBase()
    let layer = try base.folder.write("layer.yaml", "changes:\n  - year: 2018-19\n")
    var inputs = try RunInputs.load(base.folder.path)
    try inputs.layer(scenario: layer)
    #expect(inputs.ruleSet.year == "2018-19")
  }
}

@Suite("Scenarios: errors name the place")
struct ScenarioErrorTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let changes: String
    let message: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "unknown change", changes: "  - scale line: { when: { a: b }, by: 1% }\n",
      message:
        "s.yaml:4:5: error: unknown change 'scale line'\n  hint: did you mean 'scale lines'? "),
    Case(
      name: "unknown rule", changes: "  - remove rule: Staf\n",
      message: "s.yaml:4:5: error: there is no rule named 'Staf'\n  hint: did you mean 'Staff'? "),
    Case(
      name: "unknown partner", changes: "  - remove partner: bb\n",
      message: "s.yaml:4:5: error: 'bb' is not a partner\n  hint: did you mean 'b'? "),
    Case(
      name: "partner still named",
      changes: "  - change rule: { name: Staff, basis: { direct: b } }\n  - remove partner: b\n",
      message: "s.yaml:5:5: error: rule 'Staff' still names 'b'\n  hint: change or remove that rule"
    ),
    Case(
      name: "date not first of month", changes: "  - joins: { b: 2016-11-02 }\n",
      message: "s.yaml:4:5: error: '2016-11-02' is not the first day of a month"),
    Case(
      name: "date outside the year", changes: "  - leaves: { b: 2018-01-31 }\n",
      message: "s.yaml:4:5: error: '2018-01-31' is outside the financial year 2016-17"),
    Case(
      name: "leaves before joining",
      changes: "  - add partner: { id: c, joins: 2016-12-01, leaves: 2016-10-31 }\n",
      message: "s.yaml:4:5: error: 'c' would leave (2016-10-31) before it joins (2016-12-01)"),
    Case(
      name: "bad percentage", changes: "  - scale lines: { when: { a: b }, by: 2 }\n",
      message: "s.yaml:4:40: error: by: '2' is not a number"),
    Case(
      name: "two keys in one change", changes: "  - year: 2017-18\n    agreement: X\n",
      message: "s.yaml:4:5: error: a change has more than one key: year, agreement"),
    Case(
      name: "misspelt key in a change",
      changes: "  - add partner: { id: c, nmae: C }\n",
      message:
        "s.yaml:4:27: error: unknown key 'nmae' in add partner\n  hint: did you mean 'name'? "),
    Case(
      name: "percentages that no longer add up",
      changes: "  - change rule: { name: Staff, basis: { percentages: { a: 60, b: 30 } } }\n",
      message: "error: rule 'Staff': the percentages add up to 90%, expected 100%"),
    Case(
      name: "added line without an amount",
      changes: "  - add lines: [ { id: N1, description: New, category: staff } ]\n",
      message: "s.yaml:4:18: error: line N1: the amount is empty"),
    Case(
      name: "added line with an unknown column",
      changes: "  - add lines: [ { id: N1, description: New, amount: 1, categry: x } ]\n",
      message:
        "s.yaml:4:66: error: the budget has no column 'categry'\n  hint: did you mean 'category'? "),
    Case(
      name: "added line with an id already used",
      changes: "  - add lines: [ { id: L1, description: Again, amount: 1 } ]\n",
      message: "s.yaml:4:24: error: id 'L1' is used twice"),
  ]

  @Test("each error", arguments: cases)
  func error(_ example: Case) throws {
    let base = try ScenarioBase()
    do {
      let inputs = try base.load(example.changes)
      _ = try base.run(inputs)
      Issue.record("no error")
    } catch {
      let text = "\(error)".replacingOccurrences(of: base.folder.path + "/", with: "")
      #expect(text.contains(example.message), "\(text)")
    }
  }

  @Test func aScenarioThatBuildsOnItselfNamesTheChain() throws {
    let base = try ScenarioBase()
    try base.folder.write("x.yaml", "base: y.yaml\nchanges:\n  - year: 2017-18\n")
    try base.folder.write("y.yaml", "base: x.yaml\nchanges:\n  - year: 2017-18\n")
    let error = #expect(throws: DiagnosticList.self) {
      _ = try RunInputs.load(base.folder.appending("x.yaml").path)
    }
    let text = error.map { "\($0)" } ?? ""
    #expect(text.contains("error: the scenario builds on itself: "))
    #expect(text.contains("x.yaml → ") && text.contains("y.yaml → "))
  }

  @Test func aScenarioWithoutABaseSaysHowToUseIt() throws {
    let base = try ScenarioBase()
    let path = try base.folder.write("lone.yaml", "changes:\n  - year: 2017-18\n")
    let error = #expect(throws: DiagnosticList.self) { _ = try RunInputs.load(path) }
    #expect(
      error.map { "\($0)" }?.contains("lone.yaml:1:1: error: the scenario names no base") == true)
  }
}
