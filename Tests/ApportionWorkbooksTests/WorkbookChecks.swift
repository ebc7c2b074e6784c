import ApportionCore
import Foundation
import Testing
import XLSXInspection

/// The Lines sheets of a workbook in order: `Lines`, `Lines 2`, …
func lineSheets(_ book: XLSXBook) -> [String] {
  book.sheetNames.filter { $0.wholeMatch(of: /Lines( [0-9]+)?/) != nil }
}

/// How many formulas the workbook at `path` should hold, from the layout: in the
/// partnership's, a check per line and per Lines sheet a totals row (amount, parts, check),
/// then on Summary a count, the parts and a total per rule and for all rules, and two check
/// rows, and on Rules a count and a total per rule; in a partner's, per Lines sheet a totals
/// row (amount and part), then on the statement a count, a total and the part per rule and
/// for all rules, the partners' sum and a check.
func expectedFormulaCount(_ run: WorkbookRun, path: String) throws -> Int {
  let sheets = lineSheets(try XLSXBook(path: path)).count
  let rules = run.ruleSet.rules.count
  let n = run.ruleSet.partners.count
  if path == run.partnershipPath {
    return run.results.count + sheets * (n + 2) + (rules + 1) * (n + 2) + 2 + 2 * rules
  }
  return sheets * 2 + (rules + 1) * 3 + 2
}

/// One Lines sheet whose leading cells ``checkLinesSheets(_:path:run:)`` has checked: the
/// check continues with the workbook's own columns.
struct CheckedLinesSheet {
  var sheet: SheetCheck
  let amountColumn: Int
  /// The lines on the sheet, in rows 2 onwards; the totals row follows them.
  let results: ArraySlice<LineResult>
}

/// Checks the cells every Lines sheet starts with, for every line in order: id, description,
/// amount, rule number and rule name; and in each totals row, `Total` and the `SUM` of the
/// amounts. Together the sheets must hold exactly the run's lines.
func checkLinesSheets(
  _ book: XLSXBook, path: String, run: WorkbookRun,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> [CheckedLinesSheet] {
  var checked: [CheckedLinesSheet] = []
  var next = 0
  for name in lineSheets(book) {
    var sheet = try SheetCheck(book, path: path, sheet: name)
    guard let amountColumn = sheet.column(titled: "Amount") else {
      Issue.record("\(path) \(name): no Amount column", sourceLocation: sourceLocation)
      continue
    }
    let first = next
    var sum = Money.zero
    var row = 1
    while sheet[row, amountColumn]?.kind == .number {
      guard next < run.results.count else {
        Issue.record("\(name) row \(row + 1): more rows than lines", sourceLocation: sourceLocation)
        break
      }
      let result = run.results[next]
      sheet.text(row, 0, result.line.id)
      sheet.text(row, 1, result.line.description)
      sheet.money(row, amountColumn, result.line.amount, formula: false)
      sheet.count(row, amountColumn + 1, result.ruleIndex + 1, formula: false)
      sheet.text(row, amountColumn + 2, run.ruleSet.rules[result.ruleIndex].name)
      sum = try sum + result.line.amount
      row += 1
      next += 1
    }
    sheet.text(row, 0, "Total")
    sheet.money(row, amountColumn, sum, formula: true)
    #expect(
      sheet[row, amountColumn]?.formula
        == "SUM(\(a1(1, amountColumn)):\(a1(max(1, row - 1), amountColumn)))",
      sourceLocation: sourceLocation)
    checked.append(
      CheckedLinesSheet(
        sheet: sheet, amountColumn: amountColumn, results: run.results[first..<next]))
  }
  #expect(
    next == run.results.count,
    "\(path): the Lines sheets hold \(next) of \(run.results.count) lines",
    sourceLocation: sourceLocation)
  return checked
}

