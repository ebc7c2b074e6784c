import BigInt
import Foundation
import Testing
import XLSXInspection

@testable import ApportionCore
@testable import ApportionWorkbooks

/// The Lines sheets of a workbook in order: `Lines`, `Lines 2`, …
func lineSheets(_ book: XLSXBook) -> [String] {
  book.sheetNames.filter { $0.wholeMatch(of: /Lines( [0-9]+)?/) != nil }
}

/// The defined-name prefix of a Lines sheet: `Lines`, `Lines2`, …
func linesPrefix(_ index: Int) -> String { index == 0 ? "Lines" : "Lines\(index + 1)" }

/// `IFERROR(SUBTOTAL(109,X),SUBTOTAL(9,X))`: the visible cells' sum (count for 103/3).
func visibleFormula(_ name: String, count: Bool = false) -> String {
  let (visible, all) = count ? (103, 3) : (109, 9)
  return "IFERROR(SUBTOTAL(\(visible),\(name)),SUBTOTAL(\(all),\(name)))"
}

/// Whether a budget field is written as a number: the test's own reading of the rule (an
/// optional minus, digits with no leading zero, an optional fraction, at most 15
/// significant digits).
func isPlainNumber(_ field: String) -> Bool {
  let text = field.trimmingCharacters(in: .whitespaces)
  guard text.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[0-9]+)?/) != nil else { return false }
  return text.filter(\.isNumber).drop { $0 == "0" }.count <= 15
}

/// The budget's columns that the Lines sheets show after id and description, in budget
/// order, and whether each is written as numbers (every non-empty value a plain number).
func budgetColumns(_ run: WorkbookRun) -> [(title: String, position: Int, numeric: Bool)] {
  let own = ["id", "description", "amount"]
  return run.columns.enumerated().filter {
    !own.contains($0.element.trimmingCharacters(in: .whitespaces).lowercased())
  }.map { position, title in
    let values = run.results.map { $0.line.value(at: position) }
      .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    return (title, position, !values.isEmpty && values.allSatisfy(isPlainNumber))
  }
}

/// Part − exact share in pence, computed in the test from the line's exact share (exactly,
/// in arbitrary precision, then divided once).
func expectedRounding(_ result: LineResult, _ p: Int) -> Double {
  let (numerator, denominator) = result.exactShare(of: p).wide
  let difference = BigInt(result.parts[p].pence) * denominator - numerator
  return Double(difference) / Double(denominator)
}

/// Partner p's exact share of the line as a fraction of 1: its weight, from the engine's
/// weights for the line; for a line phased month by month among part-year partners, its
/// exact share of the amount over the amount.
func expectedShare(_ result: LineResult, _ p: Int) -> Double {
  if result.phasedShares != nil {
    guard result.line.amount != .zero else { return 0 }
    let (numerator, denominator) = result.exactShare(of: p).wide
    return Double(numerator) / (Double(denominator) * Double(result.line.amount.pence))
  }
  let (values, denominator) = result.weights.wide
  return Double(values[p]) / Double(denominator)
}

/// Whether partner ids are used as written in defined names (letters, digits and `_`,
/// different without case), so that a test can spell the names.
func idsAreNames(_ run: WorkbookRun) -> Bool {
  let ids = run.ruleSet.partners.map(\.id.rawValue)
  return ids.allSatisfy { $0.wholeMatch(of: /[A-Za-z][A-Za-z0-9_]*/) != nil }
    && Set(ids.map { $0.lowercased() }).count == ids.count
}

