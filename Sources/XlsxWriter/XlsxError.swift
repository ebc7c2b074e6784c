/// An error from writing a workbook: what was being done, where, and why.
///
/// Every failure reported by libxlsxwriter (an `lxw_error` code) becomes one of these, with the
/// library's own text from `lxw_strerror`. The wrapper also detects some problems itself before
/// calling the library (a name the library would accept but Excel would not, a row written out
/// of order, a number that cannot be stored exactly); those have no `code`.
///
/// Its `description` is one line meant for people:
/// `cannot write cell Lines!B12: String exceeds Excel's limit of 32,767 characters.`
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
  /// The raw `lxw_error` value from libxlsxwriter, or `nil` when the wrapper found the problem.
  public let code: Int?
  /// Why it failed: `lxw_strerror`'s text, or the wrapper's own explanation.
  public let reason: String

  /// Creates an error; `reason` should be a complete sentence.
  public init(
    _ operation: Operation, sheet: String? = nil, cell: String? = nil, code: Int? = nil,
    reason: String
  ) {
    self.operation = operation
    self.sheet = sheet
    self.cell = cell
    self.code = code
    self.reason = reason
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
