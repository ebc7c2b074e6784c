/// The business case for hosting a system (oneOracle) for other councils: the fees clients
/// pay, what hosting costs, and the external contract it replaces.
///
/// The model produces ordinary budget lines for each year (``lines(for:)``): the fees as
/// income (negative amounts, category `hosting income`), the running and set-up costs
/// (category `hosting cost`); the plan ends the replaced line on the switch-over date and
/// shares the hosting lines by ``basis`` through the engine like any other line.
///
/// Every amount is exact and rounded once, to the penny half away from zero:
/// - a year's fee per client is the year before's plus ``uplift``, rounded (the first
///   year's is ``fee``); running costs grow by ``costsUplift`` the same way;
/// - a part year counts months ÷ 12 of the year's amount, rounded per client and per line;
/// - staff cost is FTE × cost per FTE, rounded, before any part year;
/// - a set-up cost spread over N years is split by cumulative rounding: year j gets
///   ⌊(j+1)·S/N⌋ − ⌊j·S/N⌋ pence, so the parts add up to S exactly.
public struct HostingModel: Sendable {
  /// Who pays the fees.
  public enum Clients: Sendable {
    /// A number of clients from each year given (each paying from the later of the year's
    /// start and the hosting's start) until the next year given; none before the first.
    case count([FinancialYear: Int])
    /// Named clients, each from its start (and to its end, if it has one).
    case named([Client])
  }

  /// A client council with the months it is a client.
  public struct Client: Sendable, Hashable {
    public var name: String
    public var starts: PlanMonth
    public var ends: PlanMonth?
    public init(name: String, starts: PlanMonth, ends: PlanMonth? = nil) {
      self.name = name
      self.starts = starts
      self.ends = ends
    }
  }

  /// A name for the lines and reports: `oneOracle hosting`.
  public var name: String
  /// The switch-over: hosting (and its costs) start on this month's first day, and the
  /// replaced line ends the day before.
  public var start: PlanMonth
  public var clients: Clients
  /// The annual fee per client in the first year of hosting.
  public var fee: Money
  public var uplift: SignedPercentage
  /// The one-off set-up cost, from the first year of hosting over ``setUpYears`` years.
  public var setUp: Money
  public var setUpYears: Int
  public var infrastructure: Money
  public var licences: Money
  public var staffFTE: ExactDecimal
  public var costPerFTE: Money
  /// Yearly growth of the running costs (infrastructure, licences, staff).
  public var costsUplift: SignedPercentage
  /// The id of the budget line hosting replaces (the external hosting contract).
  public var replaces: String?
  /// Who bears the costs and receives the income.
  public var basis: Basis
  /// The most clients the break-even search tries.
  public var breakEvenLimit: Int
  public var location: SourceLocation

  public static let incomeCategory = "hosting income"
  public static let costCategory = "hosting cost"
  public static let noChange = SignedPercentage(
    isNegative: false, magnitude: ExactDecimal(units: 0, scale: 0))

  public init(
    name: String, start: PlanMonth, clients: Clients, fee: Money,
    uplift: SignedPercentage = HostingModel.noChange, setUp: Money = .zero, setUpYears: Int = 1,
    infrastructure: Money = .zero, licences: Money = .zero,
    staffFTE: ExactDecimal = ExactDecimal(units: 0, scale: 0), costPerFTE: Money = .zero,
    costsUplift: SignedPercentage = HostingModel.noChange, replaces: String? = nil,
    basis: Basis, breakEvenLimit: Int = 20, location: SourceLocation
  ) {
    self.name = name
    self.start = start
    self.clients = clients
    self.fee = fee
    self.uplift = uplift
    self.setUp = setUp
    self.setUpYears = setUpYears
    self.infrastructure = infrastructure
    self.licences = licences
    self.staffFTE = staffFTE
    self.costPerFTE = costPerFTE
    self.costsUplift = costsUplift
    self.replaces = replaces
    self.basis = basis
    self.breakEvenLimit = breakEvenLimit
    self.location = location
  }

  /// One budget line the model produces for a year.
  public struct Line: Sendable, Hashable {
    public var id: String
    public var description: String
    /// Costs positive, income negative.
    public var amount: Money
    public var category: String
  }

  /// How many months of `year` the hosting runs (0 before its start, then 12).
  public func monthsHosted(in year: FinancialYear) -> Int {
    PlanMonth.months(of: year, from: start, to: nil)
  }

  /// Years of hosting before `year` (0 in the first year of hosting), or nil before it.
  func yearsSinceStart(_ year: FinancialYear) -> Int? {
    let count = year.startYear - start.year.startYear
    return count >= 0 ? count : nil
  }

  /// `amount` grown `times` times by `rate`, rounded at each step.
  static func grown(_ amount: Money, by rate: SignedPercentage, times: Int) throws(MoneyError)
    -> Money
  {
    var value = amount
    for _ in 0..<max(times, 0) { value = try value.scaled(by: rate) }
    return value
  }

  /// The clients and the months each pays for in `year` (a count override gives that many
  /// clients for every month of hosting).
  func clientMonths(in year: FinancialYear, count override: Int?) -> [(String, Int)] {
    let hosted = monthsHosted(in: year)
    if let override {
      return (0..<override).map { ("client \($0 + 1)", hosted) }
    }
    switch clients {
    case .count(let byYear):
      let given = byYear.keys.filter { $0.startYear <= year.startYear }.max {
        $0.startYear < $1.startYear
      }
      let count = given.flatMap { byYear[$0] } ?? 0
      return (0..<count).map { ("client \($0 + 1)", hosted) }
    case .named(let named):
      return named.map { client in
        let from = max(client.starts, start)
        return (client.name, PlanMonth.months(of: year, from: from, to: client.ends))
      }
    }
  }
}
