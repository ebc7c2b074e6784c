import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Text held in a private temporary file until the run is known to have succeeded, then
/// copied out (`StandardOutput.write(_:)`): so that `--json` leaves standard output empty
/// whenever the run fails, however late, and a million-line document still streams without
/// being held in memory.
///
/// The file is created without a name (`O_TMPFILE`, or `mkstemp` and an immediate `unlink`)
/// in `$TMPDIR` or `/tmp`, so nothing is left behind however the process ends. A failed
/// write (a full disk) is kept and reported by ``finish()``.
///
/// ```swift
/// let spool = try OutputSpool()
/// var writer = JSONResultWriter(output: spool, ruleSet: ruleSet)
/// …
/// try spool.finish()
/// try Console.output.write(spool)  // only once everything else has succeeded
/// ```
public final class OutputSpool: TextOutputStream {
  /// The folder the file is in, for messages.
  public let directory: String
  private let descriptor: LockedDescriptor
  private let fd: Int32
  private var buffer: [UInt8] = []
  private let limit = 1 << 16
  private var failure: SystemCallError?

  /// A new, empty spool in `directory` (by default `$TMPDIR`, else `/tmp`).
  ///
  /// - Throws: `OutputError` when no temporary file can be made there.
  public init(directory: String? = nil) throws(OutputError) {
    let folder =
      directory ?? ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 }
      ?? "/tmp"
    self.directory = folder
    // O_TMPFILE (Linux): a file with no name at all.
    var fd = open(folder, 0o20_200_000 | O_RDWR | O_CLOEXEC, 0o600)
    if fd < 0 {
      var template = Array((folder + "/.apportion-spool.XXXXXX").utf8CString)
      fd = template.withUnsafeMutableBufferPointer { buffer in
        buffer.baseAddress.map { mkstemp($0) } ?? -1
      }
      if fd >= 0 {
        template.withUnsafeBufferPointer { name in
          if let path = name.baseAddress { _ = unlink(path) }
        }
      }
    }
    guard fd >= 0 else {
      throw OutputError(
        "cannot make a temporary file in \(folder) to hold the output: "
          + "\(String(cString: strerror(errno))); set TMPDIR to a folder with space")
    }
    self.fd = fd
    descriptor = LockedDescriptor(fd)
    buffer.reserveCapacity(limit + 1024)
  }

  public func write(_ string: String) {
    buffer.append(contentsOf: string.utf8)
    if buffer.count >= limit { drain() }
  }

  private func drain() {
    defer { buffer.removeAll(keepingCapacity: true) }
    guard failure == nil, !buffer.isEmpty else { return }
    do { try SystemCalls.writeAll(fd, buffer) } catch { failure = error }
  }

  /// Writes what is buffered; throws the first write error.
  public func finish() throws(OutputError) {
    drain()
    if let failure {
      throw OutputError(
        "cannot hold the output in a temporary file in \(directory): \(failure.reason); set "
          + "TMPDIR to a folder with space")
    }
  }

  /// Hands the whole text to `body` in chunks, from the start.
  func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
    try finish()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var offset: off_t = 0
    while true {
      let count = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
      if count < 0 {
        if errno == EINTR { continue }
        throw OutputError(
          "cannot read back the output held in \(directory): \(String(cString: strerror(errno)))")
      }
      if count == 0 { return }
      try chunk.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
      offset += off_t(count)
    }
  }
}
