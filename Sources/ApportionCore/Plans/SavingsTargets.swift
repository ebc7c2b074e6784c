/// Savings targets per partner per year, against a stated baseline per partner (the cost
/// before the shared service) or against the year before.
///
/// A partner's saving in a year is its baseline minus its net cost that year (against the
/// baseline), or its net cost the year before minus this year's (against the previous year;
/// the first year, and a partner's first year in the plan, against the stated baseline if
/// there is one). A target is met when the saving is at least the target; otherwise the
/// shortfall is the target minus the saving.
public struct SavingsTargets: Sendable {
  public enum Against: String, Sendable {
    case baseline
    case previousYear = "previous year"
  }

  public var against: Against
  public var baseline: [PartnerID: Money]
  public var targets: [FinancialYear: [PartnerID: Money]]
  public var location: SourceLocation

  public init(
    against: Against, baseline: [PartnerID: Money], targets: [FinancialYear: [PartnerID: Money]],
    location: SourceLocation
  ) {
    self.against = against
    self.baseline = baseline
    self.targets = targets
    self.location = location
  }

  /// A partner's saving in `year` given its net cost then and the year before's (nil when
  /// it was not a partner or this is the plan's first year).
  public func saving(
    of partner: PartnerID, in year: FinancialYear, net: Money, previous: Money?
  ) throws(MoneyError) -> PartnerSaving {
    let from: Money?
    switch against {
    case .baseline: from = baseline[partner]
    case .previousYear: from = previous ?? baseline[partner]
    }
    let saving = try from.map { (start: Money) throws(MoneyError) -> Money in try start - net }
    let target = targets[year]?[partner]
    return try PartnerSaving(saving: saving, target: target)
  }
}

/// One partner's saving in one year, with its target.
public struct PartnerSaving: Sendable, Hashable {
  /// nil when there is nothing to measure it against.
  public var saving: Money?
  public var target: Money?
  /// nil when there is no target (or no saving to compare).
  public var met: Bool?
  /// The target minus the saving when the target is not met.
  public var shortfall: Money?

  public init(saving: Money?, target: Money?) throws(MoneyError) {
    self.saving = saving
    self.target = target
    if let saving, let target {
      met = saving >= target
      shortfall = saving >= target ? nil : try target - saving
    }
  }
}
