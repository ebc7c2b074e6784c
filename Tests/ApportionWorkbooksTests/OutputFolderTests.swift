import Foundation
import TestSupport
import Testing

@testable import ApportionIO

/// `OutputFolder`, which `WorkbookSet` writes through: a set put in place as a whole, the
/// user's files kept, the previous set restorable until the new one is confirmed, and what an
/// interrupted run leaves cleaned up by the next one (and nothing else).
///
/// (The tests live here, beside the workbooks that use the folder; the CLI's tests kill and
/// interrupt real runs.)
@Suite struct OutputFolderTests {
  static let names = ["a.xlsx", "b.xlsx"]

  static func inode(_ path: String) -> UInt64? { SystemCalls.peek(path)?.inode }

  static func text(_ url: URL) -> String? {
    (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Stages `content` under every name.
  static func stage(_ folder: OutputFolder, _ content: String) throws {
    for name in names {
      try Data(content.utf8).write(to: URL(fileURLWithPath: folder.stagedPath(for: name)))
    }
  }

  /// An output folder holding an old set and the user's own files.
  static func existing(in folder: TemporaryFolder, subfolder: Bool = false) throws -> URL {
    let out = folder.appending("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    for name in names { try Data("old".utf8).write(to: out.appendingPathComponent(name)) }
    try Data("notes".utf8).write(to: out.appendingPathComponent("notes.txt"))
    try FileManager.default.createSymbolicLink(
      at: out.appendingPathComponent("link"), withDestinationURL: URL(fileURLWithPath: "/etc"))
    if subfolder {
      let sub = out.appendingPathComponent("archive")
      try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
      try Data("kept".utf8).write(to: sub.appendingPathComponent("old.xlsx"))
    }
    return out
  }

  @Test func aNewFolderAppearsOnlyWhenTheSetIsPutInPlace() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = folder.appending("new/deeper/out")
    let abandoned = try OutputFolder(path: out.path, names: Self.names)
    try Self.stage(abandoned, "new")
    abandoned.abandon()
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)

    let used = try OutputFolder(path: out.path, names: Self.names)
    try Self.stage(used, "new")
    #expect(!FileManager.default.fileExists(atPath: out.path))
    try used.commit()
    used.complete()
    #expect(Self.text(out.appendingPathComponent("a.xlsx")) == "new")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == Self.names)
    #expect(FolderContents.stagingFolders(in: folder.url).isEmpty)
  }

  @Test func anExistingFolderIsExchangedKeepingTheUsersFiles() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = try Self.existing(in: folder)
    _ = chmod(out.path, 0o750)
    let notes = Self.inode(out.appendingPathComponent("notes.txt").path)
    let before = Self.inode(out.path)
    let set = try OutputFolder(path: out.path, names: Self.names)
    try Self.stage(set, "new")
    try set.commit()
    #expect(set.state == .exchanged)
    #expect(Self.inode(out.path) != before)
    // The same file, not a copy; the link still a link.
    #expect(Self.inode(out.appendingPathComponent("notes.txt").path) == notes)
    #expect(SystemCalls.peek(out.appendingPathComponent("link").path)?.isSymbolicLink == true)
    #expect((SystemCalls.peek(out.path)?.mode ?? 0) & 0o777 == 0o750)
    set.complete()
    #expect(Self.text(out.appendingPathComponent("b.xlsx")) == "new")
    #expect(FolderContents.stagingFolders(in: folder.url).isEmpty)
  }

  @Test(arguments: [false, true])
  func rollingBackPutsThePreviousSetBack(subfolder: Bool) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = try Self.existing(in: folder, subfolder: subfolder)
    let before = try FolderContents.snapshot(out)
    let set = try OutputFolder(path: out.path, names: Self.names)
    try Self.stage(set, "new")
    try set.commit()
    #expect(set.state == (subfolder ? .replacedInPlace : .exchanged))
    #expect(Self.text(out.appendingPathComponent("a.xlsx")) == "new")
    set.rollBack()
    let after = try FolderContents.snapshot(out)
    #expect(
      after == before,
      "\(after.keys.sorted()) \(after.mapValues { String(decoding: $0, as: UTF8.self) })")
    #expect(FolderContents.stagingFolders(in: folder.url).isEmpty)
    #expect(FolderContents.stagingFolders(in: out).isEmpty)
  }

  @Test func aFolderHoldingFoldersIsReplacedInPlace() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = try Self.existing(in: folder, subfolder: true)
    let before = Self.inode(out.path)
    let set = try OutputFolder(path: out.path, names: Self.names)
    try Self.stage(set, "new")
    try set.commit()
    set.complete()
    #expect(Self.inode(out.path) == before)
    #expect(Self.text(out.appendingPathComponent("archive/old.xlsx")) == "kept")
    #expect(Self.text(out.appendingPathComponent("a.xlsx")) == "new")
  }

  /// A run that died (its lock released) while staging, or after exchanging: the next run
  /// removes its staging folder, first moving back anything of the user's it held. A staging
  /// folder still in use is left alone.
  @Test func theNextRunCleansUpAfterADeadOne() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = try Self.existing(in: folder)
    let alive = try OutputFolder(path: out.path, names: Self.names)
    let dead = try OutputFolder(path: out.path, names: Self.names)
    try Self.stage(dead, "dead")
    try dead.commit()
    // Written into the old folder just as it was exchanged away.
    try Data("late".utf8).write(to: URL(fileURLWithPath: dead.staging + "/set/late.txt"))
    dead.marker.close()
    let next = try OutputFolder(path: out.path, names: Self.names)
    #expect(next.notes == ["removed \(dead.staging), left by an interrupted run"])
    #expect(Self.text(out.appendingPathComponent("late.txt")) == "late")
    #expect(FileManager.default.fileExists(atPath: alive.staging))
    alive.abandon()
    next.abandon()
    #expect(FolderContents.stagingFolders(in: folder.url).isEmpty)
  }

  @Test func outputNamesTakenByOtherThingsAreRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = try Self.existing(in: folder)
    try FileManager.default.removeItem(at: out.appendingPathComponent("b.xlsx"))
    try FileManager.default.createDirectory(
      at: out.appendingPathComponent("b.xlsx"), withIntermediateDirectories: true)
    let error = try #require(throws: OutputError.self) {
      try OutputFolder(path: out.path, names: Self.names)
    }
    #expect(error.description.hasPrefix("\(out.path)/b.xlsx is a folder, not a workbook"))
    #expect(FolderContents.stagingFolders(in: folder.url).isEmpty)
    #expect(throws: OutputError.self) { try OutputFolder(path: out.path, names: ["../x"]) }
  }
}

/// Staging folders left in a folder.
enum FolderContents {
  static func stagingFolders(in folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { $0.hasPrefix(StagingMarker.prefix) }
  }

  /// Every entry of a folder, recursively, with the bytes of its files.
  static func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      let path = folder.appendingPathComponent(name).path
      guard let status = SystemCalls.peek(path) else { continue }
      if status.isDirectory {
        for (inner, data) in try snapshot(URL(fileURLWithPath: path)) {
          files[name + "/" + inner] = data
        }
      } else if status.isRegularFile {
        files[name] = try Data(contentsOf: URL(fileURLWithPath: path))
      } else {
        files[name] = Data(status.kind.utf8)
      }
    }
    return files
  }
}
