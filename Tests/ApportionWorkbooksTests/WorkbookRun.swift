import ApportionCore
import ApportionIO
import ApportionWorkbooks
import Foundation
import TestSupport

/// The engine's results for one budget and the workbooks written from them.
struct WorkbookRun {
  let ruleSet: RuleSet
  /// The budget's header.
  let columns: [String]
  let results: [LineResult]
  let summary: Summary
  /// The folder the workbooks were written into.
  let directory: URL
  /// What `WorkbookSet.finish` returned: partnership first, then one per partner.
  let paths: [String]
  var partnershipPath: String { directory.appendingPathComponent("partnership.xlsx").path }
}

/// Fixed sources, so that the tests do not depend on file hashes.
func testSources(year: String, epoch: String? = nil) -> RunSources {
  let creation = RunSources.creation(year: year, sourceDateEpoch: epoch)
  return RunSources(
    rulesPath: "rules.yaml", rulesSHA256: String(repeating: "a", count: 64),
    budgetPath: "budget.csv", budgetSHA256: String(repeating: "b", count: 64),
    toolVersion: "test", created: creation.date, createdBecause: creation.because)
}

/// Runs files through ``Job`` and ``WorkbookSet`` as `apportion run --out` does: a first
/// pass profiles the lines, the second streams them into the workbooks.
func runJob(
  rules: String, budget: String, out: URL,
  maxLinesPerSheet: Int = WorkbookSet.defaultLinesPerSheet, epoch: String? = nil,
  baseline: Baseline? = nil
) throws -> WorkbookRun {
  let job = try Job(rules: rules, budget: budget)
  var results: [LineResult] = []
  var profile = BudgetProfile(
    partnerCount: job.ruleSet.partners.count, linesPerSheet: maxLinesPerSheet)
  _ = try job.run {
    results.append($0)
    try profile.add($0)
  }
  var books: WorkbookSet?
  var columns: [String] = []
  let summary = try job.run(
    begin: { schema in
      columns = schema.columns
      books = try WorkbookSet(
        directory: out.path, ruleSet: job.ruleSet, schema: schema,
        sources: testSources(year: job.ruleSet.year, epoch: epoch), profile: profile,
        baseline: baseline)
    },
    each: { try books?.add($0) })
  guard let books else { throw TestFailure("no workbooks were started") }
  let paths = try books.finish(summary)
  return WorkbookRun(
    ruleSet: job.ruleSet, columns: columns, results: results, summary: summary, directory: out,
    paths: paths)
}

/// Writes a rule file and a budget into `folder` and runs them.
func runTexts(
  rules: String, budget: String, in folder: URL,
  maxLinesPerSheet: Int = WorkbookSet.defaultLinesPerSheet, baseline: Baseline? = nil
) throws -> WorkbookRun {
  let rulesPath = folder.appendingPathComponent("rules.yaml")
  let budgetPath = folder.appendingPathComponent("budget.csv")
  try Data(rules.utf8).write(to: rulesPath)
  try Data(budget.utf8).write(to: budgetPath)
  return try runJob(
    rules: rulesPath.path, budget: budgetPath.path, out: folder.appendingPathComponent("out"),
    maxLinesPerSheet: maxLinesPerSheet, baseline: baseline)
}

/// The sample budget (Samples/2016-17) through the workbooks.
func runSample(in folder: URL, baseline: Baseline? = nil) throws -> WorkbookRun {
  try runJob(
    rules: packageRoot.appendingPathComponent("Rules/brent-lewisham.yaml").path,
    budget: packageRoot.appendingPathComponent("Samples/2016-17/budget.csv").path,
    out: folder.appendingPathComponent("out"), baseline: baseline)
}

/// Runs a rule set built in code over lines built in code, straight through the engine.
func runInCode(
  ruleSet: RuleSet, columns: [String], rows: [[String]], out: URL,
  maxLinesPerSheet: Int = WorkbookSet.defaultLinesPerSheet
) throws -> WorkbookRun {
  let schema = try BudgetSchema(
    columns: columns, locations: columns.map { _ in SourceLocation(file: "budget.csv") })
  var engine = try Apportioner(ruleSet: ruleSet, schema: schema)
  var results: [LineResult] = []
  for (index, row) in rows.enumerated() {
    let line = BudgetLine(
      id: row[0], description: row[1], amount: try Money(parsing: row[2]), values: row,
      location: SourceLocation(file: "budget.csv", line: index + 2))
    if let result = try engine.apportion(line) { results.append(result) }
  }
  let summary = try engine.finish()
  var profile = BudgetProfile(partnerCount: ruleSet.partners.count, linesPerSheet: maxLinesPerSheet)
  for result in results { try profile.add(result) }
  let books = try WorkbookSet(
    directory: out.path, ruleSet: ruleSet, schema: schema,
    sources: testSources(year: ruleSet.year), profile: profile)
  for result in results { try books.add(result) }
  let paths = try books.finish(summary)
  return WorkbookRun(
    ruleSet: ruleSet, columns: columns, results: results, summary: summary, directory: out,
    paths: paths)
}
