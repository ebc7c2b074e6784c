import ApportionCore
import Foundation
import TestSupport
import Testing

@testable import ApportionIO

/// A job reads its budget as the bytes they were: fingerprinted as they are read, the same
/// bytes on every pass, and a file that changes while it is read is an error.
@Suite("Job: the bytes read, read again, and changed")
struct JobSourceTests {
  static let rules = """
    year: 2016-17
    partners:
      - { id: brent, name: Brent, host: true }
      - { id: lewisham, name: Lewisham }
    rules:
      - name: All
        basis: equal

    """
  static let budget = "id,description,amount\nA,One,1.00\nB,Two,2.01\n"

  /// A folder with the rule file and budget above.
  static func files() throws -> (TemporaryFolder, rules: String, budget: String) {
    let folder = try TemporaryFolder()
    return (folder, try folder.write("r.yaml", rules), try folder.write("b.csv", budget))
  }

  static func message(_ error: any Error) -> String {
    (error as? DiagnosticList)?.diagnostics.first?.description ?? "\(error)"
  }

  @Test("the fingerprints are of the bytes read")
  func fingerprints() throws {
    let (folder, rules, budget) = try Self.files()
    defer { folder.remove() }
    let job = try Job(rules: rules, budget: budget, readTwice: true)
    #expect(job.rulesSHA256 == FileDigest.sha256(Array(Self.rules.utf8)))
    #expect(job.budgetSHA256 == nil)
    _ = try job.run { _ in }
    #expect(job.budgetSHA256 == FileDigest.sha256(Array(Self.budget.utf8)))
    _ = try job.run { _ in }
    #expect(job.budgetSHA256 == FileDigest.sha256(Array(Self.budget.utf8)))
  }

  @Test("a second pass reads the first pass's bytes", arguments: [true, false])
  func secondPass(readTwice: Bool) throws {
    let (folder, rules, budget) = try Self.files()
    defer { folder.remove() }
    let job = try Job(rules: rules, budget: budget, readTwice: readTwice)
    let first = try job.run { _ in }
    let second = try job.run { _ in }
    #expect(first.partnerTotals == second.partnerTotals)
    #expect(second.lineCount == 2)
  }

  @Test("a budget changed between passes is an error", arguments: [true, false])
  func changedBetweenPasses(readTwice: Bool) throws {
    let (folder, rules, budget) = try Self.files()
    defer { folder.remove() }
    let job = try Job(rules: rules, budget: budget, readTwice: readTwice)
    _ = try job.run { _ in }
    try folder.write("b.csv", Self.budget + "C,Three,3.00\n")
    #expect {
      _ = try job.run { _ in }
    } throws: { error in
      Self.message(error).hasPrefix(
        "\(budget): error: the budget changed while apportion was reading it")
    }
  }

  @Test("a budget saved over while the first pass reads it is an error")
  func changedDuringThePass() throws {
    let (folder, rules, budget) = try Self.files()
    defer { folder.remove() }
    let job = try Job(rules: rules, budget: budget)
    #expect {
      _ = try job.run { result in
        if result.line.id == "A" { try folder.write("b.csv", Self.budget + "C,Three,3.00\n") }
      }
    } throws: { error in
      Self.message(error).hasPrefix("\(budget): error: the budget changed while apportion")
    }
  }

  @Test("a budget written to in place while the first pass reads it is an error")
  func appendedDuringThePass() throws {
    let (folder, rules, budget) = try Self.files()
    defer { folder.remove() }
    let job = try Job(rules: rules, budget: budget)
    #expect {
      _ = try job.run { result in
        guard result.line.id == "A", let handle = FileHandle(forWritingAtPath: budget) else {
          return
        }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("C,Three,3.00\n".utf8))
        try handle.close()
      }
    } throws: { error in
      Self.message(error).hasPrefix("\(budget): error: the budget changed while apportion")
    }
  }

  @Test("a budget on a named pipe is read twice from the copy of the first pass")
  func namedPipe() throws {
    let (folder, rules, _) = try Self.files()
    defer { folder.remove() }
    let fifo = folder.appending("budget.fifo").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let writer = Thread {
      guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
      try? handle.write(contentsOf: Data(Self.budget.utf8))
      try? handle.close()
    }
    writer.start()
    let job = try Job(rules: rules, budget: fifo, readTwice: true)
    let first = try job.run { _ in }
    let second = try job.run { _ in }
    #expect(first.lineCount == 2 && second.lineCount == 2)
    #expect(job.budgetSHA256 == FileDigest.sha256(Array(Self.budget.utf8)))
  }

  @Test("a header and no lines: an error at the header, for every command")
  func headerOnly() throws {
    let (folder, rules, _) = try Self.files()
    defer { folder.remove() }
    let budget = try folder.write("h.csv", "\nid,description,amount\n")
    let job = try Job(rules: rules, budget: budget)
    #expect {
      _ = try job.run { _ in }
    } throws: { error in
      Self.message(error).hasPrefix(
        "\(budget):2:1: error: the budget has a header row but no lines")
    }
  }
}
