@testable import ApportionIO

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Chunk sizes every reading test runs with: tiny ones put every boundary everywhere.
let csvChunkSizes = [1, 2, 3, 7, CSVReader.defaultChunkSize]

/// Reads every record of `bytes`, `chunkSize` bytes at a time.
func readCSV(_ bytes: [UInt8], chunkSize: Int = CSVReader.defaultChunkSize) throws(CSVError)
  -> [CSVRecord]
{
  let reader = CSVReader(bytes: bytes, chunkSize: chunkSize)
  var records: [CSVRecord] = []
  while let record = try reader.next() { records.append(record) }
  return records
}

func readCSV(_ text: String, chunkSize: Int = CSVReader.defaultChunkSize) throws(CSVError)
  -> [CSVRecord]
{
  try readCSV(Array(text.utf8), chunkSize: chunkSize)
}

/// The error reading `bytes` ends with, or nil if it reads cleanly.
func csvError(_ bytes: [UInt8], chunkSize: Int = CSVReader.defaultChunkSize) -> CSVError? {
  do {
    _ = try readCSV(bytes, chunkSize: chunkSize)
    return nil
  } catch {
    return error
  }
}

/// A record whose fields all start on `line`.
func record(_ line: Int, _ fields: [String], columns: [Int]) -> CSVRecord {
  CSVRecord(
    fields: fields, line: line, columns: columns,
    lines: Array(repeating: line, count: fields.count))
}

/// A record whose fields start on the given lines.
func record(_ line: Int, _ fields: [String], columns: [Int], lines: [Int]) -> CSVRecord {
  CSVRecord(fields: fields, line: line, columns: columns, lines: lines)
}

/// The index of the first record that differs, or nil if `actual` equals `expected`.
func firstDifference(_ actual: [CSVRecord], _ expected: [CSVRecord]) -> Int? {
  for index in 0..<max(actual.count, expected.count) {
    guard index < actual.count, index < expected.count, actual[index] == expected[index] else {
      return index
    }
  }
  return nil
}

func randomSuffix() -> String {
  String(UInt64.random(in: 0...UInt64.max), radix: 36)
}

/// Writes `bytes` to a new temporary file and returns its path.
func temporaryFile(_ bytes: [UInt8]) throws -> String {
  let path = "/tmp/apportion-csv-test-\(randomSuffix()).csv"
  guard let file = fopen(path, "wb") else {
    throw CSVError(line: 0, column: 0, message: "cannot create \(path)")
  }
  defer { fclose(file) }
  let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
  guard written == bytes.count else {
    throw CSVError(line: 0, column: 0, message: "cannot write \(path)")
  }
  return path
}

func removeFile(_ path: String) {
  _ = remove(path)
}
