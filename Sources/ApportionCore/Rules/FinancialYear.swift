/// The financial year a rule file is for, written as UK public bodies write it.
///
/// A financial year runs from 1 April to 31 March and is written as its first calendar year,
/// a `-` or `/`, and the last two digits of the next: `2016-17` or `2016/17`. It is kept as
/// written (reports and workbooks show it so); the workbooks' creation date is 1 April of
/// the first year, so the first year is from 1971 to 9998.
///
/// | written | |
/// | --- | --- |
/// | `2016-17`, `2016/17`, `1999-00`, `2099-00` | accepted |
/// | `hello`, `2016`, `2016-2017`, `16-17`, `2016 - 17` | not a financial year |
/// | `2016–17` (an en dash, as word processors write it) | a dash where a hyphen goes |
/// | `2016-18` | the years do not follow on |
/// | `1969-70`, `9999-00` | outside 1971-72 to 9998-99 |
public enum FinancialYear {
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
}
