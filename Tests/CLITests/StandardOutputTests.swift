import Foundation
import TestSupport
import Testing

/// Standard output is an output like any other: a write that fails is an error (exit 2, one
/// line), a reader that went away ends the run quietly, and `--json` prints nothing at all
/// unless the whole run succeeded.
@Suite struct StandardOutputTests {
  struct Command: Sendable, CustomStringConvertible {
    var arguments: String
    var description: String { arguments }
  }

  /// Every command that prints, each as a user would type it.
  static let commands = [
    Command(arguments: "run Samples/2016-17"),
    Command(arguments: "run Samples/2016-17 --json"),
    Command(arguments: "check Samples/2016-17"),
    Command(arguments: "check --rules Rules/brent-lewisham.yaml"),
    Command(arguments: "explain Samples/2016-17 ST-009"),
    Command(arguments: "compare Samples/2016-17 Samples/2016-17"),
    Command(arguments: "compare --json Samples/2016-17 Samples/2016-17"),
  ]

  @Test("a full device is exit 2 with one line saying so", arguments: commands)
  func fullDevice(command: Command) throws {
    let result = try HostileRun.run(
      "\"$APPORTION\" \(command.arguments)", in: packageRoot, output: .full)
    #expect(result.status == 2, "\(result)")
    #expect(
      result.stderr.hasPrefix("error: cannot write to standard output: No space left on device"),
      "\(result)")
  }

  @Test("a closed pipe ends quietly with 141", arguments: commands)
  func closedPipe(command: Command) throws {
    let result = try HostileRun.run(
      "\"$APPORTION\" \(command.arguments)", in: packageRoot, output: .closedPipe)
    #expect(result.status == 141, "\(result)")
    #expect(result.stderr.isEmpty, "\(result)")
  }

  @Test func jsonToAFullDeviceLeavesTheWorkbooksAsTheyWere() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = folder.appending("out")
    let first = try HostileRun.run(
      "\"$APPORTION\" run Samples/2016-17 --out \(HostileRun.quoted(out.path))", in: packageRoot)
    #expect(first.status == 0, "\(first)")
    try Data("mine".utf8).write(to: out.appendingPathComponent("notes.txt"))
    let before = try HostileRun.snapshot(out)
    for arguments in ["--json", ""] {
      let result = try HostileRun.run(
        "SOURCE_DATE_EPOCH=1700000000 \"$APPORTION\" run Samples/2016-17 \(arguments) --out "
          + HostileRun.quoted(out.path), in: packageRoot, output: .full)
      #expect(result.status == 2, "\(result)")
      #expect(result.stderr.contains("cannot write to standard output"), "\(result)")
      #expect(try HostileRun.snapshot(out) == before, "\(arguments): the folder changed")
      #expect(HostileRun.stagingFolders(in: folder.url).isEmpty)
    }
  }

  @Test func aClosedPipeStillWritesTheWorkbooks() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = folder.appending("out")
    for arguments in ["--json", ""] {
      try? FileManager.default.removeItem(at: out)
      let result = try HostileRun.run(
        "\"$APPORTION\" run Samples/2016-17 \(arguments) --out \(HostileRun.quoted(out.path))",
        in: packageRoot, output: .closedPipe)
      #expect(result.status == 141, "\(result)")
      #expect(!result.stderr.contains("error"), "\(result)")
      let books = try WrittenSet.read(out)
      #expect(books.keys.sorted() == WrittenSet.names.sorted(), "\(arguments)")
    }
  }

  /// Warnings on standard error into the same closed pipe (`2>&1 | head`): still quiet.
  @Test func warningsIntoAClosedPipeToo() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(
      "r.yaml",
      rulesHeader + "  - name: All\n    basis: equal\n  - name: Never\n"
        + "    when: { category: staff }\n    basis: equal\n")
    try folder.write("b.csv", goodBudget)
    for arguments in ["--json", ""] {
      let result = try HostileRun.run(
        "\"$APPORTION\" run \(arguments) --rules r.yaml --budget b.csv --out out 2>&1",
        in: folder.url, output: .closedPipe)
      #expect(result.status == 141, "\(arguments): \(result)")
      #expect(try WrittenSet.read(folder.appending("out")).count == 3)
    }
  }

  /// A JSON document copied to a regular file that fills up is cut back, not left half
  /// written: standard output holds nothing of it.
  @Test(.enabled(if: HostileRun.canMount, "mounting a tmpfs needs root (skipped)"))
  func jsonToAFileOnAFullDiskIsCutBack() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let inputs = try LargeInputs.write(in: folder, lines: 3_000)
    let small = folder.appending("small")
    try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
    let result = try HostileRun.run(
      "unshare -m sh -c 'mount -t tmpfs -o size=64k tmpfs small && printf before > small/out && "
        + "\"$APPORTION\" run --json --rules \(inputs.rules) --budget \(inputs.budget) "
        + ">> small/out; echo \"exit $?\"; cat small/out'", in: folder.url)
    let text = String(decoding: result.stdout, as: UTF8.self)
    #expect(text.hasPrefix("exit 2\nbefore"), "\(result)")
    #expect(!text.contains("{"), "\(result)")
    #expect(result.stderr.contains("No space left on device"), "\(result)")
  }

  /// Every command prints through Console's checked writer: Swift's print would not notice a
  /// failed write.
  @Test func noCommandCallsPrint() throws {
    let folder = packageRoot.appendingPathComponent("Sources/apportion")
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      let text = try String(
        contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      #expect(
        text.firstMatch(of: /(^|[^.\w])print\(/) == nil,
        "\(name) calls print; use Console.write, whose writes are checked")
    }
  }
}
