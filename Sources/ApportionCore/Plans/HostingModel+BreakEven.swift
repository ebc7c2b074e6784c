/// One year of the hosting's business case.
public struct HostingYear: Sendable, Hashable {
  public var year: FinancialYear
  /// The clients' fees (positive).
  public var income: Money
  /// Running and set-up costs.
  public var cost: Money
  /// What the replaced external line no longer costs this year.
  public var replaced: Money
  /// income − cost + replaced.
  public var net: Money
}

extension HostingModel {
  /// The hosting's figures for each year.
  ///
  /// - Parameters:
  ///   - external: the replaced line's amount in each year as it would be without hosting
  ///     (grown with the plan), or nil when nothing is replaced; the year of the switch-over
  ///     keeps the months before it.
  ///   - clients: a number of clients paying from the hosting's start, instead of the
  ///     model's own.
  public func figures(years: [FinancialYear], external: [Money]?, clients: Int? = nil)
    throws(Diagnostic) -> [HostingYear]
  {
    var result: [HostingYear] = []
    for (index, year) in years.enumerated() {
      let lines = try self.lines(for: year, clients: clients)
      do {
        let income = try -(try Money.sum(lines.filter { $0.amount.isNegative }.map(\.amount)))
        let cost = try Money.sum(lines.filter { !$0.amount.isNegative }.map(\.amount))
        var replaced = Money.zero
        if let full = external?[index], yearsSinceStart(year) != nil {
          replaced = try full - kept(of: full, in: year)
        }
        result.append(
          HostingYear(
            year: year, income: income, cost: cost, replaced: replaced,
            net: try income - cost + replaced))
      } catch {
        throw Diagnostic(at: location, "the hosting figures for \(year) are too large: \(error)")
      }
    }
    return result
  }

  /// What remains of the replaced line's amount `full` in `year`: all of it before the
  /// switch-over year, the months before the switch-over in that year, nothing after.
  public func kept(of full: Money, in year: FinancialYear) -> Money {
    guard let since = yearsSinceStart(year) else { return full }
    return since == 0 ? full.prorated(months: start.month) : .zero
  }

  /// The smallest whole number of clients, each paying the fee from the hosting's start,
  /// at which the hosting's net result added up over the plan's years is zero or better;
  /// nil when none up to ``breakEvenLimit`` does.
  public func breakEvenClients(years: [FinancialYear], external: [Money]?) throws(Diagnostic)
    -> Int?
  {
    for count in 0...max(breakEvenLimit, 0) {
      let net = try cumulativeNet(years: years, external: external, clients: count)
      if !net.isNegative { return count }
    }
    return nil
  }

  /// The net result over all the years with `clients` clients from the start.
  public func cumulativeNet(years: [FinancialYear], external: [Money]?, clients: Int)
    throws(Diagnostic) -> Money
  {
    let figures = try figures(years: years, external: external, clients: clients)
    do { return try Money.sum(figures.map(\.net)) } catch {
      throw Diagnostic(at: location, "the hosting's net result is too large: \(error)")
    }
  }
}
