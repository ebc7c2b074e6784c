import Foundation

/// Buffered text output to a file handle (standard output by default), flushed in large
/// chunks so that a million-line JSON document streams out without being held in memory.
public final class OutputBuffer: TextOutputStream {
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private let limit = 1 << 16
  /// The first write error, reported by ``flush()``.
  private var failure: (any Error)?

  public init(handle: FileHandle = .standardOutput) {
    self.handle = handle
    buffer.reserveCapacity(limit + 1024)
  }

  public func write(_ string: String) {
    buffer.append(contentsOf: string.utf8)
    if buffer.count >= limit { drain() }
  }

  private func drain() {
    guard failure == nil, !buffer.isEmpty else {
      buffer.removeAll(keepingCapacity: true)
      return
    }
    do { try handle.write(contentsOf: buffer) } catch { failure = error }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes what is buffered; throws the first write error.
  public func flush() throws {
    drain()
    if let failure { throw failure }
  }
}
