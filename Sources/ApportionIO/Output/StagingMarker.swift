import Foundation

/// The file that marks a staging folder as apportion's, and the clean-up of staging folders
/// that interrupted runs left behind.
///
/// A staging folder is named `.apportion-staging.` and six unpredictable characters
/// (`mkdtemp`), and holds `.apportion-staging`, a text file naming the output folder it is
/// for, the inode its `set/` folder had when made, and the names of the set. The running
/// process holds an exclusive `flock` on the marker, which the kernel releases however the
/// process ends (even `SIGKILL`).
///
/// A later run for the same output folder removes a staging folder only when all of this
/// holds: the name has the prefix, it is a real folder (not a symbolic link) owned by the
/// same user, its marker is a regular file whose text names the same output folder, and its
/// lock is free (no run is using it). Before removing it, it puts back what the interrupted
/// run had moved: the previous files of a replacement in place (`InPlaceJournal`), or, after
/// an exchange, anything of the user's that the old folder held and the new one lacks.
struct StagingMarker {
  /// The start of every staging folder's name.
  static let prefix = ".apportion-staging."
  /// The marker's name inside the staging folder.
  static let fileName = ".apportion-staging"
  static let heading = "apportion staging folder"

  /// The open, locked marker (closed, releasing the lock, by ``close()``).
  private let descriptor: LockedDescriptor

  /// The marker's contents.
  struct Contents: Equatable {
    var target: String
    var setInode: UInt64
    var names: [String]

    var text: String {
      """
      \(StagingMarker.heading)
      Workbooks being written by apportion for the folder below. A later run of apportion \
      for the same folder removes this folder once no run is using it.
      target: \(target.replacingOccurrences(of: "\n", with: "?"))
      target-hex: \(target.utf8.map { String(format: "%02x", $0) }.joined())
      set-inode: \(setInode)
      names: \(names.joined(separator: "/"))

      """
    }

    init(target: String, setInode: UInt64, names: [String]) {
      (self.target, self.setInode, self.names) = (target, setInode, names)
    }

    /// Parses a marker's text; `nil` unless it is exactly apportion's.
    init?(parsing text: String) {
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      guard lines.first == StagingMarker.heading else { return nil }
      func field(_ key: String) -> String? {
        lines.first { $0.hasPrefix(key + ": ") }.map { String($0.dropFirst(key.count + 2)) }
      }
      guard let hex = field("target-hex"), hex.count % 2 == 0,
        let inode = field("set-inode").flatMap({ UInt64($0) }), let names = field("names")
      else { return nil }
      var bytes: [UInt8] = []
      var index = hex.startIndex
      while index < hex.endIndex {
        let next = hex.index(index, offsetBy: 2)
        guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
        bytes.append(byte)
        index = next
      }
      self.init(
        target: String(decoding: bytes, as: UTF8.self), setInode: inode,
        names: names.split(separator: "/").map(String.init))
    }
  }

  /// Writes and locks the marker of a new staging folder.
  static func create(in folder: String, target: String, setInode: UInt64, names: [String])
    throws(SystemCallError) -> StagingMarker
  {
    let fd = try SystemCalls.createFile(folder + "/" + fileName)
    let descriptor = LockedDescriptor(fd)
    let contents = Contents(target: target, setInode: setInode, names: names)
    try SystemCalls.writeAll(fd, Array(contents.text.utf8))
    guard SystemCalls.tryLock(fd) else { throw SystemCalls.fail("flock \(folder)/\(fileName)") }
    return StagingMarker(descriptor: descriptor)
  }

  /// Releases the lock.
  func close() { descriptor.close() }

  /// Removes a staging folder, its marker last: a removal cut short leaves a folder that is
  /// still recognisably apportion's, for the next run to finish.
  static func remove(_ staging: String) throws(SystemCallError) {
    for name in try SystemCalls.names(in: staging) where name != fileName {
      try SystemCalls.removeTree(staging + "/" + name)
    }
    try SystemCalls.removeTree(staging + "/" + fileName)
    try SystemCalls.removeTree(staging)
  }

  /// Removes the staging folders in `folder` that earlier runs for `target` left behind (see
  /// the type's discussion); returns a note for each one removed or kept.
  static func removeStale(in folder: String, target: String) -> [String] {
    guard let entries = try? SystemCalls.names(in: folder) else { return [] }
    var notes: [String] = []
    for name in entries.sorted() where name.hasPrefix(prefix) {
      let staging = folder + "/" + name
      guard let status = SystemCalls.peek(staging), status.isDirectory,
        status.owner == SystemCalls.effectiveUser,
        let fd = try? SystemCalls.openForReading(staging + "/" + fileName)
      else { continue }
      let descriptor = LockedDescriptor(fd)
      defer { descriptor.close() }
      var info = stat()
      guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
        let contents = Contents(
          parsing: String(decoding: SystemCalls.readAll(fd), as: UTF8.self)),
        contents.target == target, SystemCalls.tryLock(fd)
      else { continue }
      InPlaceJournal.restore(staging: staging, target: target)
      if let set = SystemCalls.peek(staging + "/set"), set.inode != contents.setInode {
        // The run was interrupted after the exchange: `set` is the old folder.
        let left =
          OutputFolder.moveMissing(
            from: staging + "/set", to: target, except: Set(contents.names))
          + OutputFolder.notRegularFiles(contents.names, in: staging + "/set")
        guard left.isEmpty else {
          notes.append(
            "kept \(staging), left by an interrupted run: it holds "
              + "\(left.joined(separator: ", ")), which could not be moved back")
          continue
        }
      }
      do {
        try remove(staging)
        notes.append("removed \(staging), left by an interrupted run")
      } catch {
        notes.append("could not remove \(staging), left by an interrupted run: \(error.reason)")
      }
    }
    return notes
  }
}

/// A file descriptor closed once, by whoever gets there first.
final class LockedDescriptor: @unchecked Sendable {
  private var fd: Int32
  private let lock = NSLock()

  init(_ fd: Int32) { self.fd = fd }

  func close() {
    lock.lock()
    defer { lock.unlock() }
    if fd >= 0 { SystemCalls.closeDescriptor(fd) }
    fd = -1
  }

  deinit { close() }
}
