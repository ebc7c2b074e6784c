import ApportionIO
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The open files a set of workbooks needs at once, checked before any is started.
///
/// In constant-memory mode libxlsxwriter keeps a temporary file open for every worksheet
/// until its workbook is closed, and every workbook of a set is open while the lines stream
/// through: three files per workbook (its first sheet, its Schedule sheet and its Lines sheet),
/// and a few more while each is closed. Two thousand partners need over six thousand. Rather than fail part-way
/// with libxlsxwriter's "out of memory", the soft limit is raised to what is needed where the
/// hard limit allows, and otherwise the run stops at once saying what ran out.
///
/// ```swift
/// try OpenFiles.ensure(workbooks: 2_001)  // raises `ulimit -n` or throws OutputError
/// ```
enum OpenFiles {
  /// Files needed for `workbooks` workbooks: three each, and room for the rest of the process
  /// (standard streams, the budget, the staging folder's marker, libxlsxwriter's files while
  /// a workbook is closed).
  static func needed(workbooks: Int) -> Int { 3 * workbooks + 32 }

  /// Makes sure the process may open enough files, raising its soft limit if need be.
  ///
  /// - Throws: `OutputError` ("too many open files: …") when the hard limit is too low.
  static func ensure(workbooks: Int) throws(OutputError) {
    let needed = needed(workbooks: workbooks)
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
    if limit.rlim_cur >= rlim_t(needed) { return }
    if limit.rlim_max >= rlim_t(needed) {
      var raised = limit
      raised.rlim_cur = rlim_t(needed)
      if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { return }
    }
    throw OutputError(
      "too many open files: writing \(workbooks) workbooks at once needs about \(needed) open "
        + "files (libxlsxwriter keeps three open for each workbook while its lines are written), "
        + "and this process may open only \(limit.rlim_cur); raise the limit with "
        + "'ulimit -n \(needed)' or more")
  }
}
