import ApportionCore
import Foundation

/// A plan over its base, read once: every year of it is run through the engine from the
/// bytes of the base's budget held in memory, so a plan can be run again and again with
/// changed parameters (a sweep) without reading a file.
///
/// ```swift
/// let runner = try PlanRunner.load("Samples/plans/five-years.yaml")
/// let result = try runner.run()               // the plan as written
/// var plan = runner.plan
/// plan.hosting?.fee = Money(pence: 15_000_000)
/// let other = try runner.run(plan)            // the same base, another fee
/// ```
public struct PlanRunner: Sendable {
  /// The plan as the file writes it.
  public let plan: Plan
  /// The base's inputs (the first year before the plan changes it).
  public let base: RunInputs
  /// The plan file.
  public let path: String
  let budgetPath: String
  let budget: [UInt8]
  /// The largest base budget a plan holds in memory (256 MiB).
  public static let budgetLimit = 256 << 20

  /// Reads a plan file, its base and the base's budget.
  ///
  /// - Throws: ``DiagnosticList`` with every problem found, each at its place.
  public static func load(_ path: String) throws(DiagnosticList) -> PlanRunner {
    let text: String
    do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
      throw DiagnosticList([
        Diagnostic(
          at: SourceLocation(file: path), "cannot read the plan",
          hint: "check that the file exists and is readable UTF-8 text")
      ])
    }
    return try load(text: text, file: path)
  }

  /// A plan whose text is given, as if read from `file` (its base is found relative to it).
  public static func load(text: String, file path: String) throws(DiagnosticList) -> PlanRunner {
    var parser = PlanFileParser(file: path)
    guard let header = parser.header(text), !parser.hasErrors else { throw parser.errors }
    guard let baseSpec = header.base else { throw parser.errors }
    let base: RunInputs
    switch baseSpec {
    case .path(let basePath, _): base = try RunInputs.load(basePath)
    case .files(let rules, let budget): base = try RunInputs(rules: rules, budget: budget)
    }
    guard let plan = parser.plan(header, over: base.ruleSet), !parser.hasErrors else {
      throw parser.errors
    }
    guard let budgetPath = base.budgetPath else {
      throw DiagnosticList([
        Diagnostic(
          at: SourceLocation(file: path, line: 1, column: 1), "the plan's base names no budget",
          hint: "a plan's base is a sample folder, a manifest or a scenario with a budget")
      ])
    }
    let bytes: [UInt8]
    do { bytes = try InputFile.readAll(budgetPath, limit: budgetLimit) } catch {
      throw DiagnosticList([
        Diagnostic(at: SourceLocation(file: budgetPath), "cannot read the budget: \(error)")
      ])
    }
    return PlanRunner(plan: plan, base: base, path: path, budgetPath: budgetPath, budget: bytes)
  }

  /// The inputs of year `index` of `plan`: the base with the plan's changes for that year,
  /// an ordinary run (``Job`` runs it from the files; ``run(_:clients:each:)`` from memory).
  ///
  /// - Throws: ``DiagnosticList`` when a change cannot apply in that year, or the rules it
  ///   leaves are not valid.
  public func inputs(year index: Int, of plan: Plan? = nil, clients: Int? = nil)
    throws(DiagnosticList) -> RunInputs
  {
    let plan = plan ?? self.plan
    var inputs = base
    var ruleSet = base.ruleSet
    do {
      let changes = try plan.changes(forYear: index, clients: clients)
      for located in changes { try ruleSet.apply(located) }
      inputs.lineChanges += changes.filter(\.change.actsOnLines)
    } catch {
      throw DiagnosticList([error])
    }
    let problems = Apportioner.check(ruleSet)
    let errors = problems.filter { $0.severity == .error }
    if !errors.isEmpty { throw DiagnosticList(errors) }
    inputs.ruleSet = ruleSet
    inputs.warnings += problems.filter { $0.severity == .warning }
    inputs.name = "\(plan.title) \(plan.years[index])"
    inputs.source = path
    return inputs
  }

  /// Runs every year of `plan` (the file's, unless another is given) through the engine
  /// and works out the savings and the hosting's case.
  ///
  /// - Parameters:
  ///   - clients: a number of hosting clients paying from the hosting's start, instead of
  ///     the plan's own.
  ///   - each: sees every line's result with the year's index (for workbooks).
  public func run(
    _ plan: Plan? = nil, clients: Int? = nil,
    begin: (Int, RunInputs, BudgetSchema) throws -> Void = { _, _, _ in },
    each: (Int, LineResult) throws -> Void = { _, _ in }
  ) throws -> PlanResult {
    let plan = plan ?? self.plan
    var years: [PlanYear] = []
    for index in plan.years.indices {
      let inputs = try self.inputs(year: index, of: plan, clients: clients)
      var cost = Array(repeating: Money.zero, count: inputs.ruleSet.partners.count)
      var income = cost
      let summary = try pass(inputs, begin: { try begin(index, inputs, $0) }) { result in
        for (partner, part) in result.parts.enumerated() {
          if result.line.amount.isNegative {
            income[partner] = try income[partner] - part
          } else {
            cost[partner] = try cost[partner] + part
          }
        }
        try each(index, result)
      }
      years.append(
        PlanYear(year: plan.years[index], summary: summary, cost: cost, income: income))
    }
    try addSavings(plan, to: &years)
    var result = PlanResult(
      title: plan.title, years: years, hosting: nil, breakEvenClients: nil)
    if let hosting = plan.hosting {
      let external = try replacedAmounts(plan, hosting: hosting)
      result.hosting = try hosting.figures(years: plan.years, external: external, clients: clients)
      result.breakEvenClients = try hosting.breakEvenClients(years: plan.years, external: external)
    }
    return result
  }

  /// One year's pass through the engine, from the budget's bytes in memory.
  private func pass(
    _ inputs: RunInputs, begin: (BudgetSchema) throws -> Void, each: (LineResult) throws -> Void
  ) throws -> Summary {
    let reader = try BudgetReader(bytes: budget, path: budgetPath)
    return try Job.pass(reader: reader, inputs: inputs, begin: begin) { line, engine in
      if let result = try engine.apportion(line) { try each(result) }
    }
  }

  /// The replaced line's amount in each year as it would be without hosting (nil when the
  /// hosting replaces no line).
  private func replacedAmounts(_ plan: Plan, hosting: HostingModel) throws -> [Money]? {
    guard let id = hosting.replaces else { return nil }
    var without = plan
    without.hosting = nil
    var amounts: [Money] = []
    for index in plan.years.indices {
      let inputs = try self.inputs(year: index, of: without)
      let reader = try BudgetReader(bytes: budget, path: budgetPath)
      var found: Money?
      _ = try Job.pass(reader: reader, inputs: inputs, begin: { _ in }) { line, _ in
        if BudgetLine.trimmed(line.id).lowercased() == BudgetLine.trimmed(id).lowercased() {
          found = line.amount
        }
      }
      guard let found else {
        throw DiagnosticList([
          Diagnostic(
            at: hosting.location,
            "the hosting replaces '\(id)', which is not a line of the budget in \(plan.years[index])",
            hint: "name the external hosting contract's line by its id")
        ])
      }
      amounts.append(found)
    }
    return amounts
  }

  private func addSavings(_ plan: Plan, to years: inout [PlanYear]) throws {
    guard let savings = plan.savings else { return }
    for index in years.indices {
      let year = years[index]
      var list: [PartnerSaving] = []
      for (partner, net) in zip(year.summary.partners, year.net) {
        let previous = index > 0 ? years[index - 1].net(of: partner.id) : nil
        do {
          list.append(
            try savings.saving(of: partner.id, in: year.year, net: net, previous: previous))
        } catch {
          throw DiagnosticList([
            Diagnostic(at: savings.location, "the savings for \(year.year) are too large: \(error)")
          ])
        }
      }
      years[index].savings = list
    }
  }
}
