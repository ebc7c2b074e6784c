import ApportionCore
import Crypto
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a budget's bytes come from, pass after pass, and the SHA-256 of the bytes read.
///
/// The first pass reads the file as named. When a second pass will follow (`keepCopy`), the
/// first pass also copies every byte it reads into a private temporary file, and later
/// passes read that copy, so every pass sees the same bytes, even from a budget that can be
/// read only once (a pipe such as `/dev/stdin` or `<(…)`) or one saved over meanwhile. The
/// copy is made with `mkstemp` in `TMPDIR` (or `/tmp`): an unpredictable name, created
/// exclusively (`O_EXCL`), readable by this user only, and removed from the folder as soon
/// as it is created, so nothing is left behind however the run ends; it lives while it is
/// open.
///
/// A regular file that changes while it is read is an error: its size, modification time or
/// identity (a file saved over it) differ at the end of the first pass, or at the start of a
/// later one, from when the first pass opened it, or at the end of a later one that read the
/// file again. A pass over the copy must read bytes with the first pass's SHA-256.
final class BudgetSource {
  /// The budget as the user named it, for messages.
  let path: String
  let keepCopy: Bool
  /// The private copy (open, already removed from its folder), or -1.
  private var copy: Int32 = -1
  /// Why the copy could not be written, if it could not.
  private(set) var copyFailure: String?
  /// The budget when the first pass opened it.
  private var opened: FileIdentity?
  /// The SHA-256 of the bytes the first pass read, once it has read them all; only for a
  /// budget read twice (whose workbooks name it), as it costs more than reading the lines.
  var sha256: String? { keepCopy ? digest : nil }
  /// The SHA-256 of what the first pass read (when `keepCopy`), once it has read it all. A
  /// budget not kept for a second pass is not fingerprinted (hashing costs more than reading
  /// the lines): a later pass over it relies on the file's identity, size and times.
  private var digest: String?

  init(path: String, keepCopy: Bool) {
    self.path = path
    self.keepCopy = keepCopy
  }

  deinit {
    if copy >= 0 { close(copy) }
  }

  /// The error for a budget that changed while it was being read.
  var changed: Diagnostic {
    Diagnostic(
      at: SourceLocation(file: path), "the budget changed while apportion was reading it",
      hint: "nothing was written; run apportion again once the file has been saved and closed")
  }

  /// The budget's size in bytes, when it is a regular file (once the first pass has opened
  /// it), for an estimate of the time left.
  var size: Int? {
    guard let opened, opened.isRegular else { return nil }
    return Int(opened.size)
  }

  /// Starts a pass over the budget.
  ///
  /// - Throws: ``Diagnostic`` when the budget cannot be opened or has changed since the first
  ///   pass; ``OutputError`` when no temporary copy can be made.
  func open() throws -> BudgetPass {
    guard let opened else { return try openFirst() }
    if opened.isRegular {
      var now = stat()
      guard stat(path, &now) == 0, FileIdentity(now) == opened else { throw changed }
    }
    if copy >= 0 {
      guard lseek(copy, 0, SEEK_SET) == 0 else {
        throw OutputError(
          "cannot read the temporary copy of \(path): \(InputFile.reason(errno))")
      }
      return BudgetPass(source: self, descriptor: copy, owned: false, first: false)
    }
    let file: (descriptor: Int32, status: stat)
    do { file = try InputFile.openForReading(path) } catch { throw changed }
    let pass = BudgetPass(source: self, descriptor: file.descriptor, owned: true, first: false)
    guard FileIdentity(file.status) == opened else { throw changed }
    return pass
  }

  private func openFirst() throws -> BudgetPass {
    let file: (descriptor: Int32, status: stat)
    do { file = try InputFile.openForReading(path) } catch {
      throw Diagnostic(
        at: SourceLocation(file: path), "cannot read the budget: \(error.reason)",
        hint: "check the path; a budget is a CSV file with a header row")
    }
    let pass = BudgetPass(source: self, descriptor: file.descriptor, owned: true, first: true)
    let identity = FileIdentity(file.status)
    opened = identity
    // A budget that cannot be read again (a pipe) is copied all the same: the duplicate-id
    // check reads the lines again to find an id's first use (see BudgetReader).
    // (Without room for it, such a budget still reads; a repeated id's message then cannot
    // say which line used it first.)
    if keepCopy {
      copy = try Self.makeCopy(of: path)
    } else if !identity.isRegular {
      copy = (try? Self.makeCopy(of: path)) ?? -1
    }
    return pass
  }

