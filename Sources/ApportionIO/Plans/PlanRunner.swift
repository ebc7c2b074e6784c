import ApportionCore
import Foundation
import Yams

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
  /// The base's budget, read once.
  public let budgetPath: String
  let budget: [UInt8]
  /// The SHA-256 of the budget's bytes as read.
  public var budgetSHA256: String { FileDigest.sha256(budget) }
  /// The largest base budget a plan holds in memory (256 MiB).
  public static let budgetLimit = 256 << 20

  /// Reads a plan file, its base and the base's budget.
  ///
  /// - Throws: ``DiagnosticList`` with every problem found, each at its place.
  public static func load(_ path: String) throws(DiagnosticList) -> PlanRunner {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      throw DiagnosticList([
        Diagnostic(
          at: SourceLocation(file: path), "this is a folder, not a plan file",
          hint: "name a plan file (see Samples/plans/README.md); a sample folder runs with "
            + "'apportion run'")
      ])
    }
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
    if index > 0 {
      // A partner that joined during the base's year is a partner all year afterwards; one
      // that left during it cannot be carried into a later year.
      for (position, partner) in ruleSet.partners.enumerated() {
        guard partner.membership.lastMonth == FinancialYear.monthCount - 1 else {
          throw DiagnosticList([
            Diagnostic(
              at: SourceLocation(file: path, line: 1, column: 1),
              "'\(partner.id)' leaves during the base's year, so it cannot be a partner in "
                + "\(plan.years[index])",
              hint: "end the plan in the base's year, or use a base in which it stays")
          ])
        }
        ruleSet.partners[position].membership = .wholeYear
      }
    }
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
  /// and works out the savings and the hosting's case: its figures, its effect on each
  /// partner's net (the plan run again without hosting, the difference) and its break-even.
  ///
  /// This is a function of the plan alone (the base and its budget are held in memory), so
  /// a sweep calls it with changed parameters without reading a file.
  ///
  /// - Parameters:
  ///   - clients: a number of hosting clients paying from the hosting's start, instead of
  ///     the plan's own.
  ///   - without: the plan without its hosting, worked out once by ``withoutHosting(_:)``
  ///     (for a sweep; nil: worked out here). It must come from the same plan but for its
  ///     hosting's fees and costs. With it, the years before the hosting starts are taken
  ///     from it rather than run again, and `begin` and `each` do not see them.
  ///   - begin: sees each year's inputs and the budget's columns before its first line.
  ///   - each: sees every line's result with the year's index (for workbooks).
  public func run(
    _ plan: Plan? = nil, clients: Int? = nil, reusing without: WithoutHosting? = nil,
    begin: (Int, RunInputs, BudgetSchema) throws -> Void = { _, _, _ in },
    each: (Int, LineResult) throws -> Void = { _, _ in }
  ) throws -> PlanResult {
    let plan = plan ?? self.plan
    var years = try runYears(plan, clients: clients, reusing: without, begin: begin, each: each)
    try addSavings(plan, to: &years)
    var result = PlanResult(title: plan.title, years: years, hosting: nil, breakEvenClients: nil)
    guard let hosting = plan.hosting else { return result }
    let before = try without ?? withoutHosting(plan)
    result.hosting = try hosting.figures(
      years: plan.years, external: before.external, clients: clients)
    result.breakEvenClients = try hosting.breakEvenClients(
      years: plan.years, external: before.external)
    result.hostingEffect = try zip(years, before.years).map { with, without in
      var effect: [PartnerID: Money] = [:]
      for partner in with.summary.partners {
        effect[partner.id] =
          try (with.net(of: partner.id) ?? .zero) - (without.net(of: partner.id) ?? .zero)
      }
      return effect
    }
    return result
  }

  /// A plan's years without its hosting model, and the amounts of the line the hosting
  /// replaces in each: what the hosting is measured against.
  public struct WithoutHosting: Sendable {
    public let years: [PlanYear]
    /// The replaced line's amount in each year (nil when the hosting replaces no line).
    public let external: [Money]?
  }

  /// Runs `plan` without its hosting model (see ``WithoutHosting``).
  ///
  /// A sweep works this out once and passes it to every point's ``run(_:clients:reusing:begin:each:)``:
  /// it depends on the plan's base, growth and events, not on the hosting's fees or costs
  /// (nor, therefore, on anything a sweep varies), and the years before the hosting starts are
  /// the same runs with or without it.
  public func withoutHosting(_ plan: Plan) throws -> WithoutHosting {
    var without = plan
    without.hosting = nil
    let replaced = plan.hosting?.replaces.map { BudgetLine.trimmed($0).lowercased() }
    var found = Array(repeating: Money?.none, count: plan.years.count)
    let years = try runYears(without, clients: nil, reusing: nil, begin: { _, _, _ in }) {
      index, line in
      if let replaced, BudgetLine.trimmed(line.line.id).lowercased() == replaced {
        found[index] = line.line.amount
      }
    }
    guard let hosting = plan.hosting, let id = hosting.replaces else {
      return WithoutHosting(years: years, external: nil)
    }
    let external = try found.enumerated().map { index, amount in
      guard let amount else {
        throw DiagnosticList([
          Diagnostic(
            at: hosting.location,
            "the hosting replaces '\(id)', which is not a line of the budget in "
              + "\(plan.years[index])",
            hint: "name the external hosting contract's line by its id")
        ])
      }
      return amount
    }
    return WithoutHosting(years: years, external: external)
  }

  private func runYears(
    _ plan: Plan, clients: Int?, reusing without: WithoutHosting?,
    begin: (Int, RunInputs, BudgetSchema) throws -> Void, each: (Int, LineResult) throws -> Void
  ) throws -> [PlanYear] {
    var years: [PlanYear] = []
    for index in plan.years.indices {
      // A year before the hosting starts is the same run without it.
      if let without, index < without.years.count,
        plan.hosting.map({ $0.monthsHosted(in: plan.years[index]) == 0 }) ?? true
      {
        years.append(without.years[index])
        continue
      }
      let inputs = try self.inputs(year: index, of: plan, clients: clients)
      var cost = Array(repeating: Money.zero, count: inputs.ruleSet.partners.count)
      var income = cost
      let reader = try BudgetReader(bytes: budget, path: budgetPath)
      let summary = try Job.pass(
        reader: reader, inputs: inputs, begin: { try begin(index, inputs, $0) }
      ) { line, engine in
        guard let result = try engine.apportion(line) else { return }
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
    return years
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

extension PlanRunner {
  /// True for a YAML file whose top level has `years:` and no `changes:` (a plan, not a
  /// scenario or a manifest).
  public static func isPlan(_ path: String) -> Bool {
    guard path.hasSuffix(".yaml") || path.hasSuffix(".yml"),
      let text = try? String(contentsOfFile: path, encoding: .utf8),
      let root = try? Yams.compose(yaml: text), case .mapping(let mapping) = root
    else { return false }
    let keys = Set(mapping.keys.compactMap { $0.scalar?.string })
    return keys.contains("years") && !keys.contains("changes")
  }

  /// The inputs of the plan's year written `text` (`2018-19`).
  ///
  /// - Throws: ``DiagnosticList`` when it is not one of the plan's years.
  public func inputs(year text: String) throws(DiagnosticList) -> RunInputs {
    let names = plan.years.map(\.description)
    guard let year = try? FinancialYear(parsing: text), let index = plan.years.firstIndex(of: year)
    else {
      throw DiagnosticList([
        Diagnostic(
          at: SourceLocation(file: path), "'\(text)' is not one of the plan's years",
          hint: DidYouMean.hint(for: text, in: names) + "the years are: "
            + names.joined(separator: ", "))
      ])
    }
    return try inputs(year: index)
  }
}
