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
    /// A line per series across the categories (a measure over the years).
    case line
    /// Horizontal bars with each category's series stacked end to end.
    case stackedBar
  }

  /// The values a series range holds, stored in the chart (`<c:numCache>`, `<c:strCache>`)
  /// for viewers that draw charts without recalculating the workbook.
  public enum Cache: Hashable, Sendable {
    case numbers([Double])
    case texts([String])

    var count: Int {
      switch self {
      case .numbers(let numbers): numbers.count
      case .texts(let texts): texts.count
      }
    }
  }

  /// One data series: category labels and values, each a range on a worksheet, with the
  /// values those ranges hold cached in the chart.
  ///
  /// ```swift
  /// var series = Chart.Series(
  ///   categories: RangeReference(sheet: "Summary", firstRow: 4, firstColumn: 3, lastRow: 4, lastColumn: 4),
  ///   values: RangeReference(sheet: "Summary", firstRow: 10, firstColumn: 3, lastRow: 10, lastColumn: 4))
  /// series.cachedCategories = ["Brent", "Lewisham"]
  /// series.cachedValues = [4_141_927.37, 3_407_217.13]
  /// series.dataLabelFormat = "£#,##0"
  /// try chart.add(series)
  /// ```
  public struct Series: Hashable, Sendable {
    /// Where the legend entry comes from.
    public enum Name: Hashable, Sendable {
      /// Literal text (must not start with `=`).
      case text(String)
      /// A cell, with the text it holds cached.
      case cell(row: Int, column: Int, sheet: String, cached: String)
    }

    public var name: Name?
    public var categories: RangeReference
    public var values: RangeReference
    /// What `categories` holds; `nil` leaves the cache empty.
    public var cachedCategories: [String]?
    /// What `values` holds; `nil` leaves the cache empty.
    public var cachedValues: [Double]?
    /// Shows each value on the chart in this number format; `nil` for no labels.
    public var dataLabelFormat: String?

    public init(name: Name? = nil, categories: RangeReference, values: RangeReference) {
      self.name = name
      self.categories = categories
      self.values = values
    }
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
    try add(Series(name: name.map { .text($0) }, categories: categories, values: values))
  }

  /// Adds a series with its cached data and labels (see ``Series``).
  ///
  /// - Throws: `XlsxError` (`.addSeries`) for a range outside the sheet, a literal name
  ///   starting with `=`, a cache whose size is not its range's, or when memory runs out.
  public func add(_ series: Series) throws {
    _ = try workbook.requireOpen(.addSeries)
    guard series.categories.isValid, series.values.isValid else {
      throw XlsxError(.addSeries, reason: "a series range is outside the sheet")
    }
    func cells(_ range: RangeReference) -> Int {
      (range.lastRow - range.firstRow + 1) * (range.lastColumn - range.firstColumn + 1)
    }
    if let cached = series.cachedCategories, cached.count != cells(series.categories) {
      throw XlsxError(.addSeries, reason: "the cached categories do not fill their range")
    }
    if let cached = series.cachedValues, cached.count != cells(series.values) {
      throw XlsxError(.addSeries, reason: "the cached values do not fill their range")
    }
    if series.cachedValues?.contains(where: { !$0.isFinite }) ?? false {
      throw XlsxError(.addSeries, reason: "a cached value is not a finite number")
    }
    // Names and categories may come from the inputs: characters a workbook cannot hold
    // (NUL included) are replaced where they are stored (`Workbook.storable`).
    if case .cell(_, _, let sheet, _)? = series.name, sheet.contains("\0") {
      throw XlsxError(.addSeries, reason: "the series name's sheet name contains NUL")
    }
    if case .text(let text)? = series.name {
      try checkLiteral(text, what: "series name", .addSeries)
    }
    var nameCell: (row: UInt32, column: UInt16, sheet: String, cached: String)?
    if case .cell(let row, let column, let sheet, let cached)? = series.name {
      guard let r = UInt32(exactly: row), row < Worksheet.maxRows,
        let c = UInt16(exactly: column), column < Worksheet.maxColumns
      else {
        throw XlsxError(.addSeries, reason: "the series name's cell is outside the sheet")
      }
      nameCell = (r, c, sheet, cached)
    }
    guard
      let added = Lxw.addSeries(
        handle,
        categories: workbook.storable(
          "=" + series.categories.description, place: "a chart's range"),
        values: workbook.storable("=" + series.values.description, place: "a chart's range"))
    else {
      throw XlsxError(.addSeries, code: .memoryError)
    }
    if case .text(let text)? = series.name {
      Lxw.setSeriesName(added, workbook.storable(text, place: "a chart's series name"))
    }
    var cached = true
    if let nameCell {
      Lxw.setSeriesNameCell(
        added, sheet: nameCell.sheet, row: nameCell.row, column: nameCell.column)
      cached =
        Lxw.setNameCache(
          added, workbook.storable(nameCell.cached, place: "a chart's series name")) && cached
    }
    if let format = series.dataLabelFormat {
      Lxw.setDataLabels(
        added, numberFormat: workbook.storable(format, place: "a chart's data label format"))
    }
    if let categories = series.cachedCategories {
      let stored = categories.map { workbook.storable($0, place: "a chart's category") }
      cached = Lxw.setCategoriesCache(added, .texts(stored)) && cached
    }
    if let values = series.cachedValues {
      cached = Lxw.setValuesCache(added, .numbers(values)) && cached
    }
    guard cached else { throw XlsxError(.addSeries, code: .memoryError) }
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
      handle, kind, workbook.storable(format, place: "a chart's number format"))
  }

  /// Starts the value axis at `minimum` (charts otherwise choose, and may start far from 0,
  /// which exaggerates differences).
  public func setValueAxisMinimum(_ minimum: Double) throws {
    _ = try workbook.requireOpen(.setChartAxis)
    guard minimum.isFinite else {
      throw XlsxError(.setChartAxis, reason: "the axis minimum \(minimum) is not a number")
    }
    Lxw.setValueAxisMinimum(handle, kind, minimum)
  }

  /// Puts the category labels at the low end of the value axis, so that negative values'
  /// bars do not run over them.
  public func setCategoryLabelsLow() throws {
    _ = try workbook.requireOpen(.setChartAxis)
    Lxw.setCategoryLabelsLow(handle, kind)
  }

  /// Shows no legend (for a chart of a single series).
  public func hideLegend() throws {
    _ = try workbook.requireOpen(.setChartLegend)
    Lxw.hideLegend(handle)
  }

  /// Shows the legend under the plot.
  public func showLegendAtBottom() throws {
    _ = try workbook.requireOpen(.setChartLegend)
    Lxw.legendAtBottom(handle)
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
