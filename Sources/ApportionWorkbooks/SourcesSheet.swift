import ApportionCore
import XlsxWriter

/// The Sources sheet: where the numbers came from, so that an auditor can reproduce them.
enum SourcesSheet {
  /// Adds the Sources sheet after the others and writes the workbook's file.
  static func finish(
    _ workbook: Workbook, styles: WorkbookStyles, ruleSet: RuleSet, sources: RunSources,
    summary: Summary
  ) throws {
    try write(
      to: try workbook.addWorksheet(name: "Sources"), styles: styles, ruleSet: ruleSet,
      sources: sources, summary: summary)
    try workbook.close()
  }

  private static func write(
    to worksheet: Worksheet, styles: WorkbookStyles, ruleSet: RuleSet, sources: RunSources,
    summary: Summary
  ) throws {
    let sheet = SheetWriter(worksheet)
    try sheet.text(0, 0, "Item", styles.header)
    try sheet.text(0, 1, "Value", styles.header)
    let created = sources.created
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    var rows: [(String, String)] = [
      ("Agreement", ruleSet.agreement),
      ("Financial year", ruleSet.year),
      ("Currency", ruleSet.currency),
      ("Rule file", sources.rulesPath),
      ("Rule file SHA-256", sources.rulesSHA256),
      ("Budget file", sources.budgetPath),
      ("Budget file SHA-256", sources.budgetSHA256),
      ("Budget lines", String(summary.lineCount)),
      ("Tool", "apportion \(sources.toolVersion)"),
      (
        "Workbook date",
        "\(created.year)-\(two(created.month))-\(two(created.day))T\(two(created.hour)):"
          + "\(two(created.minute)):\(two(created.second))Z (fixed, so that reruns are identical:"
          + " SOURCE_DATE_EPOCH, else 1 April of the financial year)"
      ),
    ]
    for partner in ruleSet.partners {
      rows.append(
        ("Partner \(partner.id)", partner.name + (partner.isHost ? " (host)" : "")))
    }
    for driver in ruleSet.drivers {
      rows.append(
        (
          "Driver \(driver.name)",
          driver.values.map { "\($0.partner): \($0.value)" }.joined(separator: ", ")
        ))
    }
    rows.append(
      (
        "Rounding",
        "Exact shares in pence, rounded per rule with the largest-remainder method on running "
          + "totals; ties go to partners in id order starting at the rule's position. Each "
          + "line's parts add up to the line; each partner's total per rule is within 1p of "
          + "its exact share."
      ))
    for (index, row) in rows.enumerated() {
      try sheet.fitRow(index + 1, wrapped: [(row.1, 80)])
      try sheet.text(index + 1, 0, row.0, styles.label)
      try sheet.text(index + 1, 1, row.1, styles.wrapped, measured: false)
    }
    try sheet.fitColumns(minimum: [1: 70])
    try sheet.setUpPrinting(title: "\(ruleSet.agreement) \(ruleSet.year)", headerRow: 0)
  }
}
