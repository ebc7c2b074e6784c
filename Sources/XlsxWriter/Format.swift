/// A format registered in one workbook; pass it to `Worksheet` write calls of that workbook.
///
/// It keeps its workbook alive. Using it with another workbook's worksheet throws.
///
/// ```swift
/// let money = try book.addFormat(FormatSpecification(numberFormat: "#,##0.00"))
/// try sheet.writeMoney(row: 0, column: 1, pence: 123_457, format: money)
/// ```
public final class Format: Hashable {
  /// The description it was made from.
  public let specification: FormatSpecification
  let workbook: Workbook
  let handle: Handle.Format

  init(specification: FormatSpecification, workbook: Workbook, handle: Handle.Format) {
    self.specification = specification
    self.workbook = workbook
    self.handle = handle
  }

  public static func == (lhs: Format, rhs: Format) -> Bool {
    lhs.workbook === rhs.workbook && lhs.specification == rhs.specification
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(ObjectIdentifier(workbook))
    hasher.combine(specification)
  }
}
