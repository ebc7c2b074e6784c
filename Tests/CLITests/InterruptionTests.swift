import Foundation
import TestSupport
import Testing

/// However a run ends, the output folder holds one complete set: the previous one or the new
/// one, every workbook whole and from the same run. Interruptions that can be caught clean up
/// and exit 128 + the signal; `SIGKILL` leaves a staging folder that the next run removes.
@Suite(.serialized) struct InterruptionTests {
  /// A folder with a first, complete set written from budget variant 0, and the inputs for
  /// variant 1.
  struct Scene {
    let folder: TemporaryFolder
    let out: URL
    let lines: Int
    let rules: String
    let budgets: [String]
    let hashes: Set<String>

    init(lines: Int, subfolder: Bool = false, foreignFiles: Bool = true) throws {
      folder = try TemporaryFolder()
      self.lines = lines
      out = folder.appending("out")
      let first = try LargeInputs.write(in: folder, lines: lines, variant: 0)
      let second = try LargeInputs.write(in: folder, lines: lines, variant: 1)
      rules = first.rules
      budgets = [first.budget, second.budget]
      hashes = Set(try budgets.map(WrittenSet.sha256))
      try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
      if foreignFiles {
        try Data("notes".utf8).write(to: out.appendingPathComponent("notes.txt"))
        try FileManager.default.createSymbolicLink(
          at: out.appendingPathComponent("budget-link"),
          withDestinationURL: URL(
            fileURLWithPath: first.budget))
      }
      if subfolder {
        let sub = out.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: sub.appendingPathComponent("2015-16.xlsx"))
      }
      let result = try HostileRun.run(command(variant: 0), in: folder.url)
      #expect(result.status == 0, "\(result)")
    }

    /// `apportion run` with budget `variant` into `out`.
    func command(variant: Int, prefix: String = "", json: Bool = false) -> String {
      "\(prefix)\"$APPORTION\" run \(json ? "--json " : "")--rules \(HostileRun.quoted(rules)) "
        + "--budget \(HostileRun.quoted(budgets[variant])) --out \(HostileRun.quoted(out.path))"
    }

    /// The user's own files, which every run must keep.
    func foreign() throws -> [String: Data] {
      try HostileRun.snapshot(out).filter { !WrittenSet.names.contains($0.key) }
    }

