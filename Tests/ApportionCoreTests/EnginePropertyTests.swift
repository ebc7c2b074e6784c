import PropertyBased
import TestSupport
import Testing

@testable import ApportionCore

/// A random agreement and budget, with each partner's exact share of each line computed
/// here, independently of the engine, from the basis's definition.
struct RandomCase {
  var ruleSet: RuleSet
  var lines: [BudgetLine]
  /// exact[line][partner id]
  var exact: [[String: Fraction]]

  /// How the second rule ("Shared") shares the lines the first (direct by column) leaves.
  enum SharedBasis: CaseIterable, Sendable {
    /// Equal between every partner.
    case equal
    /// Percentages with one decimal place, adding up to 100.
    case percentages
    /// A driver with two decimal places, not all zero.
    case driver
    /// Each line's fraction from a column to one partner, the rest by a driver.
    case carveOutThenDriver
  }

  init(amounts: [Int64], partnerCount: Int, kind: SharedBasis, seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    let ids = (0..<partnerCount).map { "p\(Int(rng.next() % 1000))-\($0)" }
    let partners = Fixture.partners(ids)
    func uniform(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }

    // Weights per partner as fractions, for the fixed bases.
    var basis: Basis
    var weights: [Fraction]
    var drivers: [Driver] = []
    switch kind {
    case .equal:
      basis = .equal(among: nil)
      weights = ids.map { _ in Fraction(1, Int128(partnerCount)) }
    case .percentages:
      var tenths = Array(repeating: 0, count: partnerCount)
      for _ in 0..<1000 { tenths[uniform(partnerCount)] += 1 }
      basis = .percentages(
        zip(ids, tenths).map {
          PartnerValue(PartnerID($0), ExactDecimal(units: Int64($1), scale: 1))
        })
      weights = tenths.map { Fraction(Int128($0), 1000) }
    case .driver, .carveOutThenDriver:
      var values = ids.map { _ in Int64(uniform(3) == 0 ? 0 : uniform(1_000_000)) }
      if values.allSatisfy({ $0 == 0 }) { values[0] = 1 }
      let sum = values.reduce(0, +)
      basis = .driver("usage")
      weights = values.map { Fraction(Int128($0), Int128(sum)) }
      drivers = [
        Driver(
          name: "usage",
          values: zip(ids, values).map {
            PartnerValue(PartnerID($0), ExactDecimal(units: $1, scale: 2))
          })
      ]
    }
    let carve = kind == .carveOutThenDriver
    let to = uniform(partnerCount)
    if carve {
      basis = .carve(
        fraction: .column(ColumnRef("frac")), to: .direct(PartnerID(ids[to])), rest: basis)
    }
    ruleSet = RuleSet(
      agreement: "random", year: "2016-17", partners: partners, drivers: drivers,
      rules: [
        Rule(
          name: "Direct", condition: .column(ColumnRef("council"), .empty(false)),
          basis: .directByColumn(ColumnRef("council"))),
        Rule(name: "Shared", basis: basis),
      ])
    lines = []
    exact = []
    for (index, amount) in amounts.enumerated() {
      var shares: [String: Fraction] = [:]
      let a = Fraction(Int128(amount))
      if uniform(5) == 0 {
        let p = uniform(partnerCount)
        // By id or by name, in any case, with spaces: all name the same partner.
        let names = [ids[p], ids[p].uppercased(), " \(partners[p].name) "]
        lines.append(Fixture.line(index, amount, council: names[uniform(3)]))
        for id in ids { shares[id] = id == ids[p] ? a : Fraction(0) }
      } else if carve {
        let millionths = uniform(4) == 0 ? [0, 1_000_000][uniform(2)] : uniform(1_000_001)
        let text =
          uniform(2) == 0
          ? ExactDecimal(units: Int64(millionths), scale: 6).description
          : ExactDecimal(units: Int64(millionths), scale: 4).description + "%"
        lines.append(Fixture.line(index, amount, frac: text))
        let f = Fraction(Int128(millionths), 1_000_000)
        for (p, id) in ids.enumerated() {
          let toShare = p == to ? f : Fraction(0)
          shares[id] = a * (toShare + (Fraction(1) - f) * weights[p])
        }
      } else {
        lines.append(Fixture.line(index, amount))
        for (p, id) in ids.enumerated() { shares[id] = a * weights[p] }
      }
      exact.append(shares)
    }
  }
}

@Suite struct EnginePropertyTests {
  static let amounts = Gen.int64(in: -200_000_000...200_000_000).array(of: 0...120)

  @Test(arguments: RandomCase.SharedBasis.allCases)
  func invariantsHoldForRandomBudgets(kind: RandomCase.SharedBasis) async {
    await propertyCheck(
      count: 400, input: Self.amounts, Gen.int(in: 1...6), Gen.uint64()
    ) { amounts, partnerCount, seed in
      // Half the budgets have tiny amounts (a few pence), where rounding matters most.
      let tiny = seed % 2 == 0
      let amounts = tiny ? amounts.map { $0 % 7 - 2 } : amounts
      let c = RandomCase(amounts: amounts, partnerCount: partnerCount, kind: kind, seed: seed)
      try check(c)
    }
  }

  func check(_ c: RandomCase) throws {
    let (results, summary) = try Fixture.run(c.ruleSet, c.lines)
    #expect(results.count == c.lines.count)
    let ids = c.ruleSet.partners.map(\.id.rawValue)
    var exactByRule = Array(repeating: [String: Fraction](), count: c.ruleSet.rules.count)
    for (index, result) in results.enumerated() {
      // Every line's parts add up to the line.
      #expect(try Money.sum(result.parts) == result.line.amount)
      for (p, id) in ids.enumerated() {
        let exact = c.exact[index][id] ?? Fraction(0)
        exactByRule[result.ruleIndex][id] =
          (exactByRule[result.ruleIndex][id] ?? Fraction(0)) + exact
        // A single part is within 2p of its exact share (the carried rounding).
        let gap = Fraction(Int128(result.parts[p].pence)) - exact
        #expect(gap.numerator.magnitude < 2 * gap.denominator.magnitude)
      }
    }
    // Within each rule, each partner's total is within 1p of its exact share.
    for rule in c.ruleSet.rules.indices {
      for (p, id) in ids.enumerated() {
        let gap =
          Fraction(Int128(summary.byRule[rule][p].pence)) - (exactByRule[rule][id] ?? Fraction(0))
        #expect(
          gap.isWithinOne, "rule \(rule) partner \(id): off by \(gap.numerator)/\(gap.denominator)")
      }
    }
    #expect(summary.partsAddUp)
    #expect(summary.total == (try Money.sum(c.lines.map(\.amount))))

    // The same results whatever order the partners are listed in.
    var reversed = c.ruleSet
    reversed.partners.reverse()
    let (again, _) = try Fixture.run(reversed, c.lines)
    for (first, second) in zip(results, again) {
      let a = Dictionary(uniqueKeysWithValues: zip(ids, first.parts))
      let b = Dictionary(
        uniqueKeysWithValues: zip(reversed.partners.map(\.id.rawValue), second.parts))
      #expect(a == b)
    }
  }
}
