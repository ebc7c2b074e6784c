import Testing

@testable import ApportionIO

/// An input that must fail, and the exact error.
struct CSVErrorCase: CustomTestStringConvertible, Sendable {
  let name: String
  let input: [UInt8]
  let expected: CSVError

  init(_ name: String, _ input: [UInt8], _ expected: CSVError) {
    self.name = name
    self.input = input
    self.expected = expected
  }

  init(_ name: String, _ input: String, _ expected: CSVError) {
    self.init(name, Array(input.utf8), expected)
  }

  var testDescription: String { name }
}

let csvErrorCases: [CSVErrorCase] = [
  CSVErrorCase("stray quote", "ab\"c", .strayQuote(line: 1, column: 3)),
  CSVErrorCase("stray quote on line 2", "x\r\nab\"c\r\n", .strayQuote(line: 2, column: 3)),
  CSVErrorCase("stray quote at end of field", "a,b\",c", .strayQuote(line: 1, column: 4)),
  CSVErrorCase("space before opening quote", "a, \"b\"", .strayQuote(line: 1, column: 4)),
  CSVErrorCase("stray quote after multi-byte", "£é\"", .strayQuote(line: 1, column: 3)),
  CSVErrorCase("text after closing quote", "\"ab\"c", .textAfterQuote(line: 1, column: 5)),
  CSVErrorCase(
    "space after closing quote", "\"ab\" ,c", .textAfterQuote(line: 1, column: 5)),
  CSVErrorCase(
    "text after closing quote on a later line", "x,\"a\nb\"c\n",
    .textAfterQuote(line: 2, column: 3)),
  CSVErrorCase(
    "multi-byte text after closing quote", "\"a\"é", .textAfterQuote(line: 1, column: 4)),
  CSVErrorCase("unterminated quoted field", "a,\"b", .unterminatedQuote(line: 1, column: 3)),
  CSVErrorCase(
    "unterminated across lines", "a\n\"b\nc\nd", .unterminatedQuote(line: 2, column: 1)),
  CSVErrorCase(
    "unterminated after a doubled quote", "a,\"b\"\"", .unterminatedQuote(line: 1, column: 3)),
  CSVErrorCase(
    "unterminated after multi-byte", "é,\"€\n", .unterminatedQuote(line: 1, column: 3)),
  CSVErrorCase("lone opening quote", "\"", .unterminatedQuote(line: 1, column: 1)),
  CSVErrorCase("invalid byte", [0x61, 0x2C, 0xFF], .invalidUTF8(line: 1, column: 3)),
  CSVErrorCase("lone continuation byte", [0x80, 0x0A], .invalidUTF8(line: 1, column: 1)),
  CSVErrorCase("overlong two-byte form", [0xC0, 0xAF], .invalidUTF8(line: 1, column: 1)),
  CSVErrorCase("overlong three-byte form", [0xE0, 0x80, 0x80], .invalidUTF8(line: 1, column: 1)),
  CSVErrorCase("UTF-16 surrogate", [0xED, 0xA0, 0x80], .invalidUTF8(line: 1, column: 1)),
  CSVErrorCase("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80], .invalidUTF8(line: 1, column: 1)),
  CSVErrorCase("byte F5", [0x61, 0xF5, 0x80], .invalidUTF8(line: 1, column: 2)),
  CSVErrorCase("truncated at end", [0x61, 0x62, 0xE2, 0x82], .invalidUTF8(line: 1, column: 3)),
  CSVErrorCase(
    "truncated before a comma", [0xC3, 0xA9, 0xE2, 0x82, 0x2C], .invalidUTF8(line: 1, column: 2)
  ),
  CSVErrorCase(
    "Latin-1 text", [0x63, 0x61, 0x66, 0xE9, 0x2C, 0x78], .invalidUTF8(line: 1, column: 4)),
  CSVErrorCase(
    "invalid in a quoted field on its second line",
    Array("\"é\n£".utf8) + [0xFF, 0x22], .invalidUTF8(line: 2, column: 2)),
  CSVErrorCase("partial byte-order mark", [0xEF, 0xBB, 0x41], .invalidUTF8(line: 1, column: 1)),
  CSVErrorCase(
    "invalid after a byte-order mark", [0xEF, 0xBB, 0xBF, 0x61, 0xFF],
    .invalidUTF8(line: 1, column: 2)),
  // Found by fuzzing (Fuzz/regressions/csv/ascii-inside-utf8-sequence.csv): read in one
  // chunk, ASCII bytes after a lead byte were taken as text, the sequence completed by the
  // continuation bytes after them, and the record decoded with U+FFFD in place.
  CSVErrorCase(
    "ASCII where a continuation byte belongs", [0x32, 0xEF, 0x49, 0xBB, 0xBF, 0x0D, 0x0A],
    .invalidUTF8(line: 1, column: 2)),
  CSVErrorCase(
    "ASCII where a continuation byte belongs, quoted", [0x22, 0x61, 0xC3, 0x62, 0xA9, 0x22],
    .invalidUTF8(line: 1, column: 3)),
  CSVErrorCase(
    "ASCII after the first continuation byte", [0x61, 0xF0, 0x9F, 0x41, 0x92, 0xB7],
    .invalidUTF8(line: 1, column: 2)),
  CSVErrorCase("NUL byte", [0x00], .nulByte(line: 1, column: 1)),
  CSVErrorCase("NUL in an unquoted field", [0x61, 0x2C, 0x62, 0x00], .nulByte(line: 1, column: 4)),
  CSVErrorCase(
    "NUL in a quoted field on its second line", Array("x\n\"a\r\n".utf8) + [0x00, 0x22],
    .nulByte(line: 3, column: 1)),
  CSVErrorCase(
    "NUL after a closing quote", [0x22, 0x61, 0x22, 0x00], .nulByte(line: 1, column: 4)),
  CSVErrorCase(
    "NUL after a byte-order mark and multi-byte text", [0xEF, 0xBB, 0xBF, 0xC2, 0xA3, 0x00],
    .nulByte(line: 1, column: 2)),
  CSVErrorCase("UTF-16LE text", [0x69, 0x00, 0x64, 0x00], .nulByte(line: 1, column: 2)),
  CSVErrorCase(
    "UTF-16 byte-order mark", [0xFF, 0xFE, 0x69, 0x00], .invalidUTF8(line: 1, column: 1)),
  CSVErrorCase(
    "invalid in a later record", Array("a\r\nb\n\n".utf8) + [0x63, 0xFE],
    .invalidUTF8(line: 4, column: 2)),
]

@Suite("CSVReader errors")
struct CSVErrorTests {
  @Test("reports the exact position", arguments: csvErrorCases, csvChunkSizes)
  func reportsPosition(_ testCase: CSVErrorCase, chunkSize: Int) {
    #expect(csvError(testCase.input, chunkSize: chunkSize) == testCase.expected)
  }

  @Test("records before the error are read, then the error repeats")
  func recordsBeforeError() throws {
    let reader = CSVReader(bytes: Array("a,b\nc\"d\ne\n".utf8), chunkSize: 2)
    #expect(try reader.next()?.fields == ["a", "b"])
    #expect(throws: CSVError.strayQuote(line: 2, column: 2)) { try reader.next() }
    #expect(throws: CSVError.strayQuote(line: 2, column: 2)) { try reader.next() }
  }

  @Test("messages and hints say what to do")
  func messages() {
    let utf8 = CSVError.invalidUTF8(line: 1, column: 1)
    #expect(utf8.message == "the file is not UTF-8 text: the character here cannot be read")
    #expect(utf8.hint == "save the file as UTF-8 (in Excel: Save As, CSV UTF-8)")
    let unterminated = CSVError.unterminatedQuote(line: 1, column: 1)
    #expect(unterminated.message == "quoted field starting here is never closed")
    let stray = CSVError.strayQuote(line: 4, column: 2)
    #expect(
      stray.description
        == "line 4, column 2: stray quote in unquoted field; "
        + "quote the whole field and double the quote")
    #expect(
      CSVError.textAfterQuote(line: 1, column: 1).hint
        == "a quote inside a quoted field must be doubled (\"\"), and a comma must follow the "
        + "closing quote")
  }
}
