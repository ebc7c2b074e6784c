import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output with every write checked: the one writer the command-line tool prints
/// through.
///
/// Text is buffered and written by ``flush()``. A failed write (a full device, `> /dev/full`,
/// an I/O error) is kept, stops further writing, and is thrown by `flush()` as an
/// `OutputError`. A reader that went away (`| head`: `EPIPE`, with `SIGPIPE` ignored, see
/// `Interruption`) is not an error: output stops quietly and ``readerClosed`` says so.
///
/// ```swift
/// let output = StandardOutput()
/// output.write("Total: £1,234.56\n")
/// try output.flush()  // throws "cannot write to standard output: No space left on device"
/// ```
public final class StandardOutput {
  private let fd: Int32
  private var buffer: [UInt8] = []
  private let limit = 1 << 16
  private var failure: SystemCallError?
  /// Whether the reader closed the pipe: nothing more is written.
  public private(set) var readerClosed = false

  /// The writer for a file descriptor (standard output by default).
  public init(fd: Int32 = STDOUT_FILENO) {
    self.fd = fd
  }

  /// Adds text; it is written when the buffer fills or at ``flush()``.
  public func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= limit { drain() }
  }

  /// Writes everything `spool` holds, after what is buffered. If the write fails part-way
  /// and standard output is a regular file, the file is cut back to where the text started,
  /// so that it holds none of it.
  ///
  /// - Throws: `OutputError` when the spool cannot be read back, or as ``flush()``.
  public func write(_ spool: OutputSpool) throws {
    try flush()
    guard !readerClosed else { return }
    let start = Self.regularFileEnd(fd)
    try spool.forEachChunk { chunk in
      guard failure == nil, !readerClosed else { return }
      send(chunk)
    }
    if failure != nil, let start { _ = ftruncate(fd, start) }
    try flush()
  }

  /// Writes what is buffered.
  ///
  /// - Throws: `OutputError` ("cannot write to standard output: …") when a write failed, now
  ///   or earlier; not when the reader closed the pipe.
  public func flush() throws(OutputError) {
    drain()
    if let failure {
      throw OutputError("cannot write to standard output: \(failure.reason)")
    }
  }

  /// Drops what is buffered (the run failed: it will not be printed).
  public func discard() { buffer.removeAll() }

  private func drain() {
    defer { buffer.removeAll(keepingCapacity: true) }
    guard !buffer.isEmpty else { return }
    buffer.withUnsafeBytes { send($0) }
  }

  private func send(_ bytes: UnsafeRawBufferPointer) {
    guard failure == nil, !readerClosed, let base = bytes.baseAddress else { return }
    var done = 0
    while done < bytes.count {
      let count = Glibc.write(fd, base + done, bytes.count - done)
      if count < 0 {
        if errno == EINTR { continue }
        if errno == EPIPE {
          readerClosed = true
        } else {
          failure = SystemCalls.fail("write")
        }
        return
      }
      done += count
    }
  }

  /// Where the next write will land when `fd` is a regular file; `nil` otherwise.
  private static func regularFileEnd(_ fd: Int32) -> off_t? {
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    if fcntl(fd, F_GETFL) & O_APPEND != 0 { return info.st_size }
    let offset = lseek(fd, 0, SEEK_CUR)
    return offset >= 0 ? offset : nil
  }
}
