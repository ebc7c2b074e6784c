import TestSupport
import Testing
import XlsxWriter

struct BadName: Sendable, CustomTestStringConvertible {
  let name: String
  let reason: String
  var testDescription: String { name }
}

@Test(arguments: [
  BadName(name: String(repeating: "x", count: 32), reason: "31 characters"),
  BadName(name: "a[b", reason: "invalid characters"),
  BadName(name: "a]b", reason: "invalid characters"),
  BadName(name: "a:b", reason: "invalid characters"),
  BadName(name: "a*b", reason: "invalid characters"),
  BadName(name: "a?b", reason: "invalid characters"),
  BadName(name: "a/b", reason: "invalid characters"),
  BadName(name: "a\\b", reason: "invalid characters"),
  BadName(name: "'Lines", reason: "apostrophe"),
  BadName(name: "Lines'", reason: "apostrophe"),
  BadName(name: "", reason: "empty"),
  BadName(name: "history", reason: "reserved"),
])
func invalidSheetNamesAreRefusedWithAReason(_ bad: BadName) throws {
  #expect(Workbook.validateSheetName(bad.name)?.contains(bad.reason) == true)
  let book = try Workbook(path: try TemporaryFolder().url.appendingPathComponent("n.xlsx").path)
  let error = try #require(throws: XlsxError.self) { try book.addWorksheet(name: bad.name) }
  #expect(error.operation == .addWorksheet)
  #expect(error.sheet == bad.name)
  #expect(error.description.contains(bad.reason))
  #expect(book.sheetNames.isEmpty)
}

@Test func validNames() {
  for name in ["Lines", "Summary", "O'Brien", String(repeating: "x", count: 31), "Été 2025"] {
    #expect(Workbook.validateSheetName(name) == nil, "\(name)")
  }
}

@Test func duplicateNamesAreRefusedIgnoringCase() throws {
  let book = try Workbook(path: try TemporaryFolder().url.appendingPathComponent("d.xlsx").path)
  _ = try book.addWorksheet(name: "Lines")
  for name in ["Lines", "LINES"] {
    let error = try #require(throws: XlsxError.self) { try book.addWorksheet(name: name) }
    #expect(error.code == .sheetNameAlreadyUsed)
    #expect(
      error.description == "cannot add worksheet \"\(name)\": Worksheet name is already in use.")
  }
  #expect(book.sheetNames == ["Lines"])
}
