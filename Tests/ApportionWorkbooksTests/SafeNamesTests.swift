import ApportionCore
import ApportionWorkbooks
import Foundation
import TestSupport
import Testing
import XLSXInspection

/// Sheet and file names made from partner names and ids.
@Suite struct SafeNamesTests {
  static let forty = "Royal Borough of Kensington & Chelsea Co"

  static func ruleSet(_ partners: [(String, String)]) -> RuleSet {
    RuleSet(
      agreement: "Names", year: "2016-17",
      partners: partners.map { Partner(id: PartnerID($0.0), name: $0.1, shortName: $0.1) },
      rules: [Rule(name: "All", basis: .equal(among: nil))])
  }

  static func isValidSheetName(_ name: String) -> Bool {
    !name.isEmpty && name.utf16.count <= 31 && !name.contains { "[]:*?/\\".contains($0) }
      && !name.hasPrefix("'") && !name.hasSuffix("'")
  }

  @Test func partnerNamesBecomeValidUniqueSheetNames() throws {
    #expect(Self.forty.count == 40)
    let partners = [
      ("a", "a[b]:c*d?e/f\\g"), ("b", Self.forty), ("c", "Lines"), ("d", "sources"),
      ("e", "Dup"), ("f", "Dup"), ("g", "'quoted'"), ("h", "History"), ("i", "[]:*?/\\"),
    ]
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runInCode(
      ruleSet: Self.ruleSet(partners), columns: ["id", "description", "amount"],
      rows: [["L1", "One", "100.00"], ["L2", "Two", "-7.01"]],
      out: folder.appendingPathComponent("out"))
    try checkAllWorkbooks(run)
    var statements: [String] = []
    for path in run.paths.dropFirst() {
      let names = try XLSXBook(path: path).sheetNames
      #expect(
        names.count == 4 && names.dropFirst() == ["Schedule", "Lines", "Sources"], "\(names)")
      let unique = Set(names.map { $0.lowercased() })
      #expect(unique.count == names.count, "\(path): \(names)")
      for name in names { #expect(Self.isValidSheetName(name), "\(path): '\(name)'") }
      statements.append(names[0])
    }
    #expect(statements[0] == "a-b--c-d-e-f-g")
    #expect(statements[1] == String(Self.forty.prefix(31)))
    #expect(statements[2] == "Lines (2)")
    #expect(statements[3] == "sources (2)")
    #expect(statements[4] == "Dup" && statements[5] == "Dup")
    #expect(statements[6] == "quoted")
    #expect(statements[7] == "Partner")
    #expect(statements[8] == "-------")
    // Short names are column headers on the partnership's Summary, duplicates included.
    let summary = try XLSXBook(path: run.partnershipPath).cells(sheet: "Summary")
    #expect(summary["H4"]?.text == "Dup" && summary["I4"]?.text == "Dup")
  }

  @Test func partnerIdsCannotLeaveTheFolder() throws {
    let partners = [
      ("../evil", "Evil"), ("partnership", "Partnership"), ("a/b", "Slash"), ("x.y", "Dot"),
      ("x_y", "Underscore"), ("/etc/passwd", "Root"), ("..", "Up"), ("PARTNERSHIP", "Upper"),
    ]
    let root = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("out")
    let run = try runInCode(
      ruleSet: Self.ruleSet(partners), columns: ["id", "description", "amount"],
      rows: [["L1", "One", "10.00"]], out: out)
    try checkAllWorkbooks(run)
    let manager = FileManager.default
    #expect(try manager.contentsOfDirectory(atPath: root.path) == ["out"])
    let written = try manager.contentsOfDirectory(atPath: out.path).sorted()
    #expect(
      written
        == [
          "PARTNERSHIP-3.xlsx", "a_b.xlsx", "etc_passwd.xlsx", "evil.xlsx", "partner.xlsx",
          "partnership-2.xlsx", "partnership.xlsx", "x_y-2.xlsx", "x_y.xlsx",
        ])
    #expect(Set(run.paths.map { ($0 as NSString).lastPathComponent }) == Set(written))
    for path in run.paths {
      #expect((path as NSString).deletingLastPathComponent == out.path)
    }
    // The partnership's workbook is the partnership's, not the partner whose id is
    // `partnership`.
    #expect(try XLSXBook(path: run.partnershipPath).sheetNames.first == "Summary")
  }

  /// `compare --out`: each run's folder, from the path it was named by, cannot leave the
  /// output folder and is unique.
  @Test func comparisonFoldersAreSafeAndUnique() {
    let sample = packageRoot.appendingPathComponent("Samples/2016-17").path
    let names = ComparisonWorkbook.folderNames(for: [
      sample, sample + "/", sample + "/manifest.yaml", "x/../../evil name!.yaml",
      "a/southwark-joins.yaml", "b/Southwark-Joins.yml", "/", "partnership.yaml",
      "../§§§",
    ])
    #expect(
      names == [
        "2016-17", "2016-17-2", "2016-17-3", "evil_name", "southwark-joins", "Southwark-Joins-2",
        "base", "partnership-2", "run",
      ])
  }
}
