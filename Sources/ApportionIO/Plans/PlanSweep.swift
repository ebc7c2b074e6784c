import ApportionCore

/// One or two of a plan's hosting parameters varied over ranges: every point of the grid is
/// a run of the plan (``PlanRunner/run(_:clients:reusing:begin:each:)``) with those values,
/// in process, without reading a file. The plan without its hosting is worked out once.
///
/// For every point: each partner's change in net over the plan's years caused by the
/// hosting (negative: a saving) and whether the hosting breaks even there (its net result
/// over the years is zero or better).
///
/// ```swift
/// let runner = try PlanRunner.load("Samples/plans/oneoracle-brent.yaml")
/// let sweep = try PlanSweep(
///   runner: runner,
///   axes: [try .init(parsing: "hosting.clients=0...8"),
///          try .init(parsing: "hosting.fee=100000...300000:25000")])
/// let points = try sweep.run()  // 81 points, clients outer, fee inner
/// ```
public struct PlanSweep: Sendable {
  public let runner: PlanRunner
  public let axes: [Axis]
  let without: PlanRunner.WithoutHosting
  /// Per year of hosting: its inputs and each partner's total over every rule but the
  /// hosting's (the same at every point).
  let hostingYears: [HostingYear]

  struct HostingYear: Sendable {
    let index: Int
    /// The year's rules with only the hosting's rule (first, as in the full run).
    let hostingRules: RuleSet
    /// Each partner's total over the other rules, in the year's partner order.
    let others: [Money]
  }

  /// One point: the values (one per axis), each partner's change in net over the plan, and
  /// whether the hosting breaks even.
  public struct Point: Sendable {
    public let values: [Value]
    public let net: [PartnerID: Money]
    /// The hosting's net result over the plan's years.
    public let hostingNet: Money
    public var breaksEven: Bool { !hostingNet.isNegative }
  }

  /// - Throws: ``DiagnosticList`` when the plan has no hosting model, or the run without it
  ///   fails.
  public init(runner: PlanRunner, axes: [Axis]) throws {
    guard runner.plan.hosting != nil else {
      throw DiagnosticList([
        Diagnostic(
          at: runner.plan.location, "the plan has no hosting model to vary",
          hint: "a sweep varies the parameters under 'hosting:' (see Samples/plans/README.md)")
      ])
    }
    self.runner = runner
    self.axes = axes
    without = try runner.withoutHosting(runner.plan)
    hostingYears = try Self.hostingYears(runner)
  }

  /// Each rule keeps its own running totals (see `Rules/README.md`), so the rules other
  /// than the hosting's give the same parts at every point of a sweep (the hosting's values
  /// change only the hosting's own lines, and its rule is first at every point): their
  /// totals are worked out once, from the plan as written, and each point runs only the
  /// hosting's lines through the hosting's rule. The tests check every point against a
  /// full run of the plan.
  static func hostingYears(_ runner: PlanRunner) throws -> [HostingYear] {
    guard let hosting = runner.plan.hosting else { return [] }
    let reference = try runner.run()
    var years: [HostingYear] = []
    for (index, year) in runner.plan.years.enumerated() where hosting.monthsHosted(in: year) > 0 {
      let inputs = try runner.inputs(year: index)
      let summary = reference.years[index].summary
      guard inputs.ruleSet.rules.first?.name == hosting.name, summary.rules.count > 0 else {
        throw DiagnosticList([
          Diagnostic(at: hosting.location, "the hosting's rule is not the first in \(year)")
        ])
      }
      var single = inputs.ruleSet
      single.rules = [single.rules[0]]
      let others = try zip(summary.partnerTotals, summary.byRule[0]).map { total, hosting in
        try total - hosting
      }
      years.append(HostingYear(index: index, hostingRules: single, others: others))
    }
    return years
  }

  /// Every partner of any year of the plan, in the order they first appear.
  public var partners: [Partner] {
    PlanResult(title: "", years: without.years, hosting: nil, breakEvenClients: nil).partners
  }

  /// Every combination of the axes' values, the first axis outermost.
  public var grid: [[Value]] {
    axes.reduce([[]]) { combinations, axis in
      combinations.flatMap { prefix in axis.values.map { prefix + [$0] } }
    }
  }

  /// Runs every point, calling `progress` with the number done and the total.
  public func run(progress: (Int, Int) -> Void = { _, _ in }) throws -> [Point] {
    let grid = self.grid
    var points: [Point] = []
    points.reserveCapacity(grid.count)
    for (index, values) in grid.enumerated() {
      points.append(try point(values))
      progress(index + 1, grid.count)
    }
    return points
  }

  /// The plan with these values set (one per axis) and the clients override, if varied.
  public func plan(with values: [Value]) -> (Plan, clients: Int?) {
    var plan = runner.plan
    var clients: Int?
    for (axis, value) in zip(axes, values) {
      switch (axis.parameter, value) {
      case (.clients, .count(let count)): clients = count
      case (.fee, .money(let amount)): plan.hosting?.fee = amount
      case (.setUp, .money(let amount)): plan.hosting?.setUp = amount
      case (.infrastructure, .money(let amount)): plan.hosting?.infrastructure = amount
      case (.licences, .money(let amount)): plan.hosting?.licences = amount
      case (.costPerFTE, .money(let amount)): plan.hosting?.costPerFTE = amount
      default: break
      }
    }
    return (plan, clients)
  }

  /// One point of the sweep: each partner's change in net is its net (the other rules'
  /// totals, plus its part of the hosting's lines through the hosting's rule) less its net
  /// without the hosting, over the years; the hosting's net from its model.
  public func point(_ values: [Value]) throws -> Point {
    let (plan, clients) = plan(with: values)
    guard let hosting = plan.hosting else { throw DiagnosticList([]) }
    var net: [PartnerID: Money] = [:]
    for year in hostingYears {
      // A reader per run: it checks that the ids of the lines it is given are unique.
      let reader = try BudgetReader(bytes: runner.budget, path: runner.budgetPath)
      var engine = try Apportioner(ruleSet: year.hostingRules, schema: reader.schema)
      for line in try hosting.lines(for: plan.years[year.index], clients: clients) {
        let added = AddedLine(
          fields: [
            ("id", line.id), ("description", line.description),
            ("amount", line.amount.plainText), ("category", line.category),
          ].map { AddedLine.Field(column: $0.0, value: $0.1, location: hosting.location) },
          location: hosting.location)
        _ = try engine.apportion(try reader.line(from: added))
      }
      let summary = try engine.finish()
      let before = without.years[year.index]
      for (position, partner) in year.hostingRules.partners.enumerated() {
        let total = try year.others[position] + summary.partnerTotals[position]
        let change = try total - (before.net(of: partner.id) ?? .zero)
        net[partner.id] = try (net[partner.id] ?? .zero) + change
      }
    }
    for year in without.years {
      for partner in year.summary.partners where net[partner.id] == nil {
        net[partner.id] = .zero
      }
    }
    let figures = try hosting.figures(
      years: plan.years, external: without.external, clients: clients)
    return Point(values: values, net: net, hostingNet: try Money.sum(figures.map(\.net)))
  }
}
