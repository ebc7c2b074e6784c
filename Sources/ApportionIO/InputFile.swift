import ApportionCore
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Opening and reading input files, with every failure said in plain words: "no such
/// file", "permission denied", "it is a folder, not a file", "is not UTF-8 text".
enum InputFile {
  /// Why a file could not be opened or read, in a few words.
  struct Failure: Error {
    let reason: String
  }

  /// Opens `path` for reading (a regular file, a pipe or a device, not a folder).
  ///
  /// - Returns: the descriptor and the file's status.
  static func openForReading(_ path: String) throws(Failure) -> (descriptor: Int32, status: stat) {
    guard !path.isEmpty else { throw Failure(reason: "no file name was given") }
    var descriptor: Int32
    repeat {
      descriptor = open(path, O_RDONLY | O_CLOEXEC)
    } while descriptor < 0 && errno == EINTR
    guard descriptor >= 0 else { throw Failure(reason: reason(errno)) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let code = errno
      close(descriptor)
      throw Failure(reason: reason(code))
    }
    if (status.st_mode & S_IFMT) == S_IFDIR {
      close(descriptor)
      throw Failure(reason: reason(EISDIR))
    }
    return (descriptor, status)
  }

  /// Reads a whole file of at most `limit` bytes.
  ///
  /// - Throws: ``Failure`` when it cannot be opened or read, or is larger than `limit`.
  static func readAll(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
    let (descriptor, _) = try openForReading(path)
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw Failure(reason: reason(errno))
      }
      if count == 0 { return bytes }
      bytes += chunk[0..<count]
      if bytes.count > limit {
        throw Failure(
          reason: "it is larger than \(limit >> 20 > 0 ? "\(limit >> 20) MB" : "\(limit >> 10) KB")"
        )
      }
    }
  }

  /// Where a file stops being UTF-8 text.
  struct NotUTF8: Error {
    let line: Int
    let column: Int
  }

  /// The bytes as text, or the line and column of the first byte that is not UTF-8.
  static func text(_ bytes: [UInt8]) -> Result<String, NotUTF8> {
    var line = 1
    var lineStart = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        if byte == UInt8(ascii: "\n") {
          line += 1
          lineStart = index + 1
        }
        index += 1
        continue
      }
      let length = validSequenceLength(bytes, at: index)
      guard length > 0 else {
        let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count
        return .failure(NotUTF8(line: line, column: column + 1))
      }
      index += length
    }
    return .success(String(decoding: bytes, as: UTF8.self))
  }

  /// The length of the well-formed UTF-8 sequence at `index`, or 0.
  private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
    let lead = bytes[index]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0: (length, low) = (3, 0xA0)
    case 0xE1...0xEC, 0xEE, 0xEF: length = 3
    case 0xED: (length, high) = (3, 0x9F)
    case 0xF0: (length, low) = (4, 0x90)
    case 0xF1...0xF3: length = 4
    case 0xF4: (length, high) = (4, 0x8F)
    default: return 0
    }
    guard index + length <= bytes.count else { return 0 }
    for offset in 1..<length {
      let byte = bytes[index + offset]
      let (min, max) = offset == 1 ? (low, high) : (0x80, 0xBF)
      guard byte >= min && byte <= max else { return 0 }
    }
    return length
  }

  /// An `errno` value in plain words.
  static func reason(_ code: Int32) -> String {
    switch code {
    case ENOENT: return "no such file"
    case EACCES, EPERM: return "permission denied"
    case EISDIR: return "it is a folder, not a file"
    case ENOTDIR: return "a part of the path is not a folder"
    case ELOOP: return "the path has too many symbolic links"
    case ENAMETOOLONG: return "the path is too long"
    case EMFILE, ENFILE: return "too many files are open"
    case ENOMEM: return "out of memory"
    case EIO: return "the disk could not be read or written (an input/output error)"
    case ENOSPC: return "no space left on the disk"
    case EROFS: return "the disk is read-only"
    case EEXIST: return "a file of that name already exists"
    case ENXIO, ENODEV: return "the device is not available"
    default: return String(cString: strerror(code)).lowercased()
    }
  }
}

/// System errors in plain words, for messages people read.
public enum SystemErrorWords {
  /// An error from the file system or Foundation in a few words ("permission denied",
  /// "no space left on the disk"), with the file it concerns when it names one; other errors
  /// as they describe themselves.
  public static func describe(_ error: any Error) -> String {
    let nsError = error as NSError
    let path = (nsError.userInfo[NSFilePathErrorKey] as? String).map { " (\($0))" } ?? ""
    if nsError.domain == NSPOSIXErrorDomain {
      return InputFile.reason(Int32(nsError.code)) + path
    }
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return InputFile.reason(Int32(underlying.code)) + path
    }
    guard nsError.domain == NSCocoaErrorDomain else { return "\(error)" }
    switch CocoaError.Code(rawValue: nsError.code) {
    case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file" + path
    case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied" + path
    case .fileWriteOutOfSpace: return "no space left on the disk" + path
    case .fileWriteVolumeReadOnly: return "the disk is read-only" + path
    case .fileWriteFileExists: return "a file of that name already exists" + path
    default: return "the file could not be written" + path
    }
  }
}
