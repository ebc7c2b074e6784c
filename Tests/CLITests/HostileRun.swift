import Foundation
import TestSupport
import Testing
import XLSXInspection

/// Runs the CLI the way a hostile tester would: under `sh` (for `ulimit`, `trap`, `unshare`),
/// with standard output a file, a full device or a closed pipe, and reads back what an output
/// folder holds.
enum HostileRun {
  /// Where standard output goes.
  enum Output {
    case file
    /// `/dev/full`: every write fails with ENOSPC.
    case full
    /// A pipe whose reader has already gone: every write fails with EPIPE.
    case closedPipe
  }

  struct Result: CustomStringConvertible {
    let status: Int32
    let stdout: Data
    let stderr: String
    var description: String {
      "exit \(status)\n--- stdout\n\(String(decoding: stdout.prefix(2000), as: UTF8.self))"
        + "--- stderr\n\(stderr)"
    }
  }

  /// Whether the long tests run (APPORTION_LONG_TESTS=1).
  static var longTests: Bool {
    ProcessInfo.processInfo.environment["APPORTION_LONG_TESTS"] == "1"
  }

  /// A program on PATH, if installed.
  static func tool(_ name: String) -> String? {
    (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
      .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Starts `/bin/sh -c script` in `directory`, with `$APPORTION` the built CLI.
  static func start(
    _ script: String, in directory: URL, output: Output = .file,
    environment: [String: String] = [:], scratch: URL
  ) throws -> (Process, stdout: URL, stderr: URL) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    env["APPORTION"] = try CLI.executable().path
    process.environment = env
    let out = scratch.appendingPathComponent("stdout-\(UUID().uuidString)")
    let err = scratch.appendingPathComponent("stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    switch output {
    case .file: process.standardOutput = try FileHandle(forWritingTo: out)
    case .full:
      guard let full = FileHandle(forWritingAtPath: "/dev/full") else {
        throw CLITestError.notFound("/dev/full")
      }
      process.standardOutput = full
    case .closedPipe:
      let pipe = Pipe()
      try pipe.fileHandleForReading.close()
      process.standardOutput = pipe
    }
    process.standardError = try FileHandle(forWritingTo: err)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return (process, out, err)
  }

  /// Runs `/bin/sh -c script` to the end.
  static func run(
    _ script: String, in directory: URL, output: Output = .file,
    environment: [String: String] = [:]
  ) throws -> Result {
    try TemporaryFolder.with { scratch in
      let (process, out, err) = try start(
        script, in: directory, output: output, environment: environment, scratch: scratch.url)
      process.waitUntilExit()
      return try result(process, out, err)
    }
  }

  static func result(_ process: Process, _ out: URL, _ err: URL) throws -> Result {
    Result(
      status: process.terminationStatus, stdout: try Data(contentsOf: out),
      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
  }

  /// `'text'` for sh.
  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// Whether this process may make a private mount namespace and mount a tmpfs in it.
  static let canMount: Bool = {
    guard tool("unshare") != nil,
      let folder = try? TemporaryFolder(),
      let result = try? run(
        "unshare -m sh -c 'mount -t tmpfs -o size=1m tmpfs \(folder.path)'", in: folder.url)
    else { return false }
    folder.remove()
    return result.status == 0
  }()

  /// Every entry of a folder with its bytes (folders as empty data, links as their target).
  static func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let manager = FileManager.default
    for name in try manager.contentsOfDirectory(atPath: folder.path) {
      let path = folder.appendingPathComponent(name).path
      let type = try manager.attributesOfItem(atPath: path)[.type] as? FileAttributeType
      switch type {
      case .typeSymbolicLink?:
        files[name + " -> "] = Data(try manager.destinationOfSymbolicLink(atPath: path).utf8)
      case .typeDirectory?:
        for (inner, data) in try snapshot(URL(fileURLWithPath: path)) {
          files[name + "/" + inner] = data
        }
        files[name + "/"] = Data()
      case .typeRegular?:
        files[name] = try Data(contentsOf: URL(fileURLWithPath: path))
      default:
        files[name + " (\(type?.rawValue ?? "?"))"] = Data()
      }
    }
    return files
  }

  /// Staging folders left in a folder.
  static func stagingFolders(in folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { $0.hasPrefix(".apportion-staging.") }
  }
}

/// Inputs for the output tests: two partners and a budget of any length whose every line
/// is valid, so that each run is a complete set whose budget can be told apart.
struct LargeInputs {
  static let rules = """
    year: 2016-17
    partners:
      - { id: brent, name: Brent, host: true }
      - { id: lewisham, name: Lewisham }
    rules:
      - name: Council-specific
        when: { category: contract }
        basis: { direct: { column: council } }
      - name: Shared
        basis: equal

    """

