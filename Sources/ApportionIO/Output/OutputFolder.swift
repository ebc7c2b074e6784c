import Foundation

/// An output folder whose files are replaced as a set: after any error or interruption the
/// folder holds either the complete previous set or the complete new one, never a mix, and
/// nothing in it that the tool did not write is deleted or replaced.
///
/// The new files are written into a private staging folder (`mkdtemp`, so its name cannot be
/// guessed) created beside the output folder on the same filesystem, with a marker file that
/// says what it is. ``commit()`` then puts the set in place in one step:
///
/// - the output folder does not exist: the staging folder's `set` is renamed to it;
/// - otherwise every other file in the folder is hard-linked into `set` (so it survives), and
///   `set` and the output folder are swapped with `renameat2(RENAME_EXCHANGE)`, atomically;
/// - where that cannot be done (the folder holds folders of its own, is the working
///   directory, is a mount point, sits in a folder that is not writable, or the filesystem
///   refuses the exchange or the links), the files are renamed into place one at a time,
///   each atomically, keeping the old ones and a journal in the staging folder; a run
///   interrupted in that moment leaves a mix that the next run with the same folder undoes
///   (see ``OutputFolder+InPlace.swift``).
///
/// Until ``complete()`` the old set is kept and ``rollBack()`` restores it; `complete()`
/// removes it. Every run first removes staging folders that earlier runs left behind
/// (recognised by the marker file, never anything else; see `StagingMarker`), restoring
/// anything of the user's they held. `SIGINT`, `SIGTERM` and `SIGHUP` roll back before the
/// process exits (`Interruption`).
///
/// An existing output name that is not a regular file (a folder, a symbolic link, a device)
/// is refused, never replaced. If the output folder itself is a symbolic link to a folder,
/// the link is followed: the files go into the folder it points to, and the link stays.
///
/// ```swift
/// let folder = try OutputFolder(path: "out", names: ["partnership.xlsx", "brent.xlsx"])
/// try write(to: folder.stagedPath(for: "partnership.xlsx"))  // and every other name
/// try folder.commit()    // the new set is in place; the old one is kept
/// try printReport()      // if this fails: folder.rollBack()
/// folder.complete()      // the old set is removed
/// ```
public final class OutputFolder: @unchecked Sendable {
  /// The folder as the user named it.
  public let path: String
  /// The files of the set, each a plain file name.
  public let names: [String]
  /// The folder with every symbolic link resolved (it may not exist yet).
  let target: String
  /// The existing folder the staging folder is in: the target's parent, or the nearest
  /// existing ancestor when the target does not exist yet.
  let parent: String
  /// Folders to create between `parent` and `target`, outermost first.
  let missing: [String]
  /// The staging folder: the marker, `set/` (the new files), `tmp/` (a private temporary
  /// folder for the writers), and for a replacement in place `old/` and `journal`.
  let staging: String
  let marker: StagingMarker
  /// What happened so far; changed only under `lock`.
  var state = State.staged
  let lock = NSLock()
  /// Folders this run created for the target, to remove again on roll-back.
  var created: [String] = []
  /// Things worth telling the user (stale staging folders removed, files kept).
  public private(set) var notes: [String] = []

  enum State: Equatable { case staged, created, exchanged, replacedInPlace, completed, abandoned }

  /// The private temporary folder for the writers (libxlsxwriter's `tmpdir`), on the output
  /// folder's filesystem; removed with the staging folder.
  public var temporaryDirectory: String { staging + "/tmp" }

  /// Where to write `name` before ``commit()``.
  public func stagedPath(for name: String) -> String { staging + "/set/" + name }

  /// Where `name` will be after ``commit()``, as the user would write it.
  public func finalPath(for name: String) -> String {
    (path as NSString).appendingPathComponent(name)
  }

