import ApportionCore
import Foundation
import TestSupport
import Testing
import XLSXInspection

/// Text from the inputs is always written as text: nothing a finance officer types can
/// become a formula in a workbook.
@Suite struct InjectionTests {
  static let dangerous = ["=HYPERLINK(\"http://x\")", "+SUM(A1)", "-2+3", "@cmd", "=1+1"]

  static func csvField(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  @Test func formulaLikeTextStaysText() throws {
    let rules = """
      agreement: '=HYPERLINK("http://x")'
      year: 2016-17
      partners:
        - { id: brent, name: '+SUM(A1)', host: true }
        - { id: lewisham, name: '@cmd' }
        - { id: other, name: '-2+3' }
      rules:
        - name: '=1+1'
          when: { category: staff }
          basis: { direct: brent }
        - name: '@cmd'
          basis: equal

      """
    var budget = "id,description,amount,category\n"
    for (index, text) in Self.dangerous.enumerated() {
      budget +=
        "\(Self.csvField(text)),\(Self.csvField(text)),\(index + 1)0.01,"
        + "\(Self.csvField(text))\n"
    }
    budget += "S-1,\(Self.csvField("=1+1")),5.00,staff\n"
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runTexts(rules: rules, budget: budget, in: folder)
    try checkAllWorkbooks(run)
    for path in run.paths {
      let book = try XLSXBook(path: path)
      var strings: Set<String> = []
      for sheet in book.sheetNames {
        for cell in try book.cells(sheet: sheet).values {
          if cell.kind == .string { strings.insert(cell.text) }
          guard cell.kind == .formula, let formula = cell.formula else { continue }
          #expect(
            ["SUM(", "SUMIF(", "COUNTIF(", "ROUND("].contains { formula.hasPrefix($0) },
            "\(path) \(sheet)!\(cell.reference): unexpected formula \(formula)")
          #expect(!formula.contains("HYPERLINK") && !formula.contains("cmd"))
        }
      }
      for text in Self.dangerous {
        #expect(strings.contains(text), "\(path): '\(text)' is not a text cell")
      }
    }
  }
}

/// Sheet and file names made from partner names and ids.
@Suite struct NameTests {
  static let forty = "Royal Borough of Kensington & Chelsea Co"

  static func ruleSet(_ partners: [(String, String)]) -> RuleSet {
    RuleSet(
      agreement: "Names", year: "2016-17",
      partners: partners.map { Partner(id: PartnerID($0.0), name: $0.1) },
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
      #expect(names.count == 3 && names.dropFirst() == ["Lines", "Sources"], "\(names)")
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
    // Partner names are column headers on the partnership's Summary, duplicates included.
    let summary = try XLSXBook(path: run.partnershipPath).cells(sheet: "Summary")
    #expect(summary["G5"]?.text == "Dup" && summary["H5"]?.text == "Dup")
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
}
