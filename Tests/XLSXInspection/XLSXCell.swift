/// One `<c>` element of a worksheet, as stored.
public struct XLSXCell: Equatable, Sendable {
  /// What the cell holds.
  public enum Kind: Equatable, Sendable {
    /// A number (`t` absent or `n`).
    case number
    /// Text, inline (`t="inlineStr"`) or shared (`t="s"`, resolved through the table).
    case string
    /// A formula (`<f>`); `value` is its cached result.
    case formula
    /// `t="b"`; `value` is `0` or `1`.
    case boolean
    /// `t="e"`, e.g. `#DIV/0!`.
    case error
    /// No value (a formatted empty cell).
    case blank
  }

  /// The A1 reference (`r` attribute).
  public let reference: String
  public let kind: Kind
  /// The exact text in the XML: the `<v>` text, or the string itself for text cells.
  public let value: String
  /// `value` with Excel's `_xHHHH_` escapes decoded: the text Excel shows for a string cell.
  public var text: String { Self.decodeXstring(value) }
  /// The `<f>` text (without `=`), when a formula.
  public let formula: String?
  /// The `t` attribute as written (`inlineStr`, `s`, `str`, `n`, `b`, `e`), if any.
  public let type: String?
  /// The `s` attribute: an index into `cellXfs` of `xl/styles.xml`; 0 when absent.
  public let styleIndex: Int

  init(_ c: XMLTree, shared: [String]) throws {
    guard let reference = c.attributes["r"] else {
      throw XLSXInspectionError.malformed("worksheet", "cell without r attribute")
    }
    self.reference = reference
    self.type = c.attributes["t"]
    self.styleIndex = c.attributes["s"].flatMap { Int($0) } ?? 0
    let v = c.children(named: "v").first?.text
    let f = c.children(named: "f").first
    self.formula = f?.text
    if f != nil {
      kind = .formula
      value = v ?? ""
      return
    }
    switch type {
    case "inlineStr":
      kind = .string
      let inline = c.children(named: "is").first
      value = (inline?.children ?? []).filter { $0.name != "rPh" }.flatMap { node in
        node.name == "t" ? [node] : node.children(named: "t")
      }.map(\.text).joined()
    case "s":
      guard let v, let index = Int(v), shared.indices.contains(index) else {
        throw XLSXInspectionError.malformed("worksheet", "\(reference): bad shared string index")
      }
      kind = .string
      value = shared[index]
    case "str":
      kind = .string
      value = v ?? ""
    case "b":
      kind = .boolean
      value = v ?? ""
    case "e":
      kind = .error
      value = v ?? ""
    default:
      kind = v == nil ? .blank : .number
      value = v ?? ""
    }
  }

  /// Decodes `_xHHHH_` escapes (ST_Xstring) as Excel does: `_x0041_` → `A`,
  /// `_x005F_x0041_` → `_x0041_`.
  public static func decodeXstring(_ raw: String) -> String {
    var out = ""
    var rest = Substring(raw)
    while let start = rest.firstIndex(of: "_") {
      out += rest[..<start]
      let candidate = rest[start...].prefix(7)
      if candidate.count == 7, candidate.hasSuffix("_"),
        candidate.dropFirst().first == "x",
        let code = UInt32(candidate.dropFirst(2).prefix(4), radix: 16),
        let scalar = Unicode.Scalar(code)
      {
        out.unicodeScalars.append(scalar)
        rest = rest[start...].dropFirst(7)
      } else {
        out += "_"
        rest = rest[start...].dropFirst()
      }
    }
    return out + rest
  }
}
