import TestSupport
import Testing

@testable import ApportionIO

/// Writes CSV text while tracking the line and column of the next character the way the
/// reader counts them: CR, LF and CRLF each end a line; every Unicode scalar is one column.
struct CSVWriter {
  private(set) var text = ""
  private(set) var line = 1
  private(set) var column = 1
  private var afterCR = false

  mutating func write(_ string: String) {
    text += string
    for scalar in string.unicodeScalars {
      if scalar == "\r" {
        line += 1
        column = 1
        afterCR = true
      } else if scalar == "\n" {
        if !afterCR {
          line += 1
          column = 1
        }
        afterCR = false
      } else {
        column += 1
        afterCR = false
      }
    }
  }
}

@Suite("CSVReader round trip")
struct CSVPropertyTests {
  /// Pieces fields are made of: the characters CSV treats specially and some that take more
  /// than one UTF-8 byte. (U+FEFF is left out: at the very start it is a byte-order mark.)
  static let pieces = [
    "a", "b", "Z", "7", "0", ".", " ", "\t", ",", "\"", "\"\"", "\n", "\r", "\r\n", "é", "£",
    "€", "😀", "ß", "日本", "e\u{301}",
  ]
  static let lineEndings = ["\n", "\r\n", "\r"]

  static func randomField(using generator: inout SeededGenerator) -> String {
    var field = ""
    for _ in 0..<Int.random(in: 0...6, using: &generator) {
      field += pieces.randomElement(using: &generator) ?? ""
    }
    return field
  }

  static func encode(_ field: String, forceQuotes: Bool) -> String {
    let special = field.unicodeScalars.contains { "\",\r\n".unicodeScalars.contains($0) }
    guard special || forceQuotes else { return field }
    return "\"" + field.replacing("\"", with: "\"\"") + "\""
  }

  /// Random rows encoded as CSV, and the records they must read back as.
  static func randomCSV(rows: Int, seed: UInt64) -> (text: String, expected: [CSVRecord]) {
    var generator = SeededGenerator(seed: seed)
    var writer = CSVWriter()
    var expected: [CSVRecord] = []
    let bom = Bool.random(using: &generator)
    for row in 0..<rows {
      if Int.random(in: 0..<10, using: &generator) == 0 {
        // A blank line. An LF right after a CR would join it into one CRLF line ending.
        writer.write(writer.text.hasSuffix("\r") ? "\r" : "\n")
      }
      let fieldCount = Int.random(in: 1...6, using: &generator)
      var fields: [String] = []
      var columns: [Int] = []
      var lines: [Int] = []
      let line = writer.line
      for index in 0..<fieldCount {
        if index > 0 { writer.write(",") }
        let field = randomField(using: &generator)
        // A row of one empty unquoted field would be a blank line, so quote it.
        let forceQuotes =
          (fieldCount == 1 && field.isEmpty) || Int.random(in: 0..<4, using: &generator) == 0
        fields.append(field)
        columns.append(writer.column)
        lines.append(writer.line)
        writer.write(encode(field, forceQuotes: forceQuotes))
      }
      expected.append(CSVRecord(fields: fields, line: line, columns: columns, lines: lines))
      if row < rows - 1 || Bool.random(using: &generator) {
        writer.write(lineEndings.randomElement(using: &generator) ?? "\n")
      }
    }
    return ((bom ? "\u{FEFF}" : "") + writer.text, expected)
  }

  @Test("random rows read back equal", arguments: [1, 2, 3, 7, 42] as [UInt64])
  func roundTrip(seed: UInt64) throws {
    let (text, expected) = Self.randomCSV(rows: 3_000, seed: seed)
    var generator = SeededGenerator(seed: seed &* 31)
    for chunkSize in [Int.random(in: 1...100, using: &generator), CSVReader.defaultChunkSize] {
      let records = try readCSV(text, chunkSize: chunkSize)
      let difference = firstDifference(records, expected)
      #expect(difference == nil, "seed \(seed), chunk size \(chunkSize)")
      if let difference {
        let actual = records.dropFirst(difference).first.map { "\($0)" } ?? "none"
        let wanted = expected.dropFirst(difference).first.map { "\($0)" } ?? "none"
        Issue.record("record \(difference): got \(actual), expected \(wanted)")
      }
    }
  }

  @Test("a truncated quoted field is reported where it opens")
  func truncatedQuote() throws {
    // Cut random CSV just inside a quoted field: the error names that field's opening quote.
    var generator = SeededGenerator(seed: 99)
    for _ in 0..<200 {
      var writer = CSVWriter()
      let plain = Self.randomField(using: &generator).unicodeScalars.filter {
        !"\",\r\n".unicodeScalars.contains($0)
      }
      writer.write(String(String.UnicodeScalarView(plain)))
      writer.write(Self.lineEndings.randomElement(using: &generator) ?? "\n")
      writer.write("x,")
      let (line, column) = (writer.line, writer.column)
      writer.write("\"" + Self.randomField(using: &generator).replacing("\"", with: "\"\""))
      let error = csvError(Array(writer.text.utf8), chunkSize: 3)
      #expect(
        error == .unterminatedQuote(line: line, column: column), "\(writer.text.debugDescription)")
    }
  }
}
