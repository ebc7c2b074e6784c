import ApportionCore
import XlsxWriter

/// Where an apportionment came from, for the workbooks' headers and Sources sheet.
public struct RunSources: Sendable {
  public var rulesPath: String
  public var rulesSHA256: String
  public var budgetPath: String
  public var budgetSHA256: String
  public var toolVersion: String
  /// The creation time written into every workbook (so that reruns are byte-identical).
  public var created: UTCDateTime

  public init(
    rulesPath: String, rulesSHA256: String, budgetPath: String, budgetSHA256: String,
    toolVersion: String, created: UTCDateTime
  ) {
    self.rulesPath = rulesPath
    self.rulesSHA256 = rulesSHA256
    self.budgetPath = budgetPath
    self.budgetSHA256 = budgetSHA256
    self.toolVersion = toolVersion
    self.created = created
  }

  /// The stable creation time: `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) when given,
  /// else midnight UTC on 1 April of the financial year's first year (`2016-17` →
  /// 2016-04-01), else 2000-01-01.
  public static func creationTime(year: String, sourceDateEpoch: String?) -> UTCDateTime {
    if let text = sourceDateEpoch, let seconds = Int(text), seconds > 0,
      let date = UTCDateTime(secondsSinceEpoch: seconds)
    {
      return date
    }
    let digits = year.prefix { $0.isNumber }
    if digits.count == 4, let first = Int(digits), (1971...9998).contains(first) {
      return UTCDateTime(year: first, month: 4, day: 1)
    }
    return UTCDateTime(year: 2000, month: 1, day: 1)
  }
}

extension UTCDateTime {
  /// The calendar date and time of a count of seconds since 1970-01-01T00:00:00Z.
  init?(secondsSinceEpoch seconds: Int) {
    guard seconds > 0, seconds < 253_402_300_800 else { return nil }
    let days = seconds / 86_400
    let rest = seconds % 86_400
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468
    let era = z / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    self.init(
      year: year, month: month, day: day, hour: rest / 3600, minute: rest % 3600 / 60,
      second: rest % 60)
  }
}

/// The formats every workbook uses, made once per workbook.
struct Styles {
  let title: Format
  let subtitle: Format
  let header: Format
  let headerRight: Format
  let text: Format
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
    title = try workbook.addFormat(FormatSpec(bold: true))
    subtitle = try workbook.addFormat(FormatSpec(italic: true, fontColor: 0x444444))
    header = try workbook.addFormat(
      FormatSpec(bold: true, bgColor: 0xDDE4EE, borderBottom: .thin))
    headerRight = try workbook.addFormat(
      FormatSpec(
        bold: true, bgColor: 0xDDE4EE, borderBottom: .thin, horizontalAlignment: .right))
    text = try workbook.addFormat(FormatSpec())
    money = try workbook.addFormat(FormatSpec(numFormat: Self.moneyFormat))
    moneyBold = try workbook.addFormat(
      FormatSpec(bold: true, numFormat: Self.moneyFormat, borderTop: .thin))
    integer = try workbook.addFormat(FormatSpec(numFormat: "#,##0"))
    integerBold = try workbook.addFormat(
      FormatSpec(bold: true, numFormat: "#,##0", borderTop: .thin))
    bold = try workbook.addFormat(FormatSpec(bold: true, borderTop: .thin))
    label = try workbook.addFormat(FormatSpec(bold: true))
    note = try workbook.addFormat(FormatSpec(italic: true, fontColor: 0x555555))
    wrapped = try workbook.addFormat(FormatSpec(textWrap: true))
  }
}
