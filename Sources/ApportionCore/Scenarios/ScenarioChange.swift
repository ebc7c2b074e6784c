/// One change a scenario makes to its base: to the agreement, the partners, the rules, the
/// drivers or the budget's lines. A scenario is an ordered list of these.
public enum ScenarioChange: Sendable {
  /// The financial year, as written (`2017-18`).
  case setYear(String)
  /// The agreement's title.
  case setAgreement(String)
  /// A new partner (with its membership months, if it joins or leaves during the year).
  case addPartner(Partner)
  /// A partner leaves the agreement altogether; no rule may still name it.
  case removePartner(PartnerID)
  /// A partner's id and/or name changes; rules and drivers follow a new id.
  case renamePartner(
    PartnerID, newID: PartnerID?, newName: String?, newShortName: String? = nil)
  /// A partner joins on the first day of a month and/or leaves on the last day of one.
  case setMembership(PartnerID, joins: String?, leaves: String?)
  /// A new rule at a place in the order.
  case insertRule(Rule, RulePlace)
  /// A rule replaced by another, in the same place.
  case replaceRule(named: String, with: Rule)
  /// A rule taken out.
  case removeRule(named: String)
  /// A rule's conditions, basis and/or phasing profile changed; what is not given stays.
  case changeRule(named: String, condition: Condition?, basis: Basis?, profile: String? = nil)
  /// Driver tables set (added, or replacing the table of the same name).
  case setDrivers([Driver])
  /// Phasing profiles set (added, or replacing the profile of the same name).
  case setProfiles([PhasingProfile])
  /// Budget lines added after the base budget's lines.
  case addLines([AddedLine])
  /// The amounts of matching lines scaled by a percentage (a pay award: `+2%`).
  case scaleLines(Condition, by: SignedPercentage)
  /// Matching lines taken out of the budget.
  case removeLines(Condition)
  /// Matching lines kept for the first `months` months of the year only: each amount times
  /// `months` ÷ 12, rounded to the penny half away from zero (a plan's contract that ends
  /// during the year). Written by plans, not by scenario files.
  case prorateLines(Condition, months: Int)

  /// True for the changes that act on budget lines rather than on the rule set.
  public var actsOnLines: Bool {
    switch self {
    case .addLines, .scaleLines, .removeLines, .prorateLines: return true
    default: return false
    }
  }
}

/// Where an inserted rule goes.
public enum RulePlace: Sendable, Hashable {
  case first
  case last
  case before(String)
  case after(String)
}

/// A change with where the scenario file writes it, for messages.
public struct LocatedChange: Sendable {
  public let change: ScenarioChange
  public let location: SourceLocation

  public init(_ change: ScenarioChange, at location: SourceLocation) {
    self.change = change
    self.location = location
  }
}

/// A percentage that may be negative: `+2.5%` for a pay award, `-10%` for a cut.
public struct SignedPercentage: Sendable, Hashable, CustomStringConvertible {
  public let isNegative: Bool
  public let magnitude: ExactDecimal

  public init(isNegative: Bool, magnitude: ExactDecimal) {
    self.isNegative = isNegative && !magnitude.isZero
    self.magnitude = magnitude
  }

  /// Reads `2.5%`, `+2.5%`, `-10%` (the `%` is required, so that `2` is never read as 200%).
  public init(parsing text: String) throws(ExactDecimalError) {
    var body = BudgetLine.trimmed(text)
    guard body.hasSuffix("%") else { throw .notANumber(text) }
    var negative = false
    if body.hasPrefix("-") {
      negative = true
      body.removeFirst()
    } else if body.hasPrefix("+") {
      body.removeFirst()
    }
    let written = try ExactDecimal.Written(parsing: body)
    self.init(isNegative: negative, magnitude: written.number)
  }

  /// `+2.5%`, `-10%`.
  public var description: String { (isNegative ? "-" : "+") + "\(magnitude)%" }
}

/// A budget line written in a scenario (or read from a CSV file it names): each field by
/// column name, with where it was written. The budget reader turns it into a ``BudgetLine``
/// once the budget's columns are known.
public struct AddedLine: Sendable {
  public struct Field: Sendable {
    public let column: String
    public let value: String
    public let location: SourceLocation
    public init(column: String, value: String, location: SourceLocation) {
      self.column = column
      self.value = value
      self.location = location
    }
  }

  public let fields: [Field]
  /// Where the line starts.
  public let location: SourceLocation

  public init(fields: [Field], location: SourceLocation) {
    self.fields = fields
    self.location = location
  }
}
