import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failed system call: `errno` and what was being done, in words.
struct SystemCallError: Error, CustomStringConvertible {
  let code: Int32
  let call: String
  /// `strerror`'s text.
  var reason: String { String(cString: strerror(code)) }
  var description: String { "\(call): \(reason)" }
}

/// Why `error` happened, in words: a system call's `strerror` text, or the error itself.
func reason(_ error: any Error) -> String {
  (error as? SystemCallError)?.reason ?? "\(error)"
}

/// The output folder's system calls, each returning its result or throwing `SystemCallError`
/// with `errno`: the only place in ApportionIO's output code that calls the C library.
enum SystemCalls {
  /// What `lstat` says a path is; `nil` when nothing is there.
  struct Status {
    let mode: mode_t
    let device: UInt64
    let inode: UInt64
    let owner: uid_t
    let group: gid_t
    var isDirectory: Bool { mode & S_IFMT == S_IFDIR }
    var isRegularFile: Bool { mode & S_IFMT == S_IFREG }
    var isSymbolicLink: Bool { mode & S_IFMT == S_IFLNK }

    /// "a folder", "a symbolic link", …: for messages.
    var kind: String {
      switch mode & S_IFMT {
      case S_IFDIR: "a folder"
      case S_IFREG: "a file"
      case S_IFLNK: "a symbolic link"
      case S_IFIFO: "a named pipe"
      case S_IFSOCK: "a socket"
      case S_IFCHR, S_IFBLK: "a device"
      default: "not a regular file"
      }
    }

    init(_ info: stat) {
      mode = info.st_mode
      device = UInt64(info.st_dev)
      inode = UInt64(info.st_ino)
      owner = info.st_uid
      group = info.st_gid
    }
  }

  static func fail(_ call: String) -> SystemCallError {
    SystemCallError(code: errno, call: call)
  }

