/// A cell format described as a value: equal specs give the same workbook format.
///
/// ```swift
/// let money = FormatSpec(numFormat: "#,##0.00;[Red]-#,##0.00")
/// let total = FormatSpec(bold: true, numFormat: "#,##0.00", borderTop: .thin)
/// ```
public struct FormatSpec: Hashable, Sendable {
  /// Border line styles (a subset of libxlsxwriter's `LXW_BORDER_*`).
  public enum BorderStyle: Hashable, Sendable {
    case thin, medium, thick, double, dashed, dotted, hair
  }

  /// Horizontal alignment of the cell's content.
  public enum HorizontalAlignment: Hashable, Sendable {
    case left, center, right, fill, justify, centerAcross
  }

  public var bold: Bool
  public var italic: Bool
  /// An Excel number format such as `#,##0.00` or `0.0%`; `nil` for General.
  public var numFormat: String?
  /// Font colour as `0xRRGGBB`.
  public var fontColor: UInt32?
  /// Solid fill colour as `0xRRGGBB`.
  public var bgColor: UInt32?
  public var borderTop: BorderStyle?
  public var borderBottom: BorderStyle?
  public var horizontalAlignment: HorizontalAlignment?
  public var textWrap: Bool
  /// Indentation level, 0...15 (larger values are clamped).
  public var indent: Int

  /// A format; every property defaults to Excel's default.
  public init(
    bold: Bool = false, italic: Bool = false, numFormat: String? = nil, fontColor: UInt32? = nil,
    bgColor: UInt32? = nil, borderTop: BorderStyle? = nil, borderBottom: BorderStyle? = nil,
    horizontalAlignment: HorizontalAlignment? = nil, textWrap: Bool = false, indent: Int = 0
  ) {
    self.bold = bold
    self.italic = italic
    self.numFormat = numFormat
    self.fontColor = fontColor
    self.bgColor = bgColor
    self.borderTop = borderTop
    self.borderBottom = borderBottom
    self.horizontalAlignment = horizontalAlignment
    self.textWrap = textWrap
    self.indent = indent
  }
}

/// A format registered in one workbook; pass it to `Worksheet` write calls of that workbook.
///
/// It keeps its workbook alive. Using it with another workbook's worksheet throws.
public final class Format: Hashable {
  /// The description it was made from.
  public let spec: FormatSpec
  let workbook: Workbook
  let handle: Handle.Format

  init(spec: FormatSpec, workbook: Workbook, handle: Handle.Format) {
    self.spec = spec
    self.workbook = workbook
    self.handle = handle
  }

  public static func == (lhs: Format, rhs: Format) -> Bool {
    lhs.workbook === rhs.workbook && lhs.spec == rhs.spec
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(ObjectIdentifier(workbook))
    hasher.combine(spec)
  }
}
