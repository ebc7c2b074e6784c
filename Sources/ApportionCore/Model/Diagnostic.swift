/// An error or warning for a person: where, what, and how to fix it.
///
/// Reads as one line, `Rules/x.yaml:14:9: error: percentages add up to 99.5%, expected 100%`,
/// followed by an indented hint when there is one. Text from the inputs in the place, the
/// message or the hint is shown with control characters escaped (see
/// ``Swift/StringProtocol/displayEscaped``), so a message is always one line and a hint
/// another.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Severity: String, Sendable { case error, warning }

  public var severity: Severity
  public var location: SourceLocation?
  public var message: String
  public var hint: String?

  public init(
    _ severity: Severity = .error, at location: SourceLocation?, _ message: String,
    hint: String? = nil
  ) {
    self.severity = severity
    self.location = location
    self.message = message
    self.hint = hint
  }

  public var description: String {
    var text = location.map { "\($0)".displayEscaped + ": " } ?? ""
    text += "\(severity.rawValue): \(message.displayEscaped)"
    if let hint { text += "\n  hint: \(hint.displayEscaped)" }
    return text
  }
}

/// Several diagnostics found together (for example every problem in a rule file).
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
