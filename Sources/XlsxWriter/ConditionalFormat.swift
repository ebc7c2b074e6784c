/// A conditional format: cells that meet `rule` take `format` on top of their own (Excel
/// changes colours, fonts and borders this way, not alignment or size).
///
/// ```swift
/// let good = try book.addFormat(FormatSpecification(fontColor: 0x006100, backgroundColor: 0xC6EFCE))
/// let bad = try book.addFormat(FormatSpecification(fontColor: 0x9C0006, backgroundColor: 0xFFC7CE))
/// let checks = RangeReference(sheet: "Lines", column: 9, rows: 2...106)
/// try sheet.addConditionalFormat(ConditionalFormat(.equalTo(0), format: good), to: checks)
/// try sheet.addConditionalFormat(ConditionalFormat(.notEqualTo(0), format: bad), to: checks)
/// ```
public struct ConditionalFormat {
  /// When the format applies.
  public enum Rule: Hashable, Sendable {
    /// The cell's value equals the number.
    case equalTo(Double)
    /// The cell's value is not the number (text and blanks included).
    case notEqualTo(Double)
    /// The cell is not empty.
    case notBlank
  }

  public var rule: Rule
  /// Must belong to the worksheet's workbook.
  public var format: Format

  public init(_ rule: Rule, format: Format) {
    self.rule = rule
    self.format = format
  }
}

/// What may be typed into cells: whole numbers in `allowed`, with the messages Excel shows
/// when the cell is selected and when something else is typed.
///
/// ```swift
/// let rules = DataValidation(
///   allowed: 1...5, inputTitle: "Rule number", inputMessage: "1 to 5, as on the Rules sheet",
///   errorTitle: "Not a rule", errorMessage: "Type a rule number from 1 to 5.")
/// try sheet.addDataValidation(rules, to: RangeReference(sheet: "Lines", column: 7, rows: 2...106))
/// ```
public struct DataValidation: Hashable, Sendable {
  public var allowed: ClosedRange<Int>
  /// At most 32 characters (Excel's limit).
  public var inputTitle: String?
  /// At most 255 characters.
  public var inputMessage: String?
  /// At most 32 characters.
  public var errorTitle: String?
  /// At most 255 characters.
  public var errorMessage: String?

  public init(
    allowed: ClosedRange<Int>, inputTitle: String? = nil, inputMessage: String? = nil,
    errorTitle: String? = nil, errorMessage: String? = nil
  ) {
    self.allowed = allowed
    self.inputTitle = inputTitle
    self.inputMessage = inputMessage
    self.errorTitle = errorTitle
    self.errorMessage = errorMessage
  }
}
