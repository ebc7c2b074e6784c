/// An `.xlsx` file being written with libxlsxwriter.
///
/// The workbook owns the C `lxw_workbook`. Add worksheets, formats and charts, write cells,
/// then call `close()` once: only then is the file written. `Worksheet`, `Format` and `Chart`
/// keep their workbook alive, and every call on them after `close()` throws instead of touching
/// freed memory.
///
/// A workbook that is dropped without `close()` is freed by `deinit` with `lxw_workbook_free`:
/// no file is created at `path` (libxlsxwriter opens the output only in `workbook_close`) and
/// the temporary files of constant-memory mode are removed. Write to a temporary path and
/// rename it into place after a successful `close()`, so that a failure leaves nothing behind.
///
/// ```swift
/// let book = try Workbook(path: tmpPath)
/// try book.setProperties(DocumentProperties(
///   title: "Budget apportionment", created: UTCDateTime(year: 2025, month: 4, day: 1)))
/// let sheet = try book.addWorksheet(name: "Lines")
/// let money = try book.addFormat(FormatSpecification(numberFormat: "#,##0.00"))
/// try sheet.writeString(row: 0, column: 0, "Rent")
/// try sheet.writeMoney(row: 0, column: 1, pence: 123_457, format: money)  // 1234.57
/// try sheet.writeFormula(row: 1, column: 1, "SUM(B1:B1)", cachedPence: 123_457, format: money)
/// try book.close()
/// ```
public final class Workbook {
  /// The output file, written by `close()`.
  public let path: String
  /// The options the workbook was created with.
  public let options: WorkbookOptions
  /// The C workbook; `nil` once `close()` has run (libxlsxwriter frees it there).
  private(set) var handle: Handle.Workbook?
  private var formats: [FormatSpecification: Handle.Format] = [:]
  /// Whether libxlsxwriter's own `[ERROR] …` lines on standard error are hidden while it
  /// creates workbooks and worksheets and writes files (the thrown `XlsxError` says the same
  /// in one line). Off by default: hiding them points descriptor 2 at `/dev/null` for the
  /// length of the call, which hides other threads' messages too. A command-line tool turns it
  /// on.
  nonisolated(unsafe) public static var hidesLibraryMessages = false

  /// Names of the worksheets added so far, in order (as stored: see `WorkbookText`).
  public private(set) var sheetNames: [String] = []
  /// What each worksheet has had written, for the check after `close()`.
  private var tallies: [SheetTally] = []
  /// Every text that had characters a workbook cannot hold (see `WorkbookText`): what was
  /// changed and where.
  public private(set) var textRepairs = TextRepairLog()

  /// Creates a workbook that will be written to `path` on `close()`.
  ///
  /// - Throws: `XlsxError` (`.createWorkbook`) when libxlsxwriter returns `NULL`: out of
  ///   memory, or (in constant-memory mode) too many open files.
  public init(path: String, options: WorkbookOptions = WorkbookOptions()) throws {
    self.path = path
    self.options = options
    let (handle, error) = Lxw.newWorkbook(path: path, options: options)
    guard let handle else {
      throw XlsxError(
        .createWorkbook,
        reason: SystemError.tooManyOpenFiles(error)
          ?? "libxlsxwriter could not create a workbook for \(path) (out of memory)")
    }
    self.handle = handle
  }

  deinit {
    if let handle { Lxw.freeWorkbook(handle) }
  }

  /// Whether `close()` has been called (successfully or not).
  public var isClosed: Bool { handle == nil }

  func requireOpen(
    _ operation: XlsxError.Operation, sheet: String? = nil, cell: String? = nil
  ) throws -> Handle.Workbook {
    guard let handle else {
      throw XlsxError(operation, sheet: sheet, cell: cell, reason: "the workbook is closed")
    }
    return handle
  }

