import ApportionCore

/// One apportionment run over files: a rule file and a budget, streamed through the engine.
///
/// Every command (check, run, explain) and every output (terminal, JSON, workbooks) goes
/// through ``stream(begin:_:)`` (``run(begin:each:)`` for the usual case of apportioning
/// every line), so what each shows comes from one calculation.
///
/// A job may stream the budget more than once (a checking pass before the outputs are
/// written): with `readTwice` the first pass keeps a private copy of the bytes it reads and
/// later passes read that, so a budget on a pipe works and every pass sees the same bytes
/// (see ``BudgetSource``). A budget that changes while it is read is an error.
///
/// ```swift
/// let job = try Job(rules: "Rules/brent-lewisham.yaml", budget: "Samples/2016-17/budget.csv")
/// let summary = try job.run { result in print(result.line.id, result.parts) }
/// print(summary.partnerTotals)
/// ```
public struct Job {
  /// What the job reads: rules, budget, scenarios.
  public let inputs: RunInputs
  public var rulesPath: String { inputs.rulesPath }
  public let budgetPath: String
  public var ruleSet: RuleSet { inputs.ruleSet }
  /// Warnings from reading the rule file and scenarios.
  public var warnings: [Diagnostic] { inputs.warnings }
  /// The SHA-256 of the rule file's bytes, as read.
  public var rulesSHA256: String { inputs.rulesSHA256 }
  private let budget: BudgetSource

  /// Reads and checks the rule file.
  ///
  /// - Parameter readTwice: whether the budget will be streamed more than once: then the
  ///   first pass keeps a private copy for the later ones.
  public init(rules rulesPath: String, budget budgetPath: String, readTwice: Bool = false)
    throws(DiagnosticList)
  {
    self.init(
      try RunInputs(rules: rulesPath, budget: budgetPath), budget: budgetPath,
      readTwice: readTwice)
  }

  /// A job over resolved inputs, which must name a budget.
  ///
  /// - Throws: ``DiagnosticList`` when they name none.
  public init(_ inputs: RunInputs, readTwice: Bool = false) throws(DiagnosticList) {
    guard let budgetPath = inputs.budgetPath else {
      throw DiagnosticList([
        Diagnostic(
          at: SourceLocation(file: inputs.source), "no budget is named",
          hint: "name one with --budget, or in the manifest ('budget: budget.csv')")
      ])
    }
    self.init(inputs, budget: budgetPath, readTwice: readTwice)
  }

  private init(_ inputs: RunInputs, budget budgetPath: String, readTwice: Bool) {
    self.inputs = inputs
    self.budgetPath = budgetPath
    budget = BudgetSource(path: budgetPath, keepCopy: readTwice)
  }

  /// The SHA-256 of the budget's bytes as the first pass read them (every later pass reads
  /// the same bytes); nil until a pass has read the whole budget.
  public var budgetSHA256: String? { budget.sha256 }

  /// How far a pass over the budget has got, for a progress display.
  public struct Progress: Sendable {
    /// Budget lines read so far.
    public let lines: Int
    /// Bytes read so far, and the budget's size (nil for a pipe).
    public let bytes: Int
    public let totalBytes: Int?
  }

  /// How many lines are read between calls to a `progress` observer.
  public static let progressInterval = 4096

  /// Streams the budget through the engine, handing each line and the engine to `body`,
  /// which normally calls `engine.apportion(line)`; `begin` first sees the budget's columns,
  /// and `progress` (if any) sees how far the pass has got every ``progressInterval`` lines.
  ///
  /// - Returns: the totals and every warning (rule file's and the run's).
  /// - Throws: ``DiagnosticList`` for a problem in the budget or a budget that changed while
  ///   it was read; ``OutputError`` when the copy for a later pass cannot be kept; whatever
  ///   `begin` and `body` throw.
  public func stream(
    begin: (BudgetSchema) throws -> Void = { _ in },
    progress: ((Progress) -> Void)? = nil,
    _ body: (BudgetLine, inout Apportioner) throws -> Void
  ) throws -> Summary {
    let pass = try Self.listing { try budget.open() }
    let repeated = !pass.first
    do {
      let size = budget.size
      return try Self.pass(
        reader: try BudgetReader(pass: pass), inputs: inputs, begin: begin,
        progress: progress.map { observer in
          { lines, bytes in observer(Progress(lines: lines, bytes: bytes, totalBytes: size)) }
        }, body)
    } catch let error as Diagnostic {
      // The first pass read these bytes without this problem: they have changed since.
      throw DiagnosticList([repeated ? budget.changed : error])
    } catch let error as DiagnosticList {
      guard repeated else { throw error.located(in: SourceLocation(file: budgetPath)) }
      throw DiagnosticList([budget.changed])
    }
  }

