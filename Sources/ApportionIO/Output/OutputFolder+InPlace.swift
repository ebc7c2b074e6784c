import Foundation

extension OutputFolder {
  /// Replaces the files one at a time, each atomically (`rename`), where the folder cannot be
  /// exchanged as a whole. Before anything moves, a journal in the staging folder records
  /// each name, the new file's inode and whether an old file was there; each old file is
  /// hard-linked into `old/` before the new one replaces it. So an interruption part-way
  /// can be undone: by ``rollBack()`` in this process, or by the next run with the same
  /// folder (`StagingMarker.removeStale`), which puts the previous set back before it starts.
  func replaceInPlace() throws(OutputError) {
    let journal = InPlaceJournal(staging: staging)
    do {
      try SystemCalls.makeFolder(staging + "/old", mode: 0o700)
      var entries: [InPlaceJournal.Entry] = []
      for name in names {
        guard let new = try SystemCalls.status(stagedPath(for: name)) else {
          throw SystemCallError(code: ENOENT, call: "lstat \(stagedPath(for: name))")
        }
        let hadOld = try SystemCalls.status(target + "/" + name) != nil
        entries.append(.init(name: name, inode: new.inode, hadOld: hadOld))
      }
      try journal.write(entries)
      state = .replacedInPlace
      for entry in entries {
        if entry.hadOld {
          try SystemCalls.hardLink(target + "/" + entry.name, staging + "/old/" + entry.name)
        }
        try SystemCalls.replace(stagedPath(for: entry.name), target + "/" + entry.name)
      }
      try journal.markCommitted()
    } catch {
      if state == .replacedInPlace {
        InPlaceJournal.restore(staging: staging, target: target)
        state = .staged
      }
      throw OutputError("cannot put the new files into \(path): \(reason(error))")
    }
  }
}

/// The record of a replacement in place, `journal` in the staging folder: a first line
/// `committing` (or `committed` once every file is in place), then one line per file:
/// `<inode of the new file> <1 if an old file was there, else 0> <name>`.
struct InPlaceJournal {
  struct Entry {
    var name: String
    var inode: UInt64
    var hadOld: Bool
  }

  let staging: String
  var path: String { staging + "/journal" }

  /// Writes the journal whole (a new file renamed over the old), so that it is never read
  /// half-written.
  func write(_ entries: [Entry], committed: Bool = false) throws(SystemCallError) {
    var text = committed ? "committed\n" : "committing\n"
    for entry in entries { text += "\(entry.inode) \(entry.hadOld ? 1 : 0) \(entry.name)\n" }
    let temporary = staging + "/journal.new"
    let fd = try SystemCalls.createFile(temporary)
    defer { SystemCalls.closeDescriptor(fd) }
    try SystemCalls.writeAll(fd, Array(text.utf8))
    try SystemCalls.replace(temporary, path)
  }

  func markCommitted() throws(SystemCallError) {
    try write(read()?.entries ?? [], committed: true)
  }

  /// The journal, if there is one.
  func read() -> (committed: Bool, entries: [Entry])? {
    guard let fd = try? SystemCalls.openForReading(path) else { return nil }
    defer { SystemCalls.closeDescriptor(fd) }
    let lines = String(decoding: SystemCalls.readAll(fd), as: UTF8.self).split(separator: "\n")
    guard let first = lines.first, first == "committing" || first == "committed" else {
      return nil
    }
    let entries = lines.dropFirst().compactMap { line -> Entry? in
      let fields = line.split(separator: " ", maxSplits: 2)
      guard fields.count == 3, let inode = UInt64(fields[0]) else { return nil }
      return Entry(name: String(fields[2]), inode: inode, hadOld: fields[1] == "1")
    }
    return (first == "committed", entries)
  }

  /// Puts the previous files back after an interrupted replacement: each old file kept in
  /// `old/` is renamed back; a new file where there was none is removed (only if it is
  /// still the file this run put there). Once the journal says `committed` (every new file
  /// in place) it does nothing, unless `evenIfCommitted`: the run itself rolling back.
  static func restore(staging: String, target: String, evenIfCommitted: Bool = false) {
    let journal = InPlaceJournal(staging: staging)
    guard let (committed, entries) = journal.read(), evenIfCommitted || !committed else {
      return
    }
    for entry in entries {
      let old = staging + "/old/" + entry.name
      let current = target + "/" + entry.name
      if SystemCalls.peek(old) != nil {
        try? SystemCalls.replace(old, current)
      } else if !entry.hadOld, SystemCalls.peek(current)?.inode == entry.inode {
        _ = unlink(current)
      }
    }
    _ = unlink(journal.path)
  }
}
