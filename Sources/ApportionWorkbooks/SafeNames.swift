import ApportionCore
import XlsxWriter

/// Sheet and file names made from partner names and ids.
enum SafeNames {
  /// A valid, readable sheet name from any text: characters Excel forbids become `-`,
  /// at most 31 characters, and unique among `taken` (case-insensitively) by a ` (2)` suffix.
  static func sheetName(_ wanted: String, taken: [String]) -> String {
    var base = String(
      wanted.map { "[]:*?/\\".contains($0) ? "-" : $0 }
        .filter { !$0.isNewline && $0 != "\t" })
    base = base.trimming(anyOf: " '")
    if base.isEmpty || base.lowercased() == "history" { base = "Partner" }
    var candidate = truncated(base, to: 31)
    var counter = 2
    // Compared as the workbook will store them (see WorkbookText): "A\u{1}" and "A\u{2}"
    // would both be stored as "A\u{FFFD}".
    func stored(_ name: String) -> String { WorkbookText.replacingUnstorable(name).lowercased() }
    while taken.contains(where: { stored($0) == stored(candidate) })
      || Workbook.validateSheetName(WorkbookText.replacingUnstorable(candidate)) != nil
    {
      let suffix = " (\(counter))"
      candidate = truncated(base, to: 31 - suffix.utf16.count) + suffix
      counter += 1
    }
    return candidate
  }

  /// The start of a string whose UTF-16 length is at most `limit`.
  static func truncated(_ text: String, to limit: Int) -> String {
    var out = ""
    for character in text {
      if out.utf16.count + String(character).utf16.count > limit { break }
      out.append(character)
    }
    return out.trimming(anyOf: " '")
  }

  /// A file name (without extension) for a partner's workbook: letters, digits, `-` and `_`
  /// only, so that no id can reach outside the output folder; never `partnership`.
  static func fileStem(for id: PartnerID, taken: Set<String>) -> String {
    stem(id.rawValue, fallback: "partner", taken: taken)
  }

  /// A file or folder name from any text: letters, digits, `-` and `_` only (so it cannot
  /// reach outside the folder it is made in), at most 64 characters, `fallback` when nothing
  /// is left, never `partnership`, and unique among `taken` (lower-cased) by a `-2` suffix.
  static func stem(_ text: String, fallback: String, taken: Set<String>) -> String {
    var stem = String(
      text.unicodeScalars.map {
        ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
          || $0 == "-" || $0 == "_" ? Character($0) : "_"
      }
    ).trimming(anyOf: "._-")
    if stem.isEmpty { stem = fallback }
    stem = String(stem.prefix(64))
    var candidate = stem
    var counter = 2
    while candidate.lowercased() == "partnership" || taken.contains(candidate.lowercased()) {
      candidate = "\(stem)-\(counter)"
      counter += 1
    }
    return candidate
  }
}

extension String {
  /// The text without any of `characters` at either end (each character of the string is one
  /// to trim; unlike Foundation's `trimmingCharacters(in:)`, which takes a CharacterSet).
  func trimming(anyOf characters: String) -> String {
    let set = characters
    var s = Substring(self)
    while let first = s.first, set.contains(first) { s = s.dropFirst() }
    while let last = s.last, set.contains(last) { s = s.dropLast() }
    return String(s)
  }
}
