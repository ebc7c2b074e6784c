import XlsxWriter

/// The formats every workbook uses, made once per workbook.
///
/// Cells are top-aligned, so that a row with wrapped text keeps its other cells level with
/// the first line; headers are bottom-aligned and wrap. Money is in the accountants' format
/// (`_(` / `_)` padding aligns the decimal points of positive and bracketed negative
/// amounts; zero is a dash); a total has a single rule above it and a grand total a double
/// rule under it as well.
struct WorkbookStyles {
  let title: Format
  /// A title in one cell, running on over the empty cells to its right (not wrapped within
  /// its column, which would cut it off): for sheets whose widths are not known in advance.
  let titleLine: Format
  let heading: Format
  let subtitle: Format
  let paragraph: Format
  let header: Format
  let headerRight: Format
  let text: Format
  let wrapped: Format
  let label: Format
  let note: Format
  let money: Format
  let moneyTotal: Format
  let moneyGrandTotal: Format
  let moneyHeadline: Format
  /// Check cells: like money, but zero reads `0.00` (the cell is coloured green or red).
  let check: Format
  let integer: Format
  /// A rule number on a Lines sheet, centred so that it does not run into the rule's name.
  let ruleNumber: Format
  let headerCenter: Format
  let integerTotal: Format
  let integerGrandTotal: Format
  /// A count of lines: `105 lines`.
  let lineCount: Format
  let number: Format
  let numberGrandTotal: Format
  let percent: Format
  let percentTotal: Format
  let percentGrandTotal: Format
  /// A rounding adjustment in pence: `0.5`, `-0.333333`, a dash for none.
  let pence: Format
  let penceGrandTotal: Format
  /// Text cells of a total row and of a grand total row.
  let totalLabel: Format
  let grandTotalLabel: Format
  /// A line to sign on, and the words beside it (level with the line).
  let signature: Format
  let signatureLabel: Format
  /// A count in a column of text (the Sources sheet's line count).
  let integerLeft: Format
  /// Conditional formats: a check that reads zero, and one that does not.
  let good: Format
  let bad: Format

  /// `£ 1,234.56 `, `£ (1,234.56)`, `£ - `: Excel's accounting format in pounds.
  static let moneyFormat = #"_(£* #,##0.00_);_(£* (#,##0.00);_(£* "-"??_);_(@_)"#
  /// The accounting format with zero as `0.00`, for checks.
  static let checkFormat = #"_(£* #,##0.00_);_(£* (#,##0.00);_(£* 0.00_);_(@_)"#
  static let penceFormat = #"+0.00####;-0.00####;"-""#
  static let percentFormat = "0.0%"

  /// The font of every cell: Arial (Liberation Sans in LibreOffice) measures the same in
  /// Excel, LibreOffice and Gnumeric, so the pages laid out here print the same in each.
  static let fontName = "Arial"
  static let fontSize = 10.0

  init(_ workbook: Workbook) throws {
    try workbook.setDefaultFont(name: Self.fontName, size: Self.fontSize)
    func format(
      bold: Bool = false, italic: Bool = false, numberFormat: String? = nil,
      fontColor: UInt32? = nil, backgroundColor: UInt32? = nil,
      top: FormatSpecification.BorderStyle? = nil, bottom: FormatSpecification.BorderStyle? = nil,
      align: FormatSpecification.HorizontalAlignment? = nil,
      vertical: FormatSpecification.VerticalAlignment = .top, wrap: Bool = false,
      size: Double? = nil, indent: Int = 0
    ) throws -> Format {
      try workbook.addFormat(
        FormatSpecification(
          bold: bold, italic: italic, numberFormat: numberFormat, fontColor: fontColor,
          backgroundColor: backgroundColor, borderTop: top, borderBottom: bottom,
          horizontalAlignment: align, verticalAlignment: vertical, textWrap: wrap,
          fontSize: size ?? Self.fontSize, fontName: Self.fontName, indent: indent))
    }
    let grey: UInt32 = 0x444444
    title = try format(bold: true, wrap: true, size: 14)
    titleLine = try format(bold: true, size: 14)
    heading = try format(bold: true, wrap: true, size: 12)
    subtitle = try format(italic: true, fontColor: grey)
    paragraph = try format(wrap: true)
    header = try format(
      bold: true, backgroundColor: 0xDDE4EE, bottom: .thin, vertical: .bottom, wrap: true)
    headerRight = try format(
      bold: true, backgroundColor: 0xDDE4EE, bottom: .thin, align: .right, vertical: .bottom,
      wrap: true)
    text = try format()
    wrapped = try format(wrap: true)
    label = try format(bold: true, wrap: true)
    note = try format(italic: true, fontColor: grey, wrap: true)
    money = try format(numberFormat: Self.moneyFormat)
    moneyTotal = try format(bold: true, numberFormat: Self.moneyFormat, top: .thin)
    moneyGrandTotal = try format(
      bold: true, numberFormat: Self.moneyFormat, top: .thin, bottom: .double)
    moneyHeadline = try format(
      bold: true, numberFormat: Self.moneyFormat, bottom: .double, size: 12)
    check = try format(numberFormat: Self.checkFormat)
    integer = try format(numberFormat: "#,##0")
    ruleNumber = try format(numberFormat: "0", align: .center)
    headerCenter = try format(
      bold: true, backgroundColor: 0xDDE4EE, bottom: .thin, align: .center, vertical: .bottom,
      wrap: true)
    integerTotal = try format(bold: true, numberFormat: "#,##0", top: .thin)
    integerGrandTotal = try format(bold: true, numberFormat: "#,##0", top: .thin, bottom: .double)
    lineCount = try format(
      bold: true, numberFormat: #"#,##0" lines""#, top: .thin, bottom: .double)
    // Right-aligned with a space on the right, clear of the next column's text.
    number = try format(numberFormat: "General", align: .right, indent: 1)
    numberGrandTotal = try format(
      bold: true, numberFormat: "General", top: .thin, bottom: .double)
    percent = try format(numberFormat: Self.percentFormat)
    percentTotal = try format(bold: true, numberFormat: Self.percentFormat, top: .thin)
    percentGrandTotal = try format(
      bold: true, numberFormat: Self.percentFormat, top: .thin, bottom: .double)
    pence = try format(numberFormat: Self.penceFormat)
    penceGrandTotal = try format(
      bold: true, numberFormat: Self.penceFormat, top: .thin, bottom: .double)
    totalLabel = try format(bold: true, top: .thin)
    grandTotalLabel = try format(bold: true, top: .thin, bottom: .double)
    signature = try format(bottom: .thin)
    signatureLabel = try format(vertical: .bottom)
    integerLeft = try format(numberFormat: "#,##0", align: .left)
    // Conditional formats change colours only (fonts and sizes stay the cell's own).
    good = try workbook.addFormat(
      FormatSpecification(fontColor: 0x006100, backgroundColor: 0xC6EFCE))
    bad = try workbook.addFormat(
      FormatSpecification(fontColor: 0x9C0006, backgroundColor: 0xFFC7CE))
  }

  /// Colours `range` green where it reads 0 and red elsewhere.
  func lightUp(_ range: RangeReference, on sheet: Worksheet) throws {
    try sheet.addConditionalFormat(ConditionalFormat(.equalTo(0), format: good), to: range)
    try sheet.addConditionalFormat(ConditionalFormat(.notEqualTo(0), format: bad), to: range)
  }
}
