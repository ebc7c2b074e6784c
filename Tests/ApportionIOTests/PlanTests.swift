import ApportionCore
import Foundation
import TestSupport
import Testing

@testable import ApportionIO

/// A plan over the small scenario base (partners a and b; lines L1 staff £100.00, L2 a's
/// contract £50.00, L3 contract £30.01, L4 income −£20.00).
struct PlanBase {
  let base: ScenarioBase

  init() throws { base = try ScenarioBase() }

  func load(_ text: String) throws -> PlanRunner {
    let path = try base.folder.write("p.yaml", "plan: P\nbase: .\n" + text)
    return try PlanRunner.load(path)
  }

  /// Each year's line amounts by id, from a run of the plan.
  func amounts(_ runner: PlanRunner) throws -> [[String: String]] {
    var amounts = Array(repeating: [String: String](), count: runner.plan.years.count)
    _ = try runner.run(each: { year, result in
      amounts[year][result.line.id] = "\(result.line.amount)"
    })
    return amounts
  }
}

@Suite("Plans: growth, events, savings, hosting")
struct PlanTests {
  @Test("growth: each year from the year before, rounded per line half away from zero")
  func growthByHand() throws {
    let plan = try PlanBase()
    let runner = try plan.load(
      """
      years: 2016-17 to 2019-20
      growth:
        - { when: { category: staff }, by: 2.5% }
        - { when: { id: L3 }, by: 5% }

      """)
    let amounts = try plan.amounts(runner)
    // 100.00 → 102.50 → 105.0625 = 105.06 → 107.6865 = 107.69.
    #expect(amounts.map { $0["L1"] } == ["100.00", "102.50", "105.06", "107.69"])
    // 30.01 → 31.5105 = 31.51 → 33.0855 = 33.09 → 34.7445 = 34.74.
    #expect(amounts.map { $0["L3"] } == ["30.01", "31.51", "33.09", "34.74"])
    // Not grown: a's contract and the income.
    #expect(amounts.map { $0["L2"] } == ["50.00", "50.00", "50.00", "50.00"])
    #expect(amounts.map { $0["L4"] } == ["-20.00", "-20.00", "-20.00", "-20.00"])
  }

  @Test("an event: a partner joins part-way, lines added from its date, removed until it")
  func eventPartYear() throws {
    let plan = try PlanBase()
    let runner = try plan.load(
      """
      years: 2016-17 to 2018-19
      events:
        - on: 2017-11-01
          changes:
            - add partner: { id: c, name: Gamma, joins: 2017-11-01 }
            - add lines:
                - { id: N1, description: New, amount: 120.00, category: staff }
            - remove lines: { when: { id: L3 } }

      """)
    let amounts = try plan.amounts(runner)
    #expect(amounts.map { $0["N1"] } == [nil, "50.00", "120.00"])  // 120 × 5/12
    #expect(amounts.map { $0["L3"] } == ["30.01", "17.51", nil])  // 30.01 × 7/12 = 17.5058
    let result = try runner.run()
    #expect(result.years.map { $0.summary.partners.count } == [2, 3, 3])
    let second = result.years[1]
    // c's share of the staff lines in 2017-18: five months shared by three of (100 + 50)/12
    // a month, with N1's 50.00 phased evenly: 150 × 5/12 ÷ 3 = 20.8333 → 20.83.
    let c = try #require(second.summary.partners.firstIndex { $0.id == PartnerID("c") })
    #expect(second.summary.byRule[1][c] == Money(pence: 2083))
    // The third year: c a partner all year, the staff lines shared by three.
    #expect(result.years[2].summary.byRule[1].map(\.pence).sorted() == [7333, 7333, 7334])
    #expect(result.partners.map(\.id.rawValue) == ["a", "b", "c"])
  }

