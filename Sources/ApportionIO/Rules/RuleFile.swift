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
  }

  /// Reads and checks a rule file.
  ///
  /// - Throws: ``DiagnosticList`` with every error found, each naming its line and column.
  public static func load(path: String) throws(DiagnosticList) -> Contents {
    let text: String
    do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
      throw DiagnosticList([
        Diagnostic(
          at: SourceLocation(file: path), "cannot read the rule file",
          hint: FileManager.default.fileExists(atPath: path)
            ? "check that it is readable UTF-8 text" : "no such file")
      ])
    }
    return try parse(text, file: path)
  }

  /// Parses rule-file text; `file` names it in messages.
  public static func parse(_ text: String, file: String) throws(DiagnosticList) -> Contents {
    var parser = RuleFileParser(reader: YAMLReader(file: file))
    let ruleSet = parser.parse(text)
    var diagnostics = parser.reader.diagnostics
    if let ruleSet, !diagnostics.contains(where: { $0.severity == .error }) {
      // What only the whole set can tell: percentages add up, drivers exist, and so on.
      // A problem with no place of its own (no rules at all) is still this file's.
      diagnostics += Apportioner.check(ruleSet).map { diagnostic in
        var located = diagnostic
        if located.location == nil { located.location = SourceLocation(file: file) }
        return located
      }
    }
    let errors = diagnostics.filter { $0.severity == .error }
    guard let ruleSet, errors.isEmpty else {
      throw DiagnosticList(errors.isEmpty ? diagnostics : errors)
    }
    return Contents(ruleSet: ruleSet, warnings: diagnostics.filter { $0.severity == .warning })
  }
}