  /// `lstat`: the path itself, never what a symbolic link points to.
  static func status(_ path: String) throws(SystemCallError) -> Status? {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      if errno == ENOENT { return nil }
      throw fail("lstat \(path)")
    }
    return Status(info)
  }

  /// `lstat`, with any failure taken as "nothing there": for looking, not for deciding to
  /// write.
  static func peek(_ path: String) -> Status? {
    (try? status(path)) ?? nil
  }

  /// Whether `lstat` finds nothing at all at `path` (`ENOENT`), as opposed to something, or
  /// an error.
  static func isAbsent(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) != 0 && errno == ENOENT
  }

  /// `stat`: following symbolic links.
  static func followedStatus(_ path: String) throws(SystemCallError) -> Status? {
    var info = stat()
    guard stat(path, &info) == 0 else {
      if errno == ENOENT { return nil }
      throw fail("stat \(path)")
    }
    return Status(info)
  }

  /// `realpath`: the absolute path with every symbolic link resolved.
  static func resolved(_ path: String) throws(SystemCallError) -> String {
    guard let resolved = realpath(path, nil) else { throw fail("realpath \(path)") }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// `mkdtemp`: a new folder, mode 0700, with an unpredictable name `prefix` + 6 characters.
  static func makeTemporaryFolder(prefix: String) throws(SystemCallError) -> String {
    var template = Array((prefix + "XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.flatMap { mkdtemp($0) }
    }
    guard made != nil else { throw fail("mkdtemp \(prefix)XXXXXX") }
    return String(cString: template)
  }

  static func makeFolder(_ path: String, mode: mode_t = 0o777) throws(SystemCallError) {
    guard mkdir(path, mode) == 0 else { throw fail("mkdir \(path)") }
  }

  /// Creates a file that must not exist, never following a symbolic link
  /// (`O_CREAT|O_EXCL|O_NOFOLLOW`); returns the open descriptor.
  static func createFile(_ path: String, mode: mode_t = 0o600) throws(SystemCallError) -> Int32 {
    let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
    guard fd >= 0 else { throw fail("create \(path)") }
    return fd
  }

  /// Opens an existing file for reading without following a symbolic link.
  static func openForReading(_ path: String) throws(SystemCallError) -> Int32 {
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { throw fail("open \(path)") }
    return fd
  }

  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(SystemCallError) {
    var done = 0
    while done < bytes.count {
      let count = bytes[done...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw fail("write")
      }
      done += count
    }
  }

  /// The whole of a small file, read from an open descriptor.
  static func readAll(_ fd: Int32, limit: Int = 1 << 16) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: limit)
    var total = 0
    while total < limit {
      let count = bytes[total...].withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { break }
      total += count
    }
    return Array(bytes[..<total])
  }

  /// `flock(LOCK_EX | LOCK_NB)`: whether this process now holds the lock.
  static func tryLock(_ fd: Int32) -> Bool { flock(fd, LOCK_EX | LOCK_NB) == 0 }

  /// The names in a folder (without `.` and `..`).
  static func names(in folder: String) throws(SystemCallError) -> [String] {
    guard let stream = opendir(folder) else { throw fail("opendir \(folder)") }
    defer { closedir(stream) }
    var names: [String] = []
    while let entry = readdir(stream) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// `link`: a second name for a file (a symbolic link itself is linked, not followed).
  static func hardLink(_ existing: String, _ new: String) throws(SystemCallError) {
    guard linkat(AT_FDCWD, existing, AT_FDCWD, new, 0) == 0 else {
      throw fail("link \(existing) to \(new)")
    }
  }

  /// `renameat2` flags (linux/fs.h).
  enum RenameFlag: UInt32 {
    /// Fail with `EEXIST` rather than replace the target.
    case noReplace = 1
    /// Swap the two paths atomically; both must exist.
    case exchange = 2
  }

  private typealias RenameAt2 =
    @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

  /// glibc's `renameat2` (2.28 and later), looked up at run time: Swift's Glibc module does
  /// not export it. `nil` where the C library lacks it.
  private static let renameAt2: RenameAt2? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else {
      return nil
    }
    return unsafeBitCast(symbol, to: RenameAt2.self)
  }()

  /// `renameat2(from, to, flag)`. Throws `ENOSYS` where the C library has no `renameat2`;
  /// filesystems that do not support the flag give `EINVAL`.
  static func rename(_ from: String, _ to: String, _ flag: RenameFlag) throws(SystemCallError) {
    guard let renameAt2 else { throw SystemCallError(code: ENOSYS, call: "renameat2") }
    guard renameAt2(AT_FDCWD, from, AT_FDCWD, to, flag.rawValue) == 0 else {
      throw fail("rename \(from) to \(to)")
    }
  }

  /// `rename(2)`: replaces `to` atomically (a file by a file).
  static func replace(_ from: String, _ to: String) throws(SystemCallError) {
    guard renameReplacing(from, to) == 0 else { throw fail("rename \(from) to \(to)") }
  }

  /// Removes a file, or a folder and everything in it, never following a symbolic link: a
  /// link is removed, not what it points to.
  static func removeTree(_ path: String) throws(SystemCallError) {
    guard let status = try status(path) else { return }
    if status.isDirectory {
      for name in try names(in: path) { try removeTree(path + "/" + name) }
      guard rmdir(path) == 0 else { throw fail("rmdir \(path)") }
    } else {
      guard unlink(path) == 0 || errno == ENOENT else { throw fail("unlink \(path)") }
    }
  }

  static func changeMode(_ path: String, _ mode: mode_t) {
    _ = chmod(path, mode & 0o7777)
  }

  /// Gives `path` the owner and group given, where the process may (as root).
  static func changeOwner(_ path: String, _ owner: uid_t, _ group: gid_t) {
    _ = lchown(path, owner, group)
  }

  static var effectiveUser: uid_t { geteuid() }

  static func closeDescriptor(_ fd: Int32) { _ = closeFile(fd) }
}

/// The C library's `rename` and `close`, out of reach of `SystemCalls`' methods of the same
/// names.
private func renameReplacing(_ from: String, _ to: String) -> Int32 { rename(from, to) }
private func closeFile(_ fd: Int32) -> Int32 { close(fd) }
