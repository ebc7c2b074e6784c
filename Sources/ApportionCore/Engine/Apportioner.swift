/// The apportionment engine: takes budget lines one at a time and shares each between the
/// partners by the first rule that matches it.
///
/// It holds no budget: only each rule's running state (its running total and each
/// partner's exact running share), so a budget of any size streams through in flat memory,
/// and the engine can be run thousands of times in one process for scenarios.
///
/// Rounding is cumulative within each rule: after each line, the rule's exact running
/// shares are rounded with ``LargestRemainder`` to whole pence that add up to the running
/// total, and the line's part for each partner is the change in its rounded running share.
/// So every line's parts add up to the line, and each partner's total for a rule is within
/// 1p of its exact share of the rule's total. A single part can differ from its exact
/// share of the line by up to (but less than) 2p, as the rounding carries forward.
///
/// ```swift
/// var engine = try Apportioner(ruleSet: ruleSet, schema: budget.schema)
/// while let line = try budget.next() {  // budget: a BudgetReader, or any source of lines
///   if let result = try engine.apportion(line) { print(result.parts) }
/// }
/// let summary = try engine.finish()
/// ```
public struct Apportioner: Sendable {
  public let ruleSet: RuleSet
  /// Warnings found when compiling the rules (for example an unreachable rule).
  public let warnings: [Diagnostic]
  let rules: [CompiledRule]
  private let sortedRank: [Int]
  private var states: [RuleState]
  private var monthly: [MonthlyShares]
  /// How lines fall across the months.
  let plan: PhasingPlan
  private var summary: Summary
  private var unmatched: [BudgetLine] = []
  private var unmatchedCount = 0

  /// How many unmatched lines are listed in the error.
  public static let unmatchedListed = 10

  /// Compiles the rules against a budget's columns.
  ///
  /// - Throws: ``DiagnosticList`` with every error in the rules (unknown partners,
  ///   percentages not totalling 100, columns the budget lacks...).
  public init(ruleSet: RuleSet, schema: BudgetSchema) throws(DiagnosticList) {
    var compiler = RuleCompiler(ruleSet: ruleSet, schema: schema)
    let compiled = compiler.compileAll()
    let errors = compiler.diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty else { throw DiagnosticList(errors) }
    self.ruleSet = ruleSet
    self.warnings = compiler.diagnostics.filter { $0.severity == .warning }
    self.rules = compiled
    plan = compiler.plan
    let order = ruleSet.partners.indices.sorted {
      ruleSet.partners[$0].id < ruleSet.partners[$1].id
    }
    var rank = Array(repeating: 0, count: order.count)
    for (position, partner) in order.enumerated() { rank[partner] = position }
    sortedRank = rank
    let plan = compiler.plan
    states = compiled.indices.map { index in
      let rule = compiled[index]
      if let phased = rule.phased {
        return RuleState(
          partners: ruleSet.partners.count, denominator: phased.common * plan.total,
          tieTurn: index)
      }
      return RuleState(partners: ruleSet.partners.count, basis: rule.basis, tieTurn: index)
    }
    monthly = compiled.map { _ in MonthlyShares(partners: ruleSet.partners.count) }
    summary = Summary(partners: ruleSet.partners, rules: ruleSet.rules)
  }

  /// Checks a rule set on its own, without a budget: every error and warning.
  public static func check(_ ruleSet: RuleSet) -> [Diagnostic] {
    var compiler = RuleCompiler(ruleSet: ruleSet, schema: nil)
    _ = compiler.compileAll()
    return compiler.diagnostics
  }

  /// The index of the rule that takes this line, if any.
  public func ruleIndex(for line: BudgetLine) -> Int? {
    // By index, so that each rule is read in place rather than copied for every line.
    rules.indices.first { rules[$0].condition.matches(line) }
  }

