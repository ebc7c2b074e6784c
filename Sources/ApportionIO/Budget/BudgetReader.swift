import ApportionCore

/// Reads a budget CSV one line at a time: header row, then one budget line per row.
///
/// `id`, `description` and `amount` columns are required; any other columns are kept as
/// text for rules to refer to. Ids must be unique; amounts are parsed exactly (see
/// ``Money/init(parsing:)``). Every field, amount and the total of the amounts are checked
/// against ``InputLimits`` as they are read, so that a budget that reads also fits the
/// workbooks. Every error names the file, line and column.
///
/// ```swift
/// let budget = try BudgetReader(path: "Samples/2016-17/budget.csv")
/// while let line = try budget.next() { print(line.id, line.amount) }
/// ```
public final class BudgetReader {
  public let path: String
  public let schema: BudgetSchema
  /// Where the header row starts.
  public let headerLocation: SourceLocation
  private let csv: CSVReader
  /// Each id so far, case-folded (as values compare, and as a spreadsheet looks them up), with
  /// its line and its spelling.
  private var seen: [String: (line: Int, id: String)] = [:]
  /// The amounts so far without their signs, at most ``InputLimits/amountPence``.
  private var magnitudes: Int64 = 0
  /// The pass over the file, kept open while the reader reads it.
  private let pass: BudgetPass?
  /// How many budget lines have been read so far.
  public private(set) var count = 0

  /// Opens a budget and reads its header row.
  public convenience init(path: String) throws(Diagnostic) {
    let pass: BudgetPass
    do { pass = try BudgetSource(path: path, keepCopy: false).open() } catch {
      throw error as? Diagnostic
        ?? Diagnostic(at: SourceLocation(file: path), "cannot read the budget: \(error)")
    }
    try self.init(pass: pass)
  }

  /// Reads a budget held in memory; `path` names it in messages.
  package convenience init(bytes: [UInt8], path: String) throws(Diagnostic) {
    try self.init(csv: CSVReader(bytes: bytes), path: path, pass: nil)
  }

  /// Reads the header row of one pass over a budget.
  convenience init(pass: BudgetPass) throws(Diagnostic) {
    try self.init(csv: pass.reader(), path: pass.source.path, pass: pass)
  }

  private init(csv: CSVReader, path: String, pass: BudgetPass?) throws(Diagnostic) {
    self.path = path
    self.csv = csv
    self.pass = pass
    let header: CSVRecord?
    do { header = try csv.next() } catch { throw Self.diagnostic(error, path: path) }
    guard let header else {
      throw Diagnostic(
        at: SourceLocation(file: path, line: 1, column: 1), "the budget is empty",
        hint: "the first row must name the columns: id,description,amount,...")
    }
    headerLocation = SourceLocation(file: path, line: header.line, column: 1)
    let locations = header.columns.indices.map {
      SourceLocation(file: path, line: header.lines[$0], column: header.columns[$0])
    }
    if header.fields.count > InputLimits.budgetColumns {
      throw Diagnostic(
        at: locations[InputLimits.budgetColumns],
        "the header row has \(InputLimits.grouped(header.fields.count)) columns; the most is "
          + InputLimits.grouped(InputLimits.budgetColumns),
        hint: "keep only the columns the rules use, with id, description and amount")
    }
    for (index, name) in header.fields.enumerated()
    where InputLimits.length(name) > InputLimits.textLength {
      throw Self.tooLong(
        "the name of column \(index + 1)", length: InputLimits.length(name), at: locations[index])
    }
    schema = try BudgetSchema(columns: header.fields, locations: locations)
  }

  /// The next budget line, or nil at the end.
  public func next() throws(Diagnostic) -> BudgetLine? {
    let record: CSVRecord?
    do { record = try csv.next() } catch { throw Self.diagnostic(error, path: path) }
    guard let record else { return nil }
    return try line(from: record, file: path)
  }

