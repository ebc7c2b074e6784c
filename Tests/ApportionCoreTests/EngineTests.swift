import Testing

@testable import ApportionCore

@Suite struct EngineTests {
  let partners = Fixture.partners(["havering", "newham", "bexley"])

  func ruleSet(_ basis: Basis, drivers: [Driver] = []) -> RuleSet {
    RuleSet(
      agreement: "test", year: "2016-17", partners: partners, drivers: drivers,
      rules: [Rule(name: "All", basis: basis)])
  }

  @Test func fixedPercentagesLikeOneSource() throws {
    let basis = Basis.percentages([
      PartnerValue(PartnerID("havering"), ExactDecimal(units: 43, scale: 0)),
      PartnerValue(PartnerID("newham"), ExactDecimal(units: 42, scale: 0)),
      PartnerValue(PartnerID("bexley"), ExactDecimal(units: 15, scale: 0)),
    ])
    let (results, summary) = try Fixture.run(ruleSet(basis), [Fixture.line(0, 100_000_01)])
    // Exact: 4,300,000.43 / 4,200,000.42 / 1,500,000.15: the penny to the largest remainder.
    #expect(results[0].parts.map(\.pence) == [4_300_001, 4_200_000, 1_500_000])
    #expect(summary.partnerTotals.map(\.pence) == [4_300_001, 4_200_000, 1_500_000])
  }

  @Test func driverShares() throws {
    let driver = Driver(
      name: "calls",
      values: [
        PartnerValue(PartnerID("havering"), ExactDecimal(units: 3, scale: 0)),
        PartnerValue(PartnerID("newham"), ExactDecimal(units: 1, scale: 0)),
        PartnerValue(PartnerID("bexley"), ExactDecimal(units: 0, scale: 0)),
      ])
    let (results, _) = try Fixture.run(
      ruleSet(.driver("calls"), drivers: [driver]), [Fixture.line(0, 1000)])
    #expect(results[0].parts.map(\.pence) == [750, 250, 0])
  }

  @Test func equalSubsetAndDirect() throws {
    let subset = Basis.equal(among: [PartnerID("newham"), PartnerID("bexley")])
    let (a, _) = try Fixture.run(ruleSet(subset), [Fixture.line(0, 1001)])
    #expect(a[0].parts[0] == .zero)
    #expect(try Money.sum(a[0].parts).pence == 1001)
    let (b, _) = try Fixture.run(ruleSet(.direct(PartnerID("bexley"))), [Fixture.line(0, -77)])
    #expect(b[0].parts.map(\.pence) == [0, 0, -77])
  }

  @Test func carveOutWithConstantFraction() throws {
    let basis = Basis.carve(
      fraction: .constant(ExactDecimal(units: 25, scale: 2)), to: .direct(PartnerID("newham")),
      rest: .equal(among: nil))
    let (results, _) = try Fixture.run(ruleSet(basis), [Fixture.line(0, 1200)])
    // 300 to Newham, 900 split three ways.
    #expect(results[0].parts.map(\.pence) == [300, 600, 300])
  }

  @Test func oddPenniesDoNotAllGoToOnePartner() throws {
    // 3,000 one-penny lines shared equally by three: each partner gets 1,000p, and the
    // pennies are spread in turn, not collected by the first partner listed.
    let lines = (0..<3000).map { Fixture.line($0, 1) }
    let (results, summary) = try Fixture.run(ruleSet(.equal(among: nil)), lines)
    #expect(summary.partnerTotals.map(\.pence) == [1000, 1000, 1000])
    // Dealt like cards: every line gives its penny to one partner, none gets a negative part.
    for result in results {
      #expect(result.parts.filter { $0.pence == 1 }.count == 1)
      #expect(result.parts.allSatisfy { $0.pence >= 0 })
    }
    let firstNine = results.prefix(9).map { $0.parts.firstIndex(of: Money(pence: 1)) ?? -1 }
    #expect(Set(firstNine).count == 3)
  }

  @Test func unmatchedLinesAreListed() throws {
    let set = RuleSet(
      agreement: "t", year: "y", partners: partners,
      rules: [
        Rule(
          name: "Only Brent", condition: .column(ColumnRef("council"), .oneOf(["brent"])),
          basis: .direct(PartnerID("newham")))
      ])
    var engine = try Apportioner(ruleSet: set, schema: Fixture.schema())
    for index in 0..<15 { _ = try engine.apportion(Fixture.line(index, 5)) }
    let list = #expect(throws: DiagnosticList.self) { _ = try engine.finish() }
    #expect(list?.diagnostics.count == Apportioner.unmatchedListed + 1)
    #expect(list?.diagnostics.first?.description.contains("no rule takes line L0") == true)
    #expect(list?.diagnostics.last?.message == "5 more lines match no rule")
  }

  @Test func compileErrorsNameTheProblem() {
    let bad = Basis.percentages([
      PartnerValue(PartnerID("havering"), ExactDecimal(units: 995, scale: 1))
    ])
    let messages = Apportioner.check(ruleSet(bad)).map(\.message)
    #expect(messages.contains { $0.contains("add up to 99.5%, expected 100%") })
    let unknown = Apportioner.check(ruleSet(.driver("calls"))).map(\.message)
    #expect(unknown.contains { $0.contains("no driver named 'calls'") })
    let partner = Apportioner.check(ruleSet(.direct(PartnerID("haverng"))))
    #expect(partner.contains { $0.hint?.contains("did you mean 'havering'") == true })
  }

  @Test func ruleTakingNoLineIsAWarning() throws {
    let set = RuleSet(
      agreement: "t", year: "y", partners: partners,
      rules: [
        Rule(
          name: "Never", condition: .column(ColumnRef("council"), .oneOf(["x"])),
          basis: .equal(among: nil)),
        Rule(name: "Rest", basis: .equal(among: nil)),
        Rule(name: "Unreachable", basis: .equal(among: nil)),
      ])
    let (_, summary) = try Fixture.run(set, [Fixture.line(0, 10)])
    let warnings = summary.warnings.map(\.message)
    #expect(warnings.contains { $0.contains("'Never' takes no line") })
    #expect(warnings.contains { $0.contains("'Unreachable' can never take a line") })
  }

  @Test func explainTracesConditionsAndExactShares() throws {
    let set = RuleSet(
      agreement: "t", year: "y", partners: partners,
      rules: [
        Rule(
          name: "Direct", condition: .column(ColumnRef("council"), .empty(false)),
          basis: .directByColumn(ColumnRef("council"))),
        Rule(name: "Rest", basis: .equal(among: nil)),
      ])
    var engine = try Apportioner(ruleSet: set, schema: Fixture.schema())
    let explanation = try engine.explain(Fixture.line(0, 100))
    #expect(explanation.attempts.map(\.matched) == [false, true])
    #expect(explanation.attempts[0].checks.first?.condition == "council is not empty")
    let result = try #require(explanation.result)
    #expect(result.exactShare(of: 0).poundsText() == "0.333333…")
    #expect(try Money.sum(result.parts).pence == 100)
  }

  @Test func badColumnValuesNameTheField() throws {
    let set = RuleSet(
      agreement: "t", year: "y", partners: partners,
      rules: [Rule(name: "Direct", basis: .directByColumn(ColumnRef("council")))])
    var engine = try Apportioner(ruleSet: set, schema: Fixture.schema())
    let error = #expect(throws: Diagnostic.self) {
      _ = try engine.apportion(Fixture.line(0, 5, council: "lewisham"))
    }
    #expect(
      error?.description.hasPrefix(
        "t.csv:2:4: error: line L0: 'lewisham' in column council is not a partner") == true)
  }
}
