import Testing

@testable import ApportionIO

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An input and the records it must read as.
struct CSVCase: CustomTestStringConvertible, Sendable {
  let name: String
  let input: String
  let expected: [CSVRecord]

  init(_ name: String, _ input: String, _ expected: [CSVRecord]) {
    self.name = name
    self.input = input
    self.expected = expected
  }

  var testDescription: String { name }
}

let csvCases: [CSVCase] = [
  CSVCase("empty input", "", []),
  CSVCase(
    "simple rows", "a,b,c\n1,2,3\n",
    [
      record(1, ["a", "b", "c"], columns: [1, 3, 5]),
      record(2, ["1", "2", "3"], columns: [1, 3, 5]),
    ]
  ),
  CSVCase(
    "single field per row", "abc\ndef\n",
    [record(1, ["abc"], columns: [1]), record(2, ["def"], columns: [1])]),
  CSVCase(
    "CRLF", "a,b\r\nc,d\r\n",
    [record(1, ["a", "b"], columns: [1, 3]), record(2, ["c", "d"], columns: [1, 3])]),
  CSVCase(
    "lone CR", "a,b\rc,d\r",
    [record(1, ["a", "b"], columns: [1, 3]), record(2, ["c", "d"], columns: [1, 3])]),
  CSVCase(
    "LF, CRLF and CR mixed", "a\nb\r\nc\rd\n\re\r\n",
    [
      record(1, ["a"], columns: [1]), record(2, ["b"], columns: [1]),
      record(3, ["c"], columns: [1]), record(4, ["d"], columns: [1]),
      record(6, ["e"], columns: [1]),
    ]),
  CSVCase(
    "last line without newline", "a,b\nc,d",
    [record(1, ["a", "b"], columns: [1, 3]), record(2, ["c", "d"], columns: [1, 3])]),
  CSVCase(
    "last line quoted without newline", "a\n\"b\"",
    [record(1, ["a"], columns: [1]), record(2, ["b"], columns: [1])]),
  CSVCase(
    "byte-order mark skipped", "\u{FEFF}a,b\nc\n",
    [record(1, ["a", "b"], columns: [1, 3]), record(2, ["c"], columns: [1])]),
  CSVCase(
    "byte-order mark before a quoted field", "\u{FEFF}\"a\",b",
    [record(1, ["a", "b"], columns: [1, 5])]),
  CSVCase(
    "byte-order mark then blank line", "\u{FEFF}\r\nx\n", [record(2, ["x"], columns: [1])]),
  CSVCase("byte-order mark only", "\u{FEFF}", []),
  CSVCase(
    "byte-order mark twice keeps the second", "\u{FEFF}\u{FEFF}a",
    [record(1, ["\u{FEFF}a"], columns: [1])]),
  CSVCase(
    "U+FEFF later is text", "a,\u{FEFF}b", [record(1, ["a", "\u{FEFF}b"], columns: [1, 3])]),
  CSVCase(
    "blank lines skipped but counted", "\n\na\r\n\r\n\rb\n\n",
    [record(3, ["a"], columns: [1]), record(6, ["b"], columns: [1])]),
  CSVCase("only blank lines", "\n\r\n\r\n", []),
  CSVCase(
    "empty middle field", "a,,b\n", [record(1, ["a", "", "b"], columns: [1, 3, 4])]),
  CSVCase(
    "trailing comma gives empty last field", "a,b,\nc\n",
    [record(1, ["a", "b", ""], columns: [1, 3, 5]), record(2, ["c"], columns: [1])]),
  CSVCase(
    "trailing comma at end of input", "a,b,", [record(1, ["a", "b", ""], columns: [1, 3, 5])]),
  CSVCase(
    "trailing comma before CRLF", "a,\r\nb\r\n",
    [record(1, ["a", ""], columns: [1, 3]), record(2, ["b"], columns: [1])]),
  CSVCase(
    "leading comma", ",a\n", [record(1, ["", "a"], columns: [1, 2])]),
  CSVCase("only commas", ",,\n", [record(1, ["", "", ""], columns: [1, 2, 3])]),
  CSVCase(
    "spaces kept around unquoted fields", " a , b \n   \n",
    [record(1, [" a ", " b "], columns: [1, 5]), record(2, ["   "], columns: [1])]),
  CSVCase("tab counts one column", "\ta,b\n", [record(1, ["\ta", "b"], columns: [1, 4])]),
  CSVCase(
    "quoted comma", "\"a, b\",c\n", [record(1, ["a, b", "c"], columns: [1, 8])]),
  CSVCase(
    "doubled quotes", "\"say \"\"hi\"\"\",x\n",
    [record(1, ["say \"hi\"", "x"], columns: [1, 14])]),
  CSVCase(
    "quoted field of one quote", "\"\"\"\"\n", [record(1, ["\""], columns: [1])]),
  CSVCase(
    "empty quoted fields", "\"\",\"\"\n\"\"\n",
    [record(1, ["", ""], columns: [1, 4]), record(2, [""], columns: [1])]),
  CSVCase(
    "quoted field with newline", "a,\"x\ny\",b\nc\n",
    [
      record(1, ["a", "x\ny", "b"], columns: [1, 3, 4], lines: [1, 1, 2]),
      record(3, ["c"], columns: [1]),
    ]),
  CSVCase(
    "quoted field with CRLF kept verbatim", "\"x\r\ny\r\n\",z\r\nw\r\n",
    [
      record(1, ["x\r\ny\r\n", "z"], columns: [1, 3], lines: [1, 3]),
      record(4, ["w"], columns: [1]),
    ]),
  CSVCase(
    "quoted field with lone CR", "\"x\ry\"\rz",
    [record(1, ["x\ry"], columns: [1]), record(3, ["z"], columns: [1])]),
  CSVCase(
    "quoted field of blank lines", "\"\n\n\",a\nb",
    [
      record(1, ["\n\n", "a"], columns: [1, 3], lines: [1, 3]),
      record(4, ["b"], columns: [1]),
    ]),
  CSVCase(
    "field starting on a later line", "\"x\ny\",\"p\nq\",r\n",
    [record(1, ["x\ny", "p\nq", "r"], columns: [1, 4, 4], lines: [1, 2, 3])]),
  CSVCase(
    "multi-byte characters count one column", "\"£1,234\",é,x\n",
    [record(1, ["£1,234", "é", "x"], columns: [1, 10, 12])]),
  CSVCase(
    "four-byte characters count one column", "😀,€,a\n",
    [record(1, ["😀", "€", "a"], columns: [1, 3, 5])]),
  CSVCase(
    "multi-byte column after a quoted newline", "\"é\n£\",ü\n",
    [record(1, ["é\n£", "ü"], columns: [1, 4], lines: [1, 2])]),
]