  /// A budget line from a record's fields, checked as every line is (an id, unique; an amount
  /// that parses); `file` names the file the record was read from, for messages.
  func line(from record: CSVRecord, file path: String) throws(Diagnostic) -> BudgetLine {
    let here = SourceLocation(file: path, line: record.line, column: 1)
    guard record.fields.count == schema.columns.count else {
      // Too many fields: point at the first one the header has no column for.
      let extra = schema.columns.count
      let at =
        extra < record.fields.count
        ? SourceLocation(file: path, line: record.lines[extra], column: record.columns[extra])
        : here
      throw Diagnostic(
        at: at,
        "this row has \(record.fields.count) fields but the header has "
          + "\(schema.columns.count)",
        hint: "a field containing a comma must be in double quotes, e.g. \"1,234.56\"")
    }
    func place(_ column: Int) -> SourceLocation {
      SourceLocation(file: path, line: record.lines[column], column: record.columns[column])
    }
    let idColumn = schema.idColumn
    let amountColumn = schema.amountColumn
    let descriptionColumn = schema.descriptionColumn
    let rawID = record.fields[idColumn]
    if InputLimits.length(rawID) > InputLimits.textLength {
      throw Self.tooLong("this line's id", length: InputLimits.length(rawID), at: place(idColumn))
    }
    let id = BudgetLine.trimmed(rawID)
    guard !id.isEmpty else {
      throw Diagnostic(at: place(idColumn), "the line has no id", hint: "give every line an id")
    }
    let shownID = Self.shown(id)
    for (index, field) in record.fields.enumerated()
    where InputLimits.length(field) > InputLimits.textLength {
      throw Self.tooLong(
        "line \(shownID): the \(Self.shown(schema.columns[index])) field",
        length: InputLimits.length(field), at: place(index))
    }
    if let earlier = seen.updateValue((record.line, id), forKey: id.lowercased()) {
      let spelling = earlier.id == id ? "" : " as '\(Self.shown(earlier.id))'"
      throw Diagnostic(
        at: place(idColumn),
        "id '\(shownID)' is used twice (first on line \(earlier.line)\(spelling))",
        hint: "ids must be unique, ignoring case, so that every line can be traced")
    }
    let amount = try self.amount(
      record.fields[amountColumn], line: shownID, at: place(amountColumn))
    count += 1
    return BudgetLine(
      id: id, description: BudgetLine.trimmed(record.fields[descriptionColumn]),
      amount: amount, values: record.fields, location: here, columns: record.columns,
      lines: record.lines)
  }

  /// Parses an amount and checks it, and the total so far, against the limit.
  private func amount(_ text: String, line: String, at place: SourceLocation) throws(Diagnostic)
    -> Money
  {
    let hint = "write amounts like 1234.56, 1,234.56, £1,234.56 or (1,234.56) for negative"
    let limit = InputLimits.amountPence
    // Built only when needed: formatting the limit on every line is a measurable cost.
    func tooLarge() -> Diagnostic {
      Diagnostic(
        at: place,
        "line \(line): the amount \(Self.shown(BudgetLine.trimmed(text))) is too large: the "
          + "most is \(InputLimits.largestAmount), for costs or income",
        hint: "check the amount; a workbook holds 15 digits exactly, and every total must fit")
    }
    let amount: Money
    do { amount = try Money(parsing: text) } catch {
      if error == .overflow { throw tooLarge() }
      throw Diagnostic(at: place, "line \(line): \(error)", hint: hint)
    }
    guard amount.pence.magnitude <= limit.magnitude else { throw tooLarge() }
    magnitudes += Int64(amount.pence.magnitude)
    guard magnitudes <= limit else {
      throw Diagnostic(
        at: place,
        "line \(line): the amounts up to this line add up to more than "
          + "\(InputLimits.largestAmount), counting income as positive",
        hint: "a budget's amounts, costs and income together, can add up to at most "
          + "\(InputLimits.largestAmount), so that every total fits a workbook exactly")
    }
    return amount
  }

  /// Ends the pass over the file once every line has been read: whether it changed while it
  /// was read (see ``BudgetSource``).
  func finishPass() throws {
    try pass?.finish()
  }

  private static func tooLong(_ what: String, length: Int, at place: SourceLocation) -> Diagnostic {
    Diagnostic(
      at: place,
      "\(what) is \(InputLimits.grouped(length)) characters long; the most a workbook cell "
        + "holds is \(InputLimits.grouped(InputLimits.textLength))",
      hint: "shorten it, or move the text out of the budget")
  }

  /// A text from the budget for a message: at most 60 characters, then `…`.
  static func shown(_ text: String) -> String {
    text.count > 60 ? String(text.prefix(60)) + "…" : text
  }

  private static func diagnostic(_ error: any Error, path: String) -> Diagnostic {
    if let csv = error as? CSVError {
      return Diagnostic(
        at: SourceLocation(file: path, line: csv.line, column: csv.column), csv.message,
        hint: csv.hint)
    }
    return Diagnostic(at: SourceLocation(file: path), "cannot read the budget: \(error)")
  }
}
