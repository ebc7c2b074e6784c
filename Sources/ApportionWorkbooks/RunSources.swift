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
