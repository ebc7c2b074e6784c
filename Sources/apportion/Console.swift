import ApportionCore
import ApportionIO
import ArgumentParser
import Foundation

/// Prints problems to standard error, one per line with its place and hint.
enum Console {
  /// Prints text on standard error; text from the inputs in it must already be escaped
  /// (``Swift/StringProtocol/displayEscaped``).
  static func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  /// Prints each problem: a diagnostic escapes its own parts and keeps its hint on a line of
  /// its own.
  static func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics { printError(diagnostic.description) }
  }

  /// Runs a command body, turning input problems into messages and exit status 1, and
  /// output problems into exit status 2.
  static func run(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let list as DiagnosticList {
      report(list.diagnostics)
      throw ExitCode(1)
    } catch let diagnostic as Diagnostic {
      report([diagnostic])
      throw ExitCode(1)
    } catch let failure as OutputError {
      printError("error: \(failure.description.displayEscaped)")
      throw ExitCode(2)
    } catch let error as ValidationError {
      throw error
    } catch let error as ExitCode {
      throw error
    } catch {
      // Anything else is a workbook or file that could not be written (an XlsxError names
      // the sheet and cell; a file system error is said in plain words).
      printError(
        "error: cannot write the output: \(SystemErrorWords.describe(error).displayEscaped)")
      throw ExitCode(2)
    }
  }
}
