import TestSupport
import Testing

@testable import ApportionCore

/// The hosting model's arithmetic, against figures worked out by hand in the test.
@Suite("Hosting model")
struct HostingModelTests {
  static let place = SourceLocation(file: "p.yaml", line: 1, column: 1)
  static let years = (2016...2020).map(FinancialYear.init(startYear:))

  static func model(
    start: String = "2018-07-01", clients: Int = 0, fee: Int64, setUp: Int64 = 0,
    setUpYears: Int = 1, infrastructure: Int64 = 0, limit: Int = 20
  ) throws -> HostingModel {
    let month = try PlanMonth(firstDay: start)
    return HostingModel(
      name: "H", start: month, clients: .count([month.year: clients]), fee: Money(pence: fee),
      setUp: Money(pence: setUp), setUpYears: setUpYears,
      infrastructure: Money(pence: infrastructure), basis: .equal(among: nil),
      breakEvenLimit: limit, location: place)
  }

  struct ProrateCase: Sendable {
    let pence: Int64
    let numerator: Int64
    let denominator: Int64
    let expected: Int64
  }

  @Test(
    "a fraction of an amount rounds half away from zero",
    arguments: [
      ProrateCase(pence: 10000, numerator: 9, denominator: 12, expected: 7500),
      ProrateCase(pence: 10, numerator: 1, denominator: 12, expected: 1),
      ProrateCase(pence: 6, numerator: 1, denominator: 12, expected: 1),
      ProrateCase(pence: 5, numerator: 1, denominator: 12, expected: 0),
      ProrateCase(pence: -6, numerator: 1, denominator: 12, expected: -1),
      ProrateCase(pence: 3001, numerator: 7, denominator: 12, expected: 1751),
      ProrateCase(pence: 5_800_000, numerator: 25, denominator: 10, expected: 14_500_000),
    ])
  func prorate(_ example: ProrateCase) throws {
    let result = try Money(pence: example.pence).scaled(
      by: example.numerator, over: example.denominator)
    #expect(result.pence == example.expected)
  }

  @Test("the lines of the switch-over year and the next, worked by hand")
  func linesByHand() throws {
    var model = try Self.model(
      clients: 2, fee: 12_000_000, setUp: 90_000_001, setUpYears: 3, infrastructure: 42_000_000)
    model.uplift = try SignedPercentage(parsing: "2%")
    model.costsUplift = try SignedPercentage(parsing: "2.5%")
    model.staffFTE = try ExactDecimal(parsing: "2.5")
    model.costPerFTE = Money(pence: 5_800_001)
    let first = try model.lines(for: FinancialYear(startYear: 2018))
    // 9 months: fees 2 × 120,000 × 9/12; infrastructure 420,000 × 9/12; staff 2.5 × 58,000.01
    // = 145,000.025 → 145,000.03, × 9/12 = 108,750.0225 → 108,750.02; set-up ⌊900,000.01/3⌋.
    #expect(
      first.map { "\($0.id) \($0.amount)" } == [
        "HOST-FEE -180000.00", "HOST-INFRA 315000.00", "HOST-STAFF 108750.02",
        "HOST-SETUP 300000.00",
      ])
    let second = try model.lines(for: FinancialYear(startYear: 2019))
    // Fee 120,000 + 2% = 122,400; infrastructure 420,000 + 2.5% = 430,500; staff 145,000.03
    // + 2.5% = 148,625.03075 → 148,625.03; set-up ⌊2 × 900,000.01/3⌋ − ⌊900,000.01/3⌋.
    #expect(
      second.map { "\($0.id) \($0.amount)" } == [
        "HOST-FEE -244800.00", "HOST-INFRA 430500.00", "HOST-STAFF 148625.03",
        "HOST-SETUP 300000.00",
      ])
    let third = try model.lines(for: FinancialYear(startYear: 2020))
    #expect(third.last.map { "\($0.id) \($0.amount)" } == "HOST-SETUP 300000.01")
    #expect(try model.lines(for: FinancialYear(startYear: 2017)).isEmpty)
  }

  @Test("break-even exactly at the boundary: one client fewer does not break even")
  func breakEvenAtTheBoundary() throws {
    // A whole year from 2016-17 for five years: each client pays £250.00 a year, hosting
    // costs £1,000.00 a year: four clients net exactly £0.00 over the plan, three −£1,250.00.
    let model = try Self.model(start: "2016-04-01", fee: 25_000, infrastructure: 100_000)
    #expect(try model.cumulativeNet(years: Self.years, external: nil, clients: 4) == .zero)
    #expect(
      try model.cumulativeNet(years: Self.years, external: nil, clients: 3)
        == Money(pence: -125_000))
    #expect(try model.breakEvenClients(years: Self.years, external: nil) == 4)
    // One penny more of cost and four clients no longer break even.
    let dearer = try Self.model(start: "2016-04-01", fee: 25_000, infrastructure: 100_001)
    #expect(try dearer.breakEvenClients(years: Self.years, external: nil) == 5)
    // None within a limit of 4.
    let limited = try Self.model(
      start: "2016-04-01", fee: 25_000, infrastructure: 100_001, limit: 4)
    #expect(try limited.breakEvenClients(years: Self.years, external: nil) == nil)
  }

  @Test("the external cost replaced counts from the switch-over")
  func replacedCost() throws {
    let model = try Self.model(start: "2018-07-01", fee: 0)
    let external = Self.years.map { _ in Money(pence: 120_000) }
    let figures = try model.figures(years: Self.years, external: external)
    // Nothing before 2018-19; in it, April to June are still paid (3/12 kept).
    #expect(figures.map(\.replaced.pence) == [0, 0, 90_000, 120_000, 120_000])
  }

  @Test("break-even equals a brute-force search over random models")
  func breakEvenProperty() throws {
    var generator = SeededGenerator(seed: 10)
    for _ in 0..<200 {
      let start =
        "201\(Int.random(in: 6...9, using: &generator))-"
        + ["04", "07", "10", "01"][Int.random(in: 0...3, using: &generator)] + "-01"
      var model = try Self.model(
        start: start, fee: Int64.random(in: 1...50_000_000, using: &generator),
        setUp: Int64.random(in: 0...90_000_000, using: &generator),
        setUpYears: Int.random(in: 1...4, using: &generator),
        infrastructure: Int64.random(in: 0...90_000_000, using: &generator),
        limit: Int.random(in: 0...30, using: &generator))
      model.uplift = try SignedPercentage(parsing: "\(Int.random(in: 0...5, using: &generator))%")
      let external = Self.years.map { _ in
        Money(pence: Int64.random(in: 0...50_000_000, using: &generator))
      }
      var nets: [Money] = []
      for count in 0...model.breakEvenLimit {
        nets.append(try model.cumulativeNet(years: Self.years, external: external, clients: count))
      }
      let expected = nets.firstIndex { !$0.isNegative }
      #expect(try model.breakEvenClients(years: Self.years, external: external) == expected)
      // Each client adds the same fees: the net grows by the same amount per client.
      let steps = zip(nets.dropFirst(), nets).map { $0.pence - $1.pence }
      #expect(Set(steps).count <= 1)
      #expect(steps.allSatisfy { $0 > 0 })
    }
  }
}
