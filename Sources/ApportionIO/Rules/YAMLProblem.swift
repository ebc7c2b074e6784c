import Yams

/// A YAML syntax error in plain words: libyaml's problems ("found character that cannot
/// start any token", "did not find expected key", …) said as what a person sees in their
/// file and what to do about it, at the place libyaml stopped.
///
/// | libyaml | message |
/// | --- | --- |
/// | a tab where indentation is read | a tab is used to indent here |
/// | found character that cannot start any token | this value cannot start with '@' |
/// | mapping values are not allowed in this context | a ':' here is read as a new key |
/// | did not find expected key, did not find expected '-' indicator | the indentation here does not line up |
/// | did not find expected ',' or ']' / '}' | a list in [ ] / a mapping in { } is not closed |
/// | found unexpected end of stream (in a quoted scalar) | a quoted value is never closed |
/// | found undefined alias, anchors and tags | '*', '&' and '!' are not used in rule files |
/// | maximum nesting level reached | the file is nested too deeply here |
/// | anything else | the text here cannot be read as YAML |
struct YAMLProblem {
  let line: Int
  let column: Int
  let message: String
  let hint: String

  static let indentHint = "indent with spaces, lining up entries at the same level"
  static let quoteHint = "put the value in quotes"

  /// A problem with no place (libyaml gave none).
  static let unknown = YAMLProblem(
    line: 0, column: 0, message: "the file cannot be read as YAML",
    hint: "check the indentation (spaces, not tabs), quotes and brackets")

  init(line: Int, column: Int, message: String, hint: String) {
    self.line = line
    self.column = column
    self.message = message
    self.hint = hint
  }

  init(_ error: YamlError, text: String) {
    switch error {
    case .scanner(let context, let problem, var mark, _),
      .parser(let context, let problem, var mark, _),
      .composer(let context, let problem, var mark, _):
      // An unclosed quote is found at the end of the file: its start is the place to look.
      if problem == "found unexpected end of stream", let start = context?.mark { mark = start }
      let character = Self.character(in: text, line: mark.line, column: mark.column)
      let (message, hint) = Self.words(problem, at: character)
      self.init(line: mark.line, column: mark.column, message: message, hint: hint)
    case .reader(_, let offset, let value, _):
      var line = 1
      var column = 1
      for character in text.prefix(offset ?? 0) {
        if character == "\n" || character == "\r\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      }
      let hex = String(value, radix: 16, uppercase: true)
      self.init(
        line: line, column: column,
        message: "the file has a control character here (U+"
          + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ")",
        hint: "remove it: a rule file is plain text")
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      let place =
        duplicates.first.flatMap { Self.repeated($0, in: text, mapping: context.mark) }
        ?? (context.mark.line, context.mark.column)
      self.init(
        line: place.0, column: place.1,
        message: "\(keys) is written twice in the same mapping",
        hint: duplicates.contains(where: Self.isThousands)
          ? Self.thousandsHint : "keep one of them")
    default:
      self = .unknown
    }
  }

  /// Whether a key is the thousands of an amount cut off by a comma: `{ a: 100,000.00 }`
  /// is, in a flow mapping, `a: 100` and a key `000.00` (a comma separates entries).
  static func isThousands(_ key: String) -> Bool {
    !key.isEmpty && key.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
  }

  static let thousandsHint =
    "inside { … } a comma separates entries, so an amount written 100,000.00 reads as two; "
    + "write it 100000.00, or in quotes ('100,000.00')"

  /// Where `key` is written the second time in the mapping starting at `mapping`: in a block
  /// mapping, the keys start at the mapping's column; in a flow mapping (`{ … }`), anywhere
  /// after it. Nil when it cannot be found.
  private static func repeated(_ key: String, in text: String, mapping: Mark) -> (Int, Int)? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
    guard mapping.line >= 1, mapping.line <= lines.count else { return nil }
    let flow = character(in: text, line: mapping.line, column: mapping.column) == "{"
    let wanted = Array(key)
    var seen = 0
    for index in (mapping.line - 1)..<lines.count {
      let line = lines[index]
      let columns: [Int] =
        flow ? Array(line.indices) : (mapping.column - 1 < line.count ? [mapping.column - 1] : [])
      for start in columns where !(index == mapping.line - 1 && start < mapping.column - 1) {
        guard start + wanted.count <= line.count,
          Array(line[start..<start + wanted.count]) == wanted
        else { continue }
        if flow, start > 0, !"{, ".contains(line[start - 1]) { continue }
        let rest = line[(start + wanted.count)...].drop { $0 == " " }
        guard rest.first == ":" else { continue }
        seen += 1
        if seen == 2 { return (index + 1, start + 1) }
      }
    }
    return nil
  }

