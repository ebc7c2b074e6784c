import ApportionCore
import Foundation
import TestSupport
import Testing

@testable import ApportionIO

/// `name: &name [*prev, *prev, ...]`: a list of `count` aliases of the anchor before.
private func aliasList(_ name: String, of previous: String, count: Int) -> String {
  "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: count).joined(separator: ", ")
    + "]\n"
}

/// The partners and rules of a file that is otherwise fine, after whatever comes first.
private let validTail = "partners: [{ id: a }, { id: b }]\nrules: [{ name: R, basis: equal }]\n"

/// The diagnostics of a rule file that must not parse.
private func ruleErrors(_ text: String) -> [Diagnostic] {
  do {
    _ = try RuleFile.parse(text, file: "t.yaml")
    Issue.record("parsed without errors")
    return []
  } catch {
    return error.diagnostics
  }
}

// Limits on the YAML of rule files and manifests (YAMLLimits): checked on libyaml's events
// before Yams builds the document. Without them a file of a few hundred bytes of nested
// aliases (the "billion laughs") ran for hours, and aliases nesting lists inside lists
// overflowed the stack (Fuzz/regressions/rules/).
@Suite("Rule files: limits on aliases and nesting", .timeLimit(.minutes(1)))
struct RuleFileLimitTests {
  @Test("aliases repeating more than 10,000 values: an error at the alias that goes over")
  func aliasBomb() {
    // l0 is 11 values, l1 111 (10 aliases of l0: 110 repeated), l2 1,111 (1,110 more);
    // in l3 the 8th *l2 takes the total repeated to 1,220 + 8 × 1,111 = 10,108.
    let text =
      "year: 2016-17\n" + "l0: &l0 [" + Array(repeating: "x", count: 10).joined(separator: ", ")
      + "]\n" + aliasList("l1", of: "l0", count: 10) + aliasList("l2", of: "l1", count: 10)
      + aliasList("l3", of: "l2", count: 10) + validTail
    let errors = ruleErrors(text)
    #expect(
      errors.map(\.description) == [
        "t.yaml:5:45: error: aliases repeat more than 10,000 values in all "
          + "(this '*l2' repeats 1,111)\n"
          + "  hint: write the values out, or nest fewer aliases inside one another"
      ])
  }

  @Test("10,000 values repeated through aliases are fine; one alias more is not")
  func aliasBoundary() {
    // x is 100 values (a list of 99); 100 aliases of it repeat exactly 10,000.
    let list = "x: &x [" + Array(repeating: "v", count: 99).joined(separator: ", ") + "]\n"
    let within = list + aliasList("y", of: "x", count: 100)
    #expect(YAMLLimits.check(within, file: "t.yaml") == nil)
    let over = YAMLLimits.check(list + aliasList("y", of: "x", count: 101), file: "t.yaml")
    #expect(over?.location == SourceLocation(file: "t.yaml", line: 2, column: 8 + 100 * 4))
  }

  @Test("an alias bomb as a mapping key is stopped before Yams hashes the key")
  func aliasBombAsKey() {
    var text = "a: &a [" + Array(repeating: "x", count: 9).joined(separator: ", ") + "]\n"
    text += aliasList("b1", of: "a", count: 9)
    for level in 2...8 { text += aliasList("b\(level)", of: "b\(level - 1)", count: 9) }
    text += "? *b8\n: 1\n"
    #expect(ruleErrors(text).first?.message.hasPrefix("aliases repeat more than 10,000") == true)
  }

  @Test("lists and mappings nested 64 deep are fine, 65 are not")
  func nesting() {
    // The top-level mapping is the first level; `rules:` opens 63 or 64 more.
    let deepest = "rules: " + String(repeating: "[", count: 63) + String(repeating: "]", count: 63)
    #expect(YAMLLimits.check(deepest, file: "t.yaml") == nil)
    let over = "rules: " + String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
    #expect(
      ruleErrors(over).map(\.description) == [
        "t.yaml:1:71: error: lists and mappings are nested more than 64 deep\n"
          + "  hint: a rule file needs only a few levels; check the brackets and indentation"
      ])
  }

  @Test("nesting counts what aliases bring in")
  func nestingThroughAliases() {
    // 40 levels under the anchor, placed 31 levels down (the top mapping and 30 lists).
    let text =
      "a: &a " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n"
      + "b: " + String(repeating: "[", count: 30) + "*a" + String(repeating: "]", count: 30) + "\n"
    #expect(
      ruleErrors(text).map(\.description) == [
        "t.yaml:2:34: error: '*a' nests lists and mappings more than 64 deep\n"
          + "  hint: an alias brings in everything under its anchor; nest fewer aliases"
      ])
  }

  @Test("a rule file that uses anchors and aliases sensibly reads as if written out")
  func sensibleAliases() throws {
    let aliased = """
      year: 2016-17
      partners: [{ id: a }, { id: b }]
      rules:
        - name: Staff
          when: &staff { category: [staff, agency] }
          basis: &half { percentages: { a: 50, b: 50 } }
        - name: Staff income
          when: [*staff, { category: income }]
          basis: *half

      """
    let written = """
      year: 2016-17
      partners: [{ id: a }, { id: b }]
      rules:
        - name: Staff
          when: { category: [staff, agency] }
          basis: { percentages: { a: 50, b: 50 } }
        - name: Staff income
          when: [{ category: [staff, agency] }, { category: income }]
          basis: { percentages: { a: 50, b: 50 } }

      """
    let fromAliases = try RuleFile.parse(aliased, file: "t.yaml").ruleSet.rules
    let fromText = try RuleFile.parse(written, file: "t.yaml").ruleSet.rules
    #expect(fromAliases.map(\.basis) == fromText.map(\.basis))
    #expect(fromAliases.map(\.name) == fromText.map(\.name))
  }

  @Test("a manifest keeps the same limits")
  func manifest() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write(
      "manifest.yaml",
      "rules: " + String(repeating: "[", count: 70)
        + String(repeating: "]", count: 70) + "\n")
    #expect(throws: DiagnosticList.self) { try Manifest.load(path) }
    do { _ = try Manifest.load(path) } catch {
      #expect(error.description.hasPrefix("\(path):1:71: error: lists and mappings are nested"))
    }
  }
}
