import CXlsxWriter

extension XlsxError {
  /// An `lxw_error` value from libxlsxwriter, with names for the ones the wrapper reports.
  ///
  /// Like swift-system's `Errno`, it is a `RawRepresentable` over the C value, so that any code
  /// the library returns can be held and compared, and the common ones have names. Its
  /// `description` is the library's own text (`lxw_strerror`).
  ///
  /// ```swift
  /// do {
  ///   try book.close()
  /// } catch let error as XlsxError where error.code == .creatingXlsxFile {
  ///   print("the folder is missing or not writable: \(error)")
  /// }
  /// ```
  public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The `lxw_error` value.
    public let rawValue: UInt32

    /// The code for an `lxw_error` value.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    init(_ error: lxw_error) { self.init(rawValue: error.rawValue) }

    /// `lxw_strerror`'s text, e.g. `Worksheet name is already in use.`
    public var description: String { Lxw.message(self) }

    /// `LXW_NO_ERROR`: what every call returns when it succeeds; never in a thrown error.
    static let success = Code(LXW_NO_ERROR)

    /// `LXW_ERROR_MEMORY_MALLOC_FAILED`: a format, chart or series could not be allocated.
    public static let memoryError = Code(LXW_ERROR_MEMORY_MALLOC_FAILED)
    /// `LXW_ERROR_CREATING_XLSX_FILE`: `close()` could not create the output file (for
    /// example, its folder does not exist).
    public static let creatingXlsxFile = Code(LXW_ERROR_CREATING_XLSX_FILE)
    /// `LXW_ERROR_CREATING_TMPFILE`: no temporary file for constant-memory mode.
    public static let creatingTemporaryFile = Code(LXW_ERROR_CREATING_TMPFILE)
    /// `LXW_ERROR_PARAMETER_VALIDATION`: an argument the library refuses.
    public static let parameterValidation = Code(LXW_ERROR_PARAMETER_VALIDATION)
    /// `LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED`: a sheet name over 31 characters.
    public static let sheetNameLengthExceeded = Code(LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED)
    /// `LXW_ERROR_INVALID_SHEETNAME_CHARACTER`: one of `[ ] : * ? / \` in a sheet name.
    public static let invalidSheetNameCharacter = Code(LXW_ERROR_INVALID_SHEETNAME_CHARACTER)
    /// `LXW_ERROR_SHEETNAME_START_END_APOSTROPHE`: a sheet name starting or ending with `'`.
    public static let sheetNameStartEndApostrophe = Code(LXW_ERROR_SHEETNAME_START_END_APOSTROPHE)
    /// `LXW_ERROR_SHEETNAME_ALREADY_USED`: a sheet name already in the workbook (any case).
    public static let sheetNameAlreadyUsed = Code(LXW_ERROR_SHEETNAME_ALREADY_USED)
    /// `LXW_ERROR_255_STRING_LENGTH_EXCEEDED`: a header or footer over 255 characters.
    public static let stringLength255Exceeded = Code(LXW_ERROR_255_STRING_LENGTH_EXCEEDED)
    /// `LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED`: cell text over 32,767 characters.
    public static let maxStringLengthExceeded = Code(LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
    /// `LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE`: a cell outside the sheet, or (in
    /// constant-memory mode) in a row already written.
    public static let worksheetIndexOutOfRange = Code(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
  }
}
