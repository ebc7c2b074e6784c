/// Applies a scenario's changes to budget lines as they stream: lines removed, amounts
/// scaled. Changes apply in the scenario's order, and each line meets only the changes after
/// the one that added it (a pay award listed after `add lines` scales the added lines too;
/// one listed before does not).
///
/// ```swift
/// let adjuster = try LineAdjuster(changes: scenario.changes, schema: budget.schema)
/// while let line = try budget.next() {
///   if let adjusted = try adjuster.adjust(line, addedBy: nil) { … }
/// }
/// ```
public struct LineAdjuster: Sendable {
  private struct Step: Sendable {
    let index: Int
    let condition: CompiledCondition
    /// What the step does to a matching line.
    let action: Action
    let location: SourceLocation
  }

  private enum Action: Sendable {
    case remove
    case scale(SignedPercentage)
    case prorate(months: Int)
  }

  private let steps: [Step]
  private let amountColumn: Int

  /// True when no change acts on existing lines.
  public var isEmpty: Bool { steps.isEmpty }

  /// Compiles the changes' conditions against the budget's columns.
  ///
  /// - Throws: ``DiagnosticList`` when a condition names a column the budget does not have.
  public init(changes: [LocatedChange], schema: BudgetSchema) throws(DiagnosticList) {
    var compiler = RuleCompiler(
      ruleSet: RuleSet(agreement: "", year: "", partners: [], rules: []), schema: schema)
    var steps: [Step] = []
    for (index, located) in changes.enumerated() {
      let condition: Condition
      let action: Action
      switch located.change {
      case .scaleLines(let when, let by):
        condition = when
        action = .scale(by)
      case .removeLines(let when):
        condition = when
        action = .remove
      case .prorateLines(let when, let months):
        condition = when
        action = .prorate(months: months)
      default: continue
      }
      if let compiled = compiler.compile(condition) {
        steps.append(
          Step(
            index: index, condition: compiled, action: action,
            location: located.location))
      }
    }
    let errors = compiler.diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty { throw DiagnosticList(errors) }
    self.steps = steps
    amountColumn = schema.amountColumn
  }

  /// The line after the changes that follow `origin` (the index of the change that added it;
  /// nil for a line of the base budget), or nil when one of them removes it.
  ///
  /// - Throws: ``Diagnostic`` at the line when a scaled amount overflows.
  public func adjust(_ line: BudgetLine, addedBy origin: Int?) throws(Diagnostic) -> BudgetLine? {
    var amount = line.amount
    for step in steps where step.index > (origin ?? -1) {
      guard step.condition.matches(line) else { continue }
      switch step.action {
      case .remove:
        return nil
      case .scale(let percentage):
        do { amount = try amount.scaled(by: percentage) } catch {
          throw Diagnostic(
            at: line.location, "line \(line.id): scaled by \(percentage), the amount is too large",
            hint: "see the change at \(step.location)")
        }
      case .prorate(let months):
        amount = amount.prorated(months: months)
      }
    }
    guard amount != line.amount else { return line }
    var values = line.values
    if amountColumn < values.count { values[amountColumn] = amount.plainText }
    return BudgetLine(
      id: line.id, description: line.description, amount: amount, values: values,
      location: line.location, columns: line.columns)
  }
}
