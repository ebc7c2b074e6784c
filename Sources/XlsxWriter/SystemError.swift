#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The C `errno` behind a libxlsxwriter failure, in words.
///
/// libxlsxwriter reports a temporary file it could not open as "out of memory" (a worksheet
/// in constant-memory mode keeps one open until the workbook is closed), so the wrapper looks
/// at `errno` itself and says what really ran out.
enum SystemError {
  /// `strerror`'s text, or `nil` for 0.
  static func describe(_ code: Int32) -> String? {
    guard code != 0 else { return nil }
    if let tooMany = tooManyOpenFiles(code) { return tooMany }
    return String(cString: strerror(code))
  }

  /// The message for `EMFILE` or `ENFILE`, naming the limit and how to raise it; `nil` for any
  /// other code.
  static func tooManyOpenFiles(_ code: Int32) -> String? {
    switch code {
    case EMFILE:
      var limit = rlimit()
      let soft = getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 ? "\(limit.rlim_cur)" : "?"
      return "too many open files: each worksheet being written keeps a temporary file open "
        + "until its workbook is closed, and this process may open only \(soft) files; raise "
        + "the limit with 'ulimit -n' (for example 'ulimit -n 65536') or write fewer workbooks "
        + "at once"
    case ENFILE:
      return "too many open files in the whole system (ENFILE): close other programs or raise "
        + "the system's limit (fs.file-max)"
    default:
      return nil
    }
  }
}
