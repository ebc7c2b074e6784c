import BigInt
import Foundation
import TestSupport
import Testing

@testable import ApportionCore

/// Random agreements with partners joining and leaving during the year, random bases and
/// phasings, checked against exact shares computed here from the definition:
/// `amount × Σ months (phase × weight that month ÷ members' weights that month)`.
struct PartYearCase: CustomStringConvertible {
  static let columns = ["id", "description", "amount", "profile"] + PhasingProfile.monthColumns

  let seed: UInt64
  var ruleSet: RuleSet
  var lines: [BudgetLine]
  /// exactMonths[line][month][partner]
  var exactMonths: [[[Rational]]]
  var description: String { "seed \(seed)" }

  static func schema() throws -> BudgetSchema {
    try BudgetSchema(
      columns: columns,
      locations: columns.indices.map { SourceLocation(file: "t.csv", line: 1, column: $0 + 1) })
  }

  init(seed: UInt64) {
    self.seed = seed
    var random = SeededGenerator(seed: seed)
    func uniform(_ n: Int) -> Int { Int.random(in: 0..<n, using: &random) }
    let count = 2 + uniform(3)
    let ids = (0..<count).map { "p\($0)" }.shuffled(using: &random)
    var partners = Fixture.partners(ids)
    for p in partners.indices where uniform(2) == 0 {
      let first = uniform(12)
      partners[p].membership = Membership(firstMonth: first, lastMonth: first + uniform(12 - first))
    }
    // Each month someone must be a member for the shared bases.
    partners[0].membership = .wholeYear
    let members = (0..<12).map { month in partners.map { $0.membership.isMember(inMonth: month) } }

    // The basis, and each partner's weight in each month as a fraction of the month.
    let basis: Basis
    let monthWeights: [[Rational]]
    var drivers: [Driver] = []
    switch uniform(4) {
    case 0:
      basis = .equal(among: nil)
      monthWeights = members.map { active in
        let n = Int128(active.filter { $0 }.count)
        return active.map { $0 ? Rational(1, n) : Rational(BigInt(0)) }
      }
    case 1:
      var tenths = Array(repeating: 0, count: count)
      tenths[0] = 1
      for _ in 0..<999 { tenths[uniform(count)] += 1 }
      basis = .percentages(
        zip(ids, tenths).map {
          PartnerValue(PartnerID($0), ExactDecimal(units: Int64($1), scale: 1))
        })
      monthWeights = Self.renormalised(tenths.map { Int128($0) }, members)
    case 2:
      var values = ids.map { _ in Int64(uniform(100_000)) }
      values[0] += 1
      drivers = [
        Driver(
          name: "d",
          values: zip(ids, values).map {
            PartnerValue(PartnerID($0), ExactDecimal(units: $1, scale: 2))
          })
      ]
      basis = .driver("d")
      monthWeights = Self.renormalised(values.map { Int128($0) }, members)
    default:
      // A quarter directly to one partner (not affected by membership), the rest equally.
      let direct = uniform(count)
      basis = .carve(
        fraction: .constant(ExactDecimal(units: 25, scale: 2)),
        to: .direct(PartnerID(ids[direct])), rest: .equal(among: nil))
      monthWeights = members.map { active in
        let n = Int128(active.filter { $0 }.count)
        return active.indices.map { p in
          (p == direct ? Rational(BigInt(1), BigInt(4)) : Rational(BigInt(0)))
            + (active[p] ? Rational(BigInt(3), BigInt(4)) * Rational(1, n) : Rational(BigInt(0)))
        }
      }
    }
    let profileWeights = (0..<12).map { _ in Int64(uniform(4)) }
    let profiles =
      profileWeights.allSatisfy({ $0 == 0 })
      ? []
      : [
        PhasingProfile(name: "q", weights: profileWeights.map { ExactDecimal(units: $0, scale: 0) })
      ]
    ruleSet = RuleSet(
      agreement: "t", year: "2017-18", partners: partners, drivers: drivers,
      rules: [Rule(name: "R", basis: basis)], profiles: profiles)

    lines = []
    exactMonths = []
    for index in 0..<(1 + uniform(30)) {
      let pence = Int64(uniform(2_000_001)) - 500_000
      var months = Array(repeating: "", count: 12)
      var profile = ""
      var phase: [Rational]
      switch uniform(3) {
      case 0 where !profiles.isEmpty:
        profile = "q"
        let total = Int128(profileWeights.reduce(0, +))
        phase = profileWeights.map { Rational(Int128(pence) * Int128($0), total) }
      case 1:
        // Its own month amounts, adding up to the line.
        var left = pence
        var amounts: [Int64] = []
        for _ in 0..<11 {
          let part = Int64(uniform(Int(abs(left) / 4 + 1))) * (left < 0 ? -1 : 1)
          amounts.append(part)
          left -= part
        }
        amounts.append(left)
        amounts.shuffle(using: &random)
        months = amounts.map { Money(pence: $0).plainText }
        phase = amounts.map { Rational(Int128($0)) }
      default:
        phase = (0..<12).map { _ in Rational(Int128(pence), 12) }
      }
      let id = "L\(index)"
      let values = [id, "line", Money(pence: pence).plainText, profile] + months
      lines.append(
        BudgetLine(
          id: id, description: "line", amount: Money(pence: pence), values: values,
          location: SourceLocation(file: "t.csv", line: index + 2),
          columns: Array(1...values.count)))
      exactMonths.append((0..<12).map { m in monthWeights[m].map { phase[m] * $0 } })
    }
  }

