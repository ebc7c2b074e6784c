/// The rows of one worksheet that were given content (a cell, a formatted blank, a row
/// height), counted as they are written, so that the file can be checked against them after
/// `Workbook.close()`.
///
/// Shared by the `Worksheet` (which counts) and its `Workbook` (which checks), without the
/// workbook keeping its worksheets alive.
final class SheetTally {
  /// The worksheet's name as stored.
  let name: String
  /// Rows with content so far.
  private(set) var rows = 0
  /// In constant-memory mode rows come in ascending order: the last one counted.
  private var lastRow = -1
  /// Otherwise rows can come in any order: every row counted (`nil` in constant-memory mode).
  private var seen: Set<Int>?

  init(name: String, constantMemory: Bool) {
    self.name = name
    seen = constantMemory ? nil : []
  }

  /// Counts `row` once, however many cells it gets.
  func note(row: Int) {
    if seen == nil {
      if row > lastRow {
        rows += 1
        lastRow = row
      }
    } else if seen?.insert(row).inserted == true {
      rows += 1
    }
  }
}
