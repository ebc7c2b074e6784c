/// A value for one partner: a percentage or a driver figure.
public struct PartnerValue: Sendable, Hashable {
  public var partner: PartnerID
  public var value: ExactDecimal
  public init(_ partner: PartnerID, _ value: ExactDecimal) {
    self.partner = partner
    self.value = value
  }
}

/// A named table of non-negative values per partner, such as FTE or service-desk calls.
public struct Driver: Sendable, Hashable {
  public var name: String
  /// One value per partner, in the rule file's order.
  public var values: [PartnerValue]
  public var location: SourceLocation?

  public init(name: String, values: [PartnerValue], location: SourceLocation? = nil) {
    self.name = name
    self.values = values
    self.location = location
  }
}

/// One rule: which lines it takes and how it divides them.
public struct Rule: Sendable, Hashable {
  public var name: String
  /// An optional sentence for people (shown by `check` and in workbooks).
  public var note: String?
  public var condition: Condition
  public var basis: Basis
  /// Where the rule starts in the rule file.
  public var location: SourceLocation?
  /// The phasing profile of the lines it takes (when the line names none); even if nil.
  public var profile: String?

  public init(
    name: String, note: String? = nil, condition: Condition = .always, basis: Basis,
    location: SourceLocation? = nil, profile: String? = nil
  ) {
    self.name = name
    self.note = note
    self.condition = condition
    self.basis = basis
    self.location = location
    self.profile = profile
  }
}

/// An agreement: who the partners are and the ordered rules that share the cost.
///
/// The first rule whose condition matches a line takes it.
public struct RuleSet: Sendable {
  /// The agreement's title, for reports.
  public var agreement: String
  /// The financial year, as written: `2016-17`.
  public var year: String
  /// ISO currency code; amounts are in its minor unit.
  public var currency: String
  public var partners: [Partner]
  public var drivers: [Driver]
  public var rules: [Rule]
  /// Named month phasings that rules and budget lines may use.
  public var profiles: [PhasingProfile]

  public init(
    agreement: String, year: String, currency: String = "GBP", partners: [Partner],
    drivers: [Driver] = [], rules: [Rule], profiles: [PhasingProfile] = []
  ) {
    self.agreement = agreement
    self.year = year
    self.currency = currency
    self.partners = partners
    self.drivers = drivers
    self.rules = rules
    self.profiles = profiles
  }

  /// True when some partner joins or leaves during the year.
  public var hasPartYearPartners: Bool { partners.contains { !$0.membership.isWholeYear } }

  /// The partner with this id, if any.
  public func partner(_ id: PartnerID) -> Partner? { partners.first { $0.id == id } }
}
