/// An output could not be written (a workbook, a folder, standard output); says why.
///
/// The command-line tool reports it on one line and exits with status 2, which is kept apart
/// from problems in the inputs (status 1).
public struct OutputError: Error, CustomStringConvertible {
  /// One line for people: what could not be written and why.
  public let description: String
  /// An error described by `description`.
  public init(_ description: String) { self.description = description }
}
