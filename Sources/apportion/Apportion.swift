import ApportionCore
import ArgumentParser
import Foundation

@main
struct Apportion: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "apportion",
    abstract: "Share the cost of a shared service between the councils that run it.",
    discussion: """
      Rules in (a YAML rule file), a budget in (CSV), exact apportionments out: every \
      penny conserved, no council collecting the odd pennies.

      Exit status: 0 success; 1 a problem in the rule file or budget (the message names the \
      file, line and column); 2 an output could not be written; 64 bad command-line usage.
      """,
    version: "0.1.0",
    subcommands: [Check.self, Run.self, Explain.self, Compare.self, PlanCommand.self, Sweep.self]
  )

  /// Runs the command, like `ParsableCommand.main()`, except that a usage message (which
  /// can quote the command line back) has its control characters escaped, line by line.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let text = fullMessage(for: error)
      let code = exitCode(for: error)
      if !text.isEmpty {
        let shown =
          text.split(separator: "\n", omittingEmptySubsequences: false)
          .map(\.displayEscaped).joined(separator: "\n") + "\n"
        let handle = code == .success ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(shown.utf8))
      }
      Foundation.exit(code.rawValue)
    }
  }
}