@Suite("CSVReader")
struct CSVReaderTests {
  @Test("reads", arguments: csvCases, csvChunkSizes)
  func reads(_ testCase: CSVCase, chunkSize: Int) throws {
    let records = try readCSV(testCase.input, chunkSize: chunkSize)
    #expect(records == testCase.expected)
  }

  @Test("keeps returning nil at the end")
  func nilAfterEnd() throws {
    let reader = CSVReader(bytes: Array("a\n".utf8))
    #expect(try reader.next()?.fields == ["a"])
    #expect(try reader.next() == nil)
    #expect(try reader.next() == nil)
  }

  @Test("reads a file in chunks", arguments: csvChunkSizes)
  func readsFile(chunkSize: Int) throws {
    let path = try temporaryFile(Array("\u{FEFF}code,amount\r\n\"A1\",\"£1,234\"\r\nB2,5".utf8))
    defer { removeFile(path) }
    let reader = try CSVReader(path: path, chunkSize: chunkSize)
    var records: [CSVRecord] = []
    while let record = try reader.next() { records.append(record) }
    #expect(
      records == [
        record(1, ["code", "amount"], columns: [1, 6]),
        record(2, ["A1", "£1,234"], columns: [1, 6]),
        record(3, ["B2", "5"], columns: [1, 4]),
      ])
  }

  @Test("streams a large file")
  func largeFile() throws {
    var text = ""
    for index in 1...50_000 { text += "\(index),name \(index),\"x, \(index)\",£\(index)\n" }
    let path = try temporaryFile(Array(text.utf8))
    defer { removeFile(path) }
    let reader = try CSVReader(path: path)
    var count = 0
    var last: CSVRecord?
    while let record = try reader.next() {
      count += 1
      last = record
    }
    #expect(count == 50_000)
    #expect(last?.line == 50_000)
    #expect(last?.fields == ["50000", "name 50000", "x, 50000", "£50000"])
  }

  @Test("public initialisers read the same")
  func publicInitialisers() throws {
    let bytes = Array("a,b\n\"c\nd\"\n".utf8)
    let path = try temporaryFile(bytes)
    defer { removeFile(path) }
    let fromFile = try CSVReader(path: path)
    let fromBytes = CSVReader(bytes: bytes)
    for _ in 0..<3 {
      let expected = try fromBytes.next()
      #expect(try fromFile.next() == expected)
    }
  }

  @Test("a missing file is an error naming the path")
  func missingFile() {
    let path = "/nonexistent/budget-\(randomSuffix()).csv"
    let error = #expect(throws: CSVError.self) { _ = try CSVReader(path: path) }
    #expect(error?.line == 0)
    #expect(error?.column == 0)
    #expect(error?.message.contains(path) == true)
  }

  @Test("a directory is an error naming the path")
  func directory() {
    let error = #expect(throws: CSVError.self) { _ = try CSVReader(path: "/tmp") }
    #expect(error?.message.contains("'/tmp'") == true)
  }

  @Test("closes the file when released")
  func closesFile() throws {
    let path = try temporaryFile(Array("a\n".utf8))
    defer { removeFile(path) }
    // More readers than this process may have open files (ulimit -n), one after another.
    var limit = rlimit()
    getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    let count = Int(min(limit.rlim_cur, 100_000)) + 100
    for _ in 0..<count {
      let reader = try CSVReader(path: path)
      _ = try reader.next()
    }
  }

  @Test("error description")
  func errorDescription() {
    let error = CSVError(line: 3, column: 7, message: "stray quote", hint: "quote it")
    #expect(error.description == "line 3, column 7: stray quote; quote it")
    #expect(CSVError(line: 0, column: 0, message: "no file").description == "no file")
  }
}