  /// Sets title, author, creation date and the other document properties.
  ///
  /// libxlsxwriter copies the strings. With `created` set, the output no longer depends on
  /// the clock: two runs with the same inputs give byte-identical files.
  ///
  /// Characters a workbook cannot hold are replaced with U+FFFD and recorded in
  /// `textRepairs` (see `WorkbookText`).
  ///
  /// - Throws: `XlsxError` (`.setProperties`) for an impossible or pre-1970 `created` date, or
  ///   a library failure.
  public func setProperties(_ properties: DocumentProperties) throws {
    let handle = try requireOpen(.setProperties)
    var created = 0
    if let date = properties.created {
      guard let seconds = date.secondsSinceEpoch else {
        throw XlsxError(
          .setProperties,
          reason: "created date \(date) is not a valid UTC date and time after 1970-01-01T00:00:00")
      }
      created = seconds
    }
    var stored = properties
    stored.title = properties.title.map { storable($0, place: "the document title") }
    stored.subject = properties.subject.map { storable($0, place: "the document subject") }
    stored.author = properties.author.map { storable($0, place: "the document author") }
    stored.company = properties.company.map { storable($0, place: "the document company") }
    stored.comments = properties.comments.map { storable($0, place: "the document comments") }
    try Lxw.check(Lxw.setProperties(handle, stored, created: created), .setProperties)
  }

  /// Text for anywhere but a cell, with characters a workbook cannot hold replaced and the
  /// repair recorded: the only way such text reaches libxlsxwriter.
  func storable(_ text: String, place: @autoclosure () -> String) -> String {
    let stored = WorkbookText.plain(text)
    textRepairs.record(stored, place: place())
    return stored.text
  }

  /// Cell text, with characters a workbook cannot hold escaped (or replaced) and the repair
  /// recorded: the only way cell text reaches libxlsxwriter.
  func storableCell(_ text: String, place: @autoclosure () -> String) -> String {
    let stored = WorkbookText.cell(text)
    textRepairs.record(stored, place: place())
    return stored.text
  }

  /// Why `name` cannot be a worksheet name in any workbook, or `nil` when it can.
  ///
  /// Checks Excel's rules: not empty, at most 31 characters (counted in UTF-16 code units, as
  /// Excel does; libxlsxwriter counts code points), none of `[ ] : * ? / \`, no leading or
  /// trailing apostrophe, and not `History` (reserved by Excel, any case). Whether the name is
  /// already used is checked by `addWorksheet(name:)`.
  public static func validateSheetName(_ name: String) -> String? {
    if name.isEmpty { return "Worksheet name cannot be empty." }
    if name.utf16.count > 31 { return XlsxError.Code.sheetNameLengthExceeded.description }
    if name.contains(where: { "[]:*?/\\".contains($0) }) {
      return XlsxError.Code.invalidSheetNameCharacter.description
    }
    if name.hasPrefix("'") || name.hasSuffix("'") {
      return XlsxError.Code.sheetNameStartEndApostrophe.description
    }
    if name.contains("\0") { return "Worksheet name cannot contain a NUL character." }
    if name.lowercased() == "history" { return "Worksheet name \"History\" is reserved by Excel." }
    return nil
  }

  /// Adds a worksheet after the existing ones.
  ///
  /// Characters a workbook cannot hold are replaced with U+FFFD first (see `WorkbookText`);
  /// the worksheet's `name` is the name as stored, which formulas must use.
  ///
  /// - Throws: `XlsxError` (`.addWorksheet`, `sheet` = the name) saying what is wrong with the
  ///   name (see `validateSheetName(_:)`; also a name already used, compared without case), or
  ///   that no temporary file could be opened in constant-memory mode (too many open files).
  public func addWorksheet(name wanted: String) throws -> Worksheet {
    let handle = try requireOpen(.addWorksheet, sheet: wanted)
    let name = storable(
      wanted, place: "the sheet name \"\(WorkbookText.replacingUnstorable(wanted))\"")
    if let reason = Self.validateSheetName(name) {
      throw XlsxError(.addWorksheet, sheet: name, reason: reason)
    }
    try Lxw.check(Lxw.validateSheetName(handle, name), .addWorksheet, sheet: name)
    let (added, error) = Lxw.addWorksheet(handle, name)
    guard let sheet = added else {
      throw XlsxError(
        .addWorksheet, sheet: name,
        reason: SystemError.tooManyOpenFiles(error)
          ?? "libxlsxwriter could not create the worksheet (out of memory, or no temporary "
          + "file in constant-memory mode"
          + (SystemError.describe(error).map { ": \($0))" } ?? ")"))
    }
    sheetNames.append(name)
    let tally = SheetTally(name: name, constantMemory: options.constantMemory)
    tallies.append(tally)
    return Worksheet(workbook: self, handle: sheet, name: name, tally: tally)
  }