  /// Weights over the members of each month.
  static func renormalised(_ weights: [Int128], _ members: [[Bool]]) -> [[Rational]] {
    members.map { active in
      let total = zip(weights, active).reduce(Int128(0)) { $0 + ($1.1 ? $1.0 : 0) }
      return zip(weights, active).map {
        $1 && total > 0 ? Rational($0, total) : Rational(BigInt(0))
      }
    }
  }
}

@Suite("Part-year partners: exact against the definition")
struct PartYearPropertyTests {
  static let cases = (0..<Int(envCount("APPORTION_PART_YEAR_CASES", default: 250))).map {
    UInt64($0) &* 0x9E37_79B9 &+ 17
  }

  @Test(
    "parts add up, each partner within 1p of its exact share, the schedule adds up both ways with each cell within 1p of its exact month",
    arguments: cases)
  func invariants(_ seed: UInt64) throws {
    let example = PartYearCase(seed: seed)
    var engine = try Apportioner(ruleSet: example.ruleSet, schema: PartYearCase.schema())
    let n = example.ruleSet.partners.count
    var totals = Array(repeating: Int64(0), count: n)
    var exactTotals = Array(repeating: Rational(BigInt(0)), count: n)
    for (index, line) in example.lines.enumerated() {
      let result = try #require(try engine.apportion(line))
      #expect(result.parts.reduce(0) { $0 + $1.pence } == line.amount.pence, "\(example)")
      for p in 0..<n {
        totals[p] += result.parts[p].pence
        let exact = example.exactMonths[index].reduce(Rational(BigInt(0))) { $0 + $1[p] }
        exactTotals[p] = exactTotals[p] + exact
        #expect(
          (Rational(Int128(result.parts[p].pence)) - exact).isWithinTwo, "\(example) line \(index)")
      }
    }
    let summary = try engine.finish()
    let schedule = try #require(summary.schedule)
    for p in 0..<n {
      #expect(summary.partnerTotals[p].pence == totals[p])
      #expect((Rational(Int128(totals[p])) - exactTotals[p]).isWithinOne, "\(example) partner \(p)")
      #expect(schedule.byPartner[p].reduce(0) { $0 + $1.pence } == totals[p], "\(example)")
      for m in 0..<12 {
        let exactMonth = example.exactMonths.reduce(Rational(BigInt(0))) { $0 + $1[m][p] }
        #expect(
          (Rational(Int128(schedule.byRule[0][p][m].pence)) - exactMonth).isWithinOne,
          "\(example) partner \(p) month \(m)")
      }
    }
    for m in 0..<12 {
      #expect(schedule.byPartner.reduce(0) { $0 + $1[m].pence } == schedule.monthTotals[m].pence)
    }
  }

  @Test("listing the partners in another order changes nothing", arguments: cases.prefix(100))
  func partnerOrder(_ seed: UInt64) throws {
    let example = PartYearCase(seed: seed)
    func run(_ ruleSet: RuleSet) throws -> [String: [Int64]] {
      var engine = try Apportioner(ruleSet: ruleSet, schema: PartYearCase.schema())
      var parts: [String: [Int64]] = [:]
      for line in example.lines {
        let result = try #require(try engine.apportion(line))
        for (p, partner) in ruleSet.partners.enumerated() {
          parts[partner.id.rawValue, default: []].append(result.parts[p].pence)
        }
      }
      return parts
    }
    var reversed = example.ruleSet
    reversed.partners.reverse()
    #expect(try run(example.ruleSet) == run(reversed), "\(example)")
  }

  @Test func aMonthWithNoMemberIsAnErrorNamingTheRuleAndMonth() throws {
    var partners = Fixture.partners(["a", "b"])
    partners[1].membership = Membership(lastMonth: 9)
    let ruleSet = RuleSet(
      agreement: "t", year: "2017-18", partners: partners,
      rules: [Rule(name: "B only", basis: .equal(among: [PartnerID("b")]))])
    let error = #expect(throws: DiagnosticList.self) {
      _ = try Apportioner(ruleSet: ruleSet, schema: PartYearCase.schema())
    }
    #expect(
      error?.diagnostics.first?.message
        == "rule 'B only': in 2018-02 none of the partners it shares between is a member")
  }

  @Test func monthColumnsMustAddUpToTheAmount() throws {
    let ruleSet = RuleSet(
      agreement: "t", year: "2017-18", partners: Fixture.partners(["a", "b"]),
      rules: [Rule(name: "R", basis: .equal(among: nil))])
    var engine = try Apportioner(ruleSet: ruleSet, schema: PartYearCase.schema())
    let values = ["L1", "x", "10.00", ""] + ["5.00", "4.00"] + Array(repeating: "", count: 10)
    let line = BudgetLine(
      id: "L1", description: "x", amount: Money(pence: 1000), values: values,
      location: SourceLocation(file: "t.csv", line: 2), columns: Array(1...values.count))
    let error = #expect(throws: Diagnostic.self) { _ = try engine.apportion(line) }
    #expect(
      error?.message
        == "line L1: the month amounts (apr to mar) add up to 9.00, not the line's amount 10.00")
  }
}

