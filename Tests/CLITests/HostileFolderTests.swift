import Foundation
import TestSupport
import Testing

/// The output folder treated as hostile: anything at an output name that is not a regular
/// file is refused and left alone, a symbolic link is never followed to write or delete, the
/// staging folder's name cannot be guessed, and decoys that look like staging folders are
/// left alone.
@Suite struct HostileFolderTests {
  /// Runs `apportion run Samples/2016-17 --out <out>` from the package root.
  static func run(out: URL, _ extra: String = "") throws -> HostileRun.Result {
    try HostileRun.run(
      "\"$APPORTION\" run Samples/2016-17 \(extra) --out \(HostileRun.quoted(out.path))",
      in: packageRoot)
  }

  struct Occupant: Sendable, CustomStringConvertible {
    var name: String
    /// What `make` puts there, in words, as the message says it.
    var kind: String
    var make: @Sendable (URL, URL) throws -> Void
    var description: String { name }
  }

  /// Something at an output name that is not a workbook the tool wrote; `make` gets the path
  /// and a victim file outside the folder.
  static let occupants = [
    Occupant(name: "a folder with files", kind: "a folder") { path, _ in
      try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
      try Data("precious".utf8).write(to: path.appendingPathComponent("keep.txt"))
    },
    Occupant(name: "an empty folder", kind: "a folder") { path, _ in
      try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
    },
    Occupant(name: "a symbolic link to a file", kind: "a symbolic link") { path, victim in
      try FileManager.default.createSymbolicLink(at: path, withDestinationURL: victim)
    },
    Occupant(name: "a dangling symbolic link", kind: "a symbolic link") { path, victim in
      try FileManager.default.createSymbolicLink(
        at: path, withDestinationURL: victim.appendingPathExtension("missing"))
    },
    Occupant(name: "a symbolic link to a folder", kind: "a symbolic link") { path, victim in
      try FileManager.default.createSymbolicLink(
        at: path, withDestinationURL: victim.deletingLastPathComponent())
    },
    Occupant(name: "a named pipe", kind: "a named pipe") { path, _ in
      guard mkfifo(path.path, 0o600) == 0 else { throw CLITestError.notFound("mkfifo") }
    },
  ]

  @Test(arguments: occupants)
  func anythingButARegularFileAtAnOutputNameIsRefused(occupant: Occupant) throws {
    for name in WrittenSet.names {
      let folder = try TemporaryFolder()
      defer { folder.remove() }
      let victim = folder.appending("victim.txt")
      try Data("do not touch".utf8).write(to: victim)
      let out = folder.appending("out")
      let first = try Self.run(out: out)
      #expect(first.status == 0, "\(first)")
      try FileManager.default.removeItem(at: out.appendingPathComponent(name))
      try occupant.make(out.appendingPathComponent(name), victim)
      let before = try HostileRun.snapshot(out)
      let result = try Self.run(out: out, "--json")
      #expect(result.status == 2, "\(occupant) at \(name): \(result)")
      #expect(result.stdout.isEmpty)
      #expect(
        result.stderr.contains("\(out.path)/\(name) is \(occupant.kind), not a workbook"),
        "\(result)")
      #expect(try HostileRun.snapshot(out) == before, "\(occupant) at \(name): folder changed")
      #expect(try Data(contentsOf: victim) == Data("do not touch".utf8))
      #expect(HostileRun.stagingFolders(in: folder.url).isEmpty)
    }
  }

  @Test func theOutputFolderItselfMustBeAFolder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = folder.appending("file")
    try Data("a file".utf8).write(to: file)
    let onFile = try Self.run(out: file)
    #expect(onFile.status == 2, "\(onFile)")
    #expect(onFile.stderr.contains("is a file, not a folder"), "\(onFile)")
    #expect(try Data(contentsOf: file) == Data("a file".utf8))
    let below = try Self.run(out: file.appendingPathComponent("out"))
    #expect(below.status == 2, "\(below)")
    #expect(try Data(contentsOf: file) == Data("a file".utf8))
    let link = folder.appending("link")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
    let onLink = try Self.run(out: link)
    #expect(onLink.status == 2, "\(onLink)")
    #expect(onLink.stderr.contains("symbolic link to something that is not a folder"))
  }

  /// Documented: a symbolic link as the output folder is followed; the link stays a link.
  @Test func aSymbolicLinkAsTheOutputFolderIsFollowed() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let real = folder.appending("real")
    try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
    try Data("notes".utf8).write(to: real.appendingPathComponent("notes.txt"))
    let link = folder.appending("link")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
    for _ in 1...2 {
      let result = try Self.run(out: link)
      #expect(result.status == 0, "\(result)")
    }
    let destination = try FileManager.default.destinationOfSymbolicLink(atPath: link.path)
    #expect(destination == real.path)
    let books = try WrittenSet.read(real)
    #expect(books.keys.sorted() == WrittenSet.names.sorted())
    #expect(try Data(contentsOf: real.appendingPathComponent("notes.txt")) == Data("notes".utf8))
  }

  /// Links planted where the old tool put its temporary files, and decoys named like staging
  /// folders: none is followed, replaced or removed.
  @Test func plantedLinksAndDecoysAreLeftAlone() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let victims = folder.appending("victims")
    try FileManager.default.createDirectory(at: victims, withIntermediateDirectories: true)
    let victim = victims.appendingPathComponent("file.txt")
    try Data("do not touch".utf8).write(to: victim)
    let out = folder.appending("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let manager = FileManager.default
    // The old temporary names, for every pid a run might get.
    for name in WrittenSet.names {
      for pid in [1, 2, 100, 32_768, 4_194_304] {
        try manager.createSymbolicLink(
          at: out.appendingPathComponent(".\(name).partial-\(pid)"), withDestinationURL: victim)
      }
    }
    // Decoys beside the output folder and inside it.
    for place in [folder.url, out] {
      try manager.createSymbolicLink(
        at: place.appendingPathComponent(".apportion-staging.LINKED"),
        withDestinationURL: victims)
      let unmarked = place.appendingPathComponent(".apportion-staging.NOMARK")
      try manager.createDirectory(at: unmarked, withIntermediateDirectories: true)
      try Data("keep".utf8).write(to: unmarked.appendingPathComponent("keep.txt"))
      let other = place.appendingPathComponent(".apportion-staging.OTHERT")
      try manager.createDirectory(at: other, withIntermediateDirectories: true)
      try Data(
        "apportion staging folder\ntarget: /elsewhere\ntarget-hex: 2f656c7365776865726\nset-inode: 1\nnames: a\n"
          .utf8
      ).write(to: other.appendingPathComponent(".apportion-staging"))
      let linkedMarker = place.appendingPathComponent(".apportion-staging.LMARKR")
      try manager.createDirectory(at: linkedMarker, withIntermediateDirectories: true)
      try manager.createSymbolicLink(
        at: linkedMarker.appendingPathComponent(".apportion-staging"), withDestinationURL: victim)
    }
    let before = try HostileRun.snapshot(victims)
    let decoys = try HostileRun.snapshot(folder.url).filter { $0.key.contains("apportion-staging") }
    // In place (the folder holds folders of its own), then again.
    for _ in 1...2 {
      let result = try Self.run(out: out)
      #expect(result.status == 0, "\(result)")
    }
    #expect(try HostileRun.snapshot(victims) == before)
    let after = try HostileRun.snapshot(folder.url).filter { $0.key.contains("apportion-staging") }
    #expect(after == decoys)
    #expect(try WrittenSet.read(out).count == 3)
  }
}
