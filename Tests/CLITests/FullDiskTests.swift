import Foundation
import TestSupport
import Testing

/// A full disk or a full temporary folder is an error (exit 2, one line), never a workbook
/// cut short reported as written; the output folder is left as it was.
///
/// The filesystems are small tmpfs mounts in a private mount namespace (`unshare -m`, as
/// root); where mounting is not allowed those tests are skipped with a message.
@Suite struct FullDiskTests {
  static let lines = 12_000

  /// A folder under .build (outside the system temporary folder) for the tests that mount a
  /// small tmpfs, so that the mount does not hide the inputs.
  static func scratch() throws -> URL {
    let url = packageRoot.appendingPathComponent(".build/apportion-output-tests")
      .appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func inputs(in folder: URL) throws -> (rules: String, budget: String) {
    let rules = folder.appendingPathComponent("rules.yaml")
    let budget = folder.appendingPathComponent("budget.csv")
    try Data(LargeInputs.rules.utf8).write(to: rules)
    try Data(LargeInputs.budget(lines: lines).utf8).write(to: budget)
    return (rules.path, budget.path)
  }

  @Test(.enabled(if: HostileRun.canMount, "mounting a tmpfs needs root (skipped)"))
  func aFullOutputDiskLeavesTheFolderAsItWas() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let (rules, budget) = try Self.inputs(in: folder.url)
    try FileManager.default.createDirectory(
      at: folder.appending("small"), withIntermediateDirectories: true)
    // Inside the namespace: a first run (the sample) fits; the large one does not.
    let script = """
      unshare -m sh -c '
        mount -t tmpfs -o size=1m tmpfs small || exit 99
        "$APPORTION" run \(packageRoot.path)/Samples/2016-17 --out small/out > /dev/null || exit 98
        echo notes > small/out/notes.txt
        before=$(cd small/out && sha256sum * | sha256sum)
        for json in "" --json; do
          "$APPORTION" run $json --rules \(rules) --budget \(budget) --out small/out > stdout$json
          echo "exit $?"
          test -s stdout$json && echo "stdout$json not empty"
          test "$before" = "$(cd small/out && sha256sum * | sha256sum)" || echo "out changed"
          ls -a small | grep apportion-staging
        done
        true'
      """
    let result = try HostileRun.run(script, in: folder.url)
    let text = String(decoding: result.stdout, as: UTF8.self)
    #expect(result.status == 0 && text == "exit 2\nexit 2\n", "\(result)")
    #expect(
      result.stderr.components(separatedBy: "No space left on device").count == 3, "\(result)")
    #expect(result.stderr.contains("nothing in small/out was changed"), "\(result)")
  }

  /// libxlsxwriter used to write its temporary files to /tmp and miss failed writes there:
  /// now they go to a private folder beside the output, so a small /tmp does not matter to the
  /// workbooks; the --json document, held in $TMPDIR or /tmp, fails cleanly.
  @Test(.enabled(if: HostileRun.canMount, "mounting a tmpfs needs root (skipped)"))
  func aFullTemporaryFolder() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (rules, budget) = try Self.inputs(in: folder)
    let out = folder.appendingPathComponent("out")
    let run = "\"$APPORTION\" run --rules \(rules) --budget \(budget) --out \(out.path)"
    // A small tmpfs as the temporary folder ($TMPDIR), mounted in a private namespace; not
    // over /tmp itself, which may hold the package and the executable under test.
    let small = folder.appendingPathComponent("small-tmp")
    try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
    let script = """
      unshare -m sh -c '
        mount -t tmpfs -o size=256k tmpfs \(small.path) || exit 99
        \(run) > /dev/null; echo "exit $?"
        \(run) --json > stdout-json; echo "exit $?"
        test -s stdout-json && echo "stdout not empty"
        true'
      """
    let before = try HostileRun.run(
      "TMPDIR=\(HostileRun.quoted(small.path)) sh -c \(HostileRun.quoted(script))", in: folder)
    let text = String(decoding: before.stdout, as: UTF8.self)
    // The budget's private copy for the second pass lives in $TMPDIR (or /tmp) too: both
    // runs stop cleanly, saying so, and write nothing.
    #expect(text == "exit 2\nexit 2\n", "\(before)")
    #expect(before.stderr.contains("cannot keep a temporary copy"), "\(before)")
    #expect(!FileManager.default.fileExists(atPath: out.path))
    #expect(HostileRun.stagingFolders(in: folder).isEmpty)
  }

  /// The failure libxlsxwriter does not notice, made without a mount: with a limit on file
  /// sizes its temporary sheet file is cut short while the workbook still closes "successfully";
  /// the check after closing catches it.
  @Test func aWorkbookCutShortIsCaughtByTheCheckAfterClosing() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let (rules, budget) = try Self.inputs(in: folder.url)
    let out = folder.appending("out")
    let first = try HostileRun.run(
      "\"$APPORTION\" run --rules \(rules) --budget \(budget) --out out", in: folder.url)
    #expect(first.status == 0, "\(first)")
    let before = try HostileRun.snapshot(out)
    // 3,000 blocks of 512 bytes: the Lines sheet's temporary file (about 6 MB) is cut short;
    // the finished workbook (about 0.8 MB) would fit.
    let result = try HostileRun.run(
      "trap '' XFSZ; ulimit -f 3000; \"$APPORTION\" run --rules \(rules) --budget \(budget) "
        + "--out out", in: folder.url)
    #expect(result.status == 2, "\(result)")
    #expect(result.stderr.contains("incomplete or damaged"), "\(result)")
    #expect(result.stderr.contains("nothing in out was changed"), "\(result)")
    #expect(try HostileRun.snapshot(out) == before)
    #expect(HostileRun.stagingFolders(in: folder.url).isEmpty)
  }
}
