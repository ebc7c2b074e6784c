extension StringProtocol {
  /// The text with every character that could act on a terminal written out instead, so
  /// that a budget or rule file cannot colour, move, hide or reorder what `apportion` prints.
  ///
  /// Every text output goes through this: messages (``Diagnostic/description``), `check`,
  /// `explain` and `run`'s summary. Printable text, accents, `£` and emoji are unchanged.
  ///
  /// | character | shown as |
  /// | --- | --- |
  /// | tab, line feed, carriage return | `\t`, `\n`, `\r` |
  /// | escape (U+001B), any other control character (U+0000–U+001F, U+007F–U+009F) | `\u{1B}` |
  /// | line and paragraph separators (U+2028, U+2029) | `\u{2028}`, `\u{2029}` |
  /// | characters that reorder text (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, U+061C) | `\u{202E}` |
  ///
  /// ```swift
  /// "Red \u{1B}[31mtext".displayEscaped  // "Red \\u{1B}[31mtext"
  /// ```
  public var displayEscaped: String {
    guard unicodeScalars.contains(where: \.needsEscapingForDisplay) else { return String(self) }
    var out = String.UnicodeScalarView()
    for scalar in unicodeScalars {
      guard scalar.needsEscapingForDisplay else {
        out.append(scalar)
        continue
      }
      let written: String
      switch scalar {
      case "\t": written = "\\t"
      case "\n": written = "\\n"
      case "\r": written = "\\r"
      default: written = "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      }
      out.append(contentsOf: written.unicodeScalars)
    }
    return String(out)
  }
}

extension Unicode.Scalar {
  /// A control character, a line or paragraph separator, or a character that reorders text.
  var needsEscapingForDisplay: Bool {
    switch value {
    case 0x20..<0x7F: return false  // the common case first: printable ASCII
    case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029: return true
    default: return properties.isBidiControl
    }
  }
}
