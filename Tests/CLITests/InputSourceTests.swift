import ApportionIO
import Foundation
import TestSupport
import Testing

/// Where the inputs come from: a budget on a pipe runs like the same budget in a file, the
/// private copy made for the second pass leaves nothing behind, and the workbooks record
/// the SHA-256 of the bytes that were read.
@Suite("budgets on pipes, temporary copies and fingerprints")
struct InputSourceTests {
  static func sha256(_ data: Data) -> String { FileDigest.sha256([UInt8](data)) }

  /// The sample's files, read once.
  static func sample() throws -> (rules: Data, budget: Data) {
    (
      try Data(contentsOf: packageRoot.appendingPathComponent("Rules/brent-lewisham.yaml")),
      try Data(contentsOf: packageRoot.appendingPathComponent("Samples/2016-17/budget.csv"))
    )
  }

  /// Every file of a workbook, unzipped and joined (for looking for a text in it).
  static func contents(_ path: String) throws -> String {
    guard let unzip = WorkbookCLITests.tool("unzip") else {
      throw CLITestError.notFound("unzip is not installed")
    }
    return try WorkbookCLITests.output(unzip, ["-p", path]).1
  }

  @Test("a budget on a pipe: --json and --out as from the file, and the bytes' SHA-256")
  func budgetOnAPipe() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let (rules, budget) = try Self.sample()
    try rules.write(to: folder.appending("rules.yaml"))
    try budget.write(to: folder.appending("budget.csv"))
    let spool = folder.appending("tmp")
    try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
    let fromFile = try CLI.run(
      ["run", "--rules", "rules.yaml", "--budget", "budget.csv", "--json"], in: folder.url)
    #expect(fromFile.status == 0, "\(fromFile)")
    let piped = try CLI.run(
      ["run", "--rules", "rules.yaml", "--budget", "/dev/stdin", "--json", "--out", "out"],
      in: folder.url, stdin: budget, environment: ["TMPDIR": spool.path])
    #expect(piped.status == 0, "\(piped)")
    #expect(piped.stdoutData == fromFile.stdoutData)
    #expect(try FileManager.default.contentsOfDirectory(atPath: spool.path).isEmpty)
    let workbook = try Self.contents(folder.appending("out/partnership.xlsx").path)
    #expect(workbook.contains(Self.sha256(budget)), "the budget's SHA-256 is not recorded")
    #expect(workbook.contains(Self.sha256(rules)), "the rule file's SHA-256 is not recorded")
  }

  @Test("a bad budget on a pipe: the error names /dev/stdin and no temporary file is left")
  func badBudgetOnAPipe() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(
      "rules.yaml",
      "year: 2016-17\npartners: [{ id: brent }, { id: lewisham }]\nrules:\n"
        + "  - { name: All, basis: equal }\n")
    let spool = folder.appending("tmp")
    try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
    let budget = "id,description,amount\nA,One,1.00\nB,Two,2.005\n"
    let result = try CLI.run(
      ["run", "--rules", "rules.yaml", "--budget", "/dev/stdin", "--json", "--out", "out"],
      in: folder.url, stdin: Data(budget.utf8), environment: ["TMPDIR": spool.path])
    #expect(result.status == 1, "\(result)")
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("/dev/stdin:3:7: error: line B: '2.005' has 3 decimal"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: spool.path).isEmpty)
    #expect(!FileManager.default.fileExists(atPath: folder.appending("out").path))
  }

  @Test("a rule file on a pipe is read once, by check and run alike")
  func rulesOnAPipe() throws {
    let (rules, _) = try Self.sample()
    for command in ["check", "run"] {
      let result = try CLI.run(
        [command, "--rules", "/dev/stdin", "--budget", "Samples/2016-17/budget.csv"],
        stdin: rules)
      #expect(result.status == 0, "\(command): \(result)")
    }
  }

  @Test("a manifest named without a folder finds the files beside it")
  func manifestInTheCurrentFolder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let (rules, budget) = try Self.sample()
    try rules.write(to: folder.appending("rules.yaml"))
    try budget.write(to: folder.appending("budget.csv"))
    try folder.write("manifest.yaml", "rules: rules.yaml\nbudget: budget.csv\n")
    let result = try CLI.run(["run", "manifest.yaml", "--json"], in: folder.url)
    #expect(result.status == 0, "\(result)")
  }

  @Test("a folder it cannot write temporary copies in is an output error (exit 2)")
  func unwritableTemporaryFolder() throws {
    // run --json reads the budget once, holding the document back in a temporary file.
    let result = try CLI.run(
      ["run", "Samples/2016-17", "--json"], environment: ["TMPDIR": "/nonexistent/tmp"])
    #expect(result.status == 2, "\(result)")
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.hasPrefix(
        "error: cannot make a temporary file in /nonexistent/tmp to hold the output:"),
      "\(result)")
    // run --out reads it twice, the second time from a temporary copy.
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let (rules, budget) = try Self.sample()
    try rules.write(to: folder.appending("rules.yaml"))
    try budget.write(to: folder.appending("budget.csv"))
    let twice = try CLI.run(
      ["run", "--rules", "rules.yaml", "--budget", "budget.csv", "--out", "out"],
      in: folder.url, environment: ["TMPDIR": "/nonexistent/tmp"])
    #expect(twice.status == 2, "\(twice)")
    #expect(twice.stdout.isEmpty)
    #expect(
      twice.stderr.hasPrefix(
        "error: cannot make a temporary copy of budget.csv in /nonexistent/tmp: no such file"),
      "\(twice)")
    #expect(!FileManager.default.fileExists(atPath: folder.appending("out").path))
  }

  @Test("a repeated id in a budget on a pipe names its first line, or says it cannot")
  func repeatedIDOnAPipe() throws {
    let (rules, _) = try Self.sample()
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try rules.write(to: folder.appending("rules.yaml"))
    let budget = Data(
      ("id,description,amount,category,council,lga_share\n"
        + (1...5000).map { "L\($0),Line,1.00,shared,,\n" }.joined() + "l7,Again,1.00,shared,,\n")
        .utf8)
    let arguments = ["check", "--rules", "rules.yaml", "--budget", "/dev/stdin"]
    // The pipe is copied as it is read, and the copy read again to find the first use.
    let copied = try CLI.run(arguments, in: folder.url, stdin: budget)
    #expect(copied.status == 1, "\(copied)")
    #expect(
      copied.stderr.hasPrefix(
        "/dev/stdin:5002:1: error: id 'l7' is used twice (first on line 8 as 'L7')"),
      "\(copied)")
    // With no room for a copy, the pipe is still read, and the message says what it can.
    let uncopied = try CLI.run(
      arguments, in: folder.url, stdin: budget, environment: ["TMPDIR": "/nonexistent/tmp"])
    #expect(uncopied.status == 1, "\(uncopied)")
    #expect(
      uncopied.stderr.hasPrefix(
        "/dev/stdin:5002:1: error: id 'l7' is used twice (first on an earlier line)"),
      "\(uncopied)")
  }
}
