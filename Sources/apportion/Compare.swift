import ApportionCore
import ApportionIO
import ApportionWorkbooks
import ArgumentParser
import Foundation

struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare scenarios side by side with a base: each partner's and rule's totals.",
    discussion: """
      Each argument is a sample folder, manifest or scenario file; the first is the base. \
      Each is run exactly as 'apportion run' runs it. With --out DIR it also writes \
      DIR/comparison.xlsx (partners and rules down, runs across, each scenario's difference \
      from the base) and each run's own workbooks in DIR/<run>/, named after the sample \
      folder or scenario file (DIR/2016-17/, DIR/southwark-joins/), with the base's totals \
      on each scenario's statements. Every folder's set is written and checked before any \
      is put in place; after an error or an interruption every folder holds its previous \
      set.
      """)

  @Argument(help: "The base, then one or more scenarios.")
  var runs: [String]

  @Flag(help: "Print one JSON document on standard output and nothing else.")
  var json = false

  @Option(
    name: .long,
    help: "Write comparison.xlsx and each run's workbooks into this folder (created if missing)."
  )
  var out: String?

  func validate() throws {
    guard runs.count >= 2 else {
      throw ValidationError("name a base and at least one scenario to compare with it")
    }
  }

  func run() throws {
    try Console.run {
      // Every run's rules are read (and checked) before any budget is.
      let inputs = try runs.map { try RunInputs.load($0) }
      if let out {
        try OutputPath.check(out)
        WorkbookSet.hideLibraryMessages()
        var writer = ComparisonWriter(command: self, inputs: inputs, out: out)
        try writer.write(from: 0)
        return
      }
      var columns: [Comparison.Column] = []
      var warnings: [Diagnostic] = []
      for (path, input) in zip(runs, inputs) {
        let job = try Job(input)
        let summary = try job.run { _ in }
        warnings += summary.warnings
        columns.append(Comparison.Column(name: job.inputs.name, source: path, summary: summary))
      }
      let comparison = try Self.comparison(columns)
      try report(comparison, wrote: [])
      Console.report(Self.unique(warnings))
    }
  }

  static func comparison(_ columns: [Comparison.Column]) throws -> Comparison {
    do { return try Comparison(columns) } catch {
      throw Diagnostic(at: nil, "the differences are too large to compute: \(error)")
    }
  }

  static func unique(_ warnings: [Diagnostic]) -> [Diagnostic] {
    var seen: Set<Diagnostic> = []
    return warnings.filter { seen.insert($0).inserted }
  }

  /// The comparison on standard output (JSON, or the tables), and the files written: on
  /// standard error with JSON, after the tables otherwise.
  func report(_ comparison: Comparison, wrote paths: [String]) throws {
    let list = paths.isEmpty ? "" : "Wrote:\n" + paths.map { "  \($0.displayEscaped)\n" }.joined()
    if json {
      Console.write(ComparisonJSON.document(comparison))
      if !list.isEmpty { Console.printError(list) }
    } else {
      Console.write(Reports.comparison(comparison) + (list.isEmpty ? "" : "\n" + list))
    }
    try Console.output.flush()
  }
}

/// `compare --out DIR`: each run's workbooks in `DIR/<run>/`, then `DIR/comparison.xlsx`.
///
/// The runs are written one after another, each as `run --out` writes its workbooks (a
/// checking pass, then the lines streamed into the workbooks). Each folder's set is put in
/// place while the sets before it are still kept (their `confirming` step runs the next run),
/// so that an error anywhere, or a failure to print the report, puts every folder back as it
/// was; only when the report has been printed are the previous sets removed.
struct ComparisonWriter {
  let command: Compare
  let inputs: [RunInputs]
  let out: String
  let folders: [String]
  var columns: [Comparison.Column] = []
  var paths: [String] = []
  var warnings: [Diagnostic] = []
  /// The base's totals, shown on each scenario's Summary and statements.
  var baseline: Baseline?

  init(command: Compare, inputs: [RunInputs], out: String) {
    self.command = command
    self.inputs = inputs
    self.out = out
    folders = ComparisonWorkbook.folderNames(for: command.runs)
  }

  /// Writes run `index`'s workbooks and, in its confirming step, every later run's and the
  /// comparison.
  mutating func write(from index: Int) throws {
    guard index < inputs.count else { return try finish() }
    let job = try Job(inputs[index], readTwice: true)
    var profile = BudgetProfile(partnerCount: job.ruleSet.partners.count)
    _ = try job.run { try profile.add($0) }
    var books: WorkbookSet?
    defer { books?.abandon() }
    let directory = (out as NSString).appendingPathComponent(folders[index])
    let baseline = self.baseline
    let summary = try job.run(
      begin: { schema in
        books = try WorkbookSet(
          directory: directory, ruleSet: job.ruleSet, schema: schema, sources: try job.sources(),
          profile: profile, baseline: baseline)
      },
      each: { try books?.add($0) })
    guard let set = books else { throw OutputError("no workbooks were started for \(directory)") }
    columns.append(
      Comparison.Column(name: job.inputs.name, source: command.runs[index], summary: summary))
    warnings += summary.warnings
    if index == 0 {
      var totals: [PartnerID: Money] = [:]
      for (partner, total) in zip(summary.partners, summary.partnerTotals) {
        totals[partner.id] = total
      }
      self.baseline = Baseline(label: "Base: \(job.inputs.name)", totals: totals)
    }
    var next = self
    _ = try set.finish(summary) { written in
      next.paths += written
      try next.write(from: index + 1)
    }
    books = nil
    self = next
    warnings += set.warnings
    if index == 0 { Console.report(Compare.unique(warnings)) }
  }

  /// The comparison workbook, then the report: the last step, while every run's new set is
  /// in place and every previous one kept.
  private mutating func finish() throws {
    let comparison = try Compare.comparison(columns)
    let base = inputs[0].ruleSet.year
    let created = RunSources.creationTime(
      year: base, sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"])
    let written = paths
    _ = try ComparisonWorkbook.write(
      comparison, into: out, folders: folders.map { (out as NSString).appendingPathComponent($0) },
      created: created, toolVersion: Apportion.configuration.version
    ) { path in
      try command.report(comparison, wrote: [path] + written)
    }
  }
}
