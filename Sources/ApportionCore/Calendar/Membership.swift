/// The months of the financial year in which a partner is a member: from the month it joins
/// to the month it leaves, inclusive. Most partners are members all year.
///
/// ```swift
/// let southwark = Membership(firstMonth: 7)           // joins 1 November (2017-18)
/// southwark.isMember(inMonth: 6)                      // false: October
/// Membership(lastMonth: 9).months                    // April to January
/// ```
public struct Membership: Sendable, Hashable {
  /// The first month (0 = April) in which the partner is a member.
  public var firstMonth: Int
  /// The last month (11 = March) in which the partner is a member.
  public var lastMonth: Int

  /// A member from `firstMonth` to `lastMonth`, inclusive.
  public init(firstMonth: Int = 0, lastMonth: Int = FinancialYear.monthCount - 1) {
    self.firstMonth = firstMonth
    self.lastMonth = lastMonth
  }

  /// Every month of the year.
  public static let wholeYear = Membership()

  /// True when the partner is a member all year.
  public var isWholeYear: Bool { self == .wholeYear }

  public func isMember(inMonth month: Int) -> Bool { (firstMonth...lastMonth).contains(month) }

  /// The months of membership.
  public var months: ClosedRange<Int> { firstMonth...lastMonth }
}