  /// A budget of `lines` lines; `variant` changes every amount, so two variants have
  /// different SHA-256s and totals.
  static func budget(lines: Int, variant: Int = 0) -> String {
    var generator = SeededGenerator(seed: UInt64(lines * 31 + variant))
    var text = "id,description,amount,category,council\n"
    text.reserveCapacity(lines * 64)
    for n in 1...max(1, lines) {
      let pence = Int.random(in: 1...9_999_999, using: &generator) + variant
      let council = ["", "", "brent", "lewisham"][n % 4]
      text +=
        "L\(n),Line \(n) of a budget for testing outputs,\(pence / 100).\(pence % 100 / 10)"
        + "\(pence % 10),\(council.isEmpty ? "shared" : "contract"),\(council)\n"
    }
    return text
  }

  /// Writes the rule file and a budget into `folder`.
  static func write(in folder: TemporaryFolder, lines: Int, variant: Int = 0) throws -> (
    rules: String, budget: String
  ) {
    (
      try folder.write("rules.yaml", rules),
      try folder.write("budget-\(variant).csv", budget(lines: lines, variant: variant))
    )
  }
}

/// What an output folder holds, read back: each workbook must open, hold every line on its
/// Lines sheet, and name the budget it came from on its Sources sheet.
enum WrittenSet {
  static let names = ["partnership.xlsx", "brent.xlsx", "lewisham.xlsx"]

  struct Book {
    /// Data rows on the Lines sheet (without the header and totals rows).
    let lines: Int
    /// The budget's SHA-256 from the Sources sheet.
    let budgetSHA256: String
  }

  /// Reads every workbook of the set in `folder`; throws when one does not open.
  static func read(_ folder: URL) throws -> [String: Book] {
    var books: [String: Book] = [:]
    for name in names {
      let path = folder.appendingPathComponent(name).path
      guard FileManager.default.fileExists(atPath: path) else { continue }
      let book = try XLSXBook(path: path)
      // Counted in the raw XML: Foundation's XMLParser refuses parts over 10 MB.
      let lines = try book.data(part: book.partName(sheet: "Lines"))
      var rows = 0
      var from = lines.startIndex
      while let found = lines.range(of: Data("<row ".utf8), in: from..<lines.endIndex) {
        rows += 1
        from = found.upperBound
      }
      let sources = try book.cells(sheet: "Sources")
      let label = sources.values.first { $0.text == "Budget file SHA-256" }
      let row = label.map { String($0.reference.drop(while: { $0.isLetter })) } ?? ""
      books[name] = Book(
        lines: rows - 2, budgetSHA256: sources["B" + row]?.text ?? "")
    }
    return books
  }

  /// Checks that `folder` holds one complete set: every workbook, each with `lines` lines,
  /// all from the same budget, which is one of `budgets` (SHA-256s); returns that budget.
  @discardableResult
  static func expectComplete(
    _ folder: URL, lines: Int, budgets: Set<String>,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> String? {
    let books = try read(folder)
    #expect(books.keys.sorted() == names.sorted(), sourceLocation: sourceLocation)
    for (name, book) in books {
      #expect(book.lines == lines, "\(name)", sourceLocation: sourceLocation)
    }
    let hashes = Set(books.values.map(\.budgetSHA256))
    #expect(hashes.count == 1 && hashes.isSubset(of: budgets), sourceLocation: sourceLocation)
    return hashes.first
  }

  /// The SHA-256 of a file, as the Sources sheet shows it (lower-case hex), via sha256sum.
  static func sha256(_ path: String) throws -> String {
    let result = try HostileRun.run(
      "sha256sum \(HostileRun.quoted(path))", in: URL(fileURLWithPath: "/"))
    return String(String(decoding: result.stdout, as: UTF8.self).prefix(64))
  }
}
