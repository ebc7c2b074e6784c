import ApportionCore
import Testing

@testable import ApportionIO

/// Three partners and two drivers; `rules:` is line 9, so the first rule starts at 10:5.
let ruleFileHeader = """
  year: 2016-17
  partners:
    - { id: brent, name: Brent, host: true }
    - { id: lewisham, name: Lewisham }
    - { id: southwark, name: Southwark }
  drivers:
    calls: { brent: 27889, lewisham: 16367, southwark: 0 }
    fte: { brent: 12.5, lewisham: 10 }
  rules:

  """

/// Parses the header followed by `rules`, which must be valid.
func parsedRules(_ rules: String) throws -> [Rule] {
  try RuleFile.parse(ruleFileHeader + rules, file: "t.yaml").ruleSet.rules
}

/// The same condition with every column's location removed, for comparisons.
func withoutLocations(_ condition: Condition) -> Condition {
  switch condition {
  case .always: return .always
  case .all(let parts): return .all(parts.map(withoutLocations))
  case .any(let parts): return .any(parts.map(withoutLocations))
  case .column(let column, let test): return .column(ColumnRef(column.name), test)
  }
}

/// The same basis with every column's location removed, for comparisons.
func withoutLocations(_ basis: Basis) -> Basis {
  switch basis {
  case .directByColumn(let column): return .directByColumn(ColumnRef(column.name))
  case .carve(let fraction, let to, let rest):
    let plain: CarveFraction
    switch fraction {
    case .constant: plain = fraction
    case .column(let column): plain = .column(ColumnRef(column.name))
    }
    return .carve(fraction: plain, to: withoutLocations(to), rest: withoutLocations(rest))
  default: return basis
  }
}

func decimal(_ text: String) -> ExactDecimal {
  (try? ExactDecimal(parsing: text)) ?? ExactDecimal(units: -1, scale: 0)
}

let brent = PartnerID("brent")
let lewisham = PartnerID("lewisham")
let southwark = PartnerID("southwark")

struct BasisCase: Sendable, CustomTestStringConvertible {
  let name: String
  /// The rule's lines after `- name:`, indented four spaces.
  let yaml: String
  let basis: Basis
  var testDescription: String { name }
}

let basisCases: [BasisCase] = [
  BasisCase(name: "equal", yaml: "basis: equal", basis: .equal(among: nil)),
  BasisCase(name: "equal: all", yaml: "basis: { equal: all }", basis: .equal(among: nil)),
  BasisCase(
    name: "equal among a subset", yaml: "basis: { equal: [brent, Lewisham] }",
    basis: .equal(among: [brent, lewisham])),
  BasisCase(
    name: "equal among one", yaml: "basis: { equal: southwark }",
    basis: .equal(among: [southwark])),
  BasisCase(
    name: "percentages", yaml: "basis: { percentages: { brent: 43.5, lewisham: 56.5 } }",
    basis: .percentages([
      PartnerValue(brent, decimal("43.5")), PartnerValue(lewisham, decimal("56.5")),
    ])),
  BasisCase(
    name: "percentages with % signs",
    yaml: "basis: { percentages: { brent: 43%, lewisham: 42%, southwark: 15% } }",
    basis: .percentages([
      PartnerValue(brent, decimal("43")), PartnerValue(lewisham, decimal("42")),
      PartnerValue(southwark, decimal("15")),
    ])),
  BasisCase(name: "driver", yaml: "basis: { driver: calls }", basis: .driver("calls")),
  BasisCase(
    name: "direct to a partner", yaml: "basis: { direct: lewisham }", basis: .direct(lewisham)),
  BasisCase(
    name: "direct by column", yaml: "basis: { direct: { column: council } }",
    basis: .directByColumn(ColumnRef("council"))),
  BasisCase(
    name: "carve a constant fraction",
    yaml: "carve: { fraction: 0.25, to: brent }\n    rest: equal",
    basis: .carve(
      fraction: .constant(decimal("0.25")), to: .direct(brent), rest: .equal(among: nil))),
  BasisCase(
    name: "carve a percentage",
    yaml: "carve: { fraction: 25%, to: { direct: brent } }\n    rest: equal",
    basis: .carve(
      fraction: .constant(decimal("0.25")), to: .direct(brent), rest: .equal(among: nil))),
  BasisCase(
    name: "carve a fraction from a column",
    yaml:
      "carve: { fraction: { column: lga_share }, to: brent }\n    rest: { equal: [brent, lewisham] }",
    basis: .carve(
      fraction: .column(ColumnRef("lga_share")), to: .direct(brent),
      rest: .equal(among: [brent, lewisham]))),
  BasisCase(
    name: "rest inside carve",
    yaml: "carve: { fraction: 0.1, to: { equal: [lewisham, southwark] }, rest: { driver: fte } }",
    basis: .carve(
      fraction: .constant(decimal("0.1")), to: .equal(among: [lewisham, southwark]),
      rest: .driver("fte"))),
  BasisCase(
    name: "carve under basis, rest beside it",
    yaml: "basis: { carve: { fraction: 0.5, to: southwark }, rest: equal }",
    basis: .carve(
      fraction: .constant(decimal("0.5")), to: .direct(southwark), rest: .equal(among: nil))),
  BasisCase(
    name: "a carve inside a carve's rest",
    yaml: "carve: { fraction: 0.2, to: brent }\n"
      + "    rest: { carve: { fraction: 0.5, to: lewisham, rest: equal } }",
    basis: .carve(
      fraction: .constant(decimal("0.2")), to: .direct(brent),
      rest: .carve(
        fraction: .constant(decimal("0.5")), to: .direct(lewisham), rest: .equal(among: nil)))),
]