/// A count from the environment (for long local runs), or the default.
func envCount(_ name: String, default value: Int) -> Int {
  ProcessInfo.processInfo.environment[name].flatMap(Int.init) ?? value
}

/// Exact rational arithmetic in arbitrary precision, for the oracle (month weights over
/// several sets of members make denominators too large for 128 bits).
struct Rational: Equatable {
  var numerator: BigInt
  var denominator: BigInt

  init(_ numerator: BigInt, _ denominator: BigInt = 1) {
    let divisor = numerator.greatestCommonDivisor(with: denominator)
    let sign: BigInt = denominator < 0 ? -1 : 1
    let g = divisor == 0 ? 1 : divisor
    self.numerator = sign * numerator / g
    self.denominator = sign * denominator / g
  }

  init(_ numerator: Int128, _ denominator: Int128 = 1) {
    self.init(BigInt(numerator), BigInt(denominator))
  }

  static func + (a: Rational, b: Rational) -> Rational {
    Rational(
      a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
  }
  static func * (a: Rational, b: Rational) -> Rational {
    Rational(a.numerator * b.numerator, a.denominator * b.denominator)
  }
  static func - (a: Rational, b: Rational) -> Rational {
    a + Rational(-b.numerator, b.denominator)
  }

  /// |self| < 1
  var isWithinOne: Bool { numerator.magnitude < denominator.magnitude }
  /// |self| < 2
  var isWithinTwo: Bool { numerator.magnitude < 2 * denominator.magnitude }
}