  @Test("savings: met and missed, against the baseline and against the year before")
  func savings() throws {
    let plan = try PlanBase()
    let text = """
      years: 2016-17 to 2017-18
      growth:
        - { when: { category: staff }, by: 10% }
      savings:
        against: AGAINST
        baseline:
          a: 200.00
          b: 100.00
        targets:
          2016-17:
            a: 100.00
            b: 50.01
          2017-18:
            a: 10.00

      """
    // 2016-17: a pays 50 (staff) + 50 (its contract) + 15.005 (L3) − 10 = 105.005, b 55.005;
    // the Rest rule (the third) deals L3's odd penny to a.
    let first = try plan.load(text.replacingOccurrences(of: "AGAINST", with: "baseline")).run()
    let year0 = first.years[0]
    #expect(year0.net.map(\.pence) == [10501, 5500])
    // a: 200.00 − 105.01 = 94.99 < 100.00, short by 5.01; b: 100.00 − 55.00 = 45.00 < 50.01,
    // short by 5.01.
    #expect(
      year0.savings[0]
        == (try PartnerSaving(saving: Money(pence: 9499), target: Money(pence: 10000))))
    #expect(year0.savings[0].met == false)
    #expect(year0.savings[0].shortfall == Money(pence: 501))
    #expect(year0.savings[1].saving == Money(pence: 4500))
    #expect(year0.savings[1].met == false)
    #expect(year0.savings[1].shortfall == Money(pence: 501))
    // 2017-18: staff 110.00, a pays 55 + 50 + 15.01 − 10 = 110.01: against the baseline a
    // saves 89.99 ≥ 10.00; b has no target.
    let year1 = first.years[1]
    #expect(year1.net.map(\.pence) == [11001, 6000])
    #expect(year1.savings[0].saving == Money(pence: 8999))
    #expect(year1.savings[0].met == true)
    #expect(year1.savings[0].shortfall == nil)
    #expect(year1.savings[1].target == nil)
    #expect(year1.savings[1].met == nil)
    // Against the year before, a's 2017-18 saving is 105.01 − 110.01 = −5.00: missed by 15.00.
    let previous = try plan.load(
      text.replacingOccurrences(of: "AGAINST", with: "previous year")
    ).run()
    #expect(previous.years[0].savings[0].saving == Money(pence: 9499))
    #expect(previous.years[1].savings[0].saving == Money(pence: -500))
    #expect(previous.years[1].savings[0].met == false)
    #expect(previous.years[1].savings[0].shortfall == Money(pence: 1500))
    // A saving exactly at its target is met.
    let exact = try plan.load(
      text.replacingOccurrences(of: "AGAINST", with: "baseline")
        .replacingOccurrences(of: "b: 50.01", with: "b: 45.00")
    ).run()
    #expect(exact.years[0].savings[1].met == true)
  }

  @Test("a partner that joins during the base's year is a partner all year afterwards")
  func basePartYear() throws {
    let plan = try PlanBase()
    _ = try plan.base.folder.write(
      "s.yaml",
      "scenario: S\nbase: .\nchanges:\n  - add partner: { id: c, name: Gamma, joins: 2016-10-01 }\n"
    )
    let path = try plan.base.folder.write(
      "p.yaml", "plan: P\nbase: s.yaml\nyears: 2016-17 to 2017-18\n")
    let result = try PlanRunner.load(path).run()
    // Staff (L1, £100.00): c shares six months of 2016-17 with a and b (100 × 6/12 ÷ 3 =
    // 16.67), and the whole of 2017-18.
    #expect(result.years[0].summary.byRule[1][2] == Money(pence: 1667))
    #expect(result.years[1].summary.byRule[1].map(\.pence).sorted() == [3333, 3333, 3334])
    _ = try plan.base.folder.write(
      "s.yaml", "scenario: S\nbase: .\nchanges:\n  - leaves: { b: 2017-01-31 }\n")
    #expect {
      try PlanRunner.load(path).run()
    } throws: { error in
      "\(error)".contains("'b' leaves during the base's year, so it cannot be a partner in 2017-18")
    }
  }

  static let hosting = """
    years: 2016-17 to 2017-18
    hosting:
      name: Hosting
      start: 2017-07-01
      clients: 3
      fee: 12.00
      set-up: 46.50
      infrastructure: 24.00
      replaces: L2
      basis: equal

    """

  @Test("hosting: ordinary lines through the engine, and break-even at the boundary")
  func hostingThroughTheEngine() throws {
    let plan = try PlanBase()
    let runner = try plan.load(Self.hosting)
    let amounts = try plan.amounts(runner)
    // 2017-18, nine months from July: fees 3 × 12.00 × 9/12, infrastructure 24.00 × 9/12,
    // set-up in full; a's contract L2 kept for April to June (3/12).
    #expect(amounts[0]["HOST-FEE"] == nil)
    #expect(amounts[1]["HOST-FEE"] == "-27.00")
    #expect(amounts[1]["HOST-INFRA"] == "18.00")
    #expect(amounts[1]["HOST-SETUP"] == "46.50")
    #expect(amounts[1]["L2"] == "12.50")
    let result = try runner.run()
    let hosting = try #require(result.hosting)
    #expect(hosting[1].income == Money(pence: 2700))
    #expect(hosting[1].cost == Money(pence: 6450))
    #expect(hosting[1].replaced == Money(pence: 3750))
    // 27.00 − 64.50 + 37.50 = 0.00: three clients break even, two do not (−9.00).
    #expect(hosting[1].net == .zero)
    #expect(result.breakEvenClients == 3)
    let two = try runner.run(clients: 2)
    #expect(two.hosting?[1].net == Money(pence: -900))
    #expect(two.breakEvenClients == 3)
    // Shared equally: the hosting lines split a and b; L2's saving is a's alone (its own
    // contract): a's net changes by (18 + 46.50 − 27) ÷ 2 = 18.75 less 37.50 = −18.75, and
    // the hosting rule, inserted first, moves the Rest rule to third place, whose tie order
    // deals L3's odd penny to a rather than b: −18.76 and +18.76.
    let effect = try #require(result.hostingEffect?[1])
    #expect(effect[PartnerID("a")] == Money(pence: -1876))
    #expect(effect[PartnerID("b")] == Money(pence: 1876))
  }

  @Test("a year of the plan run from memory equals the same year run by Job from the files")
  func yearFromMemoryEqualsJob() throws {
    for name in ["five-years.yaml", "oneoracle-brent.yaml", "oneoracle-shared.yaml"] {
      let runner = try PlanRunner.load(packagePath("Samples/plans/\(name)"))
      let result = try runner.run()
      for (index, year) in result.years.enumerated() {
        let summary = try Job(runner.inputs(year: index)).run { _ in }
        #expect(summary.partnerTotals == year.net, "\(name) \(year.year)")
        #expect(summary.byRule == year.summary.byRule, "\(name) \(year.year)")
      }
    }
  }
}
