/// What a plan's run gives: each year's figures per partner and the hosting's case.
public struct PlanResult: Sendable {
  public var title: String
  public var years: [PlanYear]
  /// The hosting's figures per year (nil when the plan has no hosting model).
  public var hosting: [HostingYear]?
  /// The smallest number of clients at which hosting pays over the plan (nil when none up
  /// to the model's limit, or no hosting model).
  public var breakEvenClients: Int?
  /// Per year, each partner's net with the hosting minus its net without it (negative: the
  /// hosting saves the partner money); nil when the plan has no hosting model.
  public var hostingEffect: [[PartnerID: Money]]?
  /// Every partner of any year, in the order they first appear.
  public var partners: [Partner]

  public init(
    title: String, years: [PlanYear], hosting: [HostingYear]?, breakEvenClients: Int?
  ) {
    self.title = title
    self.years = years
    self.hosting = hosting
    self.breakEvenClients = breakEvenClients
    var seen: Set<PartnerID> = []
    partners = years.flatMap(\.summary.partners).filter { seen.insert($0.id).inserted }
  }

  /// Each partner's hosting effect over all the years (nil without a hosting model).
  public func cumulativeHostingEffect() throws(MoneyError) -> [PartnerID: Money]? {
    guard let hostingEffect else { return nil }
    var totals: [PartnerID: Money] = [:]
    for year in hostingEffect {
      for (partner, effect) in year { totals[partner] = try (totals[partner] ?? .zero) + effect }
    }
    return totals
  }

  /// Each partner's net over all the years.
  public func cumulativeNet() throws(MoneyError) -> [PartnerID: Money] {
    var totals: [PartnerID: Money] = [:]
    for year in years {
      for (partner, net) in zip(year.summary.partners, year.net) {
        totals[partner.id] = try (totals[partner.id] ?? .zero) + net
      }
    }
    return totals
  }
}

/// One year of a plan: the engine's summary and each partner's cost, income and net.
public struct PlanYear: Sendable {
  public var year: FinancialYear
  public var summary: Summary
  /// Per partner (in the summary's order): its share of the lines that cost.
  public var cost: [Money]
  /// Per partner: its share of the income lines, as a positive amount.
  public var income: [Money]
  /// Per partner: cost − income, the engine's total.
  public var net: [Money] { summary.partnerTotals }
  /// Per partner: its saving and target (empty when the plan has no targets).
  public var savings: [PartnerSaving]

  public init(year: FinancialYear, summary: Summary, cost: [Money], income: [Money]) {
    self.year = year
    self.summary = summary
    self.cost = cost
    self.income = income
    savings = []
  }

  /// The net of the partner with this id, if it is a partner this year.
  public func net(of id: PartnerID) -> Money? {
    summary.partners.firstIndex { $0.id == id }.map { net[$0] }
  }
}
