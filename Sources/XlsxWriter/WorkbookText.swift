/// Text as a workbook can hold it: the one place where every string bound for libxlsxwriter
/// is made valid.
///
/// An `.xlsx` file is XML, and XML 1.0 cannot hold C0 control characters other than tab, line
/// feed and carriage return, nor U+FFFE and U+FFFF. Unicode's other non-characters (U+FDD0 to
/// U+FDEF and the last two code points of every plane) are allowed by XML but refused or
/// mangled by spreadsheets. libxlsxwriter 1.1.4 writes all of them unchanged (it escapes
/// control characters only in cell text), giving files that Excel and Gnumeric call damaged.
/// A Swift `String` cannot hold a lone surrogate: invalid UTF-8 is already U+FFFD when it is
/// decoded.
///
/// Cell text can carry any UTF-16 code unit as Excel's `_xHHHH_` escape, which Excel shows as
/// the character; every other text (sheet names, document properties, headers and footers,
/// chart text, number formats, formulas) cannot, so there the character is replaced with
/// U+FFFD. Literal text of the escape's shape is protected in cells, so that Excel shows it
/// as written.
///
/// | text | in a cell | anywhere else |
/// | --- | --- | --- |
/// | `a` U+0001 `b` | `a_x0001_b` | `a�b` |
/// | U+0000 | `_x0000_` | `�` |
/// | U+FFFE, U+FFFF, U+FDD0 | `_xFFFE_`, `_xFFFF_`, `_xFDD0_` | `�` |
/// | U+1FFFE (outside the BMP) | `�` | `�` |
/// | tab, line feed, carriage return | unchanged | unchanged |
/// | `_x0041_` (literal) | `_x005F_x0041_` | unchanged |
///
/// ```swift
/// WorkbookText.isStorable("\u{1}")                     // false
/// WorkbookText.replacingUnstorable("Br\u{FFFE}ent")    // "Br\u{FFFD}ent"
/// ```
public enum WorkbookText {
  /// What a text became and what had to change.
  struct Stored {
    /// The text to hand to libxlsxwriter.
    var text: String
    /// Characters stored as `_xHHHH_` escapes (cell text only), each once, in order.
    var escaped: [Unicode.Scalar] = []
    /// Characters replaced with U+FFFD, each once, in order.
    var replaced: [Unicode.Scalar] = []
  }

  /// Whether `scalar` can stand as itself in a workbook: an XML 1.0 character that is not a
  /// Unicode non-character.
  public static func isStorable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: true
    case 0..<0x20: false
    case 0xFDD0...0xFDEF: false
    case let value: value & 0xFFFE != 0xFFFE
    }
  }

  /// `text` with every character a workbook cannot hold replaced with U+FFFD; for callers
  /// that must know the name a sheet will get (to keep names unique).
  public static func replacingUnstorable(_ text: String) -> String { plain(text).text }

  /// Text for anywhere but a cell: unstorable characters replaced with U+FFFD.
  static func plain(_ text: String) -> Stored {
    guard mayNeedWork(text, cell: false) else { return Stored(text: text) }
    var stored = Stored(text: "")
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isStorable(scalar) {
        out.append(scalar)
      } else {
        out.append(replacement)
        note(scalar, in: &stored.replaced)
      }
    }
    stored.text = String(out)
    return stored
  }

  /// Cell text: literal `_xHHHH_` protected as `_x005F_xHHHH_`, unstorable characters of the
  /// Basic Multilingual Plane escaped as `_xHHHH_`, others replaced with U+FFFD.
  static func cell(_ text: String) -> Stored {
    guard mayNeedWork(text, cell: true) else { return Stored(text: text) }
    let scalars = Array(text.unicodeScalars)
    var stored = Stored(text: "")
    var out = String.UnicodeScalarView()
    out.reserveCapacity(scalars.count)
    for (index, scalar) in scalars.enumerated() {
      if scalar == "_", isLiteralEscape(scalars, at: index) {
        out.append(contentsOf: "_x005F".unicodeScalars)
      }
      if isStorable(scalar) {
        out.append(scalar)
      } else if scalar.value <= 0xFFFF {
        out.append(contentsOf: escape(scalar).unicodeScalars)
        note(scalar, in: &stored.escaped)
      } else {
        out.append(replacement)
        note(scalar, in: &stored.replaced)
      }
    }
    stored.text = String(out)
    return stored
  }

  /// U+FFFD REPLACEMENT CHARACTER.
  static let replacement: Unicode.Scalar = "\u{FFFD}"

  /// `_x0001_`: Excel's escape of one UTF-16 code unit, four upper-case hex digits.
  static func escape(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "_x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "_"
  }

  /// `U+0001`, `U+1FFFE`: how messages name a character.
  public static func name(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// A cheap look at the UTF-8 bytes: only text with a control character, a lead byte of
  /// U+F000 and above (where every non-character lies) or, in cells, a literal `_xHHHH_`
  /// needs the slow path. Most text is plain and goes through untouched.
  private static func mayNeedWork(_ text: String, cell: Bool) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      let count = bytes.count
      var index = 0
      while index < count {
        let byte = bytes[index]
        if byte < 0x20 {
          if byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
        } else if byte >= 0xEF {
          return true
        } else if cell && byte == UInt8(ascii: "_") && isLiteralEscape(bytes, at: index) {
          return true
        }
        index += 1
      }
      return false
    }
  }

  /// Whether `_xHHHH_` (four hex digits) starts at `index` of UTF-8 bytes (all ASCII, so the
  /// same test as on scalars).
  private static func isLiteralEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    guard index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"),
      bytes[index + 6] == UInt8(ascii: "_")
    else { return false }
    for offset in 2...5 {
      switch bytes[index + offset] {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
        UInt8(ascii: "A")...UInt8(ascii: "F"):
        continue
      default: return false
      }
    }
    return true
  }

  private static func note(_ scalar: Unicode.Scalar, in list: inout [Unicode.Scalar]) {
    if !list.contains(scalar) { list.append(scalar) }
  }

  /// Whether `_xHHHH_` (four hex digits) starts at `index`.
  private static func isLiteralEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
    guard index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x",
      scalars[index + 6] == "_"
    else { return false }
    return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
  }
}
