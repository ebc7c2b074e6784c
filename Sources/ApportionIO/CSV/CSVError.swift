/// A problem reading a CSV file, with the position a person should look at.
///
/// `line` and `column` are 1-based; the column counts Unicode scalars on that physical line
/// (see ``CSVRecord/columns``). An error that is about the file as a whole (it cannot be
/// opened, say) has `line` and `column` 0.
package struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
  package let line: Int
  package let column: Int
  /// What is wrong, in a few words.
  package let message: String
  /// What to do about it, if there is something useful to say.
  package let hint: String?

  package init(line: Int, column: Int, message: String, hint: String? = nil) {
    self.line = line
    self.column = column
    self.message = message
    self.hint = hint
  }

  /// `line 3, column 7: stray quote in unquoted field; quote the whole field ...`
  package var description: String {
    var text = line > 0 ? "line \(line), column \(column): \(message)" : message
    if let hint { text += "; \(hint)" }
    return text
  }
}

extension CSVError {
  static func invalidUTF8(line: Int, column: Int) -> CSVError {
    CSVError(
      line: line, column: column,
      message: "the file is not UTF-8 text: the character here cannot be read",
      hint: "save the file as UTF-8 (in Excel: Save As, CSV UTF-8)")
  }

  static func unterminatedQuote(line: Int, column: Int) -> CSVError {
    CSVError(
      line: line, column: column, message: "quoted field starting here is never closed",
      hint: "add the closing quote, and double any quote inside the field (\"\")")
  }

  static func strayQuote(line: Int, column: Int) -> CSVError {
    CSVError(
      line: line, column: column, message: "stray quote in unquoted field",
      hint: "quote the whole field and double the quote")
  }

  static func nulByte(line: Int, column: Int) -> CSVError {
    CSVError(
      line: line, column: column, message: "NUL byte (0x00): this is not a text file",
      hint: "save it as CSV UTF-8; a file saved as UTF-16 has a NUL in every other byte")
  }

  static func recordTooLong(line: Int, column: Int, limit: Int) -> CSVError {
    CSVError(
      line: line, column: column,
      message: "the row starting here is longer than \(sizeText(limit))",
      hint: "a row may hold at most \(sizeText(limit)) of text; is this the right file?")
  }

  static func quotedFieldTooLong(line: Int, column: Int, limit: Int) -> CSVError {
    CSVError(
      line: line, column: column,
      message: "the quoted field starting here makes its row longer than \(sizeText(limit))",
      hint: "is its closing quote missing? double any quote inside the field (\"\")")
  }

  /// `1 MiB` for whole mebibytes, otherwise `N bytes`.
  private static func sizeText(_ bytes: Int) -> String {
    bytes > 0 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
  }

  static func textAfterQuote(line: Int, column: Int) -> CSVError {
    CSVError(
      line: line, column: column, message: "text after the closing quote of a quoted field",
      hint: "a quote inside a quoted field must be doubled (\"\"), and a comma must follow the "
        + "closing quote")
  }
}
