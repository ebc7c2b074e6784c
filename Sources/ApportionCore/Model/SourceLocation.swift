/// A place in an input file, for messages: `path:line:column`.
///
/// The core library never opens files; loaders fill these in so that every error can name
/// the file, line and column a person must fix.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
  /// The file as the user named it.
  public var file: String
  /// 1-based line; 0 when unknown.
  public var line: Int
  /// 1-based column; 0 when unknown.
  public var column: Int

  public init(file: String, line: Int = 0, column: Int = 0) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String {
    switch (line, column) {
    case (0, _): return file
    case (_, 0): return "\(file):\(line)"
    default: return "\(file):\(line):\(column)"
    }
  }
}
