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
  /// Where libxlsxwriter puts its temporary files; `nil` for the system default (`tmpfile()`).
  public var temporaryDirectory: String?
  /// Allow ZIP64 extensions, needed when a part exceeds 4 GB uncompressed.
  public var useZip64: Bool

  /// Options with constant-memory mode on by default.
  public init(
    constantMemory: Bool = true, temporaryDirectory: String? = nil, useZip64: Bool = false
  ) {
    self.constantMemory = constantMemory
    self.temporaryDirectory = temporaryDirectory
    self.useZip64 = useZip64
  }
}