  /// Shares one line.
  ///
  /// - Returns: the result, or nil when no rule takes the line (reported by ``finish()``).
  /// - Throws: ``Diagnostic`` naming the line's field when its data cannot be used (a
  ///   column that names no partner, a bad fraction, an overflow).
  public mutating func apportion(_ line: BudgetLine) throws(Diagnostic) -> LineResult? {
    guard let r = ruleIndex(for: line) else {
      unmatchedCount += 1
      if unmatched.count < Self.unmatchedListed { unmatched.append(line) }
      return nil
    }
    let rule = rules[r]
    let result: LineResult
    if let phased = rule.phased {
      let phasing = try plan.phasing(of: line, ruleProfile: rule.profile)
      let months = try phased.monthShares(
        of: line, phasing: phasing, plan: plan, partners: ruleSet.partners.count)
      var numerators = months[0]
      for month in months.dropFirst() {
        for p in numerators.indices { numerators[p] += month[p] }
      }
      guard let parts = states[r].add(line.amount, numerators: numerators, rank: sortedRank)
      else { throw overflow(line, rule: r) }
      monthly[r].add(monthShares: months)
      result = LineResult(
        line: line, ruleIndex: r, parts: parts,
        phased: .init(numerators: numerators, denominator: phased.common * plan.total))
    } else {
      let weights = try rule.basis.weights(for: line)
      guard let parts = states[r].add(line.amount, weights: weights, rank: sortedRank) else {
        throw overflow(line, rule: r)
      }
      if !plan.isAlwaysEven {
        let phasing = try plan.phasing(of: line, ruleProfile: rule.profile)
        monthly[r].add(line.amount, weights: weights, phasing: phasing)
      }
      result = LineResult(line: line, ruleIndex: r, parts: parts, weights: weights)
    }
    do { try summary.add(result) } catch {
      throw Diagnostic(at: line.location, "line \(line.id): totals overflow: \(error)")
    }
    return result
  }

  private func overflow(_ line: BudgetLine, rule r: Int) -> Diagnostic {
    Diagnostic(
      at: line.location,
      "line \(line.id): the running total of rule '\(ruleSet.rules[r].name)', or a "
        + "partner's share of it, would be beyond ±\(MoneyError.limitText)",
      hint: "amounts and every total are limited to ±\(MoneyError.limitText)")
  }

  /// The totals, once every line has been given to ``apportion(_:)``.
  ///
  /// - Throws: ``DiagnosticList`` listing the first lines that no rule took.
  public func finish() throws(DiagnosticList) -> Summary {
    if unmatchedCount > 0 {
      var list = unmatched.map { line in
        Diagnostic(
          at: line.location, "no rule takes line \(line.id) (\(line.description))",
          hint: "add a rule whose conditions match it, or a catch-all rule with no 'when' "
            + "at the end")
      }
      if unmatchedCount > unmatched.count {
        list.append(
          Diagnostic(at: nil, "\(unmatchedCount - unmatched.count) more lines match no rule"))
      }
      throw DiagnosticList(list)
    }
    var result = summary
    result.warnings = warnings
    result.schedule = try schedule()
    for (index, rule) in ruleSet.rules.enumerated() where summary.ruleLineCounts[index] == 0 {
      result.warnings.append(
        Diagnostic(.warning, at: rule.location, "rule '\(rule.name)' takes no line of the budget"))
    }
    return result
  }
}

extension Apportioner {
  /// The monthly recharge schedule of the lines so far: each rule's exact month shares
  /// rounded by ``ScheduleRounding`` to the rule's rounded totals, added up.
  func schedule() throws(DiagnosticList) -> Schedule {
    var byRule: [[[Money]]] = []
    for (r, rule) in rules.enumerated() {
      let (exact, denominator) = states[r].wideShares
      let months = monthly[r].exactMonths(
        exact: exact, denominator: denominator, plan: plan, phased: rule.phased != nil)
      guard
        let cells = ScheduleRounding.round(
          months.values, denominator: months.denominator, totals: states[r].rounded)
      else {
        throw DiagnosticList([
          Diagnostic(
            at: rule.rule.location,
            "rule '\(rule.rule.name)': its monthly schedule could not be computed exactly",
            hint: "this is a fault in apportion; please report it with the rule file")
        ])
      }
      byRule.append(cells.map { $0.map { Money(pence: $0) } })
    }
    do {
      return try Schedule(
        months: Schedule.labels(year: ruleSet.year), byRule: byRule,
        partners: ruleSet.partners.count)
    } catch {
      throw DiagnosticList([Diagnostic(at: nil, "the monthly schedule's totals overflow: \(error)")]
      )
    }
  }

  /// How many lines a rule has taken so far.
  public func linesTaken(byRule rule: Int) -> Int { states[rule].count }
}