/// How many formulas the workbook at `path` should hold, from the layout.
///
/// Partnership: per Lines sheet a totals row (line count, amount, each partner's part and
/// rounding, check) and per line the rule's name and a check; on Summary per rule and for
/// all rules a count, the parts and a total, the base's total and the change when there is a
/// base, and four check rows; on Rules per rule and for all rules a count, a total and each
/// partner's share, and per driver each partner's share and two totals. A partner's: per
/// Lines sheet a totals row (count, amount, share, part, rounding) and per line the rule's
/// name; on the statement the headline, the change when there is a base, per rule and for
/// all rules a count, a share, a total and the part, the partners' sum and the check.
func expectedFormulaCount(_ run: WorkbookRun, path: String, baseline: Bool = false) throws
  -> Int
{
  let sheets = lineSheets(try XLSXBook(path: path)).count
  let rules = run.ruleSet.rules.count
  let n = run.ruleSet.partners.count
  let lines = run.results.count
  if path == run.partnershipPath {
    let drivers = run.ruleSet.drivers.count
    // The Schedule: a total across each month when there are several partners, the
    // quarters and the year for each column, and a check per partner.
    let schedule = (n > 1 ? 12 + 5 * (n + 1) : 5) + n
    return sheets * (2 * n + 3) + 2 * lines + (rules + 1) * (n + 2) + 4
      + (baseline ? n + 2 : 0) + (rules + 1) * (n + 2) + drivers * (n + 2) + schedule
  }
  return sheets * 5 + lines + 1 + (baseline ? 1 : 0) + (rules + 1) * 4 + 2 + 6
}

/// One Lines sheet whose leading cells ``checkLinesSheets(_:path:run:)`` has checked: the
/// check continues with the workbook's own columns.
struct CheckedLinesSheet {
  var sheet: SheetCheck
  let index: Int
  let amountColumn: Int
  /// The lines on the sheet, in rows 3 onwards; the totals row is row 1.
  let results: ArraySlice<LineResult>
}

/// Checks the cells every Lines sheet starts with: the totals row (visible lines, their
/// amount), the header (id, description, every other budget column in budget order,
/// amount, rule number, rule), and for every line in order its id, description, budget
/// fields (numbers where the column is all numbers), amount, rule number and the rule's
/// name looked up by number; and the defined names of the columns. Together the sheets
/// must hold exactly the run's lines.
func checkLinesSheets(
  _ book: XLSXBook, path: String, run: WorkbookRun,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> [CheckedLinesSheet] {
  var checked: [CheckedLinesSheet] = []
  var next = 0
  let budget = budgetColumns(run)
  let amountColumn = 2 + budget.count
  let names = try book.definedNames()
  for (index, name) in lineSheets(book).enumerated() {
    var sheet = try SheetCheck(book, path: path, sheet: name)
    let header = ["Id", "Description"] + budget.map(\.title) + ["Amount", "Rule no.", "Rule"]
    for (column, title) in header.enumerated() {
      sheet.text(1, column, title, sourceLocation: sourceLocation)
    }
    let first = next
    var sum = Money.zero
    var row = 2
    while sheet[row, amountColumn]?.kind == .number {
      guard next < run.results.count else {
        Issue.record("\(name) row \(row + 1): more rows than lines", sourceLocation: sourceLocation)
        break
      }
      let result = run.results[next]
      sheet.text(row, 0, result.line.id, sourceLocation: sourceLocation)
      sheet.text(row, 1, result.line.description, sourceLocation: sourceLocation)
      for (offset, column) in budget.enumerated() {
        let value = result.line.value(at: column.position)
        if value.isEmpty {
          let cell = sheet[row, 2 + offset]
          #expect(cell == nil || cell?.kind == .blank, sourceLocation: sourceLocation)
        } else if column.numeric {
          sheet.value(
            row, 2 + offset, Double(value.trimmingCharacters(in: .whitespaces)) ?? .nan,
            formula: false, tolerance: 0, sourceLocation: sourceLocation)
        } else {
          sheet.text(row, 2 + offset, value, sourceLocation: sourceLocation)
        }
      }
      sheet.money(row, amountColumn, result.line.amount, formula: false)
      sheet.count(row, amountColumn + 1, result.ruleIndex + 1, formula: false)
      sheet.formulaText(
        row, amountColumn + 2, "INDEX(Rules_Name,\(a1(row, amountColumn + 1)))",
        cached: run.ruleSet.rules[result.ruleIndex].name, sourceLocation: sourceLocation)
      sum = try sum + result.line.amount
      row += 1
      next += 1
    }
    let count = next - first
    let prefix = linesPrefix(index)
    sheet.count(0, 0, count, formula: true, sourceLocation: sourceLocation)
    sheet.formula(0, 0, visibleFormula("\(prefix)_Id", count: true))
    sheet.text(0, 1, "Total of the visible lines (follows the filter)")
    sheet.money(0, amountColumn, sum, formula: true, sourceLocation: sourceLocation)
    sheet.formula(0, amountColumn, visibleFormula("\(prefix)_Amount"))
    #expect(
      sheet[row, 0] == nil, "\(path) \(name): a row after the lines",
      sourceLocation: sourceLocation)
    let last = 2 + max(0, count - 1)
    let quoted = "'\(name)'!"
    for (stem, column) in [("Id", 0), ("Amount", amountColumn), ("Rule", amountColumn + 1)] {
      let letters = String(a1(0, column).dropLast())
      #expect(
        names["\(prefix)_\(stem)"] == "\(quoted)$\(letters)$3:$\(letters)$\(last + 1)",
        "\(path): \(prefix)_\(stem) is \(names["\(prefix)_\(stem)"] ?? "missing")",
        sourceLocation: sourceLocation)
    }
    checked.append(
      CheckedLinesSheet(
        sheet: sheet, index: index, amountColumn: amountColumn,
        results: run.results[first..<next]))
  }
  #expect(
    next == run.results.count,
    "\(path): the Lines sheets hold \(next) of \(run.results.count) lines",
    sourceLocation: sourceLocation)
  return checked
}

