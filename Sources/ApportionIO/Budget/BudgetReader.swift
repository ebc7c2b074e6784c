import ApportionCore

/// Reads a budget CSV one line at a time: header row, then one budget line per row.
///
/// `id`, `description` and `amount` columns are required; any other columns are kept as
/// text for rules to refer to. Ids must be unique; amounts are parsed exactly (see
/// ``Money/init(parsing:)``). Every error names the file, line and column.
///
/// ```swift
/// let budget = try BudgetReader(path: "Samples/2016-17/budget.csv")
/// while let line = try budget.next() { print(line.id, line.amount) }
/// ```
public final class BudgetReader {
  public let path: String
  public let schema: BudgetSchema
  private let csv: CSVReader
  private var seen: [String: Int] = [:]
  /// How many budget lines have been read so far.
  public private(set) var count = 0

  /// Opens a budget and reads its header row.
  public convenience init(path: String) throws(Diagnostic) {
    let csv: CSVReader
    do {
      csv = try CSVReader(path: path)
    } catch {
      throw Diagnostic(
        at: SourceLocation(file: path), "cannot open the budget: \(Self.message(error))",
        hint: "check the path; a budget is a CSV file with a header row")
    }
    try self.init(csv: csv, path: path)
  }

  /// Reads a budget held in memory; `path` names it in messages.
  package convenience init(bytes: [UInt8], path: String) throws(Diagnostic) {
    try self.init(csv: CSVReader(bytes: bytes), path: path)
  }

  private init(csv: CSVReader, path: String) throws(Diagnostic) {
    self.path = path
    self.csv = csv
    let header: CSVRecord?
    do { header = try csv.next() } catch { throw Self.diagnostic(error, path: path) }
    guard let header else {
      throw Diagnostic(
        at: SourceLocation(file: path), "the budget is empty",
        hint: "the first row must name the columns: id,description,amount,...")
    }
    let locations = header.columns.indices.map {
      SourceLocation(file: path, line: header.lines[$0], column: header.columns[$0])
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
    let id = BudgetLine.trimmed(record.fields[idColumn])
    guard !id.isEmpty else {
      throw Diagnostic(at: place(idColumn), "the line has no id", hint: "give every line an id")
    }
    if let earlier = seen.updateValue(record.line, forKey: id) {
      throw Diagnostic(
        at: place(idColumn), "id '\(id)' is used twice (first on line \(earlier))",
        hint: "ids must be unique so that every line can be traced")
    }
    let amount: Money
    do { amount = try Money(parsing: record.fields[amountColumn]) } catch {
      throw Diagnostic(
        at: place(amountColumn), "line \(id): \(error)",
        hint: "write amounts like 1234.56, 1,234.56, £1,234.56 or (1,234.56) for negative")
    }
    count += 1
    return BudgetLine(
      id: id, description: BudgetLine.trimmed(record.fields[descriptionColumn]),
      amount: amount,
      values: record.fields, location: here, columns: record.columns)
  }

  private static func diagnostic(_ error: any Error, path: String) -> Diagnostic {
    if let csv = error as? CSVError {
      return Diagnostic(
        at: SourceLocation(file: path, line: csv.line, column: csv.column), csv.message,
        hint: csv.hint)
    }
    return Diagnostic(at: SourceLocation(file: path), "cannot read the budget: \(error)")
  }

  private static func message(_ error: any Error) -> String {
    (error as? CSVError)?.message ?? "\(error)"
  }
}
