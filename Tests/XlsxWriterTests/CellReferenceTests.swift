import Testing
import XlsxWriter

struct A1Case: Sendable, CustomTestStringConvertible {
  let row: Int
  let column: Int
  let a1: String
  var testDescription: String { a1 }
}

@Test(arguments: [
  A1Case(row: 0, column: 0, a1: "A1"),
  A1Case(row: 0, column: 25, a1: "Z1"),
  A1Case(row: 0, column: 26, a1: "AA1"),
  A1Case(row: 11, column: 1, a1: "B12"),
  A1Case(row: 0, column: 51, a1: "AZ1"),
  A1Case(row: 0, column: 52, a1: "BA1"),
  A1Case(row: 0, column: 701, a1: "ZZ1"),
  A1Case(row: 0, column: 702, a1: "AAA1"),
  A1Case(row: 1_048_575, column: 16_383, a1: "XFD1048576"),
])
func a1References(_ c: A1Case) {
  #expect(CellReference.a1(row: c.row, column: c.column) == c.a1)
}

@Test func outsideTheGridIsRef() {
  #expect(CellReference.a1(row: 1_048_576, column: 0) == "#REF!")
  #expect(CellReference.a1(row: 0, column: 16_384) == "#REF!")
  #expect(CellReference.a1(row: -1, column: 0) == "#REF!")
  #expect(CellReference.columnLetters(-1) == "#REF!")
}

@Test func absoluteAndRanges() {
  #expect(CellReference.a1(row: 11, column: 1, absolute: true) == "$B$12")
  #expect(CellReference.range(firstRow: 0, firstColumn: 0, lastRow: 9, lastColumn: 3) == "A1:D10")
  #expect(
    CellReference.range(firstRow: 1, firstColumn: 1, lastRow: 8, lastColumn: 1, absolute: true)
      == "$B$2:$B$9")
}

@Test func sheetQualifiedRangesQuoteAndDoubleApostrophes() {
  #expect(
    CellReference.qualifiedRange(
      sheet: "Sheet name", firstRow: 1, firstColumn: 1, lastRow: 8, lastColumn: 1)
      == "'Sheet name'!$B$2:$B$9")
  #expect(CellReference.quotedSheetName("O'Brien's") == "'O''Brien''s'")
  #expect(
    RangeReference(sheet: "Summary", column: 0, rows: 1...4).description == "'Summary'!$A$2:$A$5")
}
