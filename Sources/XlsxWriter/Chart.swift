/// A chart in a workbook: add series of cell ranges, then place it on a worksheet.
///
/// ```swift
/// let chart = try book.addChart(type: .pie)
/// try chart.setTitle("Share by partner")
/// try chart.addSeries(
///   name: "Share",
///   categories: RangeReference(sheet: "Summary", column: 0, rows: 1...4),
///   values: RangeReference(sheet: "Summary", column: 1, rows: 1...4))
/// try summary.insertChart(row: 6, column: 3, chart: chart)
/// ```
public final class Chart {
  /// The chart types the wrapper offers.
  public enum Kind: Hashable, Sendable {
    case pie, column, bar
  }

  /// The chart's type.
  public let kind: Kind
  let workbook: Workbook
  let handle: Handle.Chart

  init(workbook: Workbook, handle: Handle.Chart, kind: Kind) {
    self.workbook = workbook
    self.handle = handle
    self.kind = kind
  }

  /// Adds a data series: category labels and values, each a range on a worksheet.
  ///
  /// `name` is literal text (the legend entry). libxlsxwriter reads a name starting with `=`
  /// as a cell reference, so such names are refused rather than misread. Characters a
  /// workbook cannot hold are replaced with U+FFFD (see `WorkbookText`).
  public func addSeries(name: String?, categories: RangeReference, values: RangeReference) throws {
    _ = try workbook.requireOpen(.addSeries)
    if let name { try checkLiteral(name, what: "series name", .addSeries) }
    guard categories.isValid, values.isValid else {
      throw XlsxError(.addSeries, reason: "a series range is outside the sheet")
    }
    guard
      Lxw.addSeries(
        handle, name: name.map { workbook.storable($0, place: "a chart's series name") },
        categories: workbook.storable("=" + categories.description, place: "a chart's range"),
        values: workbook.storable("=" + values.description, place: "a chart's range"))
    else {
      throw XlsxError(.addSeries, code: .memoryError)
    }
  }

  /// Sets the chart title (literal text; characters a workbook cannot hold are replaced with
  /// U+FFFD).
  public func setTitle(_ title: String) throws {
    _ = try workbook.requireOpen(.setChartTitle)
    try checkLiteral(title, what: "title", .setChartTitle)
    Lxw.setTitle(handle, workbook.storable(title, place: "a chart's title"))
  }

  /// Sets the number format of the value axis, e.g. `£#,##0`.
  public func setValueAxisNumberFormat(_ format: String) throws {
    _ = try workbook.requireOpen(.setChartAxis)
    Lxw.setValueAxisNumberFormat(
      handle, workbook.storable(format, place: "a chart's number format"))
  }

  /// Shows no legend (for a chart of a single series).
  public func hideLegend() throws {
    _ = try workbook.requireOpen(.setChartLegend)
    Lxw.hideLegend(handle)
  }

  private func checkLiteral(
    _ text: String, what: String, _ operation: XlsxError.Operation
  ) throws {
    if text.hasPrefix("=") {
      throw XlsxError(
        operation,
        reason: "the chart \(what) \"\(text)\" starts with '='; libxlsxwriter would read it as "
          + "a reference")
    }
  }
}
