extension Worksheet {
  /// The block's corners as C types, after checking that the workbook is open and the block
  /// is on this sheet and inside the grid.
  func corners(_ operation: XlsxError.Operation, _ range: RangeReference) throws -> (
    (UInt32, UInt16), (UInt32, UInt16)
  ) {
    guard range.sheet == name else {
      throw error(operation, reason: "the range \(range) is not on this sheet")
    }
    guard range.isValid else {
      throw error(operation, reason: "the range \(range) is outside the sheet or reversed")
    }
    let first = try cell(operation, range.firstRow, range.firstColumn)
    let last = try cell(operation, range.lastRow, range.lastColumn)
    return ((first.row, first.column), (last.row, last.column))
  }

  /// Colours (or otherwise formats) the cells of `range` that meet the rule; the rule is
  /// evaluated by the spreadsheet, so it follows edits. Formats are checked once and
  /// written when the workbook closes, so this may be called at any time.
  ///
  /// - Throws: `XlsxError` (`.setLayout`) for a range on another sheet or outside the grid,
  ///   a format of another workbook, or a library failure.
  public func addConditionalFormat(_ format: ConditionalFormat, to range: RangeReference) throws {
    let (first, last) = try corners(.setLayout, range)
    guard let cellFormat = try formatHandle(format.format, .setLayout) else { return }
    if case .equalTo(let value) = format.rule, !value.isFinite {
      throw error(.setLayout, reason: "a conditional format compares with \(value)")
    }
    if case .notEqualTo(let value) = format.rule, !value.isFinite {
      throw error(.setLayout, reason: "a conditional format compares with \(value)")
    }
    try Lxw.check(
      Lxw.conditionalFormat(handle, first, last, format.rule, cellFormat), .setLayout,
      sheet: name, cell: range.description)
  }

  /// Restricts what can be typed into `range` (see ``DataValidation``).
  ///
  /// - Throws: `XlsxError` (`.setLayout`) for a range on another sheet or outside the grid,
  ///   messages over Excel's limits (titles 32 characters, messages 255) or containing NUL.
  public func addDataValidation(_ validation: DataValidation, to range: RangeReference) throws {
    let (first, last) = try corners(.setLayout, range)
    let titles = [validation.inputTitle, validation.errorTitle].compactMap { $0 }
    let messages = [validation.inputMessage, validation.errorMessage].compactMap { $0 }
    if titles.contains(where: { $0.utf16.count > 32 })
      || messages.contains(where: { $0.utf16.count > 255 })
      || (titles + messages).contains(where: { $0.contains("\0") })
    {
      throw error(
        .setLayout,
        reason: "a validation title is over 32 characters, a message over 255, or one "
          + "contains NUL")
    }
    try Lxw.check(
      Lxw.validateWholeNumbers(handle, first, last, validation), .setLayout, sheet: name,
      cell: range.description)
  }
}
