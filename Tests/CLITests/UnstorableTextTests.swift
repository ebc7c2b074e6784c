import Foundation
import TestSupport
import Testing
import XLSXInspection

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Characters XML cannot hold, in every text of the inputs that reaches a workbook, give
/// workbooks that every XML parser and Gnumeric open cleanly, with a warning naming them.
@Suite struct UnstorableTextTests {
  /// One of each class: NUL and other C0 controls, U+FFFE and U+FFFF, the non-characters of
  /// the BMP's U+FDD0 block, and non-characters outside the BMP.
  static let unstorable = String(
    String.UnicodeScalarView(
      [0x0, 0x1, 0x8, 0xB, 0xC, 0x1B, 0x1F, 0xFFFE, 0xFFFF, 0xFDD0, 0xFDEF, 0x1FFFE, 0x10FFFF]
        .compactMap(Unicode.Scalar.init(_:))))

  /// What a rule file may hold of them: a rule file refuses control characters (it is plain
  /// text), so only the non-characters.
  static let unstorableInRules = String(
    String.UnicodeScalarView(unstorable.unicodeScalars.filter { $0.value >= 0x20 }))

  /// What a budget may hold of them: a CSV file refuses NUL bytes.
  static let unstorableInBudget = String(
    String.UnicodeScalarView(unstorable.unicodeScalars.filter { $0.value != 0 }))

  /// `text` as a YAML double-quoted scalar, every unstorable character escaped.
  static func yaml(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      let hex = String(scalar.value, radix: 16, uppercase: true)
      switch scalar.value {
      case 0x22, 0x5C: out += "\\" + String(scalar)
      case 0..<0x20: out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
      case 0x10000...: out += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
      case 0xFDD0...0xFDEF, 0xFFFE, 0xFFFF: out += "\\u" + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// Every text field of the rule file (agreement, partner names, rule names and notes, the
  /// columns and values of a condition) and of the budget (header, ids, descriptions, values)
  /// holds every class.
  static func inputs(in folder: TemporaryFolder) throws -> (rules: String, budget: String) {
    let bad = unstorableInRules
    let rules = """
      agreement: \(yaml("Agreement " + bad))
      year: 2016-17
      partners:
        - { id: brent, name: \(yaml("Brent " + bad)), host: true }
        - { id: lewisham, name: \(yaml("Lewisham " + bad)) }
      rules:
        - name: \(yaml("Contracts " + bad))
          description: \(yaml("Note " + bad))
          when: { \(yaml("kind " + bad)): \(yaml("contract " + bad)) }
          basis: { direct: { column: \(yaml("council " + bad)) } }
        - name: \(yaml("Shared " + bad))
          description: \(yaml("Everything else " + bad))
          basis: equal

      """
    let inBudget = unstorableInBudget
    let budget = """
      id,description,amount,kind \(bad),council \(bad)
      L1\(inBudget),Desc \(inBudget),10.00,contract \(inBudget),brent
      L2,Desc \(inBudget),12.00,shared \(inBudget),

      """
    return (try folder.write("rules.yaml", rules), try folder.write("budget.csv", budget))
  }

  /// Whether Foundation's XMLParser reads the part without an error.
  static func parses(_ data: Data) -> Bool { XMLParser(data: data).parse() }

  @Test func everyTextWithEveryClassOpensCleanly() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    _ = try Self.inputs(in: folder)
    let result = try HostileRun.run(
      "\"$APPORTION\" run --rules rules.yaml --budget budget.csv --out out", in: folder.url)
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.contains("stored as Excel's _xHHHH_ escapes"), "\(result)")
    #expect(result.stderr.contains("were replaced with U+FFFD"), "\(result)")
    #expect(result.stderr.contains("U+0001"), "\(result)")
    for name in WrittenSet.names {
      let path = folder.appending("out/\(name)").path
      let book = try XLSXBook(path: path)
      for part in book.partNames where part.hasSuffix(".xml") || part.hasSuffix(".rels") {
        #expect(Self.parses(try book.data(part: part)), "\(name) \(part) is not well-formed")
      }
      // Cell text comes back as written (Excel decodes the escapes); characters outside the
      // BMP, which no escape can carry, are U+FFFD.
      let lines = try book.cells(sheet: "Lines")
      let expected =
        "Desc "
        + Self.unstorableInBudget.replacingOccurrences(of: "\u{1FFFE}", with: "\u{FFFD}")
        .replacingOccurrences(of: "\u{10FFFF}", with: "\u{FFFD}")
      // The first line's description, below the totals and header rows.
      let first = lines.filter { $0.key.hasPrefix("B") && $0.value.text.hasPrefix("Desc ") }
        .min { $0.key.count != $1.key.count ? $0.key.count < $1.key.count : $0.key < $1.key }
      #expect(first?.value.text == expected, "\(name)")
      if let ssconvert = HostileRun.tool("ssconvert") {
        let check = try HostileRun.run(
          "\(ssconvert) -S \(HostileRun.quoted(path)) \(HostileRun.quoted(path)).csv",
          in: folder.url)
        #expect(check.status == 0, "\(name): \(check)")
        #expect(!check.stderr.contains("CRITICAL"), "\(name): \(check)")
        #expect(!check.stderr.contains("damaged"), "\(name): \(check)")
      } else {
        print("ssconvert (gnumeric) is not installed: \(name) checked without it")
      }
    }
  }
}