struct ConditionCase: Sendable, CustomTestStringConvertible {
  let name: String
  /// What follows `when:` (or nothing, for no `when`).
  let yaml: String?
  let condition: Condition
  var testDescription: String { name }
}

let conditionCases: [ConditionCase] = [
  ConditionCase(name: "no when: every line", yaml: nil, condition: .always),
  ConditionCase(
    name: "one value", yaml: "{ category: staff }",
    condition: .column(ColumnRef("category"), .oneOf(["staff"]))),
  ConditionCase(
    name: "a list of values", yaml: "{ council: [brent, lewisham] }",
    condition: .column(ColumnRef("council"), .oneOf(["brent", "lewisham"]))),
  ConditionCase(
    name: "in", yaml: "{ council: { in: [brent] } }",
    condition: .column(ColumnRef("council"), .oneOf(["brent"]))),
  ConditionCase(
    name: "not", yaml: "{ category: { not: [staff, contract] } }",
    condition: .column(ColumnRef("category"), .noneOf(["staff", "contract"]))),
  ConditionCase(
    name: "prefix", yaml: "{ cost_centre: { prefix: ICT1 } }",
    condition: .column(ColumnRef("cost_centre"), .prefix(["ICT1"]))),
  ConditionCase(
    name: "contains", yaml: "{ description: { contains: [licence, license] } }",
    condition: .column(ColumnRef("description"), .contains(["licence", "license"]))),
  ConditionCase(
    name: "empty: true", yaml: "{ council: { empty: true } }",
    condition: .column(ColumnRef("council"), .empty(true))),
  ConditionCase(
    name: "empty: false", yaml: "{ council: { empty: no } }",
    condition: .column(ColumnRef("council"), .empty(false))),
  ConditionCase(
    name: "several columns: all must hold", yaml: "{ category: staff, team: { prefix: Infra } }",
    condition: .all([
      .column(ColumnRef("category"), .oneOf(["staff"])),
      .column(ColumnRef("team"), .prefix(["Infra"])),
    ])),
  ConditionCase(
    name: "a list of mappings: any may hold",
    yaml:
      "\n      - { category: lga-income }\n      - { category: staff, lga_share: { not: \"0\" } }",
    condition: .any([
      .column(ColumnRef("category"), .oneOf(["lga-income"])),
      .all([
        .column(ColumnRef("category"), .oneOf(["staff"])),
        .column(ColumnRef("lga_share"), .noneOf(["0"])),
      ]),
    ])),
  ConditionCase(
    name: "numbers are compared as written", yaml: "{ grade: [01, 1.50] }",
    condition: .column(ColumnRef("grade"), .oneOf(["01", "1.50"]))),
]

@Suite("RuleFile.parse: bases, conditions and the rest of the file")
struct RuleFileParseTests {
  @Test("each basis", arguments: basisCases)
  func basis(_ example: BasisCase) throws {
    let rules = try parsedRules("  - name: R\n    \(example.yaml)\n")
    try #require(rules.count == 1)
    #expect(withoutLocations(rules[0].basis) == example.basis)
    #expect(rules[0].condition == .always)
  }

