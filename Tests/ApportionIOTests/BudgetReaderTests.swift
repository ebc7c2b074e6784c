import ApportionCore
import Foundation
import TestSupport
import Testing

@testable import ApportionIO

/// Writes `text` to a temporary budget file, reads every line, and removes the file.
func readBudget(_ text: String) throws -> (BudgetSchema, [BudgetLine]) {
  try readBudget(Array(text.utf8))
}

func readBudget(_ bytes: [UInt8]) throws -> (BudgetSchema, [BudgetLine]) {
  let path = try temporaryFile(bytes)
  defer { removeFile(path) }
  let reader = try BudgetReader(path: path)
  var lines: [BudgetLine] = []
  while let line = try reader.next() { lines.append(line) }
  #expect(reader.count == lines.count)
  return (reader.schema, lines)
}

/// The error reading a budget ends with, with the temporary path replaced by `b.csv`.
func budgetError(_ text: String) -> String? {
  guard let path = try? temporaryFile(Array(text.utf8)) else { return "cannot write" }
  defer { removeFile(path) }
  do {
    let reader = try BudgetReader(path: path)
    while try reader.next() != nil {}
    return nil
  } catch {
    return error.description.replacingOccurrences(of: path, with: "b.csv")
  }
}

struct BudgetErrorCase: Sendable, CustomTestStringConvertible {
  let name: String
  let text: String
  /// The start of the message, place included.
  let error: String
  var hint: String?
  var testDescription: String { name }
}

let budgetErrorCases: [BudgetErrorCase] = [
  BudgetErrorCase(
    name: "an empty file", text: "", error: "b.csv:1:1: error: the budget is empty",
    hint: "id,description,amount"),
  BudgetErrorCase(
    name: "no amount column", text: "id,description,cost\nA,a,1\n",
    error: "b.csv:1:1: error: the budget has no 'amount' column",
    hint: "it has: id, description, cost"),
  BudgetErrorCase(
    name: "no id column", text: "ref,description,amount\nA,a,1\n",
    error: "b.csv:1:1: error: the budget has no 'id' column"),
  BudgetErrorCase(
    name: "a column named twice (in another case)", text: "id,description,amount,Amount\n",
    error: "b.csv:1:23: error: column 'Amount' appears twice in the header row",
    hint: "the first is column 3"),
  BudgetErrorCase(
    name: "a column with no name", text: "id,description,,amount\n",
    error: "b.csv:1:16: error: column 3 has no name in the header row"),
  BudgetErrorCase(
    name: "three decimals", text: "id,description,amount\nA,a,1.005\n",
    error: "b.csv:2:5: error: line A: '1.005' has 3 decimal places",
    hint: "(1,234.56) for negative"),
  BudgetErrorCase(
    name: "an amount that is not a number", text: "id,description,amount\nA,a,\"1,00\"\n",
    error: "b.csv:2:5: error: line A: '1,00' has commas that do not separate thousands"),
  BudgetErrorCase(
    name: "an empty amount", text: "id,description,amount\nA,a,\n",
    error: "b.csv:2:5: error: line A: the amount is empty"),
  BudgetErrorCase(
    name: "an unquoted amount with a comma", text: "id,description,amount\nA,a,1,234.56\n",
    error: "b.csv:2:7: error: this row has 4 fields but the header has 3",
    hint: "double quotes"),
  BudgetErrorCase(
    name: "too few fields", text: "id,description,amount,council\nA,a,1.00\n",
    error: "b.csv:2:1: error: this row has 3 fields but the header has 4"),
  BudgetErrorCase(
    name: "a duplicate id", text: "id,description,amount\nA,a,1\nB,b,2\n A ,c,3\n",
    error: "b.csv:4:1: error: id 'A' is used twice (first on line 2)"),
  BudgetErrorCase(
    name: "an empty id", text: "id,description,amount\nA,a,1\n  ,b,2\n",
    error: "b.csv:3:1: error: the line has no id"),
  BudgetErrorCase(
    name: "an unterminated quote", text: "id,description,amount\nA,\"a,1\nB,b,2\n",
    error: "b.csv:2:3: error: quoted field starting here is never closed"),
]