/// Checks every cell of `partnership.xlsx` that holds a number or a formula against the
/// engine's results, and the text of ids, descriptions and rule names.
func checkPartnership(_ run: WorkbookRun, baseline: Baseline? = nil) throws {
  let path = run.partnershipPath
  let book = try XLSXBook(path: path)
  let linesNames = lineSheets(book)
  #expect(book.sheetNames == ["Summary", "Schedule"] + linesNames + ["Rules", "Sources"])
  let partners = run.ruleSet.partners
  let n = partners.count
  let summary = run.summary

  for var lines in try checkLinesSheets(book, path: path, run: run) {
    let amountColumn = lines.amountColumn
    let firstPart = amountColumn + 3
    let firstRounding = firstPart + n
    let checkColumn = firstRounding + n
    let prefix = linesPrefix(lines.index)
    lines.sheet.text(1, checkColumn, "Check: amount − parts")
    for (p, partner) in partners.enumerated() {
      lines.sheet.text(1, firstPart + p, partner.shortName)
      lines.sheet.text(1, firstRounding + p, "Rounding \(partner.shortName) (p)")
    }
    var sums = Array(repeating: Money.zero, count: n)
    var rounding = Array(repeating: 0.0, count: n)
    for (index, result) in lines.results.enumerated() {
      let row = index + 2
      for (p, part) in result.parts.enumerated() {
        lines.sheet.money(row, firstPart + p, part, formula: false)
        lines.sheet.value(row, firstRounding + p, expectedRounding(result, p), formula: false)
        sums[p] = try sums[p] + part
        rounding[p] += expectedRounding(result, p)
      }
      lines.sheet.money(row, checkColumn, .zero, formula: true)
      lines.sheet.formula(
        row, checkColumn,
        "ROUND(\(a1(row, amountColumn))-SUM(\(a1(row, firstPart)):\(a1(row, checkColumn - n - 1))),2)"
      )
    }
    for (p, partner) in partners.enumerated() {
      lines.sheet.money(0, firstPart + p, sums[p], formula: true)
      if idsAreNames(run) {
        lines.sheet.formula(0, firstPart + p, visibleFormula("\(prefix)_Part_\(partner.id)"))
      }
      lines.sheet.value(0, firstRounding + p, rounding[p], formula: true, tolerance: 1e-6)
    }
    lines.sheet.money(0, checkColumn, .zero, formula: true)
    lines.sheet.expectEveryNumberChecked()
  }

  var grid = try SheetCheck(book, path: path, sheet: "Summary")
  let header = 3
  let totalColumn = 3 + n
  for (column, title) in (["No.", "Rule", "Lines"] + partners.map(\.shortName) + ["Total"])
    .enumerated()
  {
    grid.text(header, column, title)
  }
  for (r, rule) in run.ruleSet.rules.enumerated() {
    let row = header + 1 + r
    let number = "$A$\(row + 1)"
    grid.count(row, 0, r + 1, formula: false)
    grid.text(row, 1, rule.name)
    grid.count(row, 2, summary.ruleLineCounts[r], formula: true)
    for p in 0..<n {
      grid.money(row, 3 + p, summary.byRule[r][p], formula: true)
    }
    if linesNames.count == 1 && idsAreNames(run) {
      grid.formula(row, 2, "COUNTIF(Lines_Rule,\(number))")
      grid.formula(row, 3, "SUMIF(Lines_Rule,\(number),Lines_Part_\(partners[0].id))")
    }
    grid.money(row, totalColumn, summary.ruleTotals[r], formula: true)
  }
  let totalRow = header + 1 + run.ruleSet.rules.count
  grid.text(totalRow, 1, "Total")
  grid.count(totalRow, 2, summary.lineCount, formula: true)
  for p in 0..<n { grid.money(totalRow, 3 + p, summary.partnerTotals[p], formula: true) }
  grid.money(totalRow, totalColumn, summary.total, formula: true)
  if let baseline {
    let baseRow = totalRow + 1
    grid.text(baseRow, 1, baseline.label)
    var baseTotal = Money.zero
    for (p, partner) in partners.enumerated() {
      let base = baseline.totals[partner.id] ?? .zero
      baseTotal = try baseTotal + base
      grid.money(baseRow, 3 + p, base, formula: false)
      grid.money(baseRow + 1, 3 + p, try summary.partnerTotals[p] - base, formula: true)
    }
    grid.money(baseRow, totalColumn, baseTotal, formula: true)
    grid.money(baseRow + 1, totalColumn, try summary.total - baseTotal, formula: true)
  }
  let checks: [(String, Bool, Int64)] = [
    ("Total of all budget lines (on the Lines sheet)", true, summary.total.pence),
    ("Check: partners' totals − budget total (should be 0.00)", true, 0),
    ("Rows with an id on the Lines sheet, down to the end of the sheet", false, 0),
    ("Check: those rows − the lines in the totals above", false, 0),
  ]
  for (label, isMoney, pence) in checks {
    guard let row = grid.row(startingWith: label) else {
      Issue.record("Summary: no row '\(label)'")
      continue
    }
    if isMoney {
      grid.money(row, totalColumn, Money(pence: pence), formula: true)
    } else if label.hasPrefix("Rows") {
      grid.count(row, totalColumn, summary.lineCount, formula: true)
    } else {
      grid.count(row, totalColumn, 0, formula: true)
    }
  }
  grid.expectEveryNumberChecked()

  // Each partner's total on the Summary has a name, made valid and unique as Excel needs.
  var taken: Set<String> = []
  let totalNames = partners.map { partner in
    let base = DefinedNames.valid("Total_" + partner.id.rawValue)
    var name = base
    var suffix = 2
    while taken.contains(name.lowercased()) {
      name = "\(base)_\(suffix)"
      suffix += 1
    }
    taken.insert(name.lowercased())
    return name
  }
  try checkSchedule(book, path: path, run: run, partners: Array(0..<n), totalNames: totalNames)
  try checkRules(book, path: path, run: run)
  try checkSources(book, path: path, run: run)
}

