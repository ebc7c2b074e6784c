import ApportionCore

/// The limits every input is checked against while it is read, so that whatever passes
/// `apportion check` also runs, prints its JSON and writes its workbooks. Each is documented
/// for finance officers in `Rules/README.md` ("Limits").
///
/// The workbooks set most of them: a cell holds at most 32,767 characters (counted as Excel
/// does, in UTF-16 code units, so an emoji counts 2) and numbers of 15 significant digits
/// exactly (`XlsxWriter.Worksheet.maxStringLength` and `maxExactPence`: the writer refuses
/// more than 999,999,999,999,999 pence); a printed page header holds 255 characters.
public enum InputLimits {
  /// The longest text in one budget field, one header cell or one rule-file value, and the
  /// longest description in words of one rule (what `check` prints and the Rules sheet
  /// holds): a workbook cell's limit.
  public static let textLength = 32_767

  /// The largest amount, and the largest total of a budget's amounts counted without their
  /// signs: £999,999,999,999.99.
  ///
  /// A workbook cell holds 999,999,999,999,999 pence exactly. Every number the workbooks
  /// hold (a partner's part of a line, a rule's total, a sheet's subtotal, a partner's
  /// total) is at most the total of the amounts without signs, give or take a penny or two
  /// of rounding per rule; a limit ten times smaller than the cell's leaves room for those
  /// pennies whatever the rules, and is far above any council's budget.
  public static let amountPence: Int64 = 99_999_999_999_999

  /// The most columns in a budget: with the partners' columns, a workbook's Lines sheet
  /// must fit in a worksheet's 16,384 columns.
  public static let budgetColumns = 16_000

  /// The most partners: each is a workbook, and a column on the partnership's sheets.
  public static let partners = 100

  /// The longest agreement title and partner name, counting an `&` as two characters: the
  /// printed page header of a partner's statement holds the agreement, the year, the
  /// partner's name and a sheet name of up to 31 characters, within Excel's 255 (an `&`
  /// is doubled there): 4 + 100 + 8 + 2 + 70 + 62 = 246.
  public static let agreementLength = 100
  public static let partnerNameLength = 70

  /// The longest name of a driver: it labels a row of the workbooks' Sources sheet.
  public static let nameLength = 255

  /// The largest rule file and manifest, in bytes, so that a wrong path (a device, a huge
  /// file) is refused rather than read into memory.
  public static let ruleFileBytes = 4 << 20
  public static let manifestBytes = 64 << 10

  /// The length of a text as a workbook counts it.
  public static func length(_ text: String) -> Int { text.utf16.count }

  /// The length of a text in a printed page header, where an `&` is written `&&`.
  public static func headerLength(_ text: String) -> Int {
    text.count + text.reduce(0) { $0 + ($1 == "&" ? 1 : 0) }
  }

  /// `1,234,567`: a count for a message.
  static func grouped(_ number: Int) -> String {
    let digits = Array(String(number.magnitude))
    var out = number < 0 ? "-" : ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return out
  }

  /// The largest amount in pounds, for messages: `£999,999,999,999.99`.
  static var largestAmount: String { Money(pence: amountPence).formatted }
}
