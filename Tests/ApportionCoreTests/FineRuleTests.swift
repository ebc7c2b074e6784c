import BigInt
import Testing

@testable import ApportionCore

/// Rules whose figures are fine enough that a fixed-width denominator would overflow: they
/// compute exactly, checked against fractions worked out here.
@Suite struct FineRuleTests {
  let partners = Fixture.partners(["brent", "lewisham", "southwark"])

  static func decimal(_ text: String) -> ExactDecimal {
    (try? ExactDecimal(parsing: text)) ?? ExactDecimal(units: -1, scale: 0)
  }

  static func values(_ pairs: KeyValuePairs<String, String>) -> [PartnerValue] {
    pairs.map { PartnerValue(PartnerID($0), decimal($1)) }
  }

  /// A fraction written as in a rule file or budget: `0.25` or `25%`.
  static func fraction(_ text: String) -> BigFraction {
    guard let written = try? ExactDecimal.Written(parsing: text) else { return .zero }
    return BigFraction(units: written.fraction.units, scale: written.fraction.scale)
  }

  /// Runs the lines and checks every part and every total against `exact(line)`, each
  /// partner's exact fraction of the line.
  func expectExact(
    _ ruleSet: RuleSet, _ lines: [BudgetLine], exact: (BudgetLine) -> [BigFraction]
  ) throws {
    let (results, summary) = try Fixture.run(ruleSet, lines)
    #expect(results.count == lines.count)
    var totals = Array(repeating: BigFraction.zero, count: ruleSet.partners.count)
    for result in results {
      let shares = exact(result.line).map { $0 * BigFraction(result.line.amount.pence) }
      #expect(try Money.sum(result.parts) == result.line.amount)
      for p in shares.indices {
        let (numerator, denominator) = result.exactShare(of: p).wide
        #expect(BigFraction(numerator, denominator) == shares[p], "line \(result.line.id)")
        #expect((BigFraction(result.parts[p].pence) - shares[p]).isWithinTwo)
        totals[p] = totals[p] + shares[p]
      }
    }
    let got = summary.byRule[0].map(\.pence)
    for p in totals.indices {
      #expect((BigFraction(got[p]) - totals[p]).isWithinOne, "partner \(p): \(got[p]) \(totals[p])")
    }
    let ids = ruleSet.partners.map(\.id.rawValue)
    #expect(got == largestRemainder(totals, total: summary.total.pence, ids: ids, turn: 0))
  }

  static let lines = [
    Fixture.line(0, 5_526_785, frac: "0.5"), Fixture.line(1, 1, frac: "0.333333"),
    Fixture.line(2, -39_875_000, frac: "12.5%"), Fixture.line(3, 100_000_01, frac: "1"),
    Fixture.line(4, 7, frac: "0"), Fixture.line(5, 123_456_789, frac: "0.999999"),
    Fixture.line(6, -1, frac: "0.000001"), Fixture.line(7, 2, frac: "66.6667%"),
  ]

  /// Issue #7's rule, once refused as "too fine to compute exactly": each line's fraction
  /// from a column to a driver of two-decimal FTE figures; the rest another carve-out, of a
  /// six-decimal fraction, with two-decimal percentages. The old fixed denominator was
  /// 10⁶ × 59,832 × 10⁶ × 1 × 10⁴ ≈ 6 × 10²⁰, beyond 64 bits.
  @Test func columnFractionToFTEThenSixDecimalCarveOutWithPercentages() throws {
    let fte = Driver(
      name: "fte",
      values: Self.values(["brent": "312.45", "lewisham": "198.37", "southwark": "87.50"]))
    let percentages = Self.values(["brent": "43.15", "lewisham": "41.85", "southwark": "15.00"])
    let basis = Basis.carve(
      fraction: .column(ColumnRef("frac")), to: .driver("fte"),
      rest: .carve(
        fraction: .constant(Self.decimal("0.123457")), to: .direct(PartnerID("brent")),
        rest: .percentages(percentages)))
    let ruleSet = RuleSet(
      agreement: "t", year: "2016-17", partners: partners, drivers: [fte],
      rules: [Rule(name: "Digital team", basis: basis)])
    #expect(Apportioner.check(ruleSet).isEmpty)

    let fteShares = [31245, 19837, 8750].map { BigFraction(BigInt($0), 59832) }
    let percentShares = [4315, 4185, 1500].map { BigFraction(BigInt($0), 10000) }
    let inner = Self.fraction("0.123457")
    try expectExact(ruleSet, Self.lines) { line in
      let f = Self.fraction(line.value(at: 4))
      return (0..<3).map { p in
        let rest = inner * (p == 0 ? .one : .zero) + (.one - inner) * percentShares[p]
        return f * fteShares[p] + (.one - f) * rest
      }
    }
  }

