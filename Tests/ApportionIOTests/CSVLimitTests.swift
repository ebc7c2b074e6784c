import Testing

@testable import ApportionIO

/// A record-length case: the input, the limit it is read with, and the error (nil: it reads).
struct CSVLimitCase: CustomTestStringConvertible, Sendable {
  let name: String
  let input: String
  let limit: Int
  let expected: CSVError?
  var testDescription: String { name }
}

/// With a limit of 10: a record may hold 10 bytes of fields and commas, not 11.
let csvLimitCases: [CSVLimitCase] = [
  CSVLimitCase(name: "exactly the limit", input: "0123456789\n", limit: 10, expected: nil),
  CSVLimitCase(
    name: "one byte over", input: "0123456789a\n", limit: 10,
    expected: .recordTooLong(line: 1, column: 1, limit: 10)),
  CSVLimitCase(
    name: "one byte over at the end of the input", input: "x\n0123456789a", limit: 10,
    expected: .recordTooLong(line: 2, column: 1, limit: 10)),
  CSVLimitCase(name: "commas count", input: "a,b,c,d,ef\r\n", limit: 10, expected: nil),
  CSVLimitCase(
    name: "commas count, one over", input: "a,b,c,d,e,f\r\n", limit: 10,
    expected: .recordTooLong(line: 1, column: 1, limit: 10)),
  CSVLimitCase(
    name: "empty fields count their commas", input: "\n\n,,,,,,,,,,,\n", limit: 10,
    expected: .recordTooLong(line: 3, column: 1, limit: 10)),
  CSVLimitCase(
    name: "quotes do not count, doubled quotes once", input: "\"a\"\"b\",\"\",\"01234\"\n",
    limit: 10, expected: nil),
  CSVLimitCase(
    name: "a quoted field never closed", input: "id\n\"0123456789\nabc", limit: 10,
    expected: .quotedFieldTooLong(line: 2, column: 1, limit: 10)),
  CSVLimitCase(
    name: "a quoted field never closed, late in its record", input: "a,b,\"01234567\n89",
    limit: 10, expected: .quotedFieldTooLong(line: 1, column: 5, limit: 10)),
  CSVLimitCase(
    name: "a long quoted field, closed: the limit is passed inside it",
    input: "a,\"012345678\"\n", limit: 10,
    expected: .quotedFieldTooLong(line: 1, column: 3, limit: 10)),
  CSVLimitCase(
    name: "passed after a quoted field", input: "\"0123\",456789\n", limit: 10,
    expected: .recordTooLong(line: 1, column: 1, limit: 10)),
  CSVLimitCase(
    name: "line endings inside quotes count", input: "\"0123\r\n45678\"\n", limit: 10,
    expected: .quotedFieldTooLong(line: 1, column: 1, limit: 10)),
  CSVLimitCase(
    name: "a byte-order mark does not count", input: "\u{FEFF}0123456789\n", limit: 10,
    expected: nil),
  CSVLimitCase(
    name: "blank lines do not count", input: "\n\n\n\n\n\n\n\n\n\n\n\n0123456789", limit: 10,
    expected: nil),
  CSVLimitCase(
    name: "multi-byte text counts its bytes", input: "£££££\n", limit: 10, expected: nil),
  CSVLimitCase(
    name: "multi-byte text counts its bytes, one over", input: "£££££a\n", limit: 10,
    expected: .recordTooLong(line: 1, column: 1, limit: 10)),
]

@Suite("CSVReader limits")
struct CSVLimitTests {
  @Test("records hold at most the limit", arguments: csvLimitCases, csvChunkSizes)
  func recordLength(_ testCase: CSVLimitCase, chunkSize: Int) {
    let reader = CSVReader(
      bytes: Array(testCase.input.utf8), chunkSize: chunkSize, maxRecordBytes: testCase.limit)
    var error: CSVError?
    do { while try reader.next() != nil {} } catch let thrown { error = thrown }
    #expect(error == testCase.expected)
  }

  @Test("the limit is 1 MiB: a row of 1 MiB reads, one byte more does not")
  func oneMebibyte() throws {
    #expect(CSVReader.maxRecordBytes == 1_048_576)
    let row = [UInt8](repeating: UInt8(ascii: "a"), count: 1_048_576)
    let records = try readCSV(Array("id\r\n".utf8) + row + [0x0D, 0x0A])
    #expect(records.count == 2)
    #expect(records.last?.fields.first?.utf8.count == 1_048_576)
    #expect(csvError(row + [0x61]) == .recordTooLong(line: 1, column: 1, limit: 1_048_576))
  }

  // The message for /dev/zero, an unclosed quote or anything else too long: the place, and
  // what to do.
  @Test("messages say what is wrong and what to do")
  func messages() {
    #expect(
      CSVError.recordTooLong(line: 2, column: 1, limit: 1 << 20).description
        == "line 2, column 1: the row starting here is longer than 1 MiB; "
        + "a row may hold at most 1 MiB of text; is this the right file?")
    #expect(
      CSVError.quotedFieldTooLong(line: 2, column: 9, limit: 10).description
        == "line 2, column 9: the quoted field starting here makes its row longer than "
        + "10 bytes; is its closing quote missing? double any quote inside the field (\"\")")
    #expect(
      CSVError.nulByte(line: 1, column: 1).description
        == "line 1, column 1: NUL byte (0x00): this is not a text file; save it as CSV UTF-8; "
        + "a file saved as UTF-16 has a NUL in every other byte")
  }
}
