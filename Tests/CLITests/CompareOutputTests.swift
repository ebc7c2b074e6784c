import Foundation
import TestSupport
import Testing

/// `apportion compare … --out DIR`: `DIR/comparison.xlsx` and each run's own workbooks in
/// `DIR/<run>/`, the same as separate runs write; nothing changed on an error.
@Suite struct CompareOutputTests {
  static let runs = [
    "Samples/2016-17", "Samples/scenarios/southwark-joins.yaml",
    "Samples/scenarios/share-by-usage.yaml",
  ]
  static let folders = ["2016-17", "southwark-joins", "share-by-usage"]

  /// Every file under `folder`, by its path relative to it, with its bytes.
  static func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let root = folder.standardizedFileURL.path
    guard let walker = FileManager.default.enumerator(atPath: root) else { return files }
    for case let relative as String in walker {
      var isFolder: ObjCBool = false
      let path = root + "/" + relative
      if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
        files[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
      }
    }
    return files
  }

  @Test func writesTheComparisonAndEachRunsWorkbooksAsSeparateRunsDo() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = folder.url.appendingPathComponent("out")
    let result = try CLI.run(["compare"] + Self.runs + ["--json", "--out", out.path])
    #expect(result.status == 0, "\(result)")
    // Standard output is the same JSON as without --out; the files are listed on stderr.
    let plain = try CLI.run(["compare"] + Self.runs + ["--json"])
    #expect(plain.status == 0 && result.stdoutData == plain.stdoutData)
    #expect(result.stderr.contains("  \(out.path)/comparison.xlsx\n"), "\(result.stderr)")

    let written = try Self.snapshot(out)
    var expected: Set<String> = ["comparison.xlsx"]
    for (run, name) in zip(Self.runs, Self.folders) {
      let separate = folder.url.appendingPathComponent("separate-" + name)
      let alone = try CLI.run(["run", run, "--out", separate.path])
      #expect(alone.status == 0, "\(alone)")
      for (file, bytes) in try Self.snapshot(separate) {
        expected.insert(name + "/" + file)
        #expect(written[name + "/" + file] == bytes, "\(name)/\(file) differs from 'run \(run)'")
        #expect(result.stderr.contains("  \(out.path)/\(name)/\(file)\n"), "\(name)/\(file)")
      }
    }
    #expect(Set(written.keys) == expected)

    // The same command again gives the same bytes.
    let again = try CLI.run(["compare"] + Self.runs + ["--json", "--out", out.path])
    #expect(again.status == 0, "\(again)")
    #expect(try Self.snapshot(out) == written)
  }

  @Test(
    .enabled(
      if: WorkbookCLITests.tool("ssconvert") != nil
        || ProcessInfo.processInfo.environment["CI"] == "true",
      "ssconvert (gnumeric) is not installed; skipped locally, fails in CI"))
  func theComparisonRecalculatesToTheJSON() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = folder.url.appendingPathComponent("out")
    let result = try CLI.run(["compare"] + Self.runs + ["--json", "--out", out.path])
    #expect(result.status == 0, "\(result)")
    let object = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
    let scenarios = try #require(object?["scenarios"] as? [[String: Any]])
    // Partner names, base partners first, from the runs themselves.
    var names: [(id: String, name: String)] = []
    for run in Self.runs {
      let document = try RunDocument(try CLI.run(["run", run, "--json"]).stdoutData)
      let partners = document.root["partners"] as? [[String: Any]] ?? []
      for partner in partners {
        guard let id = partner["id"] as? String, let name = partner["name"] as? String,
          !names.contains(where: { $0.id == id })
        else { continue }
        names.append((id, name))
      }
    }
    let ssconvert = try #require(WorkbookCLITests.tool("ssconvert"))
    let csv = folder.url.appendingPathComponent("comparison.csv").path
    let status = try WorkbookCLITests.output(
      ssconvert, ["--recalc", "-S", out.appendingPathComponent("comparison.xlsx").path, csv]
    ).0
    #expect(status == 0)
    let grid = WorkbookCLITests.csvRows(
      String(
        decoding: try #require(FileManager.default.contents(atPath: csv + ".0")), as: UTF8.self))
    func cell(_ row: Int, _ column: Int) -> Int64? {
      row < grid.count && column < grid[row].count
        ? WorkbookCLITests.recalculatedPence(grid[row][column]) : nil
    }
    // Partners from row 5 (0-based 4): the base in B, then each scenario and its change.
    #expect(grid[3].first == "Partner")
    for (p, partner) in names.enumerated() {
      let row = 4 + p
      #expect(grid[row].first == partner.name)
      let base = (scenarios[0]["totals"] as? [String: String])?[partner.id].flatMap(pence)
      #expect(cell(row, 1) == base, "\(partner.id) in the base")
      for k in 1..<scenarios.count {
        let value = (scenarios[k]["totals"] as? [String: String])?[partner.id].flatMap(pence)
        #expect(cell(row, 2 * k) == value, "\(partner.id) in run \(k)")
        #expect(cell(row, 2 * k + 1) == value.flatMap { v in base.map { v - $0 } })
      }
    }
    let totalRow = 4 + names.count
    #expect(grid[totalRow].first == "Total")
    for (k, scenario) in scenarios.enumerated() {
      #expect(cell(totalRow, k == 0 ? 1 : 2 * k) == (scenario["total"] as? String).flatMap(pence))
    }
  }

  @Test func anErrorInALaterRunLeavesEveryFolderAsItWas() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = folder.url.appendingPathComponent("out")
    let first = try CLI.run(["compare"] + Self.runs.prefix(2) + ["--out", out.path])
    #expect(first.status == 0, "\(first)")
    try Data("mine".utf8).write(to: out.appendingPathComponent("notes.txt"))
    let before = try Self.snapshot(out)
    // A third run whose budget's last line is bad: the first two runs' workbooks are written
    // before it is read.
    let bad = folder.url.appendingPathComponent("bad")
    try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
    let rules = packageRoot.appendingPathComponent("Rules/brent-lewisham.yaml").path
    try Data("rules: \(rules)\nbudget: budget.csv\n".utf8).write(
      to: bad.appendingPathComponent("manifest.yaml"))
    var budget = try String(
      contentsOf: packageRoot.appendingPathComponent("Samples/2016-17/budget.csv"),
      encoding: .utf8)
    budget += "ZZ-1,A bad amount,12.3.4,staff,,,,,\n"
    try Data(budget.utf8).write(to: bad.appendingPathComponent("budget.csv"))
    let result = try CLI.run(
      ["compare"] + Self.runs + [bad.path, "--out", out.path])
    #expect(result.status != 0)
    #expect(result.stderr.contains("budget.csv:"), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(try Self.snapshot(out) == before)
    // No staging folder is left, beside the folder or in it.
    for place in [folder.url, out] {
      let names = try FileManager.default.contentsOfDirectory(atPath: place.path)
      #expect(!names.contains { $0.hasPrefix(".apportion") }, "\(place.path): \(names)")
    }
  }
}