/// The Rules sheet: each rule's count, total and partners' shares, the totals row, and the
/// drivers table.
func checkRules(_ book: XLSXBook, path: String, run: WorkbookRun) throws {
  let summary = run.summary
  let partners = run.ruleSet.partners
  var rules = try SheetCheck(book, path: path, sheet: "Rules")
  let header = 3
  func share(_ part: Money, _ whole: Money) -> Double {
    whole == .zero ? 0 : Double(part.pence) / Double(whole.pence)
  }
  for (p, partner) in partners.enumerated() { rules.text(header, 7 + p, partner.shortName) }
  for (r, rule) in run.ruleSet.rules.enumerated() {
    let row = header + 1 + r
    rules.count(row, 0, r + 1, formula: false)
    rules.text(row, 1, rule.name)
    rules.count(row, 5, summary.ruleLineCounts[r], formula: true)
    rules.money(row, 6, summary.ruleTotals[r], formula: true)
    for p in partners.indices {
      rules.value(row, 7 + p, share(summary.byRule[r][p], summary.ruleTotals[r]), formula: true)
    }
  }
  let totalRow = header + 1 + run.ruleSet.rules.count
  rules.text(totalRow, 1, "Total")
  rules.count(totalRow, 5, summary.lineCount, formula: true)
  rules.money(totalRow, 6, summary.total, formula: true)
  for p in partners.indices {
    rules.value(totalRow, 7 + p, share(summary.partnerTotals[p], summary.total), formula: true)
  }
  if !run.ruleSet.drivers.isEmpty {
    let heading = rules.row(withText: "Drivers", column: 1)
    #expect(heading == totalRow + 2)
    let first = totalRow + 4
    for (d, driver) in run.ruleSet.drivers.enumerated() {
      rules.text(totalRow + 3, 2 + 2 * d, driver.name)
      let values = partners.map { partner in
        driver.values.first { $0.partner == partner.id }.flatMap { Double("\($0.value)") } ?? 0
      }
      let total = values.reduce(0, +)
      for (p, partner) in partners.enumerated() {
        rules.text(first + p, 1, partner.shortName)
        rules.value(first + p, 2 + 2 * d, values[p], formula: false)
        rules.value(first + p, 3 + 2 * d, total == 0 ? 0 : values[p] / total, formula: true)
        let sum = a1(first + partners.count, 2 + 2 * d)
        let absolute = "$" + sum.prefix { $0.isLetter } + "$" + sum.drop { $0.isLetter }
        rules.formula(
          first + p, 3 + 2 * d,
          "IF(\(absolute)=0,0,\(a1(first + p, 2 + 2 * d))/\(absolute))")
      }
      rules.value(first + partners.count, 2 + 2 * d, total, formula: true)
      rules.value(first + partners.count, 3 + 2 * d, total == 0 ? 0 : 1, formula: true)
    }
  }
  rules.expectEveryNumberChecked()
}

