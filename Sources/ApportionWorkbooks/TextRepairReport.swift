import ApportionCore
import XlsxWriter

/// What the workbooks of a set did with characters a workbook cannot hold, as warnings for
/// the user: one for the cells that hold Excel's `_xHHHH_` escapes, one for the texts where
/// characters were replaced with U+FFFD, each naming the characters and the first places.
///
/// ```
/// out: warning: 2 cells held characters a workbook cannot hold as they are (U+0001, U+FFFE):
///   they are stored as Excel's _xHHHH_ escapes, which Excel shows as the characters (first:
///   partnership.xlsx cell Lines!B2, brent.xlsx cell Lines!B2)
/// ```
struct TextRepairReport {
  /// Each workbook's file name and its log.
  let repairs: [(file: String, log: TextRepairLog)]

  /// How many places are named in a warning.
  static let placesShown = 4
  /// How many characters are named in a warning.
  static let charactersShown = 8

  func warnings(folder: String) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    let location = SourceLocation(file: folder)
    let cells = repairs.reduce(0) { $0 + $1.log.escapedCount }
    if cells > 0 {
      warnings.append(
        Diagnostic(
          .warning, at: location,
          "\(cells) \(cells == 1 ? "cell" : "cells") held characters a workbook cannot hold as "
            + "they are (\(characters(.escaped))): they are stored as Excel's _xHHHH_ escapes, "
            + "which Excel shows as the characters (first: \(places(.escaped)))"))
    }
    let replaced = repairs.reduce(0) { $0 + $1.log.replacedCount }
    if replaced > 0 {
      warnings.append(
        Diagnostic(
          .warning, at: location,
          "characters a workbook cannot hold (\(characters(.replaced))) were replaced with "
            + "U+FFFD in \(replaced) \(replaced == 1 ? "text" : "texts") (first: "
            + "\(places(.replaced)))"))
    }
    return warnings
  }

  private func all(_ treatment: TextRepair.Treatment) -> [(file: String, repair: TextRepair)] {
    repairs.flatMap { file, log in
      log.repairs.filter { $0.treatment == treatment }.map { (file, $0) }
    }
  }

  private func characters(_ treatment: TextRepair.Treatment) -> String {
    var seen: [Unicode.Scalar] = []
    for (_, repair) in all(treatment) {
      for scalar in repair.characters where !seen.contains(scalar) { seen.append(scalar) }
    }
    let shown = seen.prefix(Self.charactersShown).map(WorkbookText.name)
    return (shown + (seen.count > shown.count ? ["…"] : [])).joined(separator: ", ")
  }

  private func places(_ treatment: TextRepair.Treatment) -> String {
    let found = all(treatment)
    let shown = found.prefix(Self.placesShown).map { "\($0.file): \($0.repair.place)" }
    return (shown + (found.count > shown.count ? ["…"] : [])).joined(separator: ", ")
  }
}
