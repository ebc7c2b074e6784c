import Testing

@testable import FuzzChecks

// The checks are only as good as what they would catch: these make sure they do.
@Suite("Fuzz checks")
struct CheckTests {
  @Test(
    "the simple reading of an amount agrees with Money's table",
    arguments: [
      ("1234.56", 123_456), ("-1234.56", -123_456), ("1,234.56", 123_456),
      ("£1,234.56", 123_456), ("-£1,234.56", -123_456), ("£-1,234.56", -123_456),
      ("(1,234.56)", -123_456), ("(£1,234.56)", -123_456), ("12", 1200), ("12.5", 1250),
      ("  0.05\t", 5),
    ] as [(String, Int64)])
  func referenceReading(_ text: String, _ pence: Int64) {
    #expect(ReferenceAmount.pence(text) == pence)
  }

  @Test(
    "the simple reading refuses what is not an amount",
    arguments: ["", "1.234", "12.", ".5", "(-12)", "--1", "12a", "1e5", " \u{483}0", "٣"])
  func referenceRefuses(_ text: String) {
    #expect(ReferenceAmount.pence(text) == nil)
  }

  @Test("a record written back quoted reads as the same fields")
  func writtenRecords() {
    let records = CSVCheck.read(Array("a,\"b,\"\"c\"\"\"\r\n\"x\ny\",\n".utf8), chunkSize: 3)
    #expect(records.error == nil)
    let again = CSVCheck.read(CSVCheck.written(records.records), chunkSize: 5)
    #expect(again.records.map(\.fields) == [["a", "b,\"c\""], ["x\ny", ""]])
  }

  // Found by fuzz-csv (Fuzz/regressions/csv/quote-with-combining-mark.csv): the check's own
  // writer replaced quotes over Characters, and a quote carrying a combining mark (U+20EE) is
  // one Character, so it was written undoubled. The reader was right.
  @Test("a quote carrying a combining mark is doubled when written back")
  func quoteWithCombiningMark() {
    let input: [UInt8] = [0x22, 0x22, 0x22, 0xE2, 0x83, 0xAE, 0x22]
    let records = CSVCheck.read(input, chunkSize: 64)
    #expect(records.records.map(\.fields) == [["\"\u{20EE}"]])
    #expect(CSVCheck.written(records.records) == input + [0x0D, 0x0A])
  }

  @Test("inputs rightly rejected, with a reason and a place, keep the properties")
  func rightlyRejected() {
    #expect(throws: Never.self) { try FuzzTarget.rules.check(Array("year: [".utf8)) }
    #expect(throws: Never.self) { try FuzzTarget.csv.check([0x22]) }
    #expect(throws: Never.self) { try FuzzTarget.amount.check(Array("£1,2".utf8)) }
  }
}
