import ApportionCore
import ApportionIO
import ArgumentParser
import Foundation

/// The terminal: standard output through one checked writer, problems on standard error, and
/// the exit status.
enum Console {
  /// Every command's standard output: each write checked (see `StandardOutput`), flushed
  /// when the command ends.
  nonisolated(unsafe) static let output = StandardOutput()

  /// Writes to standard output (buffered; see `output`). Commands print only through this:
  /// Swift's `print` would not notice a failed write.
  static func write(_ text: String) { output.write(text) }

  /// Writes a line to standard error; text from the inputs in it must already be escaped
  /// (``Swift/StringProtocol/displayEscaped``). A failure there is ignored: there is nowhere
  /// left to report it (and `FileHandle.write(_:)` would stop the process on a closed pipe).
  static func printError(_ text: String) {
    try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8))
  }

  /// Prints each problem: a diagnostic escapes its own parts and keeps its hint on a line of
  /// its own.
  static func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics { printError(diagnostic.description) }
  }

  /// The exit status when the reader of standard output went away (`| head`): 128 + SIGPIPE,
  /// as if the process had been killed by the signal, but only after everything else was done.
  static let readerClosedStatus: Int32 = 141

  /// Runs a command body, turning input problems into messages and exit status 1, and
  /// output problems (standard output included) into exit status 2. Interruptions clean up
  /// first (see `Interruption`).
  static func run(_ body: () throws -> Void) throws {
    Interruption.install()
    do {
      try body()
      try output.flush()
    } catch {
      // What was printed before the problem still goes out (never any of a --json document,
      // which is held back until the run has succeeded).
      try? output.flush()
      try fail(error)
    }
    if output.readerClosed { throw ExitCode(readerClosedStatus) }
  }

  private static func fail(_ error: any Error) throws -> Never {
    switch error {
    case let list as DiagnosticList:
      report(list.diagnostics)
      throw ExitCode(1)
    case let diagnostic as Diagnostic:
      report([diagnostic])
      throw ExitCode(1)
    case let failure as OutputError:
      printError("error: \(failure.description.displayEscaped)")
      throw ExitCode(2)
    case let error as ValidationError:
      throw error
    case let error as ExitCode:
      throw error
    default:
      // Anything else is a workbook or file that could not be written (an XlsxError names
      // the sheet and cell; a file system error is said in plain words).
      printError(
        "error: cannot write the output: \(SystemErrorWords.describe(error).displayEscaped)")
      throw ExitCode(2)
    }
  }
}
