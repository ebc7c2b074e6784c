extension Worksheet {
  /// Writes a formula whose value is text, with that text cached (`t="str"`), e.g.
  /// `INDEX(Rules_Name,H3)` showing the rule's name to viewers that do not recalculate.
  ///
  /// The cached text is stored as `writeString` stores text (literal `_xHHHH_` protected).
  ///
  /// ```swift
  /// try sheet.writeFormula(row: 2, column: 8, "INDEX(Rules_Name,H3)", cachedText: "Staff")
  /// ```
  public func writeFormula(
    row: Int, column: Int, _ formula: String, cachedText: String, format: Format? = nil
  ) throws {
    let cell = try cell(.writeCell, row, column)
    let format = try formatHandle(format, .writeCell, row: row, column: column)
    if formula.isEmpty || formula == "=" || formula.utf8.contains(0) || cachedText.utf8.contains(0)
    {
      throw error(
        .writeCell, row: row, column: column,
        reason: "the formula is empty or the formula or its text contains NUL")
    }
    if cachedText.utf16.count > Self.maxStringLength {
      throw XlsxError(
        .writeCell, sheet: name, cell: CellReference.a1(row: row, column: column),
        code: .maxStringLengthExceeded, detail: "\(cachedText.utf16.count) UTF-16 code units")
    }
    let place = "\(self.name)!\(CellReference.a1(row: row, column: column))"
    try check(
      Lxw.writeFormula(
        handle, cell.row, cell.column,
        workbook.storable(formula, place: "the formula in \(place)"),
        cachedText: workbook.storableCell(cachedText, place: place), format), .writeCell,
      row: row, column: column)
  }

  /// Merges the block of cells and writes `text` in it, always as text (as `writeString`);
  /// the other cells of the block are written blank with `format`. In constant-memory mode
  /// this starts every row of the block.
  ///
  /// ```swift
  /// try sheet.mergeRange(
  ///   RangeReference(sheet: "Brent", firstRow: 2, firstColumn: 0, lastRow: 2, lastColumn: 6),
  ///   "Every line is on the Lines sheet.", format: wrapped)
  /// ```
  ///
  /// - Throws: `XlsxError` (`.writeCell`) for a block on another sheet, outside the grid or
  ///   of one cell, text over `maxStringLength` or with NUL, or rows out of order.
  public func mergeRange(_ range: RangeReference, _ text: String, format: Format? = nil) throws {
    let (first, last) = try corners(.writeCell, range)
    let format = try formatHandle(
      format, .writeCell, row: range.firstRow, column: range.firstColumn)
    guard range.firstRow != range.lastRow || range.firstColumn != range.lastColumn else {
      throw error(
        .writeCell, row: range.firstRow, column: range.firstColumn,
        reason: "a merged range needs more than one cell")
    }
    if text.utf16.count > Self.maxStringLength || text.utf8.contains(0) {
      throw error(
        .writeCell, row: range.firstRow, column: range.firstColumn,
        reason: "the text is longer than \(Self.maxStringLength) or contains NUL")
    }
    let place = "\(self.name)!\(CellReference.a1(row: range.firstRow, column: range.firstColumn))"
    try check(
      Lxw.mergeRange(handle, first, last, workbook.storableCell(text, place: place), format),
      .writeCell, row: range.firstRow, column: range.firstColumn)
    lastRowStarted = max(lastRowStarted, range.lastRow)
  }
}
