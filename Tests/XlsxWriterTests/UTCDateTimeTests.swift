import TestSupport
import Testing
import XlsxWriter

/// Dates and their seconds since 1970, checked against `date -u -d @<seconds>`.
@Test(arguments: [
  (UTCDateTime(year: 1970, month: 1, day: 1, second: 1), 1),
  (UTCDateTime(year: 2016, month: 4, day: 1), 1_459_468_800),
  (UTCDateTime(year: 2024, month: 2, day: 29), 1_709_164_800),
  (UTCDateTime(year: 2000, month: 3, day: 1, hour: 12, minute: 34, second: 56), 951_914_096),
  (UTCDateTime(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59), 253_402_300_799),
])
func datesAndSecondsConvertBothWays(date: UTCDateTime, seconds: Int) {
  #expect(date.secondsSinceEpoch == seconds)
  #expect(UTCDateTime(secondsSinceEpoch: seconds) == date)
}

@Test func secondsOutsideTheRangeHaveNoDate() {
  for seconds in [Int.min, -1, 0, 253_402_300_800, Int.max] {
    #expect(UTCDateTime(secondsSinceEpoch: seconds) == nil, "\(seconds)")
  }
}

@Test func randomSecondsRoundTrip() throws {
  var random = SeededGenerator(seed: 1970)
  for _ in 0..<10_000 {
    let seconds = Int.random(in: 1..<253_402_300_800, using: &random)
    let date = try #require(UTCDateTime(secondsSinceEpoch: seconds))
    #expect(date.secondsSinceEpoch == seconds, "\(date)")
  }
}

@Test func everyDayOfALeapYearAndACenturyRoundTrips() throws {
  for year in [1972, 2000, 2100] {
    for month in 1...12 {
      for day in 1...31 {
        let date = UTCDateTime(year: year, month: month, day: day, hour: 6)
        guard let seconds = date.secondsSinceEpoch else { continue }
        #expect(UTCDateTime(secondsSinceEpoch: seconds) == date)
      }
    }
  }
  #expect(UTCDateTime(year: 2100, month: 2, day: 29).secondsSinceEpoch == nil)
  #expect(UTCDateTime(year: 2000, month: 2, day: 29).secondsSinceEpoch == 951_782_400)
}
