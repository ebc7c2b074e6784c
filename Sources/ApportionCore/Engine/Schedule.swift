/// The monthly recharge schedule of a run: each partner's amount in each month of the
/// financial year, in pence.
///
/// Each partner's months add up to its total for the year (the run's total, to the penny);
/// each month's total is the sum of the partners' amounts; and, rule by rule, each partner's
/// amount in each month is within 1p of its exact share of the rule's lines for that month
/// (see ``ScheduleRounding``). A line's amount falls across the months evenly, by a
/// profile, or by its own month amounts; partners who join or leave during the year share
/// only the months in which they are members.
public struct Schedule: Sendable {
  /// The months, April first: `2017-04` … `2018-03` (or `month 1` … when the year is not
  /// written as a financial year).
  public let months: [String]
  /// `byPartner[p][m]`: partner p's amount in month m.
  public let byPartner: [[Money]]
  /// `byRule[r][p][m]`: partner p's amount of rule r in month m.
  public let byRule: [[[Money]]]
  /// Each month's total over the partners.
  public let monthTotals: [Money]

  init(months: [String], byRule: [[[Money]]], partners: Int) throws(MoneyError) {
    self.months = months
    self.byRule = byRule
    var byPartner = Array(
      repeating: Array(repeating: Money.zero, count: months.count), count: partners)
    var totals = Array(repeating: Money.zero, count: months.count)
    for rule in byRule {
      for p in 0..<partners {
        for m in months.indices {
          try byPartner[p][m] += rule[p][m]
          try totals[m] += rule[p][m]
        }
      }
    }
    self.byPartner = byPartner
    monthTotals = totals
  }

  /// The months' labels for a year as written in a rule file.
  static func labels(year: String) -> [String] {
    (try? FinancialYear(parsing: year).monthLabels)
      ?? (1...FinancialYear.monthCount).map { "month \($0)" }
  }
}
