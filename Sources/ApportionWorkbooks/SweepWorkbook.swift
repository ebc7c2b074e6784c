import ApportionCore
import ApportionIO
import XlsxWriter

/// `sweep.xlsx`: a sweep's points. With one parameter, a row per value (each partner's
/// change in net over the plan, the hosting's net result, and whether it breaks even, 1 or
/// 0, coloured green or red) and a line chart of each partner's change in net against the
/// value; with two, a grid of break-even (1 or 0, coloured: the frontier is where green
/// begins) and a grid per partner, the first parameter down and the second across.
///
/// Every number is the sweep's (``PlanSweep/Point``), as the terminal and the JSON show it.
public enum SweepWorkbook {
  public static func write(
    _ sweep: PlanSweep, points: [PlanSweep.Point], partners: [Partner], path: String,
    temporaryDirectory: String? = nil, created: UTCDateTime, toolVersion: String
  ) throws {
    let options = temporaryDirectory.map { WorkbookOptions(temporaryDirectory: $0) }
    let workbook = try Workbook(path: path, options: options ?? WorkbookOptions())
    let names = sweep.axes.map(\.parameter.rawValue)
    let title = "Sweep of \(names.joined(separator: " × ")): \(sweep.runner.plan.title)"
    try workbook.setProperties(
      DocumentProperties(
        title: title, subject: "Each partner's change in net over the plan at every point",
        author: "apportion \(toolVersion)", comments: "Plan: \(sweep.runner.path)",
        created: created))
    let styles = try WorkbookStyles(workbook)
    let sheet = SheetWriter(try workbook.addWorksheet(name: "Sweep"))
    try sheet.text(0, 0, title, styles.titleLine, measured: false)
    try sheet.text(
      1, 0,
      "Each partner's change in net over the plan's years caused by the hosting (negative: a "
        + "saving); breaks even: 1 where the hosting's net result over the plan is £0.00 or "
        + "better, 0 where not.", styles.subtitle, measured: false)
    func write(_ row: Int, _ column: Int, _ value: PlanSweep.Value) throws {
      switch value {
      case .count(let count): try sheet.integer(row, column, count, styles.integer)
      case .money(let amount): try sheet.money(row, column, amount, styles.money)
      }
    }
    func colour(_ range: RangeReference) throws {
      try sheet.sheet.addConditionalFormat(
        ConditionalFormat(.equalTo(1), format: styles.good), to: range)
      try sheet.sheet.addConditionalFormat(
        ConditionalFormat(.equalTo(0), format: styles.bad), to: range)
    }
    let header = 3
    if sweep.axes.count == 1 {
      let columns = [names[0]] + partners.map(\.name) + ["Hosting net", "Breaks even"]
      for (column, name) in columns.enumerated() {
        try sheet.text(header, column, name, column == 0 ? styles.header : styles.headerRight)
      }
      for (index, point) in points.enumerated() {
        let row = header + 1 + index
        try write(row, 0, point.values[0])
        for (p, partner) in partners.enumerated() {
          try sheet.money(row, 1 + p, point.net[partner.id] ?? .zero, styles.money)
        }
        try sheet.money(row, 1 + partners.count, point.hostingNet, styles.money)
        try sheet.integer(row, 2 + partners.count, point.breaksEven ? 1 : 0, styles.integer)
      }
      let last = header + max(points.count, 1)
      try colour(
        RangeReference(
          sheet: sheet.name, firstRow: header + 1, firstColumn: 2 + partners.count,
          lastRow: last, lastColumn: 2 + partners.count))
      let chart = try workbook.addChart(type: .line)
      try chart.setTitle("Each partner's change in net, by \(names[0])")
      try chart.setValueAxisNumberFormat("£#,##0;(£#,##0)")
      for (p, partner) in partners.enumerated() {
        try chart.addSeries(
          name: partner.name,
          categories: RangeReference(
            sheet: sheet.name, firstRow: header + 1, firstColumn: 0, lastRow: last,
            lastColumn: 0),
          values: RangeReference(
            sheet: sheet.name, firstRow: header + 1, firstColumn: 1 + p, lastRow: last,
            lastColumn: 1 + p))
      }
      try sheet.sheet.insertChart(row: last + 2, column: 0, chart: chart)
    } else {
      let down = sweep.axes[0].values
      let across = sweep.axes[1].values
      var row = header
      func grid(_ label: String, _ cell: (PlanSweep.Point, Int, Int) throws -> Void) throws {
        try sheet.text(row, 0, label, styles.heading, measured: false)
        row += 1
        try sheet.text(row, 0, "\(names[0]) \\ \(names[1])", styles.header)
        for (column, value) in across.enumerated() { try write(row, 1 + column, value) }
        for (index, value) in down.enumerated() {
          try write(row + 1 + index, 0, value)
          for column in across.indices {
            try cell(points[index * across.count + column], row + 1 + index, 1 + column)
          }
        }
        row += down.count + 2
      }
      let first = row + 2
      try grid("Breaks even (1: yes, 0: no)") { point, r, c in
        try sheet.integer(r, c, point.breaksEven ? 1 : 0, styles.integer)
      }
      try colour(
        RangeReference(
          sheet: sheet.name, firstRow: first, firstColumn: 1, lastRow: first + down.count - 1,
          lastColumn: across.count))
      for partner in partners {
        try grid("\(partner.name): change in net") { point, r, c in
          try sheet.money(r, c, point.net[partner.id] ?? .zero, styles.money)
        }
      }
    }
    try sheet.fitColumns(minimum: [0: 16])
    try sheet.setUpPrinting(title: title, headerRow: header)
    try workbook.close()
  }
}
