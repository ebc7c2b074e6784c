import Foundation

extension OutputFolder {
  /// Where an output folder is: its resolved path, the existing folder to stage beside it,
  /// and the folders still to create.
  struct Place {
    var target: String
    var parent: String
    var missing: [String]
    var exists: Bool
  }

  /// Resolves `path`: an existing folder (or a symbolic link to one, followed), or a path to
  /// create under its nearest existing ancestor.
  static func locate(_ path: String) throws(OutputError) -> Place {
    guard !path.isEmpty else { throw OutputError("the output folder's name is empty") }
    let absolute =
      path.hasPrefix("/")
      ? path : FileManager.default.currentDirectoryPath + "/" + path
    do {
      if let status = try SystemCalls.status(absolute) {
        guard try SystemCalls.followedStatus(absolute)?.isDirectory == true else {
          let what =
            status.isSymbolicLink
            ? "a symbolic link to something that is not a folder" : status.kind + ", not a folder"
          throw OutputError("\(path) is \(what); choose another --out")
        }
        let target = try SystemCalls.resolved(absolute)
        guard target != "/" else { throw OutputError("the root folder cannot be an output") }
        return Place(
          target: target, parent: (target as NSString).deletingLastPathComponent, missing: [],
          exists: true)
      }
      // Not there: find the nearest existing ancestor; the rest must be plain names.
      var components = absolute.split(separator: "/").map(String.init)
      var rest: [String] = []
      while let last = components.popLast() {
        rest.insert(last, at: 0)
        let ancestor = "/" + components.joined(separator: "/")
        guard let status = try SystemCalls.followedStatus(ancestor) else { continue }
        guard status.isDirectory else {
          throw OutputError("cannot create \(path): \(ancestor) is not a folder")
        }
        if rest.contains(where: { $0 == "." || $0 == ".." }) {
          throw OutputError("cannot create \(path): name it without '.' or '..' in its new part")
        }
        let base = try SystemCalls.resolved(ancestor)
        var folders: [String] = []
        var current = base == "/" ? "" : base
        for component in rest {
          current += "/" + component
          folders.append(current)
        }
        let target = folders.removeLast()
        return Place(target: target, parent: base, missing: folders, exists: false)
      }
      throw OutputError("cannot find where to create \(path)")
    } catch let error as SystemCallError {
      throw OutputError("cannot use \(path) as the output folder: \(error.reason)")
    } catch let error as OutputError {
      throw error
    } catch {
      throw OutputError("cannot use \(path) as the output folder: \(error)")
    }
  }

  /// Refuses when an output name is taken by anything but a regular file: a folder, a
  /// symbolic link (never followed), a device, a pipe.
  static func checkOutputs(_ names: [String], in target: String, shownAs path: String)
    throws(OutputError)
  {
    for name in names {
      let shown = (path as NSString).appendingPathComponent(name)
      let status: SystemCalls.Status?
      do { status = try SystemCalls.status(target + "/" + name) } catch {
        throw OutputError("cannot look at \(shown): \(error.reason)")
      }
      guard let status, !status.isRegularFile else { continue }
      throw OutputError(
        "\(shown) is \(status.kind), not a workbook apportion wrote, so it is left alone and "
          + "nothing was written; move it away or choose another --out")
    }
  }

  /// Makes the staging folder beside the target (in `parent`), or inside the target when
  /// `parent` is on another filesystem (the target is a mount point) or not writable; writes
  /// and locks its marker.
  static func makeStaging(
    in parent: String, orInside existingTarget: String?, target: String, names: [String],
    shownAs path: String
  ) throws(OutputError) -> (String, StagingMarker) {
    var places = [parent]
    if let existingTarget {
      if SystemCalls.peek(existingTarget)?.device != SystemCalls.peek(parent)?.device {
        places = [existingTarget]
      } else {
        places.append(existingTarget)
      }
    }
    var folder = ""
    for (index, place) in places.enumerated() {
      do {
        folder = try SystemCalls.makeTemporaryFolder(prefix: place + "/" + StagingMarker.prefix)
        break
      } catch {
        let last = index == places.count - 1
        if last || ![EACCES, EPERM, EROFS].contains(error.code) {
          throw OutputError(
            "cannot create a staging folder for \(path) in \(place): \(error.reason)")
        }
      }
    }
    do {
      try SystemCalls.makeFolder(folder + "/set")
      try SystemCalls.makeFolder(folder + "/tmp", mode: 0o700)
      guard let set = try SystemCalls.status(folder + "/set") else {
        throw SystemCallError(code: ENOENT, call: "mkdir \(folder)/set")
      }
      let marker = try StagingMarker.create(
        in: folder, target: target, setInode: set.inode, names: names)
      return (folder, marker)
    } catch {
      try? SystemCalls.removeTree(folder)
      throw OutputError("cannot prepare the staging folder \(folder): \(reason(error))")
    }
  }
}
