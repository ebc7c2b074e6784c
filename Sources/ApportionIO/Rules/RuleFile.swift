import ApportionCore
import Foundation
import Yams

/// Reads rule files (YAML) into a ``RuleSet``. The language is described in
/// `Rules/README.md`.
///
/// ```swift
/// let file = try RuleFile.load(path: "Rules/brent-lewisham.yaml")
/// for warning in file.warnings { print(warning) }
/// let engine = try Apportioner(ruleSet: file.ruleSet, schema: budget.schema)
/// ```
public enum RuleFile {
  /// A rule file that was read without errors: its rules and any warnings.
  public struct Contents: Sendable {
    public let ruleSet: RuleSet
    /// Problems that do not stop a run (for example a rule that can never be reached).
    public let warnings: [Diagnostic]
    /// The SHA-256 of the file's bytes as read (its UTF-8 text).
    public let sha256: String
  }

  /// Reads and checks a rule file.
  ///
  /// - Throws: ``DiagnosticList`` with every error found, each naming its line and column.
  public static func load(path: String) throws(DiagnosticList) -> Contents {
    let text = try readText(path, what: "the rule file", limit: InputLimits.ruleFileBytes)
    return try parse(text, file: path)
  }

  /// A small text file read whole (a rule file, a manifest), or the reason it cannot be, in
  /// plain words and placed where a place exists.
  static func readText(_ path: String, what: String, limit: Int) throws(DiagnosticList)
    -> String
  {
    let bytes: [UInt8]
    do { bytes = try InputFile.readAll(path, limit: limit) } catch {
      throw DiagnosticList([
        Diagnostic(
          at: SourceLocation(file: path), "cannot read \(what): \(error.reason)",
          hint: "check the path; \(what) is a YAML text file")
      ])
    }
    switch InputFile.text(bytes) {
    case .success(let text): return text
    case .failure(let place):
      throw DiagnosticList([
        Diagnostic(
          at: SourceLocation(file: path, line: place.line, column: place.column),
          "\(what) is not UTF-8 text: the character here cannot be read",
          hint: "save the file as UTF-8 text (in most editors: Save As, encoding UTF-8)")
      ])
    }
  }

  /// Parses rule-file text; `file` names it in messages.
  public static func parse(_ text: String, file: String) throws(DiagnosticList) -> Contents {
    var parser = RuleFileParser(reader: YAMLReader(file: file))
    let ruleSet = parser.parse(text)
    var diagnostics = parser.reader.diagnostics
    if let ruleSet, !diagnostics.contains(where: { $0.severity == .error }) {
      diagnostics += wordLengthProblems(ruleSet)
    }
    if let ruleSet, !diagnostics.contains(where: { $0.severity == .error }) {
      // What only the whole set can tell: percentages add up, drivers exist, and so on.
      // A problem with no place of its own (no rules at all) is still this file's.
      diagnostics += Apportioner.check(ruleSet).map { diagnostic in
        var located = diagnostic
        if located.location == nil {
          located.location = SourceLocation(file: file, line: 1, column: 1)
        }
        return located
      }
    }
    let errors = diagnostics.filter { $0.severity == .error }
    guard let ruleSet, errors.isEmpty else {
      throw DiagnosticList(errors.isEmpty ? diagnostics : errors)
    }
    return Contents(
      ruleSet: ruleSet, warnings: diagnostics.filter { $0.severity == .warning },
      sha256: FileDigest.sha256(Array(text.utf8)))
  }

  /// Rules whose description in words (what `check` prints, and the workbooks' Rules sheet
  /// holds in a cell) is longer than a workbook cell holds.
  static func wordLengthProblems(_ ruleSet: RuleSet) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    for rule in ruleSet.rules {
      let takes = "lines where " + rule.condition.summary
      let basis = rule.basis.describe(partners: ruleSet.partners, drivers: ruleSet.drivers)
      for (what, words) in [("its conditions", takes), ("its basis", basis)] {
        let length = InputLimits.length(words)
        guard length > InputLimits.textLength else { continue }
        problems.append(
          Diagnostic(
            at: rule.location,
            "rule '\(rule.name)': \(what) in words are \(InputLimits.grouped(length)) characters "
              + "long; the most a workbook cell holds is "
              + InputLimits.grouped(InputLimits.textLength),
            hint: "list fewer values, or split the rule in two"))
      }
    }
    return problems
  }
}