/// The Sources sheet: text, and the line count as a number.
func checkSources(_ book: XLSXBook, path: String, run: WorkbookRun) throws {
  var sources = try SheetCheck(book, path: path, sheet: "Sources")
  guard let row = sources.row(withText: "Budget lines") else {
    Issue.record("\(path): no Budget lines row on Sources")
    return
  }
  sources.count(row, 1, run.summary.lineCount, formula: false)
  sources.expectEveryNumberChecked()
}

/// Checks every number and formula of partner `p`'s statement workbook.
func checkPartner(_ run: WorkbookRun, _ p: Int, path: String, baseline: Baseline? = nil) throws {
  let book = try XLSXBook(path: path)
  let linesNames = lineSheets(book)
  let partner = run.ruleSet.partners[p]
  let summary = run.summary
  guard let statementName = book.sheetNames.first else {
    Issue.record("\(path): no sheets")
    return
  }
  #expect(book.sheetNames == [statementName, "Schedule"] + linesNames + ["Sources"])

  for var lines in try checkLinesSheets(book, path: path, run: run) {
    let words = lines.amountColumn + 3
    let prefix = linesPrefix(lines.index)
    for (offset, title) in [
      "Share in words", "Share %", "\(partner.shortName)'s part", "Rounding (p)",
    ]
    .enumerated() {
      lines.sheet.text(1, words + offset, title)
    }
    var sum = Money.zero
    var amount = Money.zero
    var rounding = 0.0
    for (index, result) in lines.results.enumerated() {
      let row = index + 2
      #expect(lines.sheet[row, words]?.kind == .string, "\(path) row \(row + 1): no words")
      lines.sheet.value(
        row, words + 1, expectedShare(result, p), formula: false)
      lines.sheet.money(row, words + 2, result.parts[p], formula: false)
      lines.sheet.value(row, words + 3, expectedRounding(result, p), formula: false)
      sum = try sum + result.parts[p]
      amount = try amount + result.line.amount
      rounding += expectedRounding(result, p)
    }
    lines.sheet.value(
      0, words + 1, amount == .zero ? 0 : Double(sum.pence) / Double(amount.pence),
      formula: true)
    lines.sheet.money(0, words + 2, sum, formula: true)
    lines.sheet.formula(0, words + 2, visibleFormula("\(prefix)_Part"))
    lines.sheet.value(0, words + 3, rounding, formula: true, tolerance: 1e-6)
    lines.sheet.expectEveryNumberChecked()
  }

  var statement = try SheetCheck(book, path: path, sheet: statementName)
  guard let header = statement.row(withText: "No.") else {
    Issue.record("\(path): no header row on the statement")
    return
  }
  let titles = [
    "No.", "Rule", "Share in words", "Lines", "Share %", "Total of the lines",
    "\(partner.shortName)'s part",
  ]
  for (column, title) in titles.enumerated() { statement.text(header, column, title) }
  func share(_ part: Money, _ whole: Money) -> Double {
    whole == .zero ? 0 : Double(part.pence) / Double(whole.pence)
  }
  for (r, rule) in run.ruleSet.rules.enumerated() {
    let row = header + 1 + r
    statement.count(row, 0, r + 1, formula: false)
    statement.text(row, 1, rule.name)
    statement.count(row, 3, summary.ruleLineCounts[r], formula: true)
    statement.value(row, 4, share(summary.byRule[r][p], summary.ruleTotals[r]), formula: true)
    statement.money(row, 5, summary.ruleTotals[r], formula: true)
    statement.money(row, 6, summary.byRule[r][p], formula: true)
    if linesNames.count == 1 {
      statement.formula(row, 6, "SUMIF(Lines_Rule,$A$\(row + 1),Lines_Part)")
    }
  }
  let totalRow = header + 1 + run.ruleSet.rules.count
  statement.text(totalRow, 1, "Total payable by \(partner.shortName)")
  statement.count(totalRow, 3, summary.lineCount, formula: true)
  statement.value(totalRow, 4, share(summary.partnerTotals[p], summary.total), formula: true)
  statement.money(totalRow, 5, summary.total, formula: true)
  statement.money(totalRow, 6, summary.partnerTotals[p], formula: true)
  // The headline repeats the total payable, by formula.
  statement.text(4, 0, "Total payable by \(partner.shortName)")
  statement.money(4, 6, summary.partnerTotals[p], formula: true)
  statement.formula(4, 6, a1(totalRow, 6))
  if let baseline {
    let base = baseline.totals[partner.id] ?? .zero
    statement.money(5, 6, base, formula: false)
    statement.money(6, 6, try summary.partnerTotals[p] - base, formula: true)
  } else {
    #expect(statement[5, 0]?.text.hasPrefix("No earlier figure to compare with") == true)
  }
  guard let check = statement.row(withText: "Check against the partnership's totals") else {
    Issue.record("\(path): no check against the partnership")
    return
  }
  for (q, other) in run.ruleSet.partners.enumerated() {
    statement.text(check + 1 + q, 1, other.name + (q == p ? " (this statement)" : ""))
    statement.money(check + 1 + q, 6, summary.partnerTotals[q], formula: false)
  }
  let sumRow = check + 1 + run.ruleSet.partners.count
  statement.text(sumRow, 1, "Total of all partners")
  statement.money(sumRow, 6, summary.total, formula: true)
  statement.money(sumRow + 1, 6, .zero, formula: true)
  statement.expectEveryNumberChecked()

  try checkSchedule(book, path: path, run: run, partners: [p], totalNames: ["Payable"])
  try checkSources(book, path: path, run: run)
}

