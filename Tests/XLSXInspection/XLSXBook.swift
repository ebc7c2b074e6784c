import Foundation
import ZIPFoundation

/// A read-only view of an `.xlsx` file, for tests: sheet names, cells, styles, properties.
///
/// ```swift
/// let book = try XLSXBook(path: path)
/// let cells = try book.cells(sheet: "Lines")
/// #expect(cells["B12"]?.value == "1234.57")
/// ```
public struct XLSXBook {
  /// Every part (file) in the package, e.g. `xl/worksheets/sheet1.xml`.
  public let partNames: [String]
  /// Worksheet names in workbook order.
  public let sheetNames: [String]
  private let parts: [String: Data]
  private let sheetParts: [String: String]

  /// Opens and reads the whole package into memory.
  public init(path: String) throws {
    let archive: Archive
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil)
    } catch {
      throw XLSXInspectionError.notAZip(path)
    }
    var parts: [String: Data] = [:]
    for entry in archive where entry.type == .file {
      var data = Data()
      _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
      parts[entry.path] = data
    }
    self.parts = parts
    self.partNames = parts.keys.sorted()

    let workbook = try XMLTree.parse(Self.part("xl/workbook.xml", in: parts))
    let rels = try XMLTree.parse(Self.part("xl/_rels/workbook.xml.rels", in: parts))
    var targets: [String: String] = [:]
    for rel in rels.descendants(named: "Relationship") {
      guard let id = rel.attributes["Id"], let target = rel.attributes["Target"] else { continue }
      targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }
    var names: [String] = []
    var sheetParts: [String: String] = [:]
    for sheet in workbook.descendants(named: "sheet") {
      guard let name = sheet.attributes["name"], let id = sheet.attributes["r:id"],
        let target = targets[id]
      else { throw XLSXInspectionError.malformed("xl/workbook.xml", "sheet without r:id") }
      names.append(name)
      sheetParts[name] = target
    }
    self.sheetNames = names
    self.sheetParts = sheetParts
  }

  private static func part(_ name: String, in parts: [String: Data]) throws -> Data {
    guard let data = parts[name] else { throw XLSXInspectionError.missingPart(name) }
    return data
  }

  /// The raw bytes of a part.
  public func data(part name: String) throws -> Data { try Self.part(name, in: parts) }

  /// The text of an XML part, for ad-hoc checks.
  public func rawXML(part name: String) throws -> String {
    String(decoding: try data(part: name), as: UTF8.self)
  }

  /// The package path of a worksheet's XML, e.g. `xl/worksheets/sheet1.xml`.
  public func partName(sheet: String) throws -> String {
    guard let part = sheetParts[sheet] else { throw XLSXInspectionError.noSuchSheet(sheet) }
    return part
  }

  /// The shared strings (`xl/sharedStrings.xml`), empty when there is none.
  public func sharedStrings() throws -> [String] {
    guard let data = parts["xl/sharedStrings.xml"] else { return [] }
    let sst = try XMLTree.parse(data)
    return sst.children(named: "si").map { si in
      // Plain <t>, or rich-text runs <r><t>; phonetic runs (<rPh>) are not part of the text.
      si.children.filter { $0.name != "rPh" }.flatMap { node in
        node.name == "t" ? [node] : node.children(named: "t")
      }.map(\.text).joined()
    }
  }

  /// All cells of a sheet keyed by A1 reference (`"B12"`).
  public func cells(sheet: String) throws -> [String: XLSXCell] {
    let tree = try XMLTree.parse(data(part: partName(sheet: sheet)))
    let shared = try sharedStrings()
    var cells: [String: XLSXCell] = [:]
    for c in tree.descendants(named: "c") {
      let cell = try XLSXCell(c, shared: shared)
      cells[cell.reference] = cell
    }
    return cells
  }

  /// One cell, or `nil` when the sheet has no `<c>` element for it.
  public func cell(sheet: String, _ reference: String) throws -> XLSXCell? {
    try cells(sheet: sheet)[reference]
  }

  /// Document properties from `docProps/core.xml`, keyed by element name with prefix:
  /// `dc:title`, `dc:subject`, `dc:creator`, `dc:description`, `dcterms:created`, …
  public func coreProperties() throws -> [String: String] {
    let core = try XMLTree.parse(data(part: "docProps/core.xml"))
    var out: [String: String] = [:]
    for child in core.children { out[child.name] = child.text }
    return out
  }

  /// The number format code of a cell style index (`s` attribute), from `xl/styles.xml`.
  ///
  /// Built-in formats are returned as `builtin:<id>` (e.g. `builtin:0` for General).
  public func numberFormat(styleIndex: Int) throws -> String? {
    let styles = try XMLTree.parse(data(part: "xl/styles.xml"))
    var custom: [String: String] = [:]
    for format in styles.descendants(named: "numFmt") {
      if let id = format.attributes["numFmtId"], let code = format.attributes["formatCode"] {
        custom[id] = code
      }
    }
    guard let xfs = styles.descendants(named: "cellXfs").first else { return nil }
    let list = xfs.children(named: "xf")
    guard list.indices.contains(styleIndex) else { return nil }
    let id = list[styleIndex].attributes["numFmtId"] ?? "0"
    return custom[id] ?? "builtin:\(id)"
  }
}
