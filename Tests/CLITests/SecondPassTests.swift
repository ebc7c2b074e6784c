import Foundation
import TestSupport
import Testing

/// `run --json` (and `--out`) read the budget twice; an error that only the second pass meets
/// still leaves standard output empty and the output folder as it was.
@Suite struct SecondPassTests {
  /// A budget whose second reading differs from its first: a named pipe fed by one writer
  /// after another, each with its own budget.
  @Test(arguments: ["--json", "--json --out out", "--out out"])
  func aBudgetThatChangesWhileBeingRead(arguments: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("rules.yaml", LargeInputs.rules)
    try folder.write("a.csv", LargeInputs.budget(lines: 50, variant: 0))
    try folder.write("b.csv", LargeInputs.budget(lines: 50, variant: 1))
    guard mkfifo(folder.appending("budget.csv").path, 0o600) == 0 else {
      throw CLITestError.notFound("mkfifo")
    }
    // Each writer gives up after a while if the run does not open the pipe again, and the
    // next waits a moment, so that the reader sees the end of each budget.
    let feed = (["a.csv"] + Array(repeating: "b.csv", count: 4)).map {
      "timeout 20 sh -c 'cat \($0) > budget.csv'; sleep 0.5"
    }.joined(separator: "; ")
    // Afterwards, whatever writers are left are drained, so that none lingers.
    let result = try HostileRun.run(
      "(\(feed)) & \"$APPORTION\" run \(arguments) --rules rules.yaml --budget budget.csv; "
        + "status=$?; for n in 1 2 3 4 5; do timeout 1 cat budget.csv > /dev/null; done; "
        + "exit $status", in: folder.url)
    #expect(result.status == 1, "\(result)")
    #expect(result.stdout.isEmpty, "\(result)")
    #expect(
      result.stderr.contains("budget.csv: error: the budget changed while it was being read"),
      "\(result)")
    #expect(!FileManager.default.fileExists(atPath: folder.appending("out").path))
  }

  /// A description too long for a cell is found only while the workbooks are written.
  @Test func aTenMegabyteDescription() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("rules.yaml", LargeInputs.rules)
    let long = String(repeating: "x", count: 10_000_000)
    try folder.write(
      "budget.csv",
      "id,description,amount,category,council\nL1,Rent,10.00,shared,\nL2,\(long),1.00,shared,\n")
    let first = try HostileRun.run(
      "\"$APPORTION\" run --rules rules.yaml --budget budget.csv --json > /dev/null",
      in: folder.url)
    #expect(first.status == 0, "JSON alone holds any length: \(first)")
    try FileManager.default.createDirectory(
      at: folder.appending("out"), withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: folder.appending("out/notes.txt"))
    let before = try HostileRun.snapshot(folder.appending("out"))
    let result = try HostileRun.run(
      "\"$APPORTION\" run --rules rules.yaml --budget budget.csv --json --out out",
      in: folder.url)
    #expect(result.status == 2, "\(result)")
    #expect(result.stdout.isEmpty, "\(result.stdout.count) bytes on standard output")
    #expect(result.stderr.contains("Lines!B3"), "\(result)")
    #expect(try HostileRun.snapshot(folder.appending("out")) == before)
    #expect(HostileRun.stagingFolders(in: folder.url).isEmpty)
  }
}
