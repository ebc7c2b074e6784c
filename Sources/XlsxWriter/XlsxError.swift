/// An error from writing a workbook: what was being done, where, and why.
///
/// Whenever libxlsxwriter reports a failure, `code` holds its `lxw_error` value and `reason`
/// the library's own text (`lxw_strerror`), sometimes with a note. The wrapper also refuses some
/// things before calling the library. Three of those carry the code libxlsxwriter uses for the
/// same problem: a cell outside Excel's grid (`.worksheetIndexOutOfRange`), text longer than
/// 32,767 UTF-16 code units (`.maxStringLengthExceeded`), and a format, chart or series the
/// library could not allocate (`.memoryError`). The rest have `code == nil`: a closed workbook,
/// a sheet name Excel would refuse, a NUL character, a number that is not finite or cannot be
/// stored exactly, a format or chart of another workbook, an invalid date, range or size, text
/// libxlsxwriter would read as a reference, and a workbook or worksheet it could not create.
///
/// Its `description` is one line meant for people:
/// `cannot write cell Lines!B12: String exceeds Excel's limit of 32,767 characters.`
///
/// ```swift
/// do {
///   try sheet.writeString(row: 11, column: 1, text)
/// } catch let error as XlsxError {
///   print(error)  // cannot write cell Lines!B12: …
///   if error.code == .maxStringLengthExceeded { /* shorten the text */ }
/// }
/// ```
public struct XlsxError: Error, CustomStringConvertible, Equatable, Sendable {
  /// What the wrapper was doing when it failed.
  public enum Operation: String, Sendable {
    case createWorkbook = "create workbook"
    case setProperties = "set document properties"
    case addWorksheet = "add worksheet"
    case addFormat = "add format"
    case writeCell = "write cell"
    case setColumn = "set column"
    case setRow = "set row"
    case setLayout = "set layout of"
    case setPageSetup = "set page setup of"
    case addChart = "add chart"
    case addSeries = "add series to chart"
    case setChartTitle = "set chart title"
    case setChartAxis = "set chart axis"
    case setChartLegend = "set chart legend"
    case insertChart = "insert chart at"
    case defineName = "define name"
    case closeWorkbook = "close workbook"
  }

  /// What was being done.
  public let operation: Operation
  /// The worksheet concerned, if any (for `.addWorksheet`, the rejected name).
  public let sheet: String?
  /// The cell concerned as an A1 reference (`B12`), if any.
  public let cell: String?
  /// libxlsxwriter's code for the failure, or `nil` when it has none (see the type's
  /// discussion for which failures carry one).
  public let code: Code?
  /// Why it failed: `lxw_strerror`'s text, or the wrapper's own explanation.
  public let reason: String

  /// Creates an error; `reason` should be a complete sentence.
  public init(
    _ operation: Operation, sheet: String? = nil, cell: String? = nil, code: Code? = nil,
    reason: String
  ) {
    self.operation = operation
    self.sheet = sheet
    self.cell = cell
    self.code = code
    self.reason = reason
  }

  /// An error whose reason is `code`'s own text, followed by `detail` in brackets if given.
  init(
    _ operation: Operation, sheet: String? = nil, cell: String? = nil, code: Code,
    detail: String? = nil
  ) {
    let reason = code.description + (detail.map { " (\($0))" } ?? "")
    self.init(operation, sheet: sheet, cell: cell, code: code, reason: reason)
  }

  /// One line: `cannot <operation> <where>: <reason>`.
  public var description: String {
    var text = "cannot \(operation.rawValue)"
    switch (sheet, cell) {
    case (let sheet?, let cell?): text += " \(sheet)!\(cell)"
    case (let sheet?, nil): text += " \"\(sheet)\""
    case (nil, let cell?): text += " \(cell)"
    case (nil, nil): break
    }
    return text + ": " + reason
  }
}