/// The Schedule sheet: months down (April first) with the engine's schedule for each of
/// `partners`, a subtotal after each quarter, the year, the total across when there are
/// several partners, and a check of each column's year against `totalNames` (the cells of
/// the partners' totals for the year). Every number on the sheet is checked.
func checkSchedule(
  _ book: XLSXBook, path: String, run: WorkbookRun, partners: [Int], totalNames: [String]
) throws {
  let schedule = try #require(run.summary.schedule)
  var sheet = try SheetCheck(book, path: path, sheet: "Schedule")
  let across = partners.count > 1
  var columns = partners.map { schedule.byPartner[$0] }
  var years = partners.map { run.summary.partnerTotals[$0] }
  if across {
    columns.append(schedule.monthTotals)
    years.append(run.summary.total)
  }
  #expect(schedule.months.count == 12)
  #expect(sheet[3, 0]?.text == "Month")
  if across { sheet.text(3, columns.count, "Total") }
  let quarters = ["April–June", "July–September", "October–December", "January–March"]
  for quarter in 0..<4 {
    let first = 4 + quarter * 4
    for offset in 0..<3 {
      let m = quarter * 3 + offset
      sheet.text(first + offset, 0, schedule.months[m])
      for c in columns.indices {
        let isTotal = across && c == columns.count - 1
        sheet.money(first + offset, 1 + c, columns[c][m], formula: isTotal)
        if isTotal {
          sheet.formula(
            first + offset, 1 + c, "SUM(B\(first + offset + 1):\(a1(first + offset, c)))")
        }
      }
    }
    sheet.text(first + 3, 0, "Quarter \(quarter + 1) (\(quarters[quarter]))")
    for c in columns.indices {
      let value = try Money.sum(columns[c][(quarter * 3)..<(quarter * 3 + 3)])
      sheet.money(first + 3, 1 + c, value, formula: true)
      sheet.formula(
        first + 3, 1 + c, "SUM(\(a1(first, 1 + c)):\(a1(first + 2, 1 + c)))")
    }
  }
  sheet.text(20, 0, "Year")
  for c in columns.indices {
    // The months add up to the year's total, which is the run's.
    #expect(try Money.sum(columns[c]) == years[c], "\(path): column \(c)")
    sheet.money(20, 1 + c, years[c], formula: true)
    let quarters = [7, 11, 15, 19].map { a1($0, 1 + c) }
    sheet.formula(20, 1 + c, "SUM(" + quarters.joined(separator: ",") + ")")
  }
  for (c, name) in totalNames.enumerated() {
    sheet.money(22, 1 + c, .zero, formula: true)
    sheet.formula(22, 1 + c, "ROUND(\(a1(20, 1 + c))-\(name),2)")
  }
  sheet.expectEveryNumberChecked()
  let names = try book.definedNames()
  for name in totalNames { #expect(names[name] != nil, "\(path): no name \(name)") }
}

/// Checks the partnership workbook and every partner's.
func checkAllWorkbooks(_ run: WorkbookRun, baseline: Baseline? = nil) throws {
  #expect(run.paths.count == run.ruleSet.partners.count + 1)
  #expect(run.paths.first == run.partnershipPath)
  try checkPartnership(run, baseline: baseline)
  for (p, path) in run.paths.dropFirst().enumerated() {
    try checkPartner(run, p, path: path, baseline: baseline)
  }
}
