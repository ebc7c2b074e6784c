import XlsxWriter

/// The formats every workbook uses, made once per workbook.
struct WorkbookStyles {
  let title: Format
  let subtitle: Format
  let header: Format
  let headerRight: Format
  let money: Format
  let moneyBold: Format
  let integer: Format
  let integerBold: Format
  let bold: Format
  let label: Format
  let note: Format
  /// Long text, wrapped within its column.
  let wrapped: Format

  /// Pounds with thousands separators, negatives in brackets.
  static let moneyFormat = "£#,##0.00;(£#,##0.00);£0.00"

  init(_ workbook: Workbook) throws {
    title = try workbook.addFormat(FormatSpecification(bold: true))
    subtitle = try workbook.addFormat(FormatSpecification(italic: true, fontColor: 0x444444))
    header = try workbook.addFormat(
      FormatSpecification(bold: true, backgroundColor: 0xDDE4EE, borderBottom: .thin))
    headerRight = try workbook.addFormat(
      FormatSpecification(
        bold: true, backgroundColor: 0xDDE4EE, borderBottom: .thin, horizontalAlignment: .right))
    money = try workbook.addFormat(FormatSpecification(numberFormat: Self.moneyFormat))
    moneyBold = try workbook.addFormat(
      FormatSpecification(bold: true, numberFormat: Self.moneyFormat, borderTop: .thin))
    integer = try workbook.addFormat(FormatSpecification(numberFormat: "#,##0"))
    integerBold = try workbook.addFormat(
      FormatSpecification(bold: true, numberFormat: "#,##0", borderTop: .thin))
    bold = try workbook.addFormat(FormatSpecification(bold: true, borderTop: .thin))
    label = try workbook.addFormat(FormatSpecification(bold: true))
    note = try workbook.addFormat(FormatSpecification(italic: true, fontColor: 0x555555))
    wrapped = try workbook.addFormat(FormatSpecification(textWrap: true))
  }
}