@Suite("BudgetReader")
struct BudgetReaderTests {
  @Test("columns are found whatever their case and surrounding spaces")
  func caseInsensitiveColumns() throws {
    let (schema, lines) = try readBudget(" ID ,Description,AMOUNT,Council\nA1,First,1.00,Brent\n")
    #expect(schema.columns == [" ID ", "Description", "AMOUNT", "Council"])
    #expect(schema.position(of: "council") == 3)
    #expect(schema.position(of: "COUNCIL ") == 3)
    #expect(schema.position(of: "team") == nil)
    #expect(lines.map(\.id) == ["A1"])
    #expect(lines[0].description == "First")
    #expect(lines[0].amount == Money(pence: 100))
    #expect(lines[0].values == ["A1", "First", "1.00", "Brent"])
  }

  @Test("the columns may come in any order")
  func columnOrder() throws {
    let (_, lines) = try readBudget("amount,council,id,description\n2.50,brent,X,Two fifty\n")
    #expect(lines[0].id == "X")
    #expect(lines[0].description == "Two fifty")
    #expect(lines[0].amount == Money(pence: 250))
  }

  @Test("a UTF-8 byte order mark and CRLF line ends are accepted")
  func bomAndCRLF() throws {
    let text = "id,description,amount\r\nA,Caf\u{e9} £ line,12.34\r\nB,b,1\r\n"
    let (schema, lines) = try readBudget([0xEF, 0xBB, 0xBF] + Array(text.utf8))
    #expect(schema.columns == ["id", "description", "amount"])
    #expect(lines.map(\.id) == ["A", "B"])
    #expect(lines[0].description == "Caf\u{e9} £ line")
    #expect(lines[1].location.line == 3)
  }

  @Test(
    "amounts in every accepted spelling, quoted where they hold a comma",
    arguments: [
      ("1234.56", Int64(123_456)), ("\"1,234.56\"", 123_456), ("£1234.56", 123_456),
      ("\"£1,234.56\"", 123_456), ("\"(1,234.56)\"", -123_456), ("-1234.56", -123_456),
      ("\"-£1,234.56\"", -123_456), ("12", 1200), ("12.5", 1250), ("\" 7.00 \"", 700),
      ("0", 0), ("-0.01", -1),
    ])
  func amounts(_ written: String, _ pence: Int64) throws {
    let (_, lines) = try readBudget("id,description,amount\nA,a,\(written)\n")
    #expect(lines.first?.amount == Money(pence: pence))
  }

  @Test("ids and descriptions are trimmed; other fields are kept as written")
  func trimming() throws {
    let (_, lines) = try readBudget("id,description,amount,council\n  A7 , Desc ,1,  brent \n")
    #expect(lines[0].id == "A7")
    #expect(lines[0].description == "Desc")
    #expect(lines[0].values[3] == "  brent ")
  }

  @Test("quoted fields may hold commas, quotes and line breaks; places follow them")
  func quotedFields() throws {
    let text = "id,description,amount\nA,\"two\nlines, and \"\"quotes\"\"\",1.00\nB,b,2.00\n"
    let (_, lines) = try readBudget(text)
    #expect(lines[0].description == "two\nlines, and \"quotes\"")
    #expect(lines[1].location.line == 4)
    #expect(lines[1].location(ofField: 2).column == 5)
  }

  @Test("a header and no lines is an empty budget, not an error")
  func headerOnly() throws {
    let (_, lines) = try readBudget("id,description,amount\n")
    #expect(lines.isEmpty)
  }

  @Test("each error names its line and column", arguments: budgetErrorCases)
  func error(_ example: BudgetErrorCase) {
    let message = budgetError(example.text)
    #expect(message?.hasPrefix(example.error) == true, "\(message ?? "no error")")
    if let hint = example.hint {
      #expect(message?.contains("\n  hint: ") == true && message?.contains(hint) == true)
    }
  }

