extension Worksheet {
  /// Prints in landscape orientation.
  public func setLandscape() throws {
    _ = try workbook.requireOpen(.setPageSetup, sheet: name)
    Lxw.setLandscape(handle)
  }

  /// Prints in portrait orientation (libxlsxwriter's default; says so explicitly).
  public func setPortrait() throws {
    _ = try workbook.requireOpen(.setPageSetup, sheet: name)
    Lxw.setPortrait(handle)
  }

  /// Sets the page margins in inches (Excel's defaults are 0.7 left and right, 0.75 top and
  /// bottom).
  public func setMargins(left: Double, right: Double, top: Double, bottom: Double) throws {
    _ = try workbook.requireOpen(.setPageSetup, sheet: name)
    guard [left, right, top, bottom].allSatisfy({ $0.isFinite && $0 >= 0 && $0 < 10 }) else {
      throw error(.setPageSetup, reason: "margins \([left, right, top, bottom]) are out of range")
    }
    Lxw.setMargins(handle, left: left, right: right, top: top, bottom: bottom)
  }

  /// Prints only `range` of this sheet (Excel's Print Area) unless the reader clears it or
  /// chooses to ignore it.
  ///
  /// ```swift
  /// try sheet.setPrintArea(
  ///   RangeReference(sheet: "Lines", firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 9))
  /// ```
  public func setPrintArea(_ range: RangeReference) throws {
    let (first, last) = try corners(.setPageSetup, range)
    try Lxw.check(Lxw.printArea(handle, first, last), .setPageSetup, sheet: name)
  }

  /// Prints on A4 paper.
  public func setPaperA4() throws {
    _ = try workbook.requireOpen(.setPageSetup, sheet: name)
    Lxw.setPaperA4(handle)
  }

  /// Scales the printout to fit `width` pages across and `height` down; 0 means "as many as
  /// needed" (`fitToPages(width: 1, height: 0)`: one page wide).
  public func fitToPages(width: Int, height: Int) throws {
    _ = try workbook.requireOpen(.setPageSetup, sheet: name)
    guard let w = UInt16(exactly: width), let h = UInt16(exactly: height) else {
      throw error(.setPageSetup, reason: "page counts \(width)×\(height) are out of range")
    }
    Lxw.fitToPages(handle, w, h)
  }

  /// Repeats rows `first...last` at the top of each printed page.
  public func repeatRows(first: Int, last: Int) throws {
    let a = try cell(.setPageSetup, first, 0)
    let b = try cell(.setPageSetup, last, 0)
    try Lxw.check(Lxw.repeatRows(handle, a.row, b.row), .setPageSetup, sheet: name)
  }

  /// Sets the printed header, in Excel's header/footer code language.
  ///
  /// Codes: `&L`, `&C`, `&R` start the left, centre and right sections; `&P` is the page
  /// number, `&N` the page count, `&A` the sheet name, `&D` the date. A literal `&` in user
  /// text must be written `&&`: pass such text through `escapeHeaderFooter(_:)`.
  ///
  /// ```swift
  /// try sheet.setHeader("&L" + Worksheet.escapeHeaderFooter(clientName) + "&RPage &P of &N")
  /// ```
  ///
  /// Characters a workbook cannot hold are replaced with U+FFFD (see `WorkbookText`).
  ///
  /// - Throws: `XlsxError` when longer than Excel's 255 characters.
  public func setHeader(_ codes: String) throws {
    try setHeaderOrFooter(codes, Lxw.setHeader)
  }

  /// Sets the printed footer; see `setHeader(_:)` for the codes.
  ///
  /// ```swift
  /// try sheet.setFooter("&CPage &P of &N")
  /// ```
  public func setFooter(_ codes: String) throws {
    try setHeaderOrFooter(codes, Lxw.setFooter)
  }

  /// `text` with every `&` doubled, so that it prints literally in a header or footer.
  public static func escapeHeaderFooter(_ text: String) -> String {
    text.replacingAll("&", with: "&&")
  }

  private func setHeaderOrFooter(
    _ codes: String, _ set: (Handle.Worksheet, String) -> XlsxError.Code
  ) throws {
    _ = try workbook.requireOpen(.setPageSetup, sheet: name)
    let stored = workbook.storable(codes, place: "the header or footer of \"\(name)\"")
    try Lxw.check(set(handle, stored), .setPageSetup, sheet: name)
  }
}

extension String {
  fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for character in self {
      if character == target { out += replacement } else { out.append(character) }
    }
    return out
  }
}
