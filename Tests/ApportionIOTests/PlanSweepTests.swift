import ApportionCore
import Foundation
import TestSupport
import Testing

@testable import ApportionIO

@Suite("Sweeps")
struct PlanSweepTests {
  /// Each partner's change in net and the hosting's net from an ordinary run of `plan`.
  static func direct(_ runner: PlanRunner, _ plan: Plan, clients: Int?) throws
    -> ([PartnerID: Money], Money)
  {
    let result = try runner.run(plan, clients: clients)
    return (
      try result.cumulativeHostingEffect() ?? [:],
      try Money.sum(result.hosting?.map(\.net) ?? [])
    )
  }

  @Test("a sweep point equals a plan run with the same parameters")
  func pointEqualsPlanRun() throws {
    let runner = try PlanRunner.load(packagePath("Samples/plans/oneoracle-shared.yaml"))
    let sweep = try PlanSweep(
      runner: runner,
      axes: [
        try .init(parsing: "hosting.clients=0...8:4"),
        try .init(parsing: "hosting.fee=100000...300000:100000"),
      ])
    let points = try sweep.run()
    #expect(points.count == 9)
    for point in points {
      guard case .count(let clients) = point.values[0], case .money(let fee) = point.values[1]
      else {
        Issue.record("unexpected values \(point.values)")
        continue
      }
      var plan = runner.plan
      plan.hosting?.fee = fee
      let (net, hostingNet) = try Self.direct(runner, plan, clients: clients)
      #expect(point.net == net, "\(point.values)")
      #expect(point.hostingNet == hostingNet)
    }
    // The plan as written (2 clients at £120,000) against the sample's answer.
    let sample = try sweep.point([.count(2), .money(Money(pence: 12_000_000))])
    #expect(sample.net[PartnerID("brent")] == Money(pence: -172_543_522))
    #expect(sample.breaksEven == false)
  }

  @Test("sweep grids for random parameters equal a brute-force recomputation")
  func randomGrids() throws {
    let plan = try PlanBase()
    let runner = try plan.load(PlanTests.hosting)
    var generator = SeededGenerator(seed: 2026)
    let parameters = PlanSweep.Parameter.allCases
    for _ in 0..<6 {
      var chosen = parameters.shuffled(using: &generator).prefix(
        Int.random(in: 1...2, using: &generator))
      chosen.sort { $0.rawValue < $1.rawValue }
      let axes = try chosen.map { parameter -> PlanSweep.Axis in
        if parameter.isCount {
          let from = Int.random(in: 0...3, using: &generator)
          return try .init(
            parsing:
              "\(parameter.rawValue)=\(from)...\(from + Int.random(in: 0...4, using: &generator))")
        }
        let from = Int.random(in: 0...40, using: &generator)
        let step = Int.random(in: 1...9, using: &generator)
        return try .init(
          parsing:
            "\(parameter.rawValue)=\(from)...\(from + step * Int.random(in: 0...3, using: &generator)):\(step).01"
        )
      }
      let sweep = try PlanSweep(runner: runner, axes: axes)
      let points = try sweep.run()
      #expect(points.count == axes.map(\.values.count).reduce(1, *))
      var index = 0
      func combinations(_ depth: Int, _ prefix: [PlanSweep.Value]) throws {
        guard depth < axes.count else {
          let point = points[index]
          index += 1
          #expect(point.values == prefix)
          var brute = runner.plan
          var clients: Int?
          for (axis, value) in zip(axes, prefix) {
            switch (axis.parameter, value) {
            case (.clients, .count(let count)): clients = count
            case (.fee, .money(let amount)): brute.hosting?.fee = amount
            case (.setUp, .money(let amount)): brute.hosting?.setUp = amount
            case (.infrastructure, .money(let amount)): brute.hosting?.infrastructure = amount
            case (.licences, .money(let amount)): brute.hosting?.licences = amount
            case (.costPerFTE, .money(let amount)): brute.hosting?.costPerFTE = amount
            default: Issue.record("value \(value) for \(axis.parameter)")
            }
          }
          let (net, hostingNet) = try Self.direct(runner, brute, clients: clients)
          #expect(point.net == net, "\(prefix)")
          #expect(point.breaksEven == !hostingNet.isNegative, "\(prefix)")
          return
        }
        for value in axes[depth].values { try combinations(depth + 1, prefix + [value]) }
      }
      try combinations(0, [])
    }
  }

  struct AxisCase: Sendable {
    let text: String
    let values: [String]?
    let error: String?
  }

  @Test(
    "--vary is read, or refused with a reason",
    arguments: [
      AxisCase(text: "hosting.clients=0...3", values: ["0", "1", "2", "3"], error: nil),
      AxisCase(text: "hosting.clients=2...8:3", values: ["2", "5", "8"], error: nil),
      AxisCase(
        text: "hosting.fee=100000...300000:100000",
        values: ["100000.00", "200000.00", "300000.00"], error: nil),
      AxisCase(
        text: "hosting.fee=0...1",
        values: (0...10).map { "0.\($0 < 10 ? "\($0)0" : "")" }.dropLast() + ["1.00"], error: nil),
      AxisCase(text: "hosting.fees=1...2", values: nil, error: "did you mean 'hosting.fee'?"),
      AxisCase(
        text: "hosting.clients=5...2", values: nil, error: "from a whole number to a larger one"),
      AxisCase(
        text: "hosting.fee=0...0.05", values: nil, error: "a tenth of the range is not whole pence"),
      AxisCase(text: "hosting.clients", values: nil, error: "write PARAM=FROM...TO[:STEP]"),
    ])
  func axis(_ example: AxisCase) throws {
    do {
      let axis = try PlanSweep.Axis(parsing: example.text)
      #expect(axis.values.map(\.description) == example.values ?? [])
      #expect(example.error == nil)
    } catch {
      #expect(example.error.map { "\(error)".contains($0) } == true, "\(error)")
    }
  }
}
