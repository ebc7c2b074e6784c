import Foundation
import TestSupport
import Testing

/// `run --json` (and `--out`) read the budget twice; an error that only the second pass meets
/// still leaves standard output empty and the output folder as it was.
@Suite struct SecondPassTests {
  /// A budget on a named pipe fed by one writer after another, each with its own budget: the
  /// budget is read once (the second pass reads a private copy of the first's bytes), so the
  /// run succeeds with the first budget and does not wait for a second writer.
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
    #expect(result.status == 0, "\(result)")
    if arguments.contains("--json") {
      let direct = try CLI.run(
        ["run", "--json", "--rules", "rules.yaml", "--budget", "a.csv"], in: folder.url)
      #expect(result.stdout == direct.stdoutData, "the first budget's document")
    }
    if arguments.contains("--out") {
      #expect(FileManager.default.fileExists(atPath: folder.appending("out").path))
    }
  }

  /// A description too long for any output is found while the budget is read (a row over
  /// 1 MiB), before anything is written, whatever the outputs.
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
    #expect(first.status == 1, "\(first)")
    #expect(
      first.stderr.contains("longer than 1 MiB"), "\(first)")
    try FileManager.default.createDirectory(
      at: folder.appending("out"), withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: folder.appending("out/notes.txt"))
    let before = try HostileRun.snapshot(folder.appending("out"))
    let result = try HostileRun.run(
      "\"$APPORTION\" run --rules rules.yaml --budget budget.csv --json --out out",
      in: folder.url)
    #expect(result.status == 1, "\(result)")
    #expect(result.stdout.isEmpty, "\(result.stdout.count) bytes on standard output")
    #expect(try HostileRun.snapshot(folder.appending("out")) == before)
    #expect(HostileRun.stagingFolders(in: folder.url).isEmpty)
  }
}
