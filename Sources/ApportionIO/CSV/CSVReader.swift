#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A streaming RFC 4180 CSV reader: comma-separated, UTF-8, records read one at a time.
///
/// The file is read in fixed-size chunks and only the current record is held in memory, so
/// memory stays flat however long the file is. Every error names the 1-based line and column
/// to look at (see ``CSVError``).
///
/// The dialect:
/// - UTF-8 only; a leading byte-order mark is skipped. Invalid UTF-8 is an error.
/// - Records end with LF, CRLF or a lone CR; the last line needs no line ending. Blank lines
///   (nothing but a line ending) are skipped, but still counted in line numbers.
/// - A field may be quoted: `"a, b"`, `"say ""hi"""`, and a quoted field may span lines.
///   A quote in an unquoted field, and anything but a comma or a line ending after a closing
///   quote, is an error.
/// - Fields are not trimmed: spaces around an unquoted field are part of it. Trim them
///   yourself if you want to. A record may have any number of fields.
/// - A NUL byte is an error (the file is binary, or UTF-16), and so is a record holding more
///   than ``maxRecordBytes`` (1 MiB) of text and commas: memory stays bounded whatever the
///   file, and `/dev/zero` or a quote never closed fails at once, not after reading it all.
///
/// After an error, `next()` throws the same error again. Not thread-safe: use one reader from
/// one task at a time.
package final class CSVReader {
  private enum Source {
    case file(descriptor: Int32, path: String)
    case memory([UInt8])
    /// A descriptor someone else owns (and closes); `tap` sees every chunk read.
    case stream(descriptor: Int32, tap: (UnsafeBufferPointer<UInt8>) -> Void)
    /// A descriptor someone else owns and may be writing to, read from its start with
    /// `pread`, which leaves its offset alone.
    case positioned(descriptor: Int32)
  }

  package static let defaultChunkSize = 64 * 1024
  /// The most bytes one record (row) may hold, its fields' text and the commas between them:
  /// 1 MiB, thousands of times a real budget row.
  package static let maxRecordBytes = 1 << 20

  private let source: Source
  private var memoryOffset = 0
  private let buffer: UnsafeMutableBufferPointer<UInt8>
  private var position = 0
  private var end = 0
  private var parser: CSVParser
  private var finished = false
  private var failure: CSVError?
  /// How many bytes have been read from the source so far (up to a chunk ahead of the
  /// records returned).
  package private(set) var bytesRead = 0

  /// Opens the file at `path` for reading.
  ///
  /// - Throws: ``CSVError`` (line and column 0) naming the path if it cannot be opened or is
  ///   a directory.
  package convenience init(path: String) throws(CSVError) {
    try self.init(path: path, chunkSize: Self.defaultChunkSize)
  }

  /// Reads CSV held in memory.
  package convenience init(bytes: [UInt8]) {
    self.init(bytes: bytes, chunkSize: Self.defaultChunkSize)
  }

  /// Opens `path`, reading it `chunkSize` bytes at a time (small sizes are for tests).
  package init(
    path: String, chunkSize: Int, maxRecordBytes: Int = CSVReader.maxRecordBytes
  ) throws(CSVError) {
    var descriptor: Int32
    repeat {
      descriptor = open(path, O_RDONLY | O_CLOEXEC)
    } while descriptor < 0 && errno == EINTR
    guard descriptor >= 0 else {
      throw CSVError(
        line: 0, column: 0, message: "cannot open '\(path)': \(InputFile.reason(errno))")
    }
    var status = stat()
    if fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
      close(descriptor)
      throw CSVError(
        line: 0, column: 0, message: "cannot read '\(path)': \(InputFile.reason(EISDIR))")
    }
    source = .file(descriptor: descriptor, path: path)
    buffer = .allocate(capacity: max(chunkSize, 1))
    parser = CSVParser(maxRecordBytes: maxRecordBytes)
  }

  /// Reads from an open descriptor, which the caller keeps and closes, handing every chunk
  /// read to `tap` as well as to the parser (to fingerprint or copy the bytes as they pass).
  init(
    descriptor: Int32, chunkSize: Int = CSVReader.defaultChunkSize,
    tap: @escaping (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    source = .stream(descriptor: descriptor, tap: tap)
    buffer = .allocate(capacity: max(chunkSize, 1))
    parser = CSVParser(maxRecordBytes: CSVReader.maxRecordBytes)
  }

  /// Reads a descriptor someone else owns from its start, without moving its offset.
  init(copyDescriptor descriptor: Int32, chunkSize: Int = CSVReader.defaultChunkSize) {
    source = .positioned(descriptor: descriptor)
    buffer = .allocate(capacity: max(chunkSize, 1))
    parser = CSVParser(maxRecordBytes: CSVReader.maxRecordBytes)
  }

  /// Reads an open descriptor, which the reader closes; `path` names it in messages.
  init(ownedDescriptor descriptor: Int32, path: String, chunkSize: Int = defaultChunkSize) {
    source = .file(descriptor: descriptor, path: path)
    buffer = .allocate(capacity: max(chunkSize, 1))
    parser = CSVParser(maxRecordBytes: CSVReader.maxRecordBytes)
  }

  /// Reads `bytes`, handing the parser `chunkSize` bytes at a time and allowing records of
  /// `maxRecordBytes` (small sizes are for tests).
  package init(bytes: [UInt8], chunkSize: Int, maxRecordBytes: Int = CSVReader.maxRecordBytes) {
    source = .memory(bytes)
    buffer = .allocate(capacity: max(chunkSize, 1))
    parser = CSVParser(maxRecordBytes: maxRecordBytes)
  }

  deinit {
    if case .file(let descriptor, _) = source { close(descriptor) }
    buffer.deallocate()
  }

  /// The next record, or nil at the end of the input.
  ///
  /// - Throws: ``CSVError`` with the line and column of the first problem in the input.
  package func next() throws(CSVError) -> CSVRecord? {
    if let failure { throw failure }
    if finished { return nil }
    do {
      while true {
        if position < end {
          let input = UnsafeBufferPointer(rebasing: buffer[0..<end])
          let (next, complete) = try parser.parse(input, from: position)
          position = next
          if complete { return parser.takeRecord() }
        } else {
          end = try fill()
          bytesRead += end
          position = 0
          if end == 0 {
            finished = true
            return try parser.finish()
          }
        }
      }
    } catch {
      failure = error
      throw error
    }
  }

  /// Refills the buffer from the source; returns the number of bytes read, 0 at the end.
  private func fill() throws(CSVError) -> Int {
    switch source {
    case .memory(let bytes):
      let count = min(buffer.count, bytes.count - memoryOffset)
      guard count > 0 else { return 0 }
      _ = buffer.update(fromContentsOf: bytes[memoryOffset..<memoryOffset + count])
      memoryOffset += count
      return count
    case .file(let descriptor, let path):
      while true {
        let count = read(descriptor, buffer.baseAddress, buffer.count)
        if count >= 0 { return count }
        if errno == EINTR { continue }
        throw CSVError(
          line: parser.line, column: parser.column,
          message: "cannot read '\(path)': \(InputFile.reason(errno))")
      }
    case .positioned(let descriptor):
      while true {
        let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(memoryOffset))
        if count > 0 { memoryOffset += count }
        if count >= 0 { return count }
        if errno == EINTR { continue }
        throw CSVError(
          line: parser.line, column: parser.column,
          message: "the file could not be read here: \(InputFile.reason(errno))")
      }
    case .stream(let descriptor, let tap):
      while true {
        let count = read(descriptor, buffer.baseAddress, buffer.count)
        if count > 0 { tap(UnsafeBufferPointer(rebasing: buffer[0..<count])) }
        if count >= 0 { return count }
        if errno == EINTR { continue }
        throw CSVError(
          line: parser.line, column: parser.column,
          message: "the file could not be read here: \(InputFile.reason(errno))")
      }
    }
  }
}