  /// A reader over the bytes the first pass has read so far, from the start, for the
  /// duplicate-id check: the copy, or the file again (which must be the one first opened).
  ///
  /// - Throws: ``Diagnostic`` (``changed``) when the file is no longer the one first read;
  ///   ``Unreadable`` for a pipe of which no copy could be kept.
  func rereader() throws -> CSVReader {
    if copy >= 0 { return CSVReader(copyDescriptor: copy) }
    guard let opened else { throw changed }
    guard opened.isRegular else { throw Unreadable() }
    let file: (descriptor: Int32, status: stat)
    do { file = try InputFile.openForReading(path) } catch { throw changed }
    let reader = CSVReader(ownedDescriptor: file.descriptor, path: path)
    guard FileIdentity(file.status) == opened else { throw changed }
    return reader
  }

  /// A new private temporary file, already removed from its folder.
  private static func makeCopy(of path: String) throws -> Int32 {
    var folder = ProcessInfo.processInfo.environment["TMPDIR"] ?? ""
    if folder.isEmpty { folder = "/tmp" }
    var template = Array((folder + "/apportion-budget-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let start = buffer.baseAddress else { return -1 }
      return mkstemp(start)
    }
    guard descriptor >= 0 else {
      throw OutputError(
        "cannot make a temporary copy of \(path) in \(folder): \(InputFile.reason(errno)) "
          + "(set TMPDIR to a folder you can write to)")
    }
    template.withUnsafeBufferPointer { buffer in
      if let start = buffer.baseAddress { _ = unlink(start) }
    }
    _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    return descriptor
  }

  /// Copies bytes the first pass read into the private copy.
  fileprivate func keep(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard copy >= 0, copyFailure == nil, var address = bytes.baseAddress else { return }
    var left = bytes.count
    while left > 0 {
      let written = write(copy, address, left)
      if written < 0 {
        if errno == EINTR { continue }
        copyFailure =
          "cannot keep a temporary copy of \(path) for the second pass: "
          + InputFile.reason(errno) + " (set TMPDIR to a folder with more room)"
        return
      }
      left -= written
      address += written
    }
  }

  /// Ends a pass that read the whole budget.
  ///
  /// - Throws: ``Diagnostic`` when the budget changed while it was read; ``OutputError`` when
  ///   the copy for a later pass could not be written.
  fileprivate func finish(_ pass: BudgetPass, digest: String?) throws {
    if !pass.first {
      guard self.digest == nil || digest == self.digest else { throw changed }
      if copy >= 0 { return }
    }
    if let opened, opened.isRegular {
      var end = stat()
      var now = stat()
      guard fstat(pass.descriptor, &end) == 0, FileIdentity(end) == opened,
        stat(path, &now) == 0, FileIdentity(now) == opened
      else { throw changed }
    }
    guard pass.first else { return }
    if let copyFailure { throw OutputError(copyFailure) }
    self.digest = digest
  }
}

/// A budget that cannot be read again: a pipe of which no copy could be kept.
struct Unreadable: Error {}

/// One pass over a budget: its bytes, fingerprinted as they are read.
final class BudgetPass {
  let source: BudgetSource
  let descriptor: Int32
  private let owned: Bool
  /// The first pass, which reads the file as named (later ones may read a copy).
  let first: Bool
  /// The SHA-256 of the bytes, for a budget read twice.
  private var hasher: SHA256?

  fileprivate init(source: BudgetSource, descriptor: Int32, owned: Bool, first: Bool) {
    self.source = source
    self.descriptor = descriptor
    self.owned = owned
    self.first = first
    if source.keepCopy { hasher = SHA256() }
  }

  deinit {
    if owned { close(descriptor) }
  }

  /// A CSV reader over this pass's bytes.
  func reader() -> CSVReader {
    CSVReader(descriptor: descriptor) { [unowned self] bytes in
      hasher?.update(bufferPointer: UnsafeRawBufferPointer(bytes))
      if first { source.keep(bytes) }
    }
  }

  /// Ends the pass once every byte has been read: see ``BudgetSource``.
  func finish() throws {
    try source.finish(self, digest: hasher.map { FileDigest.hex($0.finalize()) })
  }
}

/// What identifies a file's contents without reading them: which file, its size and when it
/// last changed.
struct FileIdentity: Equatable {
  let device: UInt64
  let inode: UInt64
  let size: Int64
  let modified: [Int]
  let changed: [Int]
  let isRegular: Bool

  init(_ status: stat) {
    device = UInt64(status.st_dev)
    inode = UInt64(status.st_ino)
    size = Int64(status.st_size)
    modified = [Int(status.st_mtim.tv_sec), Int(status.st_mtim.tv_nsec)]
    changed = [Int(status.st_ctim.tv_sec), Int(status.st_ctim.tv_nsec)]
    isRegular = (status.st_mode & S_IFMT) == S_IFREG
  }
}
