import ApportionCore

/// An earlier figure for each partner to compare a run with, such as the base of a scenario:
/// each statement shows the partner's total in it and the change.
///
/// ```swift
/// let base = Baseline(
///   label: "Base: 2016-17",
///   totals: [PartnerID("brent"): brentTotal, PartnerID("lewisham"): lewishamTotal])
/// let books = try WorkbookSet(
///   directory: "out", ruleSet: scenario, schema: schema, sources: sources, profile: profile,
///   baseline: base)
/// ```
public struct Baseline: Sendable, Hashable {
  /// What the figures are, as a reader should see it: `Base: 2016-17`.
  public var label: String
  /// Each partner's total; a partner that is not in it (one that joins in a scenario) is
  /// shown as new.
  public var totals: [PartnerID: Money]

  public init(label: String, totals: [PartnerID: Money]) {
    self.label = label
    self.totals = totals
  }
}
