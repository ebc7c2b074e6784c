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
            [
              "SUM(", "SUMIF(", "COUNTIF(", "COUNTA(", "ROUND(", "IFERROR(SUBTOTAL(", "INDEX(",
              "IF(",
            ]
            .contains { formula.hasPrefix($0) }
              || formula.wholeMatch(of: /[A-Z]+[0-9]+(-[A-Z]+[0-9]+)?/) != nil,
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
