/// How a line's amount falls across the twelve months of the financial year: twelve
/// weights, April first. A line with no profile is phased evenly (each month 1/12).
///
/// ```yaml
/// profiles:
///   school-terms: [1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1]   # nothing in August
/// ```
///
/// Phasing matters only when a partner joins or leaves during the year, and for the monthly
/// recharge schedule: a line's share for each month is shared among that month's members.
public struct PhasingProfile: Sendable, Hashable {
  public var name: String
  /// Twelve non-negative weights, April to March, not all zero.
  public var weights: [ExactDecimal]
  public var location: SourceLocation?

  public init(name: String, weights: [ExactDecimal], location: SourceLocation? = nil) {
    self.name = name
    self.weights = weights
    self.location = location
  }

  /// The even profile: the same weight in every month.
  public static let even = PhasingProfile(
    name: "even",
    weights: Array(repeating: ExactDecimal(units: 1, scale: 0), count: FinancialYear.monthCount))

  /// The budget's month columns, April to March: `apr`, `may`, … `mar`. A budget with all
  /// twelve gives each line its own phasing, in pounds and pence that add up to the line.
  public static let monthColumns = [
    "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "jan", "feb", "mar",
  ]

  /// The budget column naming a line's profile.
  public static let profileColumn = "profile"
}
