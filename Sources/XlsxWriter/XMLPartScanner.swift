/// Checks one XML part of a workbook as its bytes stream past, without holding it in memory:
/// valid UTF-8, only characters a workbook can hold (`WorkbookText.isStorable`), one root
/// element, every element closed by its own end tag, and how many elements of one name
/// (`row` in a worksheet) it has.
///
/// It reads the XML libxlsxwriter writes: elements, attributes in quotes, character data and
/// entity references, processing instructions; no comments, CDATA or document types. Element
/// names are compared by a 64-bit hash, which is plenty to catch a part cut short.
///
/// ```swift
/// var scanner = XMLPartScanner(counting: "row")
/// try scanner.feed(chunk)  // for every chunk, in order
/// try scanner.finish()
/// scanner.count  // rows in the sheet
/// ```
struct XMLPartScanner {
  /// What is wrong, with the byte offset where it was found.
  struct Problem: Error, CustomStringConvertible {
    let description: String
  }

  private enum State {
    case text, tagOpen, openName, attributes, quoted, selfClose, closeName, afterCloseName
    case instruction, instructionEnd, declaration
  }

  /// Elements named as given to `init(counting:)` seen so far.
  private(set) var count = 0
  private let countedHash: UInt64
  private var state = State.text
  private var quote: UInt8 = 0
  private var hash = Self.hashStart
  private var open: [UInt64] = []
  private var rootSeen = false
  private var rootClosed = false
  private var offset = 0
  // UTF-8 decoding: the scalar so far, continuation bytes still due, the smallest value the
  // sequence's length allows (to refuse overlong forms).
  private var scalar: UInt32 = 0
  private var due = 0
  private var minimum: UInt32 = 0

  private static let hashStart: UInt64 = 0xcbf2_9ce4_8422_2325

  /// A scanner that counts elements named `element` (with any prefix written out: `c:ser`).
  init(counting element: String) {
    var hash = Self.hashStart
    for byte in element.utf8 { Self.mix(&hash, byte) }
    countedHash = hash
  }

  private static func mix(_ hash: inout UInt64, _ byte: UInt8) {
    hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
  }