  /// The character at a 1-based line and column, if there is one.
  private static func character(in text: String, line: Int, column: Int) -> Character? {
    var current = 1
    for row in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if current == line {
        let characters = Array(row)
        return column >= 1 && column <= characters.count ? characters[column - 1] : nil
      }
      current += 1
    }
    return nil
  }

  private static func words(_ problem: String, at character: Character?) -> (String, String) {
    if character == "\t" || problem.contains("tab character") {
      return ("a tab is used to indent here", "use spaces to indent: YAML does not allow tabs")
    }
    switch problem {
    case "found character that cannot start any token":
      let shown = character.map { "'\($0)'" } ?? "this character"
      return ("a value cannot start with \(shown)", quoteHint + ", e.g. name: \"@home\"")
    case "mapping values are not allowed in this context":
      return (
        "a ':' here is read as the start of another key",
        "put a value that contains ': ' in quotes, or check the indentation of this line"
      )
    case "could not find expected ':'":
      return ("this line has no ':' after its key", "write key: value, or quote the text")
    case "did not find expected key", "did not find expected '-' indicator",
      "block sequence entries are not allowed in this context",
      "mapping keys are not allowed in this context":
      return ("the indentation here does not line up with the lines above", indentHint)
    case "did not find expected ',' or ']'":
      return (
        "a list in [ ] is not closed, or a ',' is missing before this",
        "check that every '[' has its ']' and that items are separated by commas"
      )
    case "did not find expected ',' or '}'":
      return (
        "a mapping in { } is not closed, or a ',' is missing before this",
        "check that every '{' has its '}' and that entries are separated by commas"
      )
    case "did not find expected node content":
      return ("a value is missing here", "write a value, or remove the stray ',' or ':'")
    case "found unexpected end of stream":
      return ("the quoted value starting here is never closed", "add the closing quote")
    case "found unknown escape character", "found invalid Unicode character escape code",
      "did not find expected hexdecimal number":
      return (
        "a '\\' in a double-quoted value starts an unknown escape",
        "use single quotes, or write \\\\ for a backslash"
      )
    case "did not find expected comment or line break":
      return (
        "there is more text after a value here",
        "put the whole value in quotes, or start the text on a new line"
      )
    case "found undefined alias":
      return ("a value cannot start with '*' (YAML reads it as a reference)", quoteHint)
    case "found undefined tag handle", "did not find expected tag URI",
      "did not find URI escaped octet", "did not find expected '!'":
      return ("'!' starts a YAML tag, which rule files do not use", quoteHint)
    case "did not find expected alphabetic or numeric character":
      return ("'&' or '*' must be followed by a name", quoteHint)
    case "found unexpected document indicator", "did not find expected <document start>",
      "but found another document":
      return ("the file holds more than one document ('---' or '...')", "keep one document")
    default:
      if problem.lowercased().contains("nest") {
        return (
          "the file is nested too deeply here", "a rule file needs only a few levels of nesting"
        )
      }
      return (unknown.message + " here", unknown.hint)
    }
  }
}