  /// The format for `specification`, created on first use; the same specification always gives the same format.
  ///
  /// - Throws: `XlsxError` (`.addFormat`) after `close()` or when the library cannot allocate it.
  public func addFormat(_ specification: FormatSpecification) throws -> Format {
    let handle = try requireOpen(.addFormat)
    if let existing = formats[specification] {
      return Format(specification: specification, workbook: self, handle: existing)
    }
    var stored = specification
    stored.numberFormat = specification.numberFormat.map { storable($0, place: "a number format") }
    guard let format = Lxw.addFormat(handle, stored) else {
      throw XlsxError(.addFormat, code: .memoryError)
    }
    formats[specification] = format
    return Format(specification: specification, workbook: self, handle: format)
  }

  /// Adds a chart; place it with `Worksheet.insertChart(row:column:chart:)`.
  public func addChart(type: Chart.Kind) throws -> Chart {
    let handle = try requireOpen(.addChart)
    guard let chart = Lxw.addChart(handle, type) else {
      throw XlsxError(.addChart, code: .memoryError)
    }
    return Chart(workbook: self, handle: chart, kind: type)
  }

  /// Defines a workbook-level name, e.g. `defineName("Total", refersTo: range)`.
  public func defineName(_ name: String, refersTo range: RangeReference) throws {
    let handle = try requireOpen(.defineName, cell: name)
    guard range.isValid else {
      throw XlsxError(.defineName, cell: name, reason: "the range \(range) is outside the sheet")
    }
    let stored = storable(name, place: "the defined name \"\(name)\"")
    let formula = storable("=" + range.description, place: "the defined name \"\(name)\"")
    try Lxw.check(Lxw.defineName(handle, stored, formula), .defineName, cell: name)
  }

  /// Writes the file, releases the C workbook, and reads the file back to check it.
  ///
  /// The first call always releases the workbook, whether writing succeeds or not
  /// (libxlsxwriter frees it inside `workbook_close`). A second call throws
  /// (`.closeWorkbook`, "the workbook is already closed") and touches nothing: closing twice is
  /// safe but reported, because it usually means a mistake in the caller.
  ///
  /// libxlsxwriter does not notice failed writes to its temporary files (a full temporary
  /// folder gives a workbook with sheets cut short, and a success status), so unless
  /// `options.checksWrittenFile` is off the file is then read back (`WrittenWorkbookCheck`):
  /// every part present, intact and well-formed, only characters a workbook can hold, and each
  /// worksheet holding every row written to it.
  ///
  /// - Throws: `XlsxError` (`.closeWorkbook`) when the file cannot be written, e.g. the folder
  ///   does not exist (`LXW_ERROR_CREATING_XLSX_FILE`), or when the file read back is
  ///   incomplete or damaged.
  public func close() throws {
    guard let handle else {
      throw XlsxError(.closeWorkbook, reason: "the workbook is already closed")
    }
    // Column widths and the like are formatted with %g at close, so check the locale first;
    // a workbook left open is still freed by deinit.
    guard Lxw.numericLocaleUsesFullStop() else { throw Worksheet.localeError(.closeWorkbook) }
    self.handle = nil
    let (status, error) = Lxw.close(handle)
    try Lxw.check(status, .closeWorkbook, detail: SystemError.describe(error))
    if options.checksWrittenFile {
      try WrittenWorkbookCheck(path: path, sheets: tallies.map { ($0.name, $0.rows) }).run()
    }
  }
}
