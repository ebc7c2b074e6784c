/// A plan: several financial years of an agreement, each built from the one before.
///
/// The first year is the base (a sample, manifest or scenario) as it stands; each later year
/// is the year before with the plan's growth applied line by line, and every year holds the
/// events dated in it or before it, and the hosting model's lines for it. A plan year is an
/// ordinary run: ``changes(forYear:hosting:)`` gives the scenario changes that turn the base
/// into that year, and the same engine apportions it.
///
/// ```swift
/// let plan = Plan(title: "Five years", years: …, growth: [staff1, contracts2_5])
/// let changes = try plan.changes(forYear: 2)  // the base → the third year
/// ```
public struct Plan: Sendable {
  /// The plan's title (the file name when it gives none).
  public var title: String
  /// The years, consecutive, the first the base's.
  public var years: [FinancialYear]
  /// Growth applied each year after the first, in order, to the year before's amounts.
  public var growth: [GrowthRate]
  /// Events in date order.
  public var events: [PlanEvent]
  public var savings: SavingsTargets?
  public var hosting: HostingModel?
  /// Where the plan is written, for messages about the plan as a whole.
  public var location: SourceLocation

  public init(
    title: String, years: [FinancialYear], growth: [GrowthRate] = [], events: [PlanEvent] = [],
    savings: SavingsTargets? = nil, hosting: HostingModel? = nil, location: SourceLocation
  ) {
    self.title = title
    self.years = years
    self.growth = growth
    self.events = events
    self.savings = savings
    self.hosting = hosting
    self.location = location
  }
}

/// A year's change in the amounts of the lines a condition matches (staff +1%).
///
/// Each year's amount is the year before's scaled by the rate and rounded to the penny half
/// away from zero, line by line (``Money/scaled(by:)``): a line of £100.00 grown by 2.5% a
/// year is £102.50, then £105.06 (105.0625), then £107.69 (107.6865).
public struct GrowthRate: Sendable {
  public var condition: Condition
  public var rate: SignedPercentage
  public var location: SourceLocation

  public init(condition: Condition, rate: SignedPercentage, location: SourceLocation) {
    self.condition = condition
    self.rate = rate
    self.location = location
  }
}

/// Scenario changes that take effect on a date (the first day of a month).
///
/// In the year of its date, an event's rule and partner changes apply to the whole year
/// (its `joins`/`leaves` dates give the part-year membership), the lines it adds count from
/// its date (amount × months from the date to March ÷ 12) and the lines it removes until it
/// (amount × months before it ÷ 12), each rounded to the penny half away from zero. In later
/// years the event holds all year: its added lines count in full and grow with the plan, its
/// removed lines are gone, and join dates before the year are dropped.
public struct PlanEvent: Sendable {
  public var title: String?
  public var date: PlanMonth
  public var changes: [LocatedChange]
  public var location: SourceLocation

  public init(
    title: String? = nil, date: PlanMonth, changes: [LocatedChange], location: SourceLocation
  ) {
    self.title = title
    self.date = date
    self.changes = changes
    self.location = location
  }
}
