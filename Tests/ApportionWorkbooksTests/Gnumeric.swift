import Foundation
import TestSupport
import Testing
import XLSXInspection

/// Gnumeric's `ssconvert`, which recalculates a workbook's formulas.
enum Gnumeric {
  static let ssconvert: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/ssconvert" }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

  /// Run the recalculation tests when ssconvert is there, and always in CI (where a missing
  /// ssconvert must fail the test, not skip it).
  static var runsRecalculation: Bool { ssconvert != nil || isCI }

  /// Every sheet of `path`, recalculated: a grid of the values as text, per sheet in
  /// workbook order.
  static func recalculate(_ path: String) throws -> [[[String]]] {
    guard let ssconvert else {
      throw TestFailure("ssconvert is not installed (apt-get install gnumeric)")
    }
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out.csv").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: ssconvert)
    process.arguments = ["--recalc", "-S", path, out]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw TestFailure("ssconvert failed on \(path) (exit \(process.terminationStatus))")
    }
    var sheets: [[[String]]] = []
    while let data = FileManager.default.contents(atPath: "\(out).\(sheets.count)") {
      sheets.append(parseCSV(String(decoding: data, as: UTF8.self)))
    }
    return sheets
  }

  /// Rows of fields; quoted fields may hold commas, doubled quotes and line breaks.
  static func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var afterQuote = false
    for character in text {
      if quoted {
        if character == "\"" {
          quoted = false
          afterQuote = true
        } else {
          field.append(character)
        }
        continue
      }
      switch character {
      case "\"":
        if afterQuote { field.append("\"") }
        quoted = true
      case ",":
        row.append(field)
        field = ""
      case "\n", "\r\n":
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      default: field.append(character)
      }
      afterQuote = false
    }
    if !field.isEmpty || !row.isEmpty {
      row.append(field)
      rows.append(row)
    }
    return rows
  }

  /// Recalculates `path` and checks that every formula evaluates to the value cached in the
  /// file (which the number checks compare with the engine): money (a `£` format) to the
  /// penny, other numbers (shares, pence of rounding) to a millionth, text exactly.
  ///
  /// - Returns: how many formulas were compared.
  static func expectRecalculationMatchesCache(
    _ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> Int {
    let book = try XLSXBook(path: path)
    let grids = try recalculate(path)
    #expect(grids.count == book.sheetNames.count, sourceLocation: sourceLocation)
    var compared = 0
    for (index, name) in book.sheetNames.enumerated() where index < grids.count {
      for cell in try book.cells(sheet: name).values where cell.kind == .formula {
        guard let (row, column) = rowAndColumn(cell.reference) else { continue }
        let grid = grids[index]
        let value = row < grid.count && column < grid[row].count ? grid[row][column] : ""
        let place = "\((path as NSString).lastPathComponent) \(name)!\(cell.reference)"
        let message: Comment =
          "\(place) =\(cell.formula ?? "") recalculates to '\(value)', cached \(cell.value)"
        if cell.type == "str" {
          #expect(value == cell.text, message, sourceLocation: sourceLocation)
        } else if try book.numberFormat(styleIndex: cell.styleIndex)?.contains("£") ?? false {
          #expect(
            roundedPence(value) != nil && roundedPence(value) == roundedPence(cell.value),
            message, sourceLocation: sourceLocation)
        } else if let recalculated = Double(value), let cached = Double(cell.value) {
          #expect(
            abs(recalculated - cached) <= 1e-6 * max(1, abs(cached)), message,
            sourceLocation: sourceLocation)
        } else {
          Issue.record(message, sourceLocation: sourceLocation)
        }
        compared += 1
      }
    }
    return compared
  }
}
