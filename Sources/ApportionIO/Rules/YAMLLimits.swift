import ApportionCore
// CYaml is the libyaml that Yams is built on (a target of the Yams package, visible to the
// modules that use Yams). Its event parser is the only way to look at a document's shape
// before Yams builds the whole tree: by then an alias bomb has already taken the time.
import CYaml

/// Limits on the shape of a YAML file (rule file or manifest), checked on libyaml's events
/// before Yams builds the document, so that no file of a few hundred bytes can make the
/// loader run for hours or overflow its stack.
///
/// An alias (`*name`) stands for everything under its anchor (`&name`), and anchors can hold
/// aliases of earlier anchors: ten lines of nested aliases (the "billion laughs") stand for
/// a billion values, each of which Yams would hash and the rule parser would visit. So:
///
/// | limit | value | a real rule file |
/// | --- | --- | --- |
/// | values repeated through aliases, over every use | 10,000 | a few hundred at most |
/// | lists and mappings nested, aliases counted in | 64 deep | under 10 |
///
/// ```swift
/// YAMLLimits.check("a: &a [x, x]\nb: [*a, *a]\n", file: "r.yaml")  // nil: within limits
/// ```
enum YAMLLimits {
  /// The most values (scalars, lists, mappings) all aliases together may repeat.
  static let maxAliasedValues = 10_000
  /// The deepest nesting of lists and mappings, counting what aliases bring in.
  static let maxDepth = 64

  /// The first limit `text` goes over, at the place it does, or nil if it keeps them all.
  ///
  /// Syntax errors are not reported here: the check stops at the first one and leaves it
  /// to Yams, whose messages the loader already turns into diagnostics.
  static func check(_ text: String, file: String) -> Diagnostic? {
    let bytes = Array(text.utf8)
    guard !bytes.isEmpty else { return nil }
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return nil }
    defer { yaml_parser_delete(&parser) }
    return bytes.withUnsafeBufferPointer { buffer in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var shape = Shape(file: file)
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        if event.type == YAML_STREAM_END_EVENT { return nil }
        if let problem = shape.take(event) { return problem }
      }
    }
  }

  /// The document's shape so far: the open lists and mappings, and what each anchor holds.
  private struct Shape {
    struct Size {
      /// Values in all, aliases expanded.
      var values: Int
      /// Levels of lists and mappings, aliases expanded: 0 for a scalar.
      var depth: Int
    }

    struct Open {
      var anchor: String?
      var size = Size(values: 1, depth: 1)
    }

    let file: String
    var open: [Open] = []
    var anchors: [String: Size] = [:]
    var aliased = 0

    init(file: String) { self.file = file }

    mutating func take(_ event: yaml_event_t) -> Diagnostic? {
      switch event.type {
      case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
        if open.count >= YAMLLimits.maxDepth {
          return diagnostic(
            event, "lists and mappings are nested more than \(YAMLLimits.maxDepth) deep",
            hint: "a rule file needs only a few levels; check the brackets and indentation")
        }
        let anchor =
          event.type == YAML_SEQUENCE_START_EVENT
          ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
        open.append(Open(anchor: anchor.map { String(cString: $0) }))
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        guard let closed = open.popLast() else { return nil }
        if let anchor = closed.anchor { anchors[anchor] = closed.size }
        add(closed.size)
      case YAML_SCALAR_EVENT:
        let size = Size(values: 1, depth: 0)
        if let anchor = event.data.scalar.anchor { anchors[String(cString: anchor)] = size }
        add(size)
      case YAML_ALIAS_EVENT:
        // An alias to no anchor is Yams's to report.
        guard let name = event.data.alias.anchor.map({ String(cString: $0) }),
          let size = anchors[name]
        else { return nil }
        aliased += size.values
        if aliased > YAMLLimits.maxAliasedValues {
          return diagnostic(
            event,
            "aliases repeat more than \(YAMLLimits.maxAliasedValues.formatted) values in all "
              + "(this '*\(name)' repeats \(size.values.formatted))",
            hint: "write the values out, or nest fewer aliases inside one another")
        }
        if open.count + size.depth > YAMLLimits.maxDepth {
          return diagnostic(
            event,
            "'*\(name)' nests lists and mappings more than \(YAMLLimits.maxDepth) deep",
            hint: "an alias brings in everything under its anchor; nest fewer aliases")
        }
        add(size)
      default:
        break
      }
      return nil
    }

    /// Counts a finished value into the list or mapping it is in.
    mutating func add(_ size: Size) {
      guard !open.isEmpty else { return }
      open[open.count - 1].size.values += size.values
      open[open.count - 1].size.depth = max(open[open.count - 1].size.depth, size.depth + 1)
    }

    func diagnostic(_ event: yaml_event_t, _ message: String, hint: String) -> Diagnostic {
      Diagnostic(
        at: SourceLocation(
          file: file, line: Int(event.start_mark.line) + 1,
          column: Int(event.start_mark.column) + 1),
        message, hint: hint)
    }
  }
}

extension Int {
  /// With thousands separators: `10,000`.
  fileprivate var formatted: String {
    let digits = Array(String(self))
    var text = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
      text.append(digit)
    }
    return text
  }
}
