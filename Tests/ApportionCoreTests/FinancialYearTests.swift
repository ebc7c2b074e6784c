import ApportionCore
import Testing

/// ``FinancialYear``: the table in its documentation, case by case.
@Suite("FinancialYear: 2016-17 or 2016/17")
struct FinancialYearTests {
  @Test("accepted", arguments: ["2016-17", "2016/17", "1999-00", "2099-00", "1971-72", "9998-99"])
  func accepted(_ year: String) {
    #expect(FinancialYear.problem(with: year) == nil)
  }

  @Test(
    "refused",
    arguments: [
      ("hello", "'hello' is not a financial year"),
      ("2016", "'2016' is not a financial year"),
      ("2016-2017", "'2016-2017' is not a financial year"),
      ("16-17", "'16-17' is not a financial year"),
      ("2016 - 17", "'2016 - 17' is not a financial year"),
      ("２０１６-17", "is not a financial year"),
      ("2016\u{2013}17", "'2016\u{2013}17' has a dash '\u{2013}' where a hyphen '-' goes"),
      ("2016-18", "the year after 2016 ends in 17, not 18"),
      ("1999-01", "the year after 1999 ends in 00, not 01"),
      ("1969-70", "'1969-70' is outside 1971-72 to 9998-99"),
      ("9999-00", "'9999-00' is outside 1971-72 to 9998-99"),
    ])
  func refused(_ year: String, _ message: String) {
    let problem = FinancialYear.problem(with: year)
    #expect(problem?.contains(message) == true, "\(problem ?? "accepted")")
  }
}
