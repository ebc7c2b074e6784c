extension PartnerID {
  /// The longest id, in characters.
  public static let maxLength = 64

  /// Why a text cannot be a partner's id (a message and a hint for the person who wrote it).
  public struct Problem: Sendable, Hashable {
    public let message: String
    public let hint: String
  }

  /// Ids that would take a file name `apportion` writes itself (`partnership.xlsx`), or that
  /// Windows cannot open as a file (`con.xlsx`), compared ignoring case.
  static let reserved: Set<String> = {
    var names: Set<String> = ["partnership", "con", "prn", "aux", "nul"]
    for n in 1...9 {
      names.insert("com\(n)")
      names.insert("lpt\(n)")
    }
    return names
  }()

  /// Why `text` cannot be a partner's id, or nil when it can.
  ///
  /// An id names the partner's workbook, `<id>.xlsx`, next to `partnership.xlsx`, so it is
  /// 1 to 64 ASCII letters, digits, `-` and `_`, starting and ending with a letter or a
  /// digit, and neither `partnership` nor a name Windows reserves (`con`, `nul`, `com1`…),
  /// in any case. (That ids are unique ignoring case is checked with the other partners.)
  ///
  /// | id | |
  /// | --- | --- |
  /// | `brent`, `Lewisham-2`, `lb_01` | accepted |
  /// | `""`, `a b`, `-a`, `a_`, `brent.xlsx`, `hé` | not letters, digits, `-`, `_` with a letter or digit at each end |
  /// | `partnership`, `Partnership` | the partnership's workbook |
  /// | `con`, `NUL`, `com1` | Windows cannot open the file |
  public static func problem(with text: String) -> Problem? {
    let rule =
      "an id is letters, digits, '-' and '_', starting and ending with a letter or digit: it "
      + "names the partner's workbook, <id>.xlsx; put spaces and other characters in 'name'"
    let shown = text.count > 80 ? String(text.prefix(80)) + "…" : text
    guard !text.isEmpty else { return Problem(message: "a partner's id is empty", hint: rule) }
    if let bad = text.unicodeScalars.first(where: { !Self.isIDCharacter($0) }) {
      let character = bad == " " ? "a space" : "'\(bad)'"
      return Problem(message: "partner id '\(shown)' has \(character) in it", hint: rule)
    }
    if let first = text.unicodeScalars.first, first == "-" || first == "_" {
      return Problem(message: "partner id '\(shown)' starts with '\(first)'", hint: rule)
    }
    if let last = text.unicodeScalars.last, last == "-" || last == "_" {
      return Problem(message: "partner id '\(shown)' ends with '\(last)'", hint: rule)
    }
    if text.count > maxLength {
      return Problem(
        message: "partner id '\(shown)' is \(text.count) characters long; the most is "
          + "\(maxLength)", hint: "shorten the id; the name shown in reports can stay long")
    }
    let lower = text.lowercased()
    if lower == "partnership" {
      return Problem(
        message: "partner id '\(text)' would take the file name of the partnership's own "
          + "workbook (partnership.xlsx)",
        hint: "choose another id; the partner's name in reports can still be '\(text)'")
    }
    if reserved.contains(lower) {
      return Problem(
        message: "partner id '\(text)' cannot be a file name on Windows (\(text).xlsx would "
          + "not open)", hint: "choose another id, for example '\(text)-council'")
    }
    return nil
  }

  private static func isIDCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a"..."z", "A"..."Z", "0"..."9", "-", "_": return true
    default: return false
    }
  }
}