  /// One pass of the budget `reader` reads through the engine, with the inputs' changes to
  /// its lines: the calculation every command shares (``stream(begin:_:)`` over a file, a
  /// plan's years over the bytes it read once).
  ///
  /// `progress`, if any, sees the lines and bytes read so far every ``progressInterval``
  /// lines.
  static func pass(
    reader: BudgetReader, inputs: RunInputs, begin: (BudgetSchema) throws -> Void,
    progress: ((_ lines: Int, _ bytes: Int) -> Void)? = nil,
    _ body: (BudgetLine, inout Apportioner) throws -> Void
  ) throws -> Summary {
    var engine = try Apportioner(ruleSet: inputs.ruleSet, schema: reader.schema)
    let adjuster = try LineAdjuster(changes: inputs.lineChanges, schema: reader.schema)
    try begin(reader.schema)
    var countdown = Self.progressInterval
    while let line = try reader.next() {
      if let progress {
        countdown -= 1
        if countdown == 0 {
          countdown = Self.progressInterval
          progress(reader.count, reader.bytesRead)
        }
      }
      guard let adjusted = try adjuster.adjust(line, addedBy: nil) else { continue }
      try body(adjusted, &engine)
    }
    try reader.finishPass()
    // Lines added by scenarios, after the budget's own, each through the changes after it.
    for (index, located) in inputs.lineChanges.enumerated() {
      guard case .addLines(let added) = located.change else { continue }
      for written in added {
        let line = try reader.line(from: written)
        guard let adjusted = try adjuster.adjust(line, addedBy: index) else { continue }
        try body(adjusted, &engine)
      }
    }
    guard reader.count > 0 else {
      throw Diagnostic(
        at: reader.headerLocation, "the budget has a header row but no lines",
        hint: "add the budget's lines under the header, one per row; with no lines there "
          + "is nothing to share")
    }
    var summary = try engine.finish().located(in: reader.headerLocation)
    var seen: Set<Diagnostic> = []
    summary.warnings = (inputs.warnings + summary.warnings).filter { seen.insert($0).inserted }
    return summary
  }

  /// Apportions every line, handing each result to `each` in budget order (after `begin`
  /// has seen the budget's columns, once the rules are known to fit them).
  public func run(
    begin: (BudgetSchema) throws -> Void = { _ in }, progress: ((Progress) -> Void)? = nil,
    each: (LineResult) throws -> Void
  ) throws -> Summary {
    try stream(begin: begin, progress: progress) { line, engine in
      if let result = try engine.apportion(line) { try each(result) }
    }
  }

  /// Runs `body`, turning a single ``Diagnostic`` into a ``DiagnosticList``.
  private static func listing<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as Diagnostic { throw DiagnosticList([error]) }
  }
}

extension Summary {
  /// The summary with warnings that have no place of their own placed at `location`.
  fileprivate func located(in location: SourceLocation) -> Summary {
    var copy = self
    copy.warnings = warnings.map { $0.location == nil ? $0.placed(at: location) : $0 }
    return copy
  }
}

extension DiagnosticList {
  /// The list with problems that have no place of their own placed at `location` (the
  /// budget: "2 more lines match no rule").
  fileprivate func located(in location: SourceLocation) -> DiagnosticList {
    DiagnosticList(diagnostics.map { $0.location == nil ? $0.placed(at: location) : $0 })
  }
}

extension Diagnostic {
  fileprivate func placed(at location: SourceLocation) -> Diagnostic {
    var copy = self
    copy.location = location
    return copy
  }
}
