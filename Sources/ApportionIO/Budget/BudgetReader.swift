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
  /// Each id so far, case-folded (as values compare, and as a spreadsheet looks them up), as a
  /// fingerprint (see ``IDFingerprints``): when one comes again, the budget is read again
  /// from the start to find the line that first used it.
  private var seen = IDFingerprints()
  /// Whether ids are checked: not on a later pass over bytes the first pass checked (their
  /// SHA-256 must match at the end).
  private let checksIDs: Bool
  /// A new reader over the bytes read so far, from the start.
  private let reread: () throws -> CSVReader
  /// The ids of lines added by scenarios (few), exactly, with their lines and spellings.
  private var addedIDs: [String: (line: Int, id: String)] = [:]
  /// The amounts so far without their signs, at most ``InputLimits/amountPence``.
  private var magnitudes: Int64 = 0
  /// The pass over the file, kept open while the reader reads it.
  private let pass: BudgetPass?
  /// How many bytes of the budget have been read so far.
  public var bytesRead: Int { csv.bytesRead }
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
    try self.init(
      csv: CSVReader(bytes: bytes), path: path, pass: nil, reread: { CSVReader(bytes: bytes) })
  }

  /// Reads the header row of one pass over a budget.
  convenience init(pass: BudgetPass) throws(Diagnostic) {
    try self.init(
      csv: pass.reader(), path: pass.source.path, pass: pass, reread: pass.source.rereader)
  }

  private init(
    csv: CSVReader, path: String, pass: BudgetPass?, reread: @escaping () throws -> CSVReader
  ) throws(Diagnostic) {
    self.path = path
    self.csv = csv
    self.pass = pass
    self.reread = reread
    checksIDs = pass?.first ?? true
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
  /// that parses); `file` names the file the record was read from, for messages, and `added`
  /// says it is a line added by a scenario, not one of the budget's.
  func line(from record: CSVRecord, file path: String, added: Bool = false) throws(Diagnostic)
    -> BudgetLine
  {
    let here = SourceLocation(file: path, line: record.line, column: 1)
    guard record.fields.count == schema.columns.count else {
      // Too many fields: point at the first one the header has no column for.
      let extra = schema.columns.count
      let at =
        extra < record.fields.count
        ? SourceLocation(
          file: path, line: record.line(ofField: extra), column: record.columns[extra])
        : here
      throw Diagnostic(
        at: at,
        "this row has \(record.fields.count) fields but the header has "
          + "\(schema.columns.count)",
        hint: "a field containing a comma must be in double quotes, e.g. \"1,234.56\"")
    }
    func place(_ column: Int) -> SourceLocation {
      SourceLocation(
        file: path, line: record.line(ofField: column), column: record.columns[column])
    }
    let idColumn = schema.idColumn
    let amountColumn = schema.amountColumn
    let descriptionColumn = schema.descriptionColumn
    let rawID = record.fields[idColumn]
    if Self.isTooLong(rawID) {
      throw Self.tooLong("this line's id", length: InputLimits.length(rawID), at: place(idColumn))
    }
    let id = BudgetLine.trimmed(rawID)
    guard !id.isEmpty else {
      throw Diagnostic(at: place(idColumn), "the line has no id", hint: "give every line an id")
    }
    for (index, field) in record.fields.enumerated() where Self.isTooLong(field) {
      throw Self.tooLong(
        "line \(Self.shown(id)): the \(Self.shown(schema.columns[index])) field",
        length: InputLimits.length(field), at: place(index))
    }
    if checksIDs || added { try checkNew(id, line: record.line, added: added, at: place(idColumn)) }
    let amount = try self.amount(record.fields[amountColumn], id: id, at: place(amountColumn))
    count += 1
    return BudgetLine(
      id: id, description: BudgetLine.trimmed(record.fields[descriptionColumn]),
      amount: amount, values: record.fields, location: here, columns: record.columns,
      lines: record.fieldLines)
  }

  /// Parses an amount and checks it, and the total so far, against the limit.
  private func amount(_ text: String, id: String, at place: SourceLocation) throws(Diagnostic)
    -> Money
  {
    let limit = InputLimits.amountPence
    // The messages are made only when needed: a budget has a million amounts.
    func tooLarge() -> Diagnostic {
      Diagnostic(
        at: place,
        "line \(Self.shown(id)): the amount \(Self.shown(BudgetLine.trimmed(text))) is too "
          + "large: the most is \(InputLimits.largestAmount), for costs or income",
        hint: "check the amount; a workbook holds 15 digits exactly, and every total must fit")
    }
    let amount: Money
    do { amount = try Money(parsing: text) } catch {
      if error == .overflow { throw tooLarge() }
      throw Diagnostic(
        at: place, "line \(Self.shown(id)): \(error)",
        hint: "write amounts like 1234.56, 1,234.56, £1,234.56 or (1,234.56) for negative")
    }
    guard amount.pence.magnitude <= limit.magnitude else { throw tooLarge() }
    magnitudes += Int64(amount.pence.magnitude)
    guard magnitudes <= limit else {
      let line = Self.shown(id)
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

  /// Checks that an id is new: fingerprints for the budget's own lines (the budget is read
  /// again to find the first use when a fingerprint comes again), exact ids for added lines.
  private func checkNew(_ id: String, line: Int, added: Bool, at place: SourceLocation)
    throws(Diagnostic)
  {
    var earlier: (line: Int, id: String)?
    if added {
      let key = id.lowercased()
      if !seen.insert(id) { earlier = try firstUse(of: key, before: Int.max) }
      if earlier == nil { earlier = addedIDs.updateValue((line, id), forKey: key) }
    } else if !seen.insert(id) {
      earlier = try firstUse(of: id.lowercased(), before: line)
    }
    guard let earlier else { return }
    let spelling = earlier.id == id ? "" : " as '\(Self.shown(earlier.id))'"
    let first = earlier.line > 0 ? "line \(earlier.line)\(spelling)" : "an earlier line"
    throw Diagnostic(
      at: place, "id '\(Self.shown(id))' is used twice (first on \(first))",
      hint: "ids must be unique, ignoring case, so that every line can be traced")
  }

  /// The budget line before `line` whose case-folded id is `key`, by reading the budget
  /// again from the start; nil when there is none (two ids had the same fingerprint); line 0
  /// when the budget cannot be read again (a pipe with no room to copy it).
  private func firstUse(of key: String, before line: Int) throws(Diagnostic) -> (
    line: Int, id: String
  )? {
    let changed = pass?.source.changed ?? Diagnostic(at: SourceLocation(file: path), "")
    do {
      let again = try reread()
      _ = try again.next()
      let idColumn = schema.idColumn
      while let record = try again.next(), record.line < line {
        guard idColumn < record.fields.count else { continue }
        let id = BudgetLine.trimmed(record.fields[idColumn])
        if id.lowercased() == key { return (record.line, id) }
      }
      return nil
    } catch let error as Diagnostic {
      throw error
    } catch is Unreadable {
      return (0, "")
    } catch {
      throw changed
    }
  }

  /// Whether a text is longer than a cell holds, looking at its UTF-16 length only when its
  /// UTF-8 length (never less) is over the limit.
  @inline(__always)
  static func isTooLong(_ text: String) -> Bool {
    text.utf8.count > InputLimits.textLength && InputLimits.length(text) > InputLimits.textLength
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
