import ApportionCore
import XlsxWriter

/// The Sources sheet: where the numbers came from, so that an auditor can reproduce them,
/// which date the file carries and why, and how to read the workbook (defined names,
/// checks, printing).
enum SourcesSheet {
  /// Adds the Sources sheet after the others and writes the workbook's file.
  static func finish(
    _ workbook: Workbook, styles: WorkbookStyles, ruleSet: RuleSet, sources: RunSources,
    summary: Summary, names: DefinedNames
  ) throws {
    try write(
      to: try workbook.addWorksheet(name: "Sources"), styles: styles, ruleSet: ruleSet,
      sources: sources, summary: summary, names: names)
    try workbook.close()
  }

  private enum Value {
    case text(String)
    case count(Int)
  }

  private static func write(
    to worksheet: Worksheet, styles: WorkbookStyles, ruleSet: RuleSet, sources: RunSources,
    summary: Summary, names: DefinedNames
  ) throws {
    let sheet = SheetWriter(worksheet)
    let valueWidth = 80.0
    try sheet.setWidths([0: 24, 1: valueWidth])
    try sheet.header(0, 0, "Item", styles.header)
    try sheet.header(0, 1, "Value", styles.header)
    let created = sources.created
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    let date =
      "\(created.year)-\(two(created.month))-\(two(created.day))T\(two(created.hour)):"
      + "\(two(created.minute)):\(two(created.second))Z"
    var rows: [(String, Value)] = [
      ("Agreement", .text(ruleSet.agreement)),
      ("Financial year", .text(ruleSet.year)),
      ("Currency", .text(ruleSet.currency)),
      ("Rule file", .text(sources.rulesPath)),
      ("Rule file SHA-256", .text(sources.rulesSHA256)),
      ("Budget file", .text(sources.budgetPath)),
      ("Budget file SHA-256", .text(sources.budgetSHA256)),
      ("Budget lines", .count(summary.lineCount)),
      ("Tool", .text("apportion \(sources.toolVersion)")),
      ("Workbook date", .text("\(date): \(sources.createdBecause).")),
      (
        "Written by",
        .text(
          "\(sources.generator) (also the file's Generator property; its Application "
            + "property says Microsoft Excel because libxlsxwriter 1.1.4 always writes that)")
      ),
    ]
    for partner in ruleSet.partners {
      var text = partner.name
      if partner.shortName != partner.name { text += " (\(partner.shortName) in headers)" }
      if partner.isHost { text += ", host" }
      rows.append(("Partner \(partner.id)", .text(text)))
    }
    for driver in ruleSet.drivers {
      rows.append(
        (
          "Driver \(driver.name)",
          .text(driver.values.map { "\($0.partner): \($0.value)" }.joined(separator: ", "))
        ))
    }
    rows += [
      (
        "Rounding",
        .text(
          "Exact shares in pence, rounded per rule with the largest-remainder method on running "
            + "totals; ties go to partners in id order starting at the rule's position. Each "
            + "line's parts add up to the line; each partner's total per rule is within 1p of "
            + "its exact share. The Rounding columns show each line's part less its exact share, "
            + "in pence.")
      ),
      (
        "Defined names",
        .text(
          names.defined.map(\.name).joined(separator: ", ")
            + ". Lines_… name a Lines sheet's columns (Lines2_… on Lines 2); the formulas use them."
        )
      ),
      (
        "Checks",
        .text(
          "Check cells read 0 and turn green; anything else turns red. Rule numbers on the Lines "
            + "sheet accept only rule numbers, and the rule's name follows its number. Rows typed "
            + "below the lines are in no total: they turn red, and the Summary's line check "
            + "counts them.")
      ),
      (
        "Printing",
        .text(
          "The Summary, the Rules and each statement print on A4; a statement at full size on "
            + "one page. A Lines sheet prints only its line count: to print every line, clear its "
            + "print area (Page Layout ▸ Print Area ▸ Clear Print Area).")
      ),
    ]
    for (index, row) in rows.enumerated() {
      if case .text(let text) = row.1 { try sheet.fitRow(index + 1, wrapped: [(text, valueWidth)]) }
      try sheet.text(index + 1, 0, row.0, styles.label)
      switch row.1 {
      case .text(let text): try sheet.text(index + 1, 1, text, styles.wrapped, measured: false)
      case .count(let count): try sheet.integer(index + 1, 1, count, styles.integerLeft)
      }
    }
    try sheet.setUpPrinting(
      SheetWriter.Printing(
        title: "\(ruleSet.agreement) \(ruleSet.year)", repeatRows: 0...0, landscape: false))
  }
}