  @Test("a file that does not exist")
  func missingFile() {
    do {
      _ = try BudgetReader(path: "/nonexistent/budget.csv")
      Issue.record("opened a missing file")
    } catch {
      #expect(
        error.description.hasPrefix(
          "/nonexistent/budget.csv: error: cannot read the budget: no such file"))
    }
  }

  // Before the NUL check and the record limit, --budget /dev/zero read zeros into one field
  // until memory ran out.
  @Test("/dev/zero fails at once, at its first byte")
  func devZero() {
    #expect {
      _ = try BudgetReader(path: "/dev/zero")
    } throws: { error in
      "\(error)".hasPrefix("/dev/zero:1:1: error: NUL byte (0x00): this is not a text file")
    }
  }

  @Test("a row longer than 1 MiB is an error at its start; the rows before it read")
  func longRow() throws {
    let long = String(repeating: "x", count: 1 << 20)
    let bytes = Array("id,description,amount\nA1,ok,1\nA2,\(long),2\n".utf8)
    let budget = try BudgetReader(bytes: bytes, path: "b.csv")
    #expect(try budget.next()?.id == "A1")
    #expect {
      _ = try budget.next()
    } throws: { error in
      "\(error)".hasPrefix("b.csv:3:1: error: the row starting here is longer than 1 MiB")
    }
  }

  @Test("the sample budget reads in full")
  func sample() throws {
    let reader = try BudgetReader(path: packagePath("Samples/2016-17/budget.csv"))
    var total: Int64 = 0
    while let line = try reader.next() { total += line.amount.pence }
    #expect(reader.count == 105)
    // Samples/2016-17/README.md: "All lines | 105 | £7,549,144.50".
    #expect(total == 754_914_450)
  }
}

/// The duplicate-id check keeps fingerprints, not ids: a repeated id is found by reading the
/// budget again, which names the line that first used it, in a long budget, on a pipe, and
/// for a line added by a scenario.
@Suite struct DuplicateIDTests {
  static func budget(lines: Int, repeating: (line: Int, id: String)? = nil) -> String {
    var text = "id,description,amount\n"
    for n in 1...lines {
      let id = repeating.map { $0.line == n ? $0.id : "L\(n)" } ?? "L\(n)"
      text += "\(id),Line \(n),1.00\n"
    }
    return text
  }

  static func error(_ body: () throws -> Void) -> String {
    do {
      try body()
      return "no error"
    } catch {
      return (error as? Diagnostic)?.description ?? "\(error)"
    }
  }

  @Test func longBudgetInMemory() throws {
    let text = Self.budget(lines: 30_000, repeating: (29_000, " l17 "))
    let message = Self.error {
      let reader = try BudgetReader(bytes: Array(text.utf8), path: "b.csv")
      while try reader.next() != nil {}
    }
    #expect(
      message.hasPrefix(
        "b.csv:29001:1: error: id 'l17' is used twice (first on line 18 as 'L17')"), "\(message)")
  }

  @Test func longBudgetOnAFile() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("b.csv", Self.budget(lines: 30_000, repeating: (30_000, "L29999")))
    let message = Self.error {
      let reader = try BudgetReader(path: path)
      while try reader.next() != nil {}
    }
    #expect(
      message.hasPrefix(
        "\(path):30001:1: error: id 'L29999' is used twice (first on line 30000)"), "\(message)")
  }

  @Test func budgetOnAPipe() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let fifo = folder.appending("b.fifo").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let text = Self.budget(lines: 20_000, repeating: (19_999, "l2"))
    let writer = Thread {
      guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
      try? handle.write(contentsOf: Data(text.utf8))
      try? handle.close()
    }
    writer.start()
    let message = Self.error {
      let reader = try BudgetReader(path: fifo)
      while try reader.next() != nil {}
    }
    #expect(
      message.hasPrefix("\(fifo):20000:1: error: id 'l2' is used twice (first on line 3 as 'L2')"),
      "\(message)")
  }
}