    /// One complete set, and the user's files as they were.
    func expectOneCompleteSet(
      _ foreignBefore: [String: Data], _ context: String,
      sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
      try WrittenSet.expectComplete(
        out, lines: lines, budgets: hashes, sourceLocation: sourceLocation)
      #expect(try foreign() == foreignBefore, "\(context)", sourceLocation: sourceLocation)
    }
  }

  static let strace = HostileRun.tool("strace")

  /// `strace` kills the run exactly when it makes the `when`-th call of `call`.
  static func killed(at call: String, when: Int) -> String {
    "strace -f -qq -o /dev/null -e trace=\(call) -e inject=\(call):signal=KILL:when=\(when) "
  }

  @Test(
    .enabled(if: strace != nil, "strace is not installed; the precise kills are skipped"),
    arguments: [false, true])
  func killedAtEveryStepOfPuttingTheSetInPlace(subfolder: Bool) throws {
    let scene = try Scene(lines: 200, subfolder: subfolder)
    defer { scene.folder.remove() }
    let foreign = try scene.foreign()
    // Exchanged as a whole: links for the user's two files, the exchange, removing the old
    // set. In place (the folder holds a folder of its own): the journal, each old file's link
    // and each new file's rename, the journal again.
    let steps =
      subfolder
      ? (1...5).map { ("rename", $0) } + (1...3).map { ("linkat", $0) }
      : [("renameat2", 1), ("linkat", 1), ("linkat", 2), ("rmdir", 1), ("rmdir", 2)]
    for (call, when) in steps {
      let context = "killed at \(call) #\(when)"
      let result = try HostileRun.run(
        scene.command(variant: 1, prefix: Self.killed(at: call, when: when)), in: scene.folder.url
      )
      #expect([9, 137].contains(result.status), "\(context): \(result)")
      if !subfolder {
        // An exchange leaves a complete set at every instant.
        try scene.expectOneCompleteSet(foreign, context)
      }
      // The next run for the folder puts back the previous set of an interrupted replacement
      // in place before anything else; here it is itself killed right after that.
      let next = try HostileRun.run(
        scene.command(variant: 0, prefix: Self.killed(at: "mkdir", when: 1)),
        in: scene.folder.url)
      #expect([9, 137].contains(next.status), "\(context): \(next)")
      try scene.expectOneCompleteSet(foreign, context)
      let clean = try HostileRun.run(scene.command(variant: 0), in: scene.folder.url)
      #expect(clean.status == 0, "\(context): \(clean)")
      #expect(HostileRun.stagingFolders(in: scene.folder.url).isEmpty, "\(context)")
      #expect(HostileRun.stagingFolders(in: scene.out).isEmpty, "\(context)")
      try scene.expectOneCompleteSet(foreign, context)
    }
  }

  struct Interrupt: Sendable, CustomStringConvertible {
    var signal: Int32
    var name: String
    var description: String { name }
  }

  @Test(
    "SIGINT, SIGTERM and SIGHUP clean up and exit 128 + the signal",
    arguments: [
      Interrupt(signal: SIGINT, name: "SIGINT"), Interrupt(signal: SIGTERM, name: "SIGTERM"),
      Interrupt(signal: SIGHUP, name: "SIGHUP"),
    ])
  func caughtSignals(interrupt: Interrupt) throws {
    let scene = try Scene(lines: HostileRun.longTests ? 20_000 : 3_000)
    defer { scene.folder.remove() }
    let before = try HostileRun.snapshot(scene.out)
    var generator = SeededGenerator(seed: UInt64(interrupt.signal))
    for json in [false, true] {
      let (process, out, err) = try HostileRun.start(
        scene.command(variant: 1, prefix: "exec ", json: json), in: scene.folder.url,
        scratch: scene.folder.url)
      // Wait until the workbooks are being written, then a moment more.
      let deadline = Date().addingTimeInterval(120)
      while HostileRun.stagingFolders(in: scene.folder.url).isEmpty, process.isRunning,
        Date() < deadline
      {
        Thread.sleep(forTimeInterval: 0.01)
      }
      Thread.sleep(forTimeInterval: Double.random(in: 0...0.3, using: &generator))
      kill(process.processIdentifier, interrupt.signal)
      process.waitUntilExit()
      let result = try HostileRun.result(process, out, err)
      if result.status == 0 {
        // It finished first: then the new set is in place.
        try WrittenSet.expectComplete(scene.out, lines: scene.lines, budgets: scene.hashes)
        continue
      }
      #expect(result.status == 128 + interrupt.signal, "\(result)")
      #expect(result.stderr.contains("interrupted by \(interrupt.name)"), "\(result)")
      #expect(result.stdout.isEmpty || !json, "\(result)")
      #expect(try HostileRun.snapshot(scene.out) == before, "\(interrupt): the folder changed")
      #expect(HostileRun.stagingFolders(in: scene.folder.url).isEmpty)
    }
  }

  /// SIGKILL at random moments of a run (a large one with APPORTION_LONG_TESTS=1): after
  /// each, one complete set; the next run removes what the killed ones left.
  @Test func killedAtRandomMoments() throws {
    let long = HostileRun.longTests
    if !long {
      print("killedAtRandomMoments: 3 kills of a small run; APPORTION_LONG_TESTS=1 for more")
    }
    let scene = try Scene(lines: long ? 50_000 : 2_000)
    defer { scene.folder.remove() }
    let foreign = try scene.foreign()
    var generator = SeededGenerator(seed: 2026)
    // How long a whole run takes here, to spread the kills over it.
    let start = Date()
    let timed = try HostileRun.run(scene.command(variant: 1), in: scene.folder.url)
    #expect(timed.status == 0, "\(timed)")
    let duration = Date().timeIntervalSince(start)
    for attempt in 1...(long ? 12 : 3) {
      let variant = attempt % 2
      let (process, out, err) = try HostileRun.start(
        scene.command(variant: variant, prefix: "exec "), in: scene.folder.url,
        scratch: scene.folder.url)
      Thread.sleep(forTimeInterval: Double.random(in: 0...(duration * 1.1), using: &generator))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let result = try HostileRun.result(process, out, err)
      #expect([0, 9].contains(result.status), "attempt \(attempt): \(result)")
      try scene.expectOneCompleteSet(foreign, "attempt \(attempt)")
    }
    let clean = try HostileRun.run(scene.command(variant: 0), in: scene.folder.url)
    #expect(clean.status == 0, "\(clean)")
    #expect(HostileRun.stagingFolders(in: scene.folder.url).isEmpty)
    try scene.expectOneCompleteSet(foreign, "after a clean run")
  }
}