  /// Reads the next bytes of the part.
  mutating func feed(_ bytes: UnsafeRawBufferPointer) throws(Problem) {
    let start = offset
    defer { offset = start + bytes.count }
    for index in 0..<bytes.count {
      let byte = bytes[index]
      // Printable ASCII outside a UTF-8 sequence needs no decoding: most of every part.
      if due != 0 || byte < 0x20 || byte >= 0x80 {
        offset = start + index
        try decode(byte)
      }
      // Inside an attribute value or character data, only the closing quote or '<' matter.
      if state == .quoted, byte != quote, byte != UInt8(ascii: "<") { continue }
      if state == .text, !open.isEmpty, byte != UInt8(ascii: "<") { continue }
      // Between attributes (their names, spaces, `=`), only a quote, '>', '/' or '<' matter.
      if state == .attributes, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "'"),
        byte != UInt8(ascii: ">"), byte != UInt8(ascii: "/"), byte != UInt8(ascii: "<")
      {
        continue
      }
      offset = start + index
      try step(byte)
    }
  }

  /// Checks that the part ended where it may: after its root element closed.
  func finish() throws(Problem) {
    guard due == 0 else { throw problem("the text ends inside a UTF-8 sequence") }
    guard rootSeen else { throw problem("there is no root element") }
    guard rootClosed, state == .text else {
      throw problem("the part ends before its root element is closed (it was cut short)")
    }
  }

  private func problem(_ what: String) -> Problem {
    Problem(description: "byte \(offset): \(what)")
  }

  private mutating func decode(_ byte: UInt8) throws(Problem) {
    if due == 0 {
      switch byte {
      case 0x20..<0x80, 0x09, 0x0A, 0x0D: return
      case 0..<0x20: throw problem("control character \(name(UInt32(byte))) cannot be in XML")
      case 0xC2...0xDF: (scalar, due, minimum) = (UInt32(byte & 0x1F), 1, 0x80)
      case 0xE0...0xEF: (scalar, due, minimum) = (UInt32(byte & 0x0F), 2, 0x800)
      case 0xF0...0xF4: (scalar, due, minimum) = (UInt32(byte & 0x07), 3, 0x10000)
      default: throw problem("invalid UTF-8")
      }
      return
    }
    guard byte & 0xC0 == 0x80 else { throw problem("invalid UTF-8") }
    scalar = scalar << 6 | UInt32(byte & 0x3F)
    due -= 1
    guard due == 0 else { return }
    guard scalar >= minimum, let value = Unicode.Scalar(scalar) else {
      throw problem("invalid UTF-8")
    }
    guard WorkbookText.isStorable(value) else {
      throw problem("character \(name(scalar)) cannot be in a workbook")
    }
  }

  private func name(_ value: UInt32) -> String {
    Unicode.Scalar(value).map(WorkbookText.name) ?? "\(value)"
  }

  private mutating func step(_ byte: UInt8) throws(Problem) {
    switch state {
    case .text:
      if byte == UInt8(ascii: "<") {
        state = .tagOpen
      } else if open.isEmpty, !Self.isSpace(byte) {
        throw problem("text outside the root element")
      }
    case .tagOpen:
      switch byte {
      case UInt8(ascii: "/"):
        state = .closeName
        hash = Self.hashStart
      case UInt8(ascii: "?"): state = .instruction
      case UInt8(ascii: "!"): state = .declaration
      case UInt8(ascii: ">"), UInt8(ascii: "<"),
        _ where Self.isSpace(byte):
        throw problem("a tag without a name")
      default:
        guard !rootClosed else { throw problem("a second root element") }
        rootSeen = true
        state = .openName
        hash = Self.hashStart
        Self.mix(&hash, byte)
      }
    case .openName:
      switch byte {
      case _ where Self.isSpace(byte):
        named()
        state = .attributes
      case UInt8(ascii: ">"):
        named()
        opened()
      case UInt8(ascii: "/"):
        named()
        state = .selfClose
      case UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "'"):
        throw problem("a broken start tag")
      default: Self.mix(&hash, byte)
      }
    case .attributes:
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        quote = byte
        state = .quoted
      case UInt8(ascii: ">"): opened()
      case UInt8(ascii: "/"): state = .selfClose
      case UInt8(ascii: "<"): throw problem("a broken start tag")
      default: break
      }
    case .quoted:
      if byte == quote {
        state = .attributes
      } else if byte == UInt8(ascii: "<") {
        throw problem("'<' inside an attribute value")
      }
    case .selfClose:
      guard byte == UInt8(ascii: ">") else { throw problem("a broken empty-element tag") }
      if open.isEmpty { rootClosed = true }
      state = .text
    case .closeName:
      switch byte {
      case UInt8(ascii: ">"): try closed()
      case _ where Self.isSpace(byte): state = .afterCloseName
      default: Self.mix(&hash, byte)
      }
    case .afterCloseName:
      if byte == UInt8(ascii: ">") {
        try closed()
      } else if !Self.isSpace(byte) {
        throw problem("a broken end tag")
      }
    case .instruction:
      if byte == UInt8(ascii: "?") { state = .instructionEnd }
    case .instructionEnd:
      if byte == UInt8(ascii: ">") {
        state = .text
      } else if byte != UInt8(ascii: "?") {
        state = .instruction
      }
    case .declaration:
      if byte == UInt8(ascii: ">") { state = .text }
    }
  }

  /// A start tag's name is complete.
  private mutating func named() {
    if hash == countedHash { count += 1 }
  }

  /// A start tag is complete: its element is open.
  private mutating func opened() {
    open.append(hash)
    state = .text
  }

  /// An end tag is complete: it must close the innermost open element.
  private mutating func closed() throws(Problem) {
    guard let innermost = open.popLast(), innermost == hash else {
      throw problem("an end tag that does not match its start tag")
    }
    if open.isEmpty { rootClosed = true }
    state = .text
  }
}
