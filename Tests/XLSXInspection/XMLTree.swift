import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A minimal element tree built with `XMLParser`: names keep their prefixes (`dc:title`),
/// text is the concatenated character data directly inside the element.
final class XMLTree {
  let name: String
  let attributes: [String: String]
  private(set) var children: [XMLTree] = []
  fileprivate(set) var text = ""

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  func children(named name: String) -> [XMLTree] { children.filter { $0.name == name } }

  func descendants(named name: String) -> [XMLTree] {
    var found: [XMLTree] = []
    var stack = Array(children.reversed())
    while let node = stack.popLast() {
      if node.name == name { found.append(node) }
      stack.append(contentsOf: node.children.reversed())
    }
    return found
  }

  static func parse(_ data: Data) throws -> XMLTree {
    let builder = Builder()
    let parser = XMLParser(data: data)
    parser.delegate = builder
    guard parser.parse(), let root = builder.root else {
      throw XLSXInspectionError.malformed(
        "xml", parser.parserError.map { "\($0)" } ?? "no root element")
    }
    return root
  }

  private final class Builder: NSObject, XMLParserDelegate {
    var root: XMLTree?
    var stack: [XMLTree] = []

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
      let node = XMLTree(name: elementName, attributes: attributeDict)
      if let parent = stack.last { parent.children.append(node) } else { root = node }
      stack.append(node)
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
      qualifiedName qName: String?
    ) {
      _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      stack.last?.text += string
    }
  }
}
