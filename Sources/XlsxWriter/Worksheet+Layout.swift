extension Worksheet {
  /// Sets the width (in characters) and default format of columns `first...last`.
  ///
  /// libxlsxwriter has no autofit: compute widths from the content you write.
  public func setColumn(first: Int, last: Int, width: Double, format: Format? = nil) throws {
    let a = try cell(.setColumn, 0, first)
    let b = try cell(.setColumn, 0, last)
    let format = try formatHandle(format, .setColumn)
    guard width.isFinite, width >= 0, first <= last else {
      throw error(.setColumn, reason: "invalid columns \(first)...\(last) or width \(width)")
    }
    try Lxw.check(Lxw.setColumn(handle, a.column, b.column, width, format), .setColumn, sheet: name)
  }

  /// Sets the height (in points) and default format of a row.
  ///
  /// In constant-memory mode this starts the row: later writes to earlier rows then fail.
  public func setRow(row: Int, height: Double, format: Format? = nil) throws {
    let cell = try cell(.setRow, row, 0)
    let format = try formatHandle(format, .setRow)
    guard height.isFinite, height >= 0 else {
      throw error(.setRow, reason: "invalid row height \(height)")
    }
    try check(Lxw.setRow(handle, cell.row, height, format), .setRow, row: row)
  }

  /// Freezes the rows above `row` and the columns left of `column` (e.g. `(1, 0)`: a header row).
  public func freezePanes(row: Int, column: Int) throws {
    let cell = try cell(.setLayout, row, column)
    Lxw.freezePanes(handle, cell.row, cell.column)
  }

  /// Adds filter buttons to the header row of a block of cells.
  public func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
    let first = try cell(.setLayout, firstRow, firstColumn)
    let last = try cell(.setLayout, lastRow, lastColumn)
    try Lxw.check(
      Lxw.autofilter(handle, first.row, first.column, last.row, last.column), .setLayout,
      sheet: name)
  }

  /// Shows or hides gridlines on screen and in print (by default: screen yes, print no).
  public func setGridlines(screen: Bool, print: Bool) throws {
    _ = try workbook.requireOpen(.setLayout, sheet: name)
    Lxw.setGridlines(handle, screen: screen, print: print)
  }

  /// Places a chart with its top-left corner at the given cell, scaled from libxlsxwriter's
  /// default 480 × 288 pixels.
  ///
  /// - Throws: `XlsxError` (`.insertChart`) for a chart of another workbook or one already
  ///   inserted (libxlsxwriter allows each chart once).
  public func insertChart(
    row: Int, column: Int, chart: Chart, xScale: Double = 1, yScale: Double = 1
  ) throws {
    let cell = try cell(.insertChart, row, column)
    guard xScale.isFinite, yScale.isFinite, xScale > 0, yScale > 0 else {
      throw error(.insertChart, row: row, column: column, reason: "invalid chart scale")
    }
    guard chart.workbook === workbook else {
      throw error(
        .insertChart, row: row, column: column, reason: "the chart belongs to another workbook")
    }
    try Lxw.check(
      Lxw.insertChart(handle, cell.row, cell.column, chart.handle, xScale: xScale, yScale: yScale),
      .insertChart, sheet: name,
      cell: CellReference.a1(row: row, column: column))
  }
}
