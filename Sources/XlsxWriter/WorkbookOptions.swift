/// How libxlsxwriter builds the file.
///
/// ```swift
/// let book = try Workbook(
///   path: path, options: WorkbookOptions(constantMemory: false, temporaryDirectory: "/var/tmp"))
/// ```
public struct WorkbookOptions: Hashable, Sendable {
  /// Flush each row to a temporary file as soon as a later row is started, so memory stays flat
  /// however many rows are written. Rows of a sheet must then be written in ascending order
  /// (sheets may interleave); `Worksheet` throws when they are not. Strings are written inline
  /// (`t="inlineStr"`) rather than to a shared-string table.
  public var constantMemory: Bool
  /// Where libxlsxwriter puts its temporary files; `nil` for the system default (`tmpfile()`,
  /// in `/tmp`). Put them in a private folder on the output's filesystem, so that a small
  /// `/tmp` cannot cut a workbook short. libxlsxwriter unlinks each file as it creates it, so
  /// nothing is left there, however the process ends.
  public var temporaryDirectory: String?
  /// Allow ZIP64 extensions, needed when a part exceeds 4 GB uncompressed.
  public var useZip64: Bool
  /// Read the file back after `Workbook.close()` and throw if it is incomplete or damaged
  /// (`WrittenWorkbookCheck`). libxlsxwriter does not notice failed writes to its temporary
  /// files, so turn this off only for files nobody relies on.
  public var checksWrittenFile: Bool

  /// Options with constant-memory mode on and the written file checked, by default.
  public init(
    constantMemory: Bool = true, temporaryDirectory: String? = nil, useZip64: Bool = false,
    checksWrittenFile: Bool = true
  ) {
    self.constantMemory = constantMemory
    self.temporaryDirectory = temporaryDirectory
    self.useZip64 = useZip64
    self.checksWrittenFile = checksWrittenFile
  }
}
