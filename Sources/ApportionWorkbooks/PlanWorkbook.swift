import ApportionCore
import XlsxWriter

/// `plan.xlsx`: a plan's figures, a sheet per measure (Net, Cost, Income, Savings, and
/// Hosting with a hosting model), partners down and the years across, each row added up in
/// an "All years" column and each year's partners in a Total row, as `SUM` formulas stored
/// with the values the engine computed. The Net sheet has a chart of each partner's net
/// over the years.
///
/// Every number comes from the plan's results (``PlanResult``), the same that the terminal
/// and the JSON show, and each year's own workbooks in its folder.
public enum PlanWorkbook {
  /// Writes the workbook to `path`.
  ///
  /// - Parameters:
  ///   - temporaryDirectory: where libxlsxwriter keeps its temporary files (an
  ///     `OutputFolder`'s, on the output's filesystem).
  ///   - created: the document's creation time, fixed so that reruns are byte-identical.
  ///   - toolVersion: written as the document's author, `apportion <version>`.
  public static func write(
    _ result: PlanResult, path: String, temporaryDirectory: String? = nil,
    created: UTCDateTime, toolVersion: String
  ) throws {
    let options = temporaryDirectory.map { WorkbookOptions(temporaryDirectory: $0) }
    let workbook = try Workbook(path: path, options: options ?? WorkbookOptions())
    let span =
      "\(result.years.first?.year.description ?? "") to "
      + (result.years.last?.year.description ?? "")
    try workbook.setProperties(
      DocumentProperties(
        title: "Plan: \(result.title)",
        subject: "Each partner's cost, income, net and savings, \(span)",
        author: "apportion \(toolVersion)", comments: "Years: \(span)", created: created))
    let styles = try WorkbookStyles(workbook)
    let writer = Writer(result: result, workbook: workbook, styles: styles, span: span)
    let partners = result.partners
    func values(_ measure: (PlanYear, Int) -> Money) -> [[Money?]] {
      partners.map { partner in
        result.years.map { year in
          year.summary.partners.firstIndex { $0.id == partner.id }.map { measure(year, $0) }
        }
      }
    }
    let names = partners.map(\.name)
    let net = try writer.sheet(
      "Net", subtitle: "What each partner pays: its cost less its income, year by year.",
      names: names, rows: values { $0.net[$1] }, total: true)
    try writer.chart(on: net, title: "Each partner's net, by year", rows: partners.count)
    _ = try writer.sheet(
      "Cost", subtitle: "Each partner's share of the lines that cost.", names: names,
      rows: values { $0.cost[$1] }, total: true)
    _ = try writer.sheet(
      "Income", subtitle: "Each partner's share of the income lines (as positive amounts).",
      names: names, rows: values { $0.income[$1] }, total: true)
    if result.years.contains(where: { !$0.savings.isEmpty }) {
      func savings(_ pick: (PartnerSaving) -> Money?) -> [[Money?]] {
        partners.map { partner in
          result.years.map { year in
            year.summary.partners.firstIndex { $0.id == partner.id }
              .flatMap { year.savings.isEmpty ? nil : pick(year.savings[$0]) }
          }
        }
      }
      _ = try writer.sheet(
        "Savings",
        subtitle: "Each partner's saving, its target, and the shortfall where it was missed "
          + "(blank: nothing to compare).",
        blocks: [
          ("Saving", names, savings(\.saving)), ("Target", names, savings(\.target)),
          ("Shortfall", names, savings(\.shortfall)),
        ])
    }
    if let hosting = result.hosting {
      let effects = partners.map { partner in
        (result.hostingEffect ?? []).map { $0[partner.id] }
      }
      let sheet = try writer.sheet(
        "Hosting",
        subtitle: "The hosting's case: its fees, costs, the external cost no longer paid and "
          + "its net result; then each partner's change in net (negative: a saving).",
        blocks: [
          (
            "Hosting", ["Fees", "Running and set-up costs", "External cost replaced", "Net"],
            [
              hosting.map(\.income), hosting.map(\.cost), hosting.map(\.replaced),
              hosting.map(\.net),
            ]
          ),
          ("Change in net", names, effects),
        ])
      let row = sheet.nextRow + 1
      let text =
        result.breakEvenClients.map {
          "Break-even: \($0) client\($0 == 1 ? "" : "s"), each paying from the hosting's start."
        } ?? "Break-even: none up to the limit of clients tried."
      try sheet.writer.text(row, 0, text, styles.text, measured: false)
    }
    try writer.finishSheets()
    try workbook.close()
  }
}
