import Testing

@testable import ApportionIO

/// One input with every feature at once, read with chunk sizes that split it everywhere: at
/// the BOM, inside CRLF pairs, doubled quotes, multi-byte characters and quoted newlines.
@Suite("CSVReader chunk boundaries")
struct CSVChunkTests {
  static let input =
    "\u{FEFF}code,name,amount\r\n"
    + "A1,\"Rent, office\",\"£1,234.50\"\r\n"
    + "\r\n"
    + "B2,\"say \"\"hi\"\"\",€7\n"
    + "C3,\"two\r\nlines\",x\r"
    + "D4,,\n"
    + "\n"
    + "\"\",é,\"😀\"\"\"\n"
    + "E5,\"\",\"\n\n\"\r\n"
    + " F6 ,\t,ü"

  static let expected: [CSVRecord] = [
    record(1, ["code", "name", "amount"], columns: [1, 6, 11]),
    record(2, ["A1", "Rent, office", "£1,234.50"], columns: [1, 4, 19]),
    record(4, ["B2", "say \"hi\"", "€7"], columns: [1, 4, 17]),
    record(5, ["C3", "two\r\nlines", "x"], columns: [1, 4, 8], lines: [5, 5, 6]),
    record(7, ["D4", "", ""], columns: [1, 4, 5]),
    record(9, ["", "é", "😀\""], columns: [1, 4, 6]),
    record(10, ["E5", "", "\n\n"], columns: [1, 4, 7], lines: [10, 10, 10]),
    record(13, [" F6 ", "\t", "ü"], columns: [1, 6, 8]),
  ]

  @Test(
    "same records whatever the chunk size",
    arguments: [1, 2, 3, 7] + Array(4...6) + Array(8...40) + [64, 4096, 65536])
  func sameRecords(chunkSize: Int) throws {
    let records = try readCSV(Self.input, chunkSize: chunkSize)
    let difference = firstDifference(records, Self.expected)
    #expect(difference == nil)
    if let difference {
      Issue.record(
        "record \(difference): \(records.dropFirst(difference).first.map { "\($0)" } ?? "none")"
      )
    }
  }

  @Test("same records from a file whatever the chunk size", arguments: [1, 2, 3, 7, 65536])
  func sameRecordsFromFile(chunkSize: Int) throws {
    let path = try temporaryFile(Array(Self.input.utf8))
    defer { removeFile(path) }
    let reader = try CSVReader(path: path, chunkSize: chunkSize)
    var records: [CSVRecord] = []
    while let record = try reader.next() { records.append(record) }
    #expect(records == Self.expected)
  }
}
