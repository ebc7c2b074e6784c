import ApportionCore
import ApportionIO

/// What must hold for any bytes read as CSV, and as a budget.
///
/// - The reader gives the same records, or the same error at the same place, however the
///   input is cut into chunks (the whole input at once, and a few bytes at a time).
/// - Every record has at least one field, a line and column for each, on lines that never
///   go backwards; an error names a line and column of the input (both 1 or more).
/// - The records, written back with every field quoted, read back as the same fields.
/// - As a budget, the bytes give lines with unique, non-empty ids and amounts that read back
///   from their own text; or an error that names the budget file.
enum CSVCheck {
  /// The budget's name in messages.
  static let path = "fuzz.csv"

  /// What reading a whole input came to: its records, then the error if it stopped at one.
  struct Outcome: Equatable {
    var records: [CSVRecord] = []
    var error: CSVError?
  }

  static func read(_ bytes: [UInt8], chunkSize: Int) -> Outcome {
    let reader = CSVReader(bytes: bytes, chunkSize: chunkSize)
    var outcome = Outcome()
    do {
      while let record = try reader.next() { outcome.records.append(record) }
    } catch {
      outcome.error = error
    }
    return outcome
  }

  static func check(_ bytes: [UInt8]) throws(FuzzFailure) {
    let whole = read(bytes, chunkSize: CSVReader.defaultChunkSize)
    // A chunk size from 1 to 8 that depends on the input, so the fuzzer moves the cuts.
    let chunkSize = 1 + (bytes.last.map { Int($0) } ?? 0) % 8
    let chunked = read(bytes, chunkSize: chunkSize)
    guard whole == chunked else {
      throw FuzzFailure(
        "read whole: \(summary(whole)); read \(chunkSize) bytes at a time: \(summary(chunked))")
    }
    try checkRecords(whole)
    if whole.error == nil { try checkRoundTrip(whole.records) }
    try checkBudget(bytes)
  }

  private static func summary(_ outcome: Outcome) -> String {
    "\(outcome.records.count) records"
      + (outcome.records.last.map { ", the last \($0)" } ?? "")
      + (outcome.error.map { ", then \($0)" } ?? "")
  }

  private static func checkRecords(_ outcome: Outcome) throws(FuzzFailure) {
    var lastLine = 0
    for record in outcome.records {
      guard !record.fields.isEmpty, record.columns.count == record.fields.count,
        record.lines.count == record.fields.count
      else { throw FuzzFailure("a record with mismatched fields and places: \(record)") }
      guard record.line > lastLine, record.lines.first == record.line,
        zip(record.lines, record.lines.dropFirst()).allSatisfy({ $0 <= $1 }),
        record.columns.allSatisfy({ $0 >= 1 })
      else { throw FuzzFailure("a record out of place after line \(lastLine): \(record)") }
      lastLine = record.lines.last ?? record.line
    }
    if let error = outcome.error {
      guard error.line >= 1, error.column >= 1, error.line >= lastLine, !error.message.isEmpty
      else { throw FuzzFailure("an error without a place after line \(lastLine): \(error)") }
    }
  }

  /// Every field quoted, quotes doubled, CRLF after each record.
  ///
  /// Byte by byte: a quote followed by a combining mark is one `Character`, which a
  /// replacement of `"` by `""` over Characters would leave alone.
  static func written(_ records: [CSVRecord]) -> [UInt8] {
    let quote = UInt8(ascii: "\"")
    var bytes: [UInt8] = []
    for record in records {
      for (index, field) in record.fields.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(quote)
        for byte in field.utf8 {
          bytes.append(byte)
          if byte == quote { bytes.append(quote) }
        }
        bytes.append(quote)
      }
      bytes += [0x0D, 0x0A]
    }
    return bytes
  }

  private static func checkRoundTrip(_ records: [CSVRecord]) throws(FuzzFailure) {
    let again = read(written(records), chunkSize: CSVReader.defaultChunkSize)
    guard again.error == nil, again.records.map(\.fields) == records.map(\.fields) else {
      throw FuzzFailure(
        "\(records.count) records written back with quotes read as \(summary(again))")
    }
  }

  private static func checkBudget(_ bytes: [UInt8]) throws(FuzzFailure) {
    var ids: Set<String> = []
    do {
      let budget = try BudgetReader(bytes: bytes, path: path)
      while let line = try budget.next() {
        guard !line.id.isEmpty, ids.insert(line.id).inserted else {
          throw FuzzFailure("budget line \(line.location) has an empty or repeated id")
        }
        guard (try? Money(parsing: line.amount.plainText)) == line.amount else {
          throw FuzzFailure(
            "budget line \(line.id): \(line.amount) does not read back from its own text")
        }
        guard line.values.count == budget.schema.columns.count else {
          throw FuzzFailure("budget line \(line.id) has \(line.values.count) fields")
        }
      }
      guard budget.count == ids.count else {
        throw FuzzFailure("the budget counts \(budget.count) lines but gave \(ids.count)")
      }
    } catch let failure as FuzzFailure {
      throw failure
    } catch let diagnostic as Diagnostic {
      guard diagnostic.location?.file == path, diagnostic.severity == .error,
        !diagnostic.message.isEmpty
      else { throw FuzzFailure("a budget error without its file: \(diagnostic)") }
    } catch {
      throw FuzzFailure("the budget reader threw \(type(of: error)): \(error)")
    }
  }
}
