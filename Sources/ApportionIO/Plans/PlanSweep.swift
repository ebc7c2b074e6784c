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

  /// One point of the sweep.
  public func point(_ values: [Value]) throws -> Point {
    let (plan, clients) = plan(with: values)
    let result = try runner.run(plan, clients: clients, reusing: without)
    let net = try result.cumulativeHostingEffect() ?? [:]
    let hostingNet = try Money.sum(result.hosting?.map(\.net) ?? [])
    return Point(values: values, net: net, hostingNet: hostingNet)
  }
}
