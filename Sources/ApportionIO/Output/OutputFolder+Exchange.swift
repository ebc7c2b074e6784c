import Foundation

extension OutputFolder {
  /// When the target does not exist: creates the folders above it and renames the staged
  /// set to it (`RENAME_NOREPLACE`). Returns false when the target exists after all.
  func createTarget() throws(OutputError) -> Bool {
    guard SystemCalls.isAbsent(target) else { return false }
    for folder in missing where SystemCalls.isAbsent(folder) {
      do { try SystemCalls.makeFolder(folder) } catch {
        throw OutputError("cannot create the folder \(folder): \(error.reason)")
      }
      created.append(folder)
    }
    do {
      try SystemCalls.rename(staging + "/set", target, .noReplace)
    } catch  where error.code == EEXIST || error.code == ENOTEMPTY {
      return false
    } catch {
      throw OutputError("cannot create \(path): \(error.reason)")
    }
    state = .created
    return true
  }

  /// Swaps the staged set with the target in one step (see the type's discussion), after
  /// hard-linking the target's other files into the set. Returns false, having undone the
  /// links, when that cannot be done here; the caller then replaces the files in place.
  func exchange() throws(OutputError) -> Bool {
    let set = staging + "/set"
    guard let folder = SystemCalls.peek(target), folder.isDirectory,
      let staged = SystemCalls.peek(set), staged.device == folder.device,
      (staging as NSString).deletingLastPathComponent == parent,
      !Self.isWorkingDirectory(orAbove: target),
      let entries = try? SystemCalls.names(in: target)
    else { return false }
    let others = entries.filter { !names.contains($0) }
    for name in others {
      // A folder cannot be hard-linked: such a target is replaced in place.
      guard let status = SystemCalls.peek(target + "/" + name), !status.isDirectory
      else { return false }
    }
    var linked: [String] = []
    func undo() { for name in linked { _ = unlink(set + "/" + name) } }
    for name in others {
      do { try SystemCalls.hardLink(target + "/" + name, set + "/" + name) } catch {
        undo()
        return false
      }
      linked.append(name)
    }
    SystemCalls.changeMode(set, folder.mode)
    if folder.owner != staged.owner || folder.group != staged.group {
      SystemCalls.changeOwner(set, folder.owner, folder.group)
    }
    do { try SystemCalls.rename(set, target, .exchange) } catch {
      // Not supported here (EINVAL, ENOSYS), or refused: replace in place instead.
      undo()
      return false
    }
    state = .exchanged
    return true
  }

  /// Whether the process's working directory is `folder` or inside it: exchanging it would
  /// leave the user's shell in a removed folder.
  static func isWorkingDirectory(orAbove folder: String) -> Bool {
    guard let here = try? SystemCalls.resolved(".") else { return true }
    return here == folder || here.hasPrefix(folder + "/")
  }

  /// The output names that `folder` holds as something other than a regular file: what the
  /// user put there between the check and the exchange, never to be removed with the old set.
  static func notRegularFiles(_ names: [String], in folder: String) -> [String] {
    names.filter { name in
      SystemCalls.peek(folder + "/" + name).map { !$0.isRegularFile } ?? false
    }
  }

  /// Moves every entry of `source` that `destination` lacks (and `except` does not name)
  /// into `destination`, never replacing anything. An entry that `destination` has under the
  /// same name is left where it is; returns the names left that are not the same file (the
  /// same inode) in both.
  static func moveMissing(from source: String, to destination: String, except: Set<String>)
    -> [String]
  {
    guard let entries = try? SystemCalls.names(in: source) else { return [] }
    var left: [String] = []
    for name in entries.sorted() where !except.contains(name) {
      let from = source + "/" + name
      let to = destination + "/" + name
      if let there = SystemCalls.peek(to) {
        let here = SystemCalls.peek(from)
        if here?.inode != there.inode || here?.device != there.device { left.append(name) }
        continue
      }
      if (try? SystemCalls.rename(from, to, .noReplace)) == nil { left.append(name) }
    }
    return left
  }
}