/// Checks every cell of `partnership.xlsx` that holds a number or a formula against the
/// engine's results, and the text of ids, descriptions and rule names.
func checkPartnership(_ run: WorkbookRun) throws {
  let path = run.partnershipPath
  let book = try XLSXBook(path: path)
  let linesNames = lineSheets(book)
  #expect(book.sheetNames == ["Summary"] + linesNames + ["Rules", "Sources"])
  let n = run.ruleSet.partners.count
  let summary = run.summary

  for var lines in try checkLinesSheets(book, path: path, run: run) {
    let amountColumn = lines.amountColumn
    let firstPart = amountColumn + 3
    let checkColumn = firstPart + n
    lines.sheet.text(0, checkColumn, "Check: amount − parts")
    for (p, partner) in run.ruleSet.partners.enumerated() {
      lines.sheet.text(0, firstPart + p, partner.name)
    }
    var sums = Array(repeating: Money.zero, count: n)
    for (index, result) in lines.results.enumerated() {
      let row = index + 1
      for (p, part) in result.parts.enumerated() {
        lines.sheet.money(row, firstPart + p, part, formula: false)
        sums[p] = try sums[p] + part
      }
      lines.sheet.money(row, checkColumn, .zero, formula: true)
      #expect(
        lines.sheet[row, checkColumn]?.formula
          == "ROUND(\(a1(row, amountColumn))-SUM(\(a1(row, firstPart)):\(a1(row, checkColumn - 1))),2)"
      )
    }
    let totalRow = lines.results.count + 1
    for p in 0..<n { lines.sheet.money(totalRow, firstPart + p, sums[p], formula: true) }
    lines.sheet.money(totalRow, checkColumn, .zero, formula: true)
    lines.sheet.expectEveryNumberChecked()
  }

  var grid = try SheetCheck(book, path: path, sheet: "Summary")
  let header = 4
  for (p, partner) in run.ruleSet.partners.enumerated() { grid.text(header, 2 + p, partner.name) }
  for (r, rule) in run.ruleSet.rules.enumerated() {
    let row = header + 1 + r
    grid.text(row, 0, rule.name)
    grid.count(row, 1, summary.ruleLineCounts[r], formula: true)
    for p in 0..<n { grid.money(row, 2 + p, summary.byRule[r][p], formula: true) }
    grid.money(row, 2 + n, summary.ruleTotals[r], formula: true)
  }
  let totalRow = header + 1 + run.ruleSet.rules.count
  grid.text(totalRow, 0, "Total")
  grid.count(totalRow, 1, summary.lineCount, formula: true)
  for p in 0..<n { grid.money(totalRow, 2 + p, summary.partnerTotals[p], formula: true) }
  grid.money(totalRow, 2 + n, summary.total, formula: true)
  grid.money(totalRow + 2, 2 + n, summary.total, formula: true)
  grid.money(totalRow + 3, 2 + n, .zero, formula: true)
  grid.expectEveryNumberChecked()

  var rules = try SheetCheck(book, path: path, sheet: "Rules")
  for (r, rule) in run.ruleSet.rules.enumerated() {
    rules.count(r + 1, 0, r + 1, formula: false)
    rules.text(r + 1, 1, rule.name)
    rules.count(r + 1, 5, summary.ruleLineCounts[r], formula: true)
    rules.money(r + 1, 6, summary.ruleTotals[r], formula: true)
  }
  rules.expectEveryNumberChecked()

  try checkSources(book, path: path, run: run)
}

/// The Sources sheet holds text only, including the line count.
func checkSources(_ book: XLSXBook, path: String, run: WorkbookRun) throws {
  let sources = try SheetCheck(book, path: path, sheet: "Sources")
  let count = sources.cells.values.first { $0.text == "Budget lines" }
    .flatMap { rowAndColumn($0.reference) }
    .flatMap { sources[$0.row, 1] }
  #expect(count?.kind == .string && count?.text == String(run.summary.lineCount))
  sources.expectEveryNumberChecked()
}

/// Checks every number and formula of partner `p`'s statement workbook.
func checkPartner(_ run: WorkbookRun, _ p: Int, path: String) throws {
  let book = try XLSXBook(path: path)
  let linesNames = lineSheets(book)
  let partner = run.ruleSet.partners[p]
  let summary = run.summary
  guard let statementName = book.sheetNames.first else {
    Issue.record("\(path): no sheets")
    return
  }
  #expect(book.sheetNames == [statementName] + linesNames + ["Sources"])

  for var lines in try checkLinesSheets(book, path: path, run: run) {
    let partColumn = lines.amountColumn + 4
    lines.sheet.text(0, partColumn, "\(partner.name)'s part")
    var sum = Money.zero
    for (index, result) in lines.results.enumerated() {
      lines.sheet.money(index + 1, partColumn, result.parts[p], formula: false)
      sum = try sum + result.parts[p]
    }
    lines.sheet.money(lines.results.count + 1, partColumn, sum, formula: true)
    lines.sheet.expectEveryNumberChecked()
  }

  var statement = try SheetCheck(book, path: path, sheet: statementName)
  let header = 4
  statement.text(header, 4, "\(partner.name)'s part")
  for (r, rule) in run.ruleSet.rules.enumerated() {
    let row = header + 1 + r
    statement.text(row, 0, rule.name)
    statement.count(row, 2, summary.ruleLineCounts[r], formula: true)
    statement.money(row, 3, summary.ruleTotals[r], formula: true)
    statement.money(row, 4, summary.byRule[r][p], formula: true)
  }
  let totalRow = header + 1 + run.ruleSet.rules.count
  statement.text(totalRow, 0, "Total payable by \(partner.name)")
  statement.count(totalRow, 2, summary.lineCount, formula: true)
  statement.money(totalRow, 3, summary.total, formula: true)
  statement.money(totalRow, 4, summary.partnerTotals[p], formula: true)
  let contextRow = totalRow + 2
  for (q, other) in run.ruleSet.partners.enumerated() {
    statement.text(contextRow + 1 + q, 0, other.name + (q == p ? " (this statement)" : ""))
    statement.money(contextRow + 1 + q, 4, summary.partnerTotals[q], formula: false)
  }
  let sumRow = contextRow + 1 + run.ruleSet.partners.count
  statement.text(sumRow, 0, "Total of all partners")
  statement.money(sumRow, 4, summary.total, formula: true)
  statement.money(sumRow + 1, 4, .zero, formula: true)
  statement.expectEveryNumberChecked()

  try checkSources(book, path: path, run: run)
}

/// Checks the partnership workbook and every partner's.
func checkAllWorkbooks(_ run: WorkbookRun) throws {
  #expect(run.paths.count == run.ruleSet.partners.count + 1)
  #expect(run.paths.first == run.partnershipPath)
  try checkPartnership(run)
  for (p, path) in run.paths.dropFirst().enumerated() { try checkPartner(run, p, path: path) }
}
