import Foundation
import TestSupport
import Testing

/// Progress on standard error: only on a terminal (or when forced), never on standard output,
/// erased before the results are printed.
@Suite struct ProgressTests {
  /// Progress from the first line (no silent first second), as tests need it.
  static let now = ["APPORTION_PROGRESS_DELAY": "0"]
  static let forced = now.merging(["APPORTION_PROGRESS": "1"]) { $1 }
  /// The erasing of the progress line.
  static let erase = "\r\u{1B}[K"

  static func files(lines: Int) throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    _ = try LargeInputs.write(in: folder, lines: lines)
    return folder
  }

  static let run = ["run", "--rules", "rules.yaml", "--budget", "budget-0.csv"]

  /// Forced on (standard error is a file here): lines read, the rate, the share of the file
  /// read and the time left, every 4,096 lines; the line is erased at the end, and standard
  /// output is the same as without it.
  @Test(arguments: [[], ["--json"]])
  func forcedOn(extra: [String]) throws {
    let folder = try Self.files(lines: 9000)
    defer { folder.remove() }
    let plain = try CLI.run(Self.run + extra, in: folder.url)
    let shown = try CLI.run(Self.run + extra, in: folder.url, environment: Self.forced)
    #expect(shown.status == 0, "\(shown)")
    #expect(shown.stdoutData == plain.stdoutData)
    #expect(plain.stderr.isEmpty, "\(plain)")
    let updates = shown.stderr.components(separatedBy: Self.erase).filter { !$0.isEmpty }
    #expect(updates.count == 2, "\(shown.stderr.debugDescription)")
    #expect(updates.first?.hasPrefix("apportion: reading the budget: 4,096 lines (") == true)
    #expect(updates.last?.hasPrefix("apportion: reading the budget: 8,192 lines (") == true)
    #expect(updates.allSatisfy { $0.contains(" lines/s, about ") && $0.hasSuffix(" s left") })
    #expect(shown.stderr.hasSuffix(Self.erase), "erased before the results")
  }

  /// With workbooks: the checking pass, the writing pass (its share from the checked line
  /// count), then each workbook as it starts to be finished.
  @Test func forcedOnWithWorkbooks() throws {
    let folder = try Self.files(lines: 5000)
    defer { folder.remove() }
    let shown = try CLI.run(Self.run + ["--out", "out"], in: folder.url, environment: Self.forced)
    #expect(shown.status == 0, "\(shown)")
    let updates = shown.stderr.components(separatedBy: Self.erase).filter { !$0.isEmpty }
    #expect(updates.count >= 5, "\(shown.stderr.debugDescription)")
    #expect(updates.first?.hasPrefix("apportion: checking the budget: 4,096 lines (") == true)
    #expect(
      updates.contains { $0.hasPrefix("apportion: writing the workbooks: 4,096 lines (81%)") })
    // The workbooks are finished at once, each on its own thread: each is named once, in
    // whatever order they start, numbered in that order.
    let writing = updates.filter {
      $0.hasPrefix("apportion: writing the workbooks: ") && $0.hasSuffix(" of 3)")
    }
    #expect(writing.count == 3, "\(updates)")
    #expect(
      Set(writing.map { $0.dropFirst(34).prefix { $0 != " " } })
        == ["partnership.xlsx", "brent.xlsx", "lewisham.xlsx"], "\(writing)")
    #expect(
      writing.map { String($0.suffix(8)) } == ["(1 of 3)", "(2 of 3)", "(3 of 3)"], "\(writing)")
    // Erased before the results and the list of files written are printed.
    #expect(shown.stderr.hasSuffix(Self.erase), "\(shown.stderr.debugDescription)")
    #expect(shown.stdout.contains("Wrote:\n"), "\(shown)")
  }

  /// `check` and `explain` read the whole budget too, and show it the same way.
  @Test func checkAndExplain() throws {
    let folder = try Self.files(lines: 5000)
    defer { folder.remove() }
    for (arguments, activity) in [
      (["check"], "checking the budget"), (["explain", "L4999"], "reading the budget"),
    ] {
      let command =
        [arguments[0], "--rules", "rules.yaml", "--budget", "budget-0.csv"]
        + arguments.dropFirst()
      let plain = try CLI.run(command, in: folder.url)
      let shown = try CLI.run(command, in: folder.url, environment: Self.forced)
      #expect(shown.status == 0, "\(shown)")
      #expect(shown.stdoutData == plain.stdoutData)
      #expect(
        shown.stderr.hasPrefix("\r\u{1B}[Kapportion: \(activity): 4,096 lines ("),
        "\(shown.stderr.debugDescription)")
      #expect(shown.stderr.hasSuffix(Self.erase))
    }
  }

  /// Not a terminal, not forced: nothing but the usual, however long the run.
  @Test func notATerminal() throws {
    let folder = try Self.files(lines: 9000)
    defer { folder.remove() }
    let result = try CLI.run(Self.run + ["--json"], in: folder.url, environment: Self.now)
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty, "\(result)")
    let hidden = try CLI.run(
      Self.run, in: folder.url, environment: Self.now.merging(["APPORTION_PROGRESS": "0"]) { $1 })
    #expect(hidden.stderr.isEmpty, "\(hidden)")
  }

  /// On a pseudo-terminal (`script`): progress when standard error is the terminal, and the
  /// JSON on standard output (a file) untouched; a run shorter than the silent first seconds
  /// (here a minute) shows nothing.
  @Test func pseudoTerminal() throws {
    guard let script = HostileRun.tool("script") else {
      throw CLITestError.notFound("script (util-linux) is needed to test a terminal")
    }
    let folder = try Self.files(lines: 9000)
    defer { folder.remove() }
    let direct = try CLI.run(Self.run + ["--json"], in: folder.url)
    let command =
      "\"$APPORTION\" run --json --rules rules.yaml --budget budget-0.csv > out.json"
    let shown = try HostileRun.run(
      "\(script) -qec \(HostileRun.quoted(command)) /dev/null", in: folder.url,
      environment: Self.now)
    #expect(shown.status == 0, "\(shown)")
    let terminal = String(decoding: shown.stdout, as: UTF8.self)
    #expect(terminal.contains("apportion: reading the budget: 8,192 lines ("), "\(terminal)")
    #expect(try Data(contentsOf: folder.appending("out.json")) == direct.stdoutData)
    let quiet = try HostileRun.run(
      "\(script) -qec \(HostileRun.quoted(command)) /dev/null", in: folder.url,
      environment: ["APPORTION_PROGRESS_DELAY": "60"])
    #expect(quiet.status == 0, "\(quiet)")
    #expect(!String(decoding: quiet.stdout, as: UTF8.self).contains("apportion:"))
  }
}
