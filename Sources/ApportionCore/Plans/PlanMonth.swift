/// A month in a plan's run of financial years: the year and the month within it (0 for
/// April … 11 for March). Plans date their events and their hosting by the first day of a
/// month (it starts then) or the last day of one (it ends then).
///
/// ```swift
/// let month = try PlanMonth(firstDay: "2017-11-01")  // 2017-18, month 7 (November)
/// month.year.description                              // "2017-18"
/// ```
public struct PlanMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let year: FinancialYear
  /// 0 (April) to 11 (March).
  public let month: Int

  public init(year: FinancialYear, month: Int) {
    self.year = year
    self.month = month
  }

  /// The month that a date on its first day starts.
  ///
  /// - Throws: ``CalendarError`` when the text is not a date or not the first of a month.
  public init(firstDay text: String) throws(CalendarError) {
    let (calendarYear, calendarMonth, day) = try FinancialYear.date(text)
    guard day == 1 else { throw .notFirstOfMonth(text) }
    self.init(calendarYear: calendarYear, calendarMonth: calendarMonth)
  }

  /// The month that a date on its last day ends.
  ///
  /// - Throws: ``CalendarError`` when the text is not a date or not the last day of a month.
  public init(lastDay text: String) throws(CalendarError) {
    let (calendarYear, calendarMonth, day) = try FinancialYear.date(text)
    guard day == FinancialYear.days(inMonth: calendarMonth, year: calendarYear) else {
      throw .notLastOfMonth(text)
    }
    self.init(calendarYear: calendarYear, calendarMonth: calendarMonth)
  }

  private init(calendarYear: Int, calendarMonth: Int) {
    let startYear = calendarMonth >= 4 ? calendarYear : calendarYear - 1
    self.init(year: FinancialYear(startYear: startYear), month: (calendarMonth + 8) % 12)
  }

  /// Months since a fixed origin, for comparing and counting.
  public var ordinal: Int { year.startYear * FinancialYear.monthCount + month }

  /// The first day of the month, `2017-11-01`.
  public var firstDay: String { year.firstDay(ofMonth: month) }
  /// The last day of the month, `2018-01-31`.
  public var lastDay: String { year.lastDay(ofMonth: month) }

  public var description: String { firstDay }

  public static func < (lhs: PlanMonth, rhs: PlanMonth) -> Bool { lhs.ordinal < rhs.ordinal }

  /// How many months of `year` fall in `first…last` (either end open when nil): 0 to 12.
  public static func months(of year: FinancialYear, from first: PlanMonth?, to last: PlanMonth?)
    -> Int
  {
    let start = year.startYear * FinancialYear.monthCount
    let end = start + FinancialYear.monthCount - 1
    let from = max(start, first?.ordinal ?? start)
    let to = min(end, last?.ordinal ?? end)
    return max(0, to - from + 1)
  }
}