  /// Prepares a staging folder for `names` in the output folder `path`.
  ///
  /// - Throws: `OutputError` when `path` is not a folder (or a link to one) and cannot be
  ///   made one, when an output name is taken by something that is not a regular file, or
  ///   when no staging folder can be made.
  public init(path: String, names: [String]) throws(OutputError) {
    self.path = path
    self.names = names
    for name in names
    where name.isEmpty || name == "." || name == ".." || name.contains("/")
      || name.contains("\n") || name.contains("\0") || name.hasPrefix(StagingMarker.prefix)
    {
      throw OutputError("'\(name)' cannot be the name of an output file")
    }
    let place = try Self.locate(path)
    (target, parent, missing) = (place.target, place.parent, place.missing)
    if place.exists { try Self.checkOutputs(names, in: target, shownAs: path) }
    var notes: [String] = []
    for folder in [parent] + (place.exists ? [target] : []) {
      notes += StagingMarker.removeStale(in: folder, target: target)
    }
    (staging, marker) = try Self.makeStaging(
      in: parent, orInside: place.exists ? target : nil, target: target, names: names,
      shownAs: path)
    self.notes = notes
    Interruption.register(self)
  }

  deinit {
    if state == .staged { rollBack() }
  }

  /// Puts the staged set in place (see the type's discussion); the previous set is kept
  /// until ``complete()`` or ``rollBack()``.
  ///
  /// - Throws: `OutputError` when the set cannot be put in place; the folder is then as it
  ///   was (call ``rollBack()`` to remove the staging folder).
  public func commit() throws(OutputError) {
    lock.lock()
    defer { lock.unlock() }
    guard state == .staged else { throw OutputError("the output set was already put in place") }
    for name in names where SystemCalls.peek(stagedPath(for: name))?.isRegularFile != true {
      throw OutputError("\(finalPath(for: name)) was not written")
    }
    if try createTarget() { return }
    try Self.checkOutputs(names, in: target, shownAs: path)
    if try exchange() { return }
    try replaceInPlace()
  }

  /// Removes the previous set: the new one stays. Anything of the user's that the previous
  /// folder held and the new one lacks is moved across first; if that fails, the staging
  /// folder is kept and a note says where.
  public func complete() {
    lock.lock()
    defer { lock.unlock() }
    switch state {
    case .created, .replacedInPlace:
      remove(staging)
    case .exchanged:
      let left =
        Self.moveMissing(from: staging + "/set", to: target, except: Set(names))
        + Self.notRegularFiles(names, in: staging + "/set")
      if left.isEmpty {
        remove(staging)
      } else {
        notes.append(
          "kept \(staging): it holds \(left.joined(separator: ", ")) from \(path), which could "
            + "not be moved back")
      }
    case .staged, .completed, .abandoned:
      return
    }
    finish(.completed)
  }

  /// Undoes everything: before ``commit()`` the staging folder is removed; after it the
  /// previous set is put back. Safe to call at any time, more than once.
  public func rollBack() {
    lock.lock()
    defer { lock.unlock() }
    switch state {
    case .staged:
      break
    case .created:
      if (try? SystemCalls.rename(target, staging + "/set", .noReplace)) != nil {
        for folder in created.reversed() { _ = rmdir(folder) }
      }
    case .exchanged:
      // Anything added to the folder since the exchange goes back with the old set.
      let left = Self.moveMissing(from: target, to: staging + "/set", except: Set(names))
      guard left.isEmpty, (try? SystemCalls.rename(staging + "/set", target, .exchange)) != nil
      else {
        notes.append("could not put back the previous files of \(path); they are in \(staging)")
        finish(.abandoned)
        return
      }
    case .replacedInPlace:
      InPlaceJournal.restore(staging: staging, target: target, evenIfCommitted: true)
    case .completed, .abandoned:
      return
    }
    remove(staging)
    finish(.abandoned)
  }

  /// The same as ``rollBack()``: for a set that will not be used.
  public func abandon() { rollBack() }

  private func finish(_ final: State) {
    state = final
    marker.close()
    Interruption.unregister(self)
  }

  private func remove(_ folder: String) {
    do { try StagingMarker.remove(folder) } catch {
      notes.append("could not remove \(folder): \(error.reason)")
    }
  }
}
