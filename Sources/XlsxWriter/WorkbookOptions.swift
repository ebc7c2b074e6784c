/// How libxlsxwriter builds the file.
public struct WorkbookOptions: Hashable, Sendable {
  /// Flush each row to a temporary file as soon as a later row is started, so memory stays flat
  /// however many rows are written. Rows of a sheet must then be written in ascending order
  /// (sheets may interleave); `Worksheet` throws when they are not. Strings are written inline
  /// (`t="inlineStr"`) rather than to a shared-string table.
  public var constantMemory: Bool
  /// Where libxlsxwriter puts its temporary files; `nil` for the system default (`tmpfile()`).
  public var tmpdir: String?
  /// Allow ZIP64 extensions, needed when a part exceeds 4 GB uncompressed.
  public var useZip64: Bool

  /// Options with constant-memory mode on by default.
  public init(constantMemory: Bool = true, tmpdir: String? = nil, useZip64: Bool = false) {
    self.constantMemory = constantMemory
    self.tmpdir = tmpdir
    self.useZip64 = useZip64
  }
}

/// A moment given as UTC calendar fields, so that it is the same on every machine.
///
/// Used for the workbook's creation date: with a fixed date, two runs with the same inputs
/// produce byte-identical files.
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

  /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}

/// The document properties shown by File ▸ Info in Excel (`docProps/core.xml`, `app.xml`).
public struct DocumentProperties: Hashable, Sendable {
  public var title: String?
  public var subject: String?
  public var author: String?
  public var company: String?
  public var comments: String?
  /// The creation date. Set it for reproducible output; `nil` lets libxlsxwriter use the
  /// current time.
  public var created: UTCDateTime?

  /// Properties; every field is optional.
  public init(
    title: String? = nil, subject: String? = nil, author: String? = nil, company: String? = nil,
    comments: String? = nil, created: UTCDateTime? = nil
  ) {
    self.title = title
    self.subject = subject
    self.author = author
    self.company = company
    self.comments = comments
    self.created = created
  }
}