  /// Three nested carve-outs of 9-decimal fractions to drivers of 9-decimal figures: a
  /// denominator of about 10⁵⁹, far beyond 128 bits, computed in arbitrary precision.
  @Test func nestedNineDecimalCarveOutsBeyond128Bits() throws {
    let drivers = [
      Driver(
        name: "a",
        values: Self.values(["brent": "7.000000001", "lewisham": "3.000000007", "southwark": "0"])),
      Driver(
        name: "b",
        values: Self.values(["brent": "1.000000003", "lewisham": "0", "southwark": "2.000000009"])),
      Driver(
        name: "c",
        values: Self.values(["brent": "0", "lewisham": "5.000000011", "southwark": "4.000000013"])),
    ]
    let fractions = ["0.123456789", "0.987654321", "0.333333333"]
    let basis = Basis.carve(
      fraction: .constant(Self.decimal(fractions[0])), to: .driver("a"),
      rest: .carve(
        fraction: .constant(Self.decimal(fractions[1])), to: .driver("b"),
        rest: .carve(
          fraction: .constant(Self.decimal(fractions[2])), to: .driver("c"),
          rest: .carve(
            fraction: .column(ColumnRef("frac")), to: .direct(PartnerID("southwark")),
            rest: .equal(among: nil)))))
    let ruleSet = RuleSet(
      agreement: "t", year: "2016-17", partners: partners, drivers: drivers,
      rules: [Rule(name: "Fine", basis: basis)])
    let engine = try Apportioner(ruleSet: ruleSet, schema: Fixture.schema())
    #expect(engine.rules[0].basis.narrowDenominator == nil)
    #expect(engine.rules[0].basis.denominator > BigInt(10).power(59))

    func shares(_ driver: Driver) -> [BigFraction] {
      let figures = driver.values.map { BigFraction(units: $0.value.units, scale: $0.value.scale) }
      let total = figures.reduce(BigFraction.zero, +)
      return figures.map { $0 / total }
    }
    try expectExact(ruleSet, Self.lines) { line in
      let f = Self.fraction(line.value(at: 4))
      let last = (0..<3).map { p in f * (p == 2 ? .one : .zero) + (.one - f) * BigFraction(1, 3) }
      var weights = last
      for (fraction, driver) in zip(fractions, drivers).reversed() {
        let g = Self.fraction(fraction)
        let to = shares(driver)
        weights = (0..<3).map { g * to[$0] + (.one - g) * weights[$0] }
      }
      return weights
    }
  }

  /// The table in ``Weights``' doc comment.
  @Test func weightsTable() throws {
    func compiled(_ basis: Basis, drivers: [Driver] = []) throws -> CompiledBasis {
      let ruleSet = RuleSet(
        agreement: "t", year: "y", partners: Fixture.partners(["brent", "lewisham"]),
        drivers: drivers, rules: [Rule(name: "R", basis: basis)])
      return try Apportioner(ruleSet: ruleSet, schema: Fixture.schema()).rules[0].basis
    }
    let three = RuleSet(
      agreement: "t", year: "y", partners: partners,
      rules: [Rule(name: "R", basis: .equal(among: nil))])
    let equal = try Apportioner(ruleSet: three, schema: Fixture.schema()).rules[0].basis
    #expect(equal.narrowDenominator == 3)
    let percentages = try compiled(
      .percentages(Self.values(["brent": "43.5", "lewisham": "56.5"])))
    #expect(percentages.narrowDenominator == 200)
    let fte = Driver(name: "fte", values: Self.values(["brent": "312.45", "lewisham": "198.37"]))
    let carve = try compiled(
      .carve(fraction: .column(ColumnRef("frac")), to: .driver("fte"), rest: .equal(among: nil)),
      drivers: [fte])
    #expect(carve.narrowDenominator == Int64(1_000_000) * 51082)
  }
}
