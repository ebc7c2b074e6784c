import ApportionCore

/// One apportionment run over files: a rule file and a budget, streamed through the engine.
///
/// Every command (check, run, explain) and every output (terminal, JSON, workbooks) goes
/// through ``stream(begin:_:)`` (``run(begin:each:)`` for the usual case of apportioning
/// every line), so what each shows comes from one calculation.
///
/// ```swift
/// let job = try Job(rules: "Rules/brent-lewisham.yaml", budget: "Samples/2016-17/budget.csv")
/// let summary = try job.run { result in print(result.line.id, result.parts) }
/// print(summary.partnerTotals)
/// ```
public struct Job: Sendable {
  /// What the job reads: rules, budget, scenarios.
  public let inputs: RunInputs
  public var rulesPath: String { inputs.rulesPath }
  public let budgetPath: String
  public var ruleSet: RuleSet { inputs.ruleSet }
  /// Warnings from reading the rule file and scenarios.
  public var warnings: [Diagnostic] { inputs.warnings }

  /// Reads and checks the rule file.
  public init(rules rulesPath: String, budget budgetPath: String) throws(DiagnosticList) {
    self.init(try RunInputs(rules: rulesPath, budget: budgetPath), budget: budgetPath)
  }

  /// A job over resolved inputs, which must name a budget.
  ///
  /// - Throws: ``DiagnosticList`` when they name none.
  public init(_ inputs: RunInputs) throws(DiagnosticList) {
    guard let budgetPath = inputs.budgetPath else {
      throw DiagnosticList([
        Diagnostic(
          at: SourceLocation(file: inputs.source), "no budget is named",
          hint: "name one with --budget, or in the manifest ('budget: budget.csv')")
      ])
    }
    self.init(inputs, budget: budgetPath)
  }

  private init(_ inputs: RunInputs, budget budgetPath: String) {
    self.inputs = inputs
    self.budgetPath = budgetPath
  }

  /// Streams the budget through the engine, handing each line and the engine to `body`,
  /// which normally calls `engine.apportion(line)`; `begin` first sees the budget's columns.
  ///
  /// - Returns: the totals and every warning (rule file's and the run's).
  public func stream(
    begin: (BudgetSchema) throws -> Void = { _ in },
    _ body: (BudgetLine, inout Apportioner) throws -> Void
  ) throws -> Summary {
    let budget: BudgetReader
    do { budget = try BudgetReader(path: budgetPath) } catch { throw DiagnosticList([error]) }
    var engine = try Apportioner(ruleSet: ruleSet, schema: budget.schema)
    let adjuster = try LineAdjuster(changes: inputs.lineChanges, schema: budget.schema)
    try begin(budget.schema)
    while let line = try budget.next() {
      guard let adjusted = try adjuster.adjust(line, addedBy: nil) else { continue }
      try body(adjusted, &engine)
    }
    // Lines added by scenarios, after the budget's own, each through the changes after it.
    for (index, located) in inputs.lineChanges.enumerated() {
      guard case .addLines(let added) = located.change else { continue }
      for written in added {
        let line = try budget.line(from: written)
        guard let adjusted = try adjuster.adjust(line, addedBy: index) else { continue }
        try body(adjusted, &engine)
      }
    }
    var summary = try engine.finish()
    var seen: Set<Diagnostic> = []
    summary.warnings = (warnings + summary.warnings).filter { seen.insert($0).inserted }
    return summary
  }

  /// Apportions every line, handing each result to `each` in budget order (after `begin`
  /// has seen the budget's columns, once the rules are known to fit them).
  public func run(
    begin: (BudgetSchema) throws -> Void = { _ in }, each: (LineResult) throws -> Void
  ) throws -> Summary {
    try stream(begin: begin) { line, engine in
      if let result = try engine.apportion(line) { try each(result) }
    }
  }
}
