/// One record (row) read by ``CSVReader``.
///
/// Fields are returned exactly as written, after unquoting: spaces around an unquoted field
/// are kept (`a, b` gives `"a"` and `" b"`), and trimming is the caller's job. Line breaks
/// inside a quoted field are kept as they appear in the file (`\n`, `\r\n` or `\r`).
package struct CSVRecord: Sendable, Equatable {
  /// The field values, unquoted, in file order. Never empty.
  package let fields: [String]
  /// The 1-based physical line on which the record starts.
  package let line: Int
  /// For each field, the 1-based column on its own physical line where the field starts
  /// (the opening quote for a quoted field). Columns count Unicode scalars, so `é` and `£`
  /// count 1, a tab counts 1, and a leading byte-order mark does not count.
  package let columns: [Int]
  /// For each field, the 1-based physical line where it starts. It differs from ``line``
  /// only after a quoted field that spans several lines.
  package var lines: [Int] {
    fieldLines.isEmpty ? Array(repeating: line, count: fields.count) : fieldLines
  }
  /// ``lines``, or none when every field starts on ``line`` (the usual case: one array less
  /// to make for every record).
  package let fieldLines: [Int]

  package init(fields: [String], line: Int, columns: [Int], lines: [Int]) {
    self.fields = fields
    self.line = line
    self.columns = columns
    fieldLines = lines.allSatisfy { $0 == line } ? [] : lines
  }

  /// The line where a field starts.
  package func line(ofField index: Int) -> Int {
    index < fieldLines.count ? fieldLines[index] : line
  }
}
