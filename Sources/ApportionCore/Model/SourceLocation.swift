/// A place in an input file, for messages: `path:line:column`.
///
/// The core library never opens files; loaders fill these in so that every error can name
/// the file, line and column a person must fix.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
  /// The file as the user named it.
  public var file: String
  /// 1-based line; 0 when unknown.
  public var line: Int
  /// 1-based column; 0 when unknown.
  public var column: Int

  public init(file: String, line: Int = 0, column: Int = 0) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String {
    switch (line, column) {
    case (0, _): return file
    case (_, 0): return "\(file):\(line)"
    default: return "\(file):\(line):\(column)"
    }
  }
}

/// An error or warning for a person: where, what, and how to fix it.
///
/// Reads as one line, `Rules/x.yaml:14:9: error: percentages add up to 99.5%, expected 100%`,
/// followed by an indented hint when there is one.
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
    var text = location.map { "\($0): " } ?? ""
    text += "\(severity.rawValue): \(message)"
    if let hint { text += "\n  hint: \(hint)" }
    return text
  }
}

/// Several diagnostics found together (for example every problem in a rule file).
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// The nearest candidate to a misspelt word, for "did you mean" hints.
public func nearest(to word: String, in candidates: [String]) -> String? {
  let target = Array(word.lowercased())
  var best: (String, Int)?
  for candidate in candidates {
    let distance = editDistance(target, Array(candidate.lowercased()))
    if distance <= max(2, target.count / 3), distance < (best?.1 ?? .max) {
      best = (candidate, distance)
    }
  }
  return best?.0
}

private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
  if a.isEmpty { return b.count }
  var previous = Array(0...b.count)
  for (i, x) in a.enumerated() {
    var current = [i + 1] + Array(repeating: 0, count: b.count)
    for (j, y) in b.enumerated() {
      current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
    }
    previous = current
  }
  return previous[b.count]
}
