/// An XML element of a part, for checks on structure that has no helper of its own (page
/// setup, conditional formats, data validation, charts).
public struct XLSXElement: Sendable, Equatable {
  /// The element's name with its prefix (`c:numCache`).
  public let name: String
  public let attributes: [String: String]
  /// The character data directly inside it.
  public let text: String
  public let children: [XLSXElement]

  init(_ tree: XMLTree) {
    name = tree.name
    attributes = tree.attributes
    text = tree.text
    children = tree.children.map(XLSXElement.init)
  }

  /// Every element below this one named `name`, in document order.
  public func descendants(named name: String) -> [XLSXElement] {
    children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(named: name) }
  }

  /// The direct children named `name`.
  public func children(named name: String) -> [XLSXElement] {
    children.filter { $0.name == name }
  }
}

extension XLSXBook {
  /// The root element of an XML part.
  public func element(part name: String) throws -> XLSXElement {
    XLSXElement(try XMLTree.parse(data(part: name)))
  }

  /// Every element named `name` in a worksheet's XML, in document order.
  public func elements(_ name: String, sheet: String) throws -> [XLSXElement] {
    try element(part: partName(sheet: sheet)).descendants(named: name)
  }

  /// The workbook's defined names and what they refer to (`Lines_Amount` →
  /// `'Lines'!$I$3:$I$107`); names local to a sheet (print areas, filters) are keyed
  /// `<sheet index>!<name>`.
  public func definedNames() throws -> [String: String] {
    var names: [String: String] = [:]
    for defined in try element(part: "xl/workbook.xml").descendants(named: "definedName") {
      guard let name = defined.attributes["name"] else { continue }
      let key = defined.attributes["localSheetId"].map { "\($0)!\(name)" } ?? name
      names[key] = defined.text
    }
    return names
  }

  /// Properties from `docProps/app.xml` (`Application`, `Company`…), keyed by element name.
  public func appProperties() throws -> [String: String] {
    var out: [String: String] = [:]
    for child in try element(part: "docProps/app.xml").children { out[child.name] = child.text }
    return out
  }

  /// Custom properties from `docProps/custom.xml` (name → text value); empty when none.
  public func customProperties() throws -> [String: String] {
    guard partNames.contains("docProps/custom.xml") else { return [:] }
    var out: [String: String] = [:]
    for property in try element(part: "docProps/custom.xml").descendants(named: "property") {
      guard let name = property.attributes["name"] else { continue }
      out[name] = property.children.first?.text ?? ""
    }
    return out
  }

  /// The chart parts (`xl/charts/chart1.xml`, …) in order.
  public var chartParts: [String] {
    partNames.filter { $0.hasPrefix("xl/charts/chart") && $0.hasSuffix(".xml") }
      .sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }
  }

  /// A worksheet's column widths by 0-based column, from its `<cols>`.
  public func columnWidths(sheet: String) throws -> [Int: Double] {
    var widths: [Int: Double] = [:]
    for col in try elements("col", sheet: sheet) {
      guard let min = col.attributes["min"].flatMap(Int.init),
        let max = col.attributes["max"].flatMap(Int.init),
        let width = col.attributes["width"].flatMap(Double.init)
      else { continue }
      for column in min...max { widths[column - 1] = width }
    }
    return widths
  }

  /// The format of a cell style: its number format code, font, alignment and borders, from
  /// `xl/styles.xml`.
  public func style(_ index: Int) throws -> XLSXStyle? {
    let styles = try element(part: "xl/styles.xml")
    guard let xfs = styles.descendants(named: "cellXfs").first?.children(named: "xf"),
      xfs.indices.contains(index)
    else { return nil }
    let xf = xfs[index]
    let fonts = styles.descendants(named: "fonts").first?.children(named: "font") ?? []
    let borders = styles.descendants(named: "borders").first?.children(named: "border") ?? []
    let font = xf.attributes["fontId"].flatMap(Int.init).flatMap {
      fonts.indices.contains($0) ? fonts[$0] : nil
    }
    let border = xf.attributes["borderId"].flatMap(Int.init).flatMap {
      borders.indices.contains($0) ? borders[$0] : nil
    }
    let alignment = xf.children(named: "alignment").first
    return XLSXStyle(
      numberFormat: try numberFormat(styleIndex: index),
      fontName: font?.children(named: "name").first?.attributes["val"],
      fontSize: font?.children(named: "sz").first?.attributes["val"].flatMap(Double.init),
      bold: font?.children(named: "b").isEmpty == false,
      horizontal: alignment?.attributes["horizontal"],
      vertical: alignment?.attributes["vertical"],
      wraps: alignment?.attributes["wrapText"] == "1",
      borderTop: border?.children(named: "top").first?.attributes["style"],
      borderBottom: border?.children(named: "bottom").first?.attributes["style"])
  }
}

/// A cell style, as much as the tests look at.
public struct XLSXStyle: Sendable, Equatable {
  public let numberFormat: String?
  public let fontName: String?
  public let fontSize: Double?
  public let bold: Bool
  /// `left`, `center`, `right`…, `nil` for General.
  public let horizontal: String?
  /// `top`, `center`, `nil` for bottom (Excel's default).
  public let vertical: String?
  public let wraps: Bool
  /// `thin`, `double`…, `nil` for none.
  public let borderTop: String?
  public let borderBottom: String?
}
