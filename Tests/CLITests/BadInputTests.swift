import Foundation
import TestSupport
import Testing

/// The catalogue of bad inputs under `Fixtures/bad/`: one folder per case holding its
/// inputs (`rules.yaml`, `budget.csv`, a sample folder…), `args` (the command line after
/// `apportion`, split at spaces), optionally `stdin` (sent through a pipe), and the exact
/// `expected-stderr` and `expected-status`.
///
/// Each case runs in a copy of its folder. A `run` case runs a second time with `--json` and
/// `--out out`, where `out` already holds workbooks and notes: the same message and status,
/// nothing on standard output, and the folder unchanged.
@Suite("bad inputs: the catalogue under Fixtures/bad")
struct BadInputTests {
  static let catalogue: URL? = Bundle.module.url(forResource: "Fixtures", withExtension: nil)?
    .appendingPathComponent("bad")

  /// Every case's folder name, sorted.
  static let cases: [String] = {
    guard let catalogue else { return [] }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: catalogue.path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }()

  /// What the files in `out` hold before a failing run with `--out out`.
  static let existingOutputs = [
    "partnership.xlsx": "an earlier partnership workbook", "brent.xlsx": "an earlier statement",
    "notes.txt": "the finance officer's notes",
  ]

  @Test("the catalogue covers at least 60 cases") func catalogueSize() {
    #expect(Self.cases.count >= 60, "\(Self.cases.count) cases")
  }

  @Test(
    "the exact message and status; --json leaves stdout empty; --out leaves DIR unchanged",
    arguments: cases)
  func badInput(_ name: String) throws {
    let source = try #require(Self.catalogue).appendingPathComponent(name)
    func read(_ file: String) throws -> String {
      String(decoding: try Data(contentsOf: source.appendingPathComponent(file)), as: UTF8.self)
    }
    let arguments = try read("args").split(whereSeparator: \.isWhitespace).map(String.init)
    let expectedStderr = try read("expected-stderr")
    let expectedStatus = try #require(Int32(read("expected-status").trimmingSpaces))
    let stdin = try? Data(contentsOf: source.appendingPathComponent("stdin"))
    #expect(expectedStatus != 0, "a bad input must fail")

    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try Self.copyInputs(from: source, to: folder.url)
    let result = try CLI.run(arguments, in: folder.url, stdin: stdin)
    #expect(result.status == expectedStatus, "\(result)")
    #expect(result.stderr == expectedStderr, "\(result)")
    if arguments.first == "check" || arguments.first == "explain" {
      // check prints the rules before it reads the budget; explain prints only on success.
      if arguments.first == "explain" { #expect(result.stdout.isEmpty, "\(result)") }
      return
    }

    let out = folder.url.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    for (file, text) in Self.existingOutputs {
      try Data(text.utf8).write(to: out.appendingPathComponent(file))
    }
    var more: [String] = []
    if !arguments.contains("--json") { more.append("--json") }
    if !arguments.contains("--out") { more += ["--out", "out"] }
    let again = try CLI.run(arguments + more, in: folder.url, stdin: stdin)
    #expect(again.status == expectedStatus, "\(again)")
    #expect(again.stderr == expectedStderr, "\(again)")
    #expect(again.stdoutData.isEmpty, "\(again.stdoutData.count) bytes on stdout")
    let after = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(after == Self.existingOutputs.keys.sorted(), "files in out: \(after)")
    for (file, text) in Self.existingOutputs {
      let data = try Data(contentsOf: out.appendingPathComponent(file))
      #expect(data == Data(text.utf8), "out/\(file) changed")
    }
  }

  /// Copies a case's inputs (everything but `args`, `stdin` and `expected-*`).
  static func copyInputs(from source: URL, to folder: URL) throws {
    let manager = FileManager.default
    for name in try manager.contentsOfDirectory(atPath: source.path)
    where name != "args" && name != "stdin" && !name.hasPrefix("expected-") {
      try manager.copyItem(
        at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
