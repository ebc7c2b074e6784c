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

  /// The version of libxlsxwriter that writes the files, e.g. `1.1.4`.
  public static var libraryVersion: String { Lxw.version }

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
    stored.keywords = properties.keywords.map { storable($0, place: "the document keywords") }
    stored.category = properties.category.map { storable($0, place: "the document category") }
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

  /// Sets the workbook's default font: the font of cells without a format, of the Normal
  /// style, and the unit of column widths (a column `width` wide holds `width` digits of
  /// it). Formats that should look the same name the font too
  /// (`FormatSpecification(fontName:)`).
  ///
  /// Calibri, libxlsxwriter's default, is missing where Microsoft Office is not installed,
  /// and LibreOffice then measures columns in a wider substitute font, so a page laid out
  /// for Calibri no longer fits. Arial (Liberation Sans, with the same metrics, ships with
  /// LibreOffice) measures the same everywhere.
  ///
  /// ```swift
  /// try book.setDefaultFont(name: "Arial", size: 10)
  /// ```
  ///
  /// - Throws: `XlsxError` (`.addFormat`) for an empty name, one over 127 bytes or with
  ///   NUL, or a size outside 1...409 points.
  public func setDefaultFont(name: String, size: Double) throws {
    let handle = try requireOpen(.addFormat)
    guard !name.isEmpty, name.utf8.count < 128, !name.contains("\0"), (1...409).contains(size)
    else {
      throw XlsxError(.addFormat, reason: "invalid default font \(name) \(size)")
    }
    guard Lxw.setDefaultFont(handle, name: name, size: size) else {
      throw XlsxError(.addFormat, reason: "the workbook has no default format")
    }
  }

  /// Sets a custom document property holding text (File ▸ Properties ▸ Custom in Excel).
  ///
  /// ```swift
  /// try book.setCustomProperty("Generator", "apportion 1.0.0 with libxlsxwriter 1.1.4")
  /// ```
  ///
  /// - Throws: `XlsxError` (`.setProperties`) for an empty name, text containing NUL, or a
  ///   library failure (the name is at most 255 characters).
  public func setCustomProperty(_ name: String, _ value: String) throws {
    let handle = try requireOpen(.setProperties)
    if name.isEmpty || name.contains("\0") || value.contains("\0") {
      throw XlsxError(
        .setProperties, reason: "custom property \"\(name)\" has an empty name or contains NUL")
    }
    try Lxw.check(Lxw.setCustomProperty(handle, name, value), .setProperties, detail: name)
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
    if let size = specification.fontSize, !(1...409).contains(size) {
      throw XlsxError(.addFormat, reason: "font size \(size) is outside 1...409 points")
    }
    if let name = specification.fontName,
      name.isEmpty || name.utf8.count >= 128 || name.contains("\0")
    {
      throw XlsxError(.addFormat, reason: "invalid font name \(name)")
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

  /// Why `name` cannot be a defined name, or `nil` when it can.
  ///
  /// Excel's rules: 1 to 255 characters; a letter or `_` first, then letters, digits, `_`
  /// and `.` (only ASCII letters are accepted here); not a cell reference in A1 (`LGA1`,
  /// `XFD1048576`) or R1C1 form (`R1C1`, `R`, `C`).
  public static func validateDefinedName(_ name: String) -> String? {
    let scalars = Array(name.unicodeScalars)
    guard let first = scalars.first, scalars.count <= 255 else {
      return "a defined name has 1 to 255 characters"
    }
    func isLetter(_ c: Unicode.Scalar) -> Bool {
      ("a"..."z").contains(c) || ("A"..."Z").contains(c)
    }
    func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    guard isLetter(first) || first == "_" else {
      return "a defined name starts with a letter or '_'"
    }
    guard scalars.allSatisfy({ isLetter($0) || isDigit($0) || $0 == "_" || $0 == "." }) else {
      return "a defined name holds only letters, digits, '_' and '.'"
    }
    let upper = name.uppercased()
    if upper == "R" || upper == "C" || upper.wholeMatch(of: /R[0-9]*C[0-9]*/) != nil {
      return "'\(name)' reads as an R1C1 cell reference"
    }
    if let match = upper.wholeMatch(of: /([A-Z]{1,3})([0-9]+)/),
      CellReference.columnNumber(String(match.output.1)).map({ $0 < Worksheet.maxColumns })
        ?? false,
      let row = Int(match.output.2), (1...Worksheet.maxRows).contains(row)
    {
      return "'\(name)' reads as a cell reference"
    }
    return nil
  }

  /// Defines a workbook-level name, e.g. `defineName("Total", refersTo: range)`.
  ///
  /// - Throws: `XlsxError` (`.defineName`) for a name Excel would refuse (see
  ///   ``validateDefinedName(_:)``), a range outside the sheet, or a library failure (for
  ///   example a name already defined).
  public func defineName(_ name: String, refersTo range: RangeReference) throws {
    let handle = try requireOpen(.defineName, cell: name)
    if let reason = Self.validateDefinedName(name) {
      throw XlsxError(.defineName, cell: name, reason: reason)
    }
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
