import ApportionCore
import Yams

/// Reads a YAML document node by node, keeping each node's place in the file so that every
/// message can name it, and collecting problems instead of stopping at the first.
struct YAMLReader {
  let file: String
  /// What the file is, for messages: "the rule file", "the manifest".
  let what: String
  private(set) var diagnostics: [Diagnostic] = []

  init(file: String, what: String = "the rule file") {
    self.file = file
    self.what = what
  }

  func location(_ node: Node?) -> SourceLocation {
    // A problem with no node of its own is the whole file's: its start.
    SourceLocation(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
  }

  mutating func error(_ node: Node?, _ message: String, hint: String? = nil) {
    diagnostics.append(Diagnostic(at: location(node), message, hint: hint))
  }

  /// Records a problem found outside the reader (for example when a change is applied).
  mutating func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  mutating func warning(_ node: Node?, _ message: String, hint: String? = nil) {
    diagnostics.append(Diagnostic(.warning, at: location(node), message, hint: hint))
  }

  /// Parses YAML text into its root node, or records the syntax error (in plain words) or
  /// the limit it goes over (see ``YAMLLimits``).
  mutating func root(_ text: String) -> Node? {
    if let problem = YAMLLimits.check(text, file: file) {
      diagnostics.append(problem)
      return nil
    }
    do {
      guard let node = try Yams.compose(yaml: text) else {
        error(nil, "\(what) is empty", hint: "see Rules/README.md for what it holds")
        return nil
      }
      return node
    } catch let yamlError as YamlError {
      let problem = YAMLProblem(yamlError, text: text)
      diagnostics.append(
        Diagnostic(
          at: SourceLocation(file: file, line: problem.line, column: problem.column),
          problem.message, hint: problem.hint))
      return nil
    } catch {
      let problem = YAMLProblem.unknown
      diagnostics.append(
        Diagnostic(at: SourceLocation(file: file), problem.message, hint: problem.hint))
      return nil
    }
  }

  /// The entries of a mapping as (key text, key node, value node), or an error.
  mutating func mapping(_ node: Node, what: String) -> [(String, Node, Node)]? {
    guard case .mapping(let mapping) = node else {
      error(node, "\(what) must be a mapping of keys to values (key: value)")
      return nil
    }
    var entries: [(String, Node, Node)] = []
    for (key, value) in mapping {
      guard let text = key.scalar?.string else {
        error(key, "\(what): a key must be plain text")
        continue
      }
      guard checkCharacters(text, node: key, what: "a key in \(what)") else { continue }
      entries.append((text, key, value))
    }
    return entries
  }

  /// The mapping's entries, each key checked against those allowed.
  mutating func fields(
    _ node: Node, what: String, allowed: [String], required: [String] = []
  ) -> [String: (key: Node, value: Node)]? {
    guard let entries = mapping(node, what: what) else { return nil }
    var result: [String: (key: Node, value: Node)] = [:]
    for (text, key, value) in entries {
      guard allowed.contains(text) else {
        let suggestion = DidYouMean.nearest(to: text, in: allowed)
        let shown = text.count > 60 ? String(text.prefix(60)) + "…" : text
        error(
          key, "unknown key '\(shown)' in \(what)",
          hint: YAMLProblem.isThousands(text)
            ? YAMLProblem.thousandsHint
            : (suggestion.map { "did you mean '\($0)'? " } ?? "")
              + "\(what) takes: \(allowed.joined(separator: ", "))")
        continue
      }
      result[text] = (key, value)
    }
    for name in required where result[name] == nil {
      error(node, "\(what) has no '\(name)'", hint: "add '\(name): ...'")
    }
    return result
  }

  /// Plain text from a scalar node (numbers and booleans as written).
  mutating func text(_ node: Node, what: String) -> String? {
    guard case .scalar(let scalar) = node else {
      error(node, "\(what) must be a single value, not a list or mapping")
      return nil
    }
    guard checkCharacters(scalar.string, node: node, what: what) else { return nil }
    let length = InputLimits.length(scalar.string)
    guard length <= InputLimits.textLength else {
      error(
        node,
        "\(what) is \(InputLimits.grouped(length)) characters long; the most a workbook cell "
          + "holds is \(InputLimits.grouped(InputLimits.textLength))", hint: "shorten it")
      return nil
    }
    return scalar.string
  }

  /// Whether a value is free of control characters other than a tab or a line break (a
  /// YAML escape such as `"\0"` or `"\e"` can put one in a quoted value); records the error
  /// if not. A NUL cannot even be stored in a workbook.
  private mutating func checkCharacters(_ text: String, node: Node, what: String) -> Bool {
    guard
      let bad = text.unicodeScalars.first(where: {
        $0.properties.generalCategory == .control && !["\t", "\n", "\r"].contains($0)
      })
    else { return true }
    let hex = String(bad.value, radix: 16, uppercase: true)
    error(
      node,
      "\(what) holds a control character (U+\(String(repeating: "0", count: max(0, 4 - hex.count)))"
        + "\(hex))", hint: "remove it: rule files hold plain text")
    return false
  }

  /// A list of plain values; a single value counts as a list of one.
  mutating func texts(_ node: Node, what: String) -> [String]? {
    switch node {
    case .scalar(let scalar): return [scalar.string]
    case .sequence(let sequence):
      var values: [String] = []
      for item in sequence {
        guard let value = text(item, what: "each item of \(what)") else { return nil }
        values.append(value)
      }
      return values
    default:
      error(node, "\(what) must be a value or a list of values")
      return nil
    }
  }

  mutating func bool(_ node: Node, what: String) -> Bool? {
    guard let value = text(node, what: what) else { return nil }
    switch value.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default:
      error(node, "\(what) must be true or false, not '\(value)'")
      return nil
    }
  }
}

extension Node {
  var scalar: Node.Scalar? {
    if case .scalar(let scalar) = self { return scalar }
    return nil
  }
}
