/// A financial year: 1 April to 31 March, written as UK public bodies write it: its first
/// calendar year, a `-` or `/`, and the last two digits of the next: `2016-17` or `2016/17`.
/// A rule file keeps the year as written (reports and workbooks show it so); the workbooks'
/// creation date is 1 April of the first year, so the first year is from 1971 to 9998.
///
/// | written | |
/// | --- | --- |
/// | `2016-17`, `2016/17`, `1999-00`, `2099-00` | accepted |
/// | `hello`, `2016`, `2016-2017`, `16-17`, `2016 - 17` | not a financial year |
/// | `2016–17` (an en dash, as word processors write it) | a dash where a hyphen goes |
/// | `2016-18` | the years do not follow on |
/// | `1969-70`, `9999-00` | outside 1971-72 to 9998-99 |
///
/// Its twelve months are numbered 0 (April) to 11 (March). Part-year membership, month
/// phasing and the monthly recharge schedule all count in these months.
///
/// ```swift
/// let year = try FinancialYear(parsing: "2017-18")
/// year.monthLabels[7]                   // "2017-11"
/// try year.month(ofFirstDay: "2017-11-01")  // 7
/// ```
public struct FinancialYear: Sendable, Hashable, CustomStringConvertible {
  /// The calendar year in which the financial year starts (April).
  public let startYear: Int

  /// The number of months in a financial year.
  public static let monthCount = 12

  public init(startYear: Int) { self.startYear = startYear }

  /// Reads `2016-17` or `2016/17`.
  ///
  /// - Throws: ``CalendarError/notAYear(_:)`` saying why the text is not a financial year.
  public init(parsing text: String) throws(CalendarError) {
    if let problem = Self.problem(with: text) { throw .notAYear(problem) }
    startYear = Int(String(text.unicodeScalars.prefix(4))) ?? 0
  }

  /// The earliest and latest first years.
  public static let firstYears = 1971...9998

  /// Why `text` is not a financial year, or nil when it is one.
  ///
  /// ```swift
  /// FinancialYear.problem(with: "2016-17")  // nil
  /// FinancialYear.problem(with: "hello")    // "'hello' is not a financial year"
  /// ```
  public static func problem(with text: String) -> String? {
    let characters = Array(text.unicodeScalars)
    if characters.count == 7, ["\u{2013}", "\u{2014}", "\u{2212}"].contains(characters[4]) {
      return "'\(text)' has a dash '\(characters[4])' where a hyphen '-' goes"
    }
    guard characters.count == 7, characters[4] == "-" || characters[4] == "/",
      let first = Int(String(String.UnicodeScalarView(characters[0..<4]))),
      let second = Int(String(String.UnicodeScalarView(characters[5..<7]))),
      characters.enumerated().allSatisfy({ $0.offset == 4 || ("0"..."9").contains($0.element) })
    else {
      return "'\(text)' is not a financial year"
    }
    guard second == (first + 1) % 100 else {
      let next = (first + 1) % 100
      return "'\(text)' is not a financial year: the year after \(first) ends in "
        + "\(next < 10 ? "0" : "")\(next), not \(characters[5])\(characters[6])"
    }
    guard firstYears.contains(first) else {
      return "the financial year '\(text)' is outside 1971-72 to 9998-99"
    }
    return nil
  }

  /// The hint that goes with a problem.
  public static let hint = "write the financial year as 2016-17 or 2016/17"

  /// `2016-17`.
  public var description: String {
    let next = (startYear + 1) % 100
    return "\(startYear)-\(next < 10 ? "0" : "")\(next)"
  }

  /// The calendar year and month (1-12) of a month of this year (0 = April).
  public func calendarMonth(_ month: Int) -> (year: Int, month: Int) {
    month < 9 ? (startYear, month + 4) : (startYear + 1, month - 8)
  }

  /// `2017-04`, …, `2018-03`: the months as ISO year-months.
  public var monthLabels: [String] {
    (0..<Self.monthCount).map { index in
      let (year, month) = calendarMonth(index)
      return "\(year)-\(month < 10 ? "0" : "")\(month)"
    }
  }

  /// The month (0-11) that a date on the first day of a month of this year opens.
  ///
  /// - Throws: ``CalendarError`` when the text is not a date `YYYY-MM-DD`, is not the first
  ///   of a month, or falls outside the year.
  public func month(ofFirstDay text: String) throws(CalendarError) -> Int {
    let (year, month, day) = try Self.date(text)
    guard day == 1 else { throw .notFirstOfMonth(text) }
    return try index(year: year, month: month, text: text)
  }

  /// The month (0-11) that a date on the last day of a month of this year closes.
  public func month(ofLastDay text: String) throws(CalendarError) -> Int {
    let (year, month, day) = try Self.date(text)
    guard day == Self.days(inMonth: month, year: year) else { throw .notLastOfMonth(text) }
    return try index(year: year, month: month, text: text)
  }

  /// The first day of a month of this year, `2017-11-01`.
  public func firstDay(ofMonth month: Int) -> String {
    let (year, calendar) = calendarMonth(month)
    return "\(year)-\(calendar < 10 ? "0" : "")\(calendar)-01"
  }

  /// The last day of a month of this year, `2018-01-31`.
  public func lastDay(ofMonth month: Int) -> String {
    let (year, calendar) = calendarMonth(month)
    return
      "\(year)-\(calendar < 10 ? "0" : "")\(calendar)-\(Self.days(inMonth: calendar, year: year))"
  }

  private func index(year: Int, month: Int, text: String) throws(CalendarError) -> Int {
    let index = (year - startYear) * 12 + month - 4
    guard (0..<Self.monthCount).contains(index) else { throw .outsideYear(text, self) }
    return index
  }

  static func date(_ text: String) throws(CalendarError) -> (Int, Int, Int) {
    let parts = BudgetLine.trimmed(text).split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...days(inMonth: month, year: year)).contains(day)
    else { throw .notADate(text) }
    return (year, month, day)
  }

  static func days(inMonth month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}

/// Why a year or date was refused; its `description` is a phrase for messages.
public enum CalendarError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Why a text is not a financial year (``FinancialYear/problem(with:)``).
  case notAYear(String)
  case notADate(String)
  case notFirstOfMonth(String)
  case notLastOfMonth(String)
  case outsideYear(String, FinancialYear)

  public var description: String {
    switch self {
    case .notAYear(let problem):
      return problem
    case .notADate(let text): return "'\(text)' is not a date; write it like 2017-11-01"
    case .notFirstOfMonth(let text):
      return "'\(text)' is not the first day of a month; a partner joins on the 1st"
    case .notLastOfMonth(let text):
      return "'\(text)' is not the last day of a month; a partner leaves on a month's last day"
    case .outsideYear(let text, let year):
      return
        "'\(text)' is outside the financial year \(year) "
        + "(\(year.firstDay(ofMonth: 0)) to \(year.lastDay(ofMonth: 11)))"
    }
  }
}
