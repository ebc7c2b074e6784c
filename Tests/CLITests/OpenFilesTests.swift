import Foundation
import TestSupport
import Testing

/// libxlsxwriter keeps two files open for every workbook while the lines stream through. A
/// run that needs more than the process may open says so ("too many open files", and how to
/// raise the limit), never "out of memory"; where only the soft limit is low, it is raised.
@Suite struct OpenFilesTests {
  /// Rules for `partners` partners sharing everything equally, and a small budget.
  static func inputs(partners: Int, in folder: TemporaryFolder) throws {
    let list = (1...partners).map { "  - { id: p\($0), name: \"Partner \($0)\" }" }
    try folder.write(
      "rules.yaml",
      "year: 2016-17\npartners:\n\(list.joined(separator: "\n"))\nrules:\n"
        + "  - name: Shared\n    basis: equal\n")
    try folder.write("budget.csv", "id,description,amount\nL1,Rent,1000.00\nL2,Heat,99.99\n")
  }

  struct Case: Sendable, CustomStringConvertible {
    var partners: Int
    var limit: Int
    var description: String { "\(partners) partners, ulimit -n \(limit)" }
  }

  static var cases: [Case] {
    [Case(partners: 100, limit: 64)]
      + (HostileRun.longTests ? [Case(partners: 2_000, limit: 1_024)] : [])
  }

  @Test(arguments: cases)
  func aHardLimitTooLowSaysWhatRanOut(_ example: Case) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try Self.inputs(partners: example.partners, in: folder)
    let result = try HostileRun.run(
      "ulimit -n \(example.limit) && \"$APPORTION\" run --json --rules rules.yaml "
        + "--budget budget.csv --out out", in: folder.url)
    #expect(result.status == 2, "\(result)")
    #expect(result.stdout.isEmpty, "\(result)")
    #expect(result.stderr.contains("too many open files"), "\(result)")
    #expect(result.stderr.contains("ulimit -n"), "\(result)")
    #expect(!result.stderr.contains("memory"), "\(result)")
    #expect(!FileManager.default.fileExists(atPath: folder.appending("out").path))
    #expect(HostileRun.stagingFolders(in: folder.url).isEmpty)
  }

  @Test(arguments: cases)
  func aLowSoftLimitIsRaised(_ example: Case) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try Self.inputs(partners: example.partners, in: folder)
    let result = try HostileRun.run(
      "ulimit -Hn 65536 2>/dev/null; ulimit -Sn \(example.limit) && \"$APPORTION\" run "
        + "--rules rules.yaml --budget budget.csv --out out > /dev/null", in: folder.url)
    #expect(result.status == 0, "\(result)")
    let written = try FileManager.default.contentsOfDirectory(
      atPath: folder.appending("out").path)
    #expect(written.count == example.partners + 1)
  }
}
