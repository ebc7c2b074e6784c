/// A moment given as UTC calendar fields, so that it is the same on every machine.
///
/// Used for the workbook's creation date: with a fixed date, two runs with the same inputs
/// produce byte-identical files. Both directions of the conversion to seconds since
/// 1970-01-01T00:00:00Z are here (Howard Hinnant's `days_from_civil` and `civil_from_days`,
/// proleptic Gregorian calendar), over the range libxlsxwriter accepts: after the epoch, up
/// to the end of 9999.
///
/// ```swift
/// let date = UTCDateTime(year: 2016, month: 4, day: 1)
/// date.secondsSinceEpoch                                        // 1_459_468_800
/// UTCDateTime(secondsSinceEpoch: 1_459_468_800) == date         // true
/// ```
public struct UTCDateTime: Hashable, Sendable {
  public var year: Int, month: Int, day: Int
  public var hour: Int, minute: Int, second: Int

  /// A UTC date and time; fields are checked when the workbook uses it.
  public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
  }

  /// The calendar date and time of a count of seconds since 1970-01-01T00:00:00Z, or `nil`
  /// outside `1..<253_402_300_800` (after the epoch, before the year 10000).
  ///
  /// ```swift
  /// UTCDateTime(secondsSinceEpoch: 1)  // 1970-01-01T00:00:01
  /// UTCDateTime(secondsSinceEpoch: 0)  // nil: libxlsxwriter reads 0 as "now"
  /// ```
  public init?(secondsSinceEpoch seconds: Int) {
    guard seconds > 0, seconds < Self.endOfYear9999 else { return nil }
    let days = seconds / 86_400
    let rest = seconds % 86_400
    // civil_from_days.
    let z = days + 719_468
    let era = z / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra =
      (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153  // 0 = March
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    self.init(
      year: year, month: month, day: day, hour: rest / 3600, minute: rest % 3600 / 60,
      second: rest % 60)
  }

  /// Seconds since 1970-01-01T00:00:00Z, or `nil` when a field is out of range.
  ///
  /// Only years 1970...9999 are accepted, and not the epoch itself: libxlsxwriter treats a
  /// `created` of 0 as "now", which would make the file depend on the clock.
  public var secondsSinceEpoch: Int? {
    guard (1970...9999).contains(year), (1...12).contains(month),
      (1...Self.daysIn(month: month, year: year)).contains(day), (0...23).contains(hour),
      (0...59).contains(minute), (0...59).contains(second)
    else { return nil }
    let seconds =
      Self.daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3_600
      + minute * 60 + second
    return seconds == 0 ? nil : seconds
  }

  /// 10000-01-01T00:00:00Z in seconds since the epoch: the first moment out of range.
  static let endOfYear9999 = 253_402_300_800

  static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 (days_from_civil).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