  @Test("carve to: equal is an equal split, not a partner called 'equal'")
  func carveToEqual() throws {
    let rules = try parsedRules(
      "  - name: R\n    carve: { fraction: 0.5, to: equal }\n    rest: { direct: brent }\n")
    #expect(
      withoutLocations(rules[0].basis)
        == .carve(fraction: .constant(decimal("0.5")), to: .equal(among: nil), rest: .direct(brent))
    )
  }

  @Test("each condition form", arguments: conditionCases)
  func condition(_ example: ConditionCase) throws {
    let when = example.yaml.map { "    when: \($0)\n" } ?? ""
    let rules = try parsedRules("  - name: R\n\(when)    basis: equal\n")
    try #require(rules.count == 1)
    #expect(withoutLocations(rules[0].condition) == example.condition)
  }

  @Test("a condition's column remembers where it is written")
  func conditionLocation() throws {
    let rules = try parsedRules("  - name: R\n    when: { category: staff }\n    basis: equal\n")
    guard case .column(let column, _) = rules[0].condition else {
      Issue.record("expected a column test")
      return
    }
    #expect(column.location == SourceLocation(file: "t.yaml", line: 11, column: 13))
  }

  @Test("the agreement, partners, drivers and rules in order")
  func wholeFile() throws {
    let text =
      "agreement: Test agreement\ncurrency: GBP\n" + ruleFileHeader
      + "  - name: First\n    description: A note.\n    when: { category: staff }\n"
      + "    basis: { driver: fte }\n  - name: Second\n    basis: equal\n"
    let file = try RuleFile.parse(text, file: "t.yaml")
    #expect(file.warnings.isEmpty)
    #expect(file.ruleSet.agreement == "Test agreement")
    #expect(file.ruleSet.year == "2016-17")
    #expect(file.ruleSet.currency == "GBP")
    #expect(file.ruleSet.partners.map(\.id) == [brent, lewisham, southwark])
    #expect(file.ruleSet.partners.map(\.name) == ["Brent", "Lewisham", "Southwark"])
    #expect(file.ruleSet.partners.map(\.isHost) == [true, false, false])
    #expect(file.ruleSet.drivers.map(\.name) == ["calls", "fte"])
    #expect(
      file.ruleSet.drivers[1].values == [
        PartnerValue(brent, decimal("12.5")), PartnerValue(lewisham, decimal("10")),
      ])
    #expect(file.ruleSet.rules.map(\.name) == ["First", "Second"])
    #expect(file.ruleSet.rules[0].note == "A note.")
    #expect(file.ruleSet.rules[0].location == SourceLocation(file: "t.yaml", line: 12, column: 5))
  }

  @Test("a partner without a name is named by its id")
  func partnerNameDefaultsToID() throws {
    let text =
      "year: 2016-17\npartners: [{ id: a }, { id: b, name: Bee }]\nrules:\n  - name: R\n"
      + "    basis: equal\n"
    let file = try RuleFile.parse(text, file: "t.yaml")
    #expect(file.ruleSet.partners.map(\.name) == ["a", "Bee"])
  }

  @Test("warnings: a rule after the catch-all can never take a line")
  func unreachableRuleWarning() throws {
    let file = try RuleFile.parse(
      ruleFileHeader
        + "  - name: All\n    basis: equal\n  - name: Late\n    when: { a: b }\n    basis: equal\n",
      file: "t.yaml")
    #expect(file.warnings.count == 1)
    #expect(file.warnings.first?.severity == .warning)
    #expect(
      file.warnings.first?.description.hasPrefix(
        "t.yaml:12:5: warning: rule 'Late' can never take a line: rule 'All' before it") == true)
  }

  @Test("the repository's rule file parses without warnings")
  func shippedRuleFile() throws {
    let file = try RuleFile.load(path: packagePath("Rules/brent-lewisham.yaml"))
    #expect(file.warnings.isEmpty)
    #expect(file.ruleSet.rules.count == 5)
    #expect(file.ruleSet.partners.map(\.id) == [brent, lewisham])
  }
}

/// A path inside the package, from this file's place in it.
func packagePath(_ relative: String) -> String {
  var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
  parts.removeLast(3)  // Tests/ApportionIOTests/<file>
  return parts.joined(separator: "/") + "/" + relative
}

@Test func partnersShortNameIsReadAndDefaultsToTheID() throws {
  let file = try RuleFile.parse(
    """
    year: 2017-18
    partners:
      - { id: brent, name: London Borough of Brent, short_name: Brent, host: true }
      - { id: southwark, name: London Borough of Southwark (from November 2017) }
    rules:
      - name: Everything
        basis: equal

    """, file: "t.yaml")
  let partners = file.ruleSet.partners
  #expect(partners.map(\.shortName) == ["Brent", "southwark"])
  #expect(
    partners.map(\.name) == [
      "London Borough of Brent", "London Borough of Southwark (from November 2017)",
    ])
}
