/// A cell format described as a value: equal specifications give the same workbook format.
///
/// ```swift
/// let money = FormatSpecification(numberFormat: "#,##0.00;[Red]-#,##0.00")
/// let total = FormatSpecification(bold: true, numberFormat: "#,##0.00", borderTop: .thin)
/// ```
public struct FormatSpecification: Hashable, Sendable {
  /// Border line styles (a subset of libxlsxwriter's `LXW_BORDER_*`).
  public enum BorderStyle: Hashable, Sendable {
    case thin, medium, thick, double, dashed, dotted, hair
  }

  /// Horizontal alignment of the cell's content.
  public enum HorizontalAlignment: Hashable, Sendable {
    case left, center, right, fill, justify, centerAcross
  }

  /// Vertical alignment of the cell's content (Excel's default is bottom).
  public enum VerticalAlignment: Hashable, Sendable {
    case top, center, bottom
  }

  public var bold: Bool
  public var italic: Bool
  /// An Excel number format such as `#,##0.00` or `0.0%`; `nil` for General.
  public var numberFormat: String?
  /// Font colour as `0xRRGGBB`.
  public var fontColor: UInt32?
  /// Solid fill colour as `0xRRGGBB`.
  public var backgroundColor: UInt32?
  public var borderTop: BorderStyle?
  public var borderBottom: BorderStyle?
  public var horizontalAlignment: HorizontalAlignment?
  public var verticalAlignment: VerticalAlignment?
  public var textWrap: Bool
  /// Font size in points; `nil` for the default (11, or the workbook's default font's).
  public var fontSize: Double?
  /// Font name, e.g. `Arial`; `nil` for the default (Calibri).
  public var fontName: String?
  /// Indentation level, 0...15 (larger values are clamped).
  public var indent: Int

  /// A format; every property defaults to Excel's default.
  public init(
    bold: Bool = false, italic: Bool = false, numberFormat: String? = nil, fontColor: UInt32? = nil,
    backgroundColor: UInt32? = nil, borderTop: BorderStyle? = nil, borderBottom: BorderStyle? = nil,
    horizontalAlignment: HorizontalAlignment? = nil, verticalAlignment: VerticalAlignment? = nil,
    textWrap: Bool = false, fontSize: Double? = nil, fontName: String? = nil, indent: Int = 0
  ) {
    self.bold = bold
    self.italic = italic
    self.numberFormat = numberFormat
    self.fontColor = fontColor
    self.backgroundColor = backgroundColor
    self.borderTop = borderTop
    self.borderBottom = borderBottom
    self.horizontalAlignment = horizontalAlignment
    self.verticalAlignment = verticalAlignment
    self.textWrap = textWrap
    self.fontSize = fontSize
    self.fontName = fontName
    self.indent = indent
  }
}
