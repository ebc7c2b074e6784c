extension HostingModel {
  /// The budget lines hosting adds to `year` (none before hosting starts; lines of zero are
  /// left out).
  ///
  /// - Parameter clients: a number of clients paying from the hosting's start, instead of
  ///   the model's own (for the break-even search and sweeps).
  /// - Throws: ``Diagnostic`` at the model when an amount does not fit.
  public func lines(for year: FinancialYear, clients override: Int? = nil) throws(Diagnostic)
    -> [Line]
  {
    guard let since = yearsSinceStart(year) else { return [] }
    do {
      return try makeLines(year: year, since: since, override: override)
    } catch {
      throw Diagnostic(
        at: location, "the hosting amounts for \(year) are too large: \(error)",
        hint: "check the fee, costs and uplifts")
    }
  }

  private func makeLines(year: FinancialYear, since: Int, override: Int?) throws(MoneyError)
    -> [Line]
  {
    let hosted = monthsHosted(in: year)
    var lines: [Line] = []
    let rate = try Self.grown(fee, by: uplift, times: since)
    let paying = clientMonths(in: year, count: override)
    let named: Bool
    if case .named = clients, override == nil { named = true } else { named = false }
    if named {
      for (index, (client, months)) in paying.enumerated() where months > 0 {
        lines.append(
          Line(
            id: "HOST-FEE-\(index + 1)",
            description: "\(name): fee from \(client), \(months) months at \(rate.grouped) a year",
            amount: try -(try rate.scaled(by: Int64(months), over: 12)),
            category: Self.incomeCategory))
      }
    } else if let months = paying.first?.1, months > 0 {
      let each = try rate.scaled(by: Int64(months), over: 12)
      lines.append(
        Line(
          id: "HOST-FEE",
          description:
            "\(name): fees from \(paying.count) client\(paying.count == 1 ? "" : "s"), "
            + "\(months) months at \(rate.grouped) a year each",
          amount: try -(try each.scaled(by: Int64(paying.count), over: 1)),
          category: Self.incomeCategory))
    }
    let staff = try costPerFTE.scaled(
      by: staffFTE.units, over: Self.power(of: 10, staffFTE.scale))
    let running: [(String, String, Money)] = [
      ("HOST-INFRA", "infrastructure", infrastructure),
      ("HOST-LICENCES", "licences", licences),
      ("HOST-STAFF", "support staff (\(staffFTE) FTE)", staff),
    ]
    for (id, what, annual) in running {
      let amount = try Self.grown(annual, by: costsUplift, times: since)
        .scaled(by: Int64(hosted), over: 12)
      if amount != .zero {
        lines.append(
          Line(
            id: id, description: "\(name): \(what), \(hosted) months",
            amount: amount, category: Self.costCategory))
      }
    }
    let spread = max(setUpYears, 1)
    if since < spread {
      let upTo = { (j: Int) throws(MoneyError) -> Money in
        try self.setUp.scaledDown(by: Int64(j), over: Int64(spread))
      }
      let part = try upTo(since + 1) - upTo(since)
      if part != .zero {
        lines.append(
          Line(
            id: "HOST-SETUP",
            description: spread == 1
              ? "\(name): one-off set-up" : "\(name): set-up, year \(since + 1) of \(spread)",
            amount: part, category: Self.costCategory))
      }
    }
    return lines
  }

  static func power(of base: Int64, _ exponent: Int) -> Int64 {
    var value: Int64 = 1
    for _ in 0..<exponent { value *= base }
    return value
  }
}

extension Money {
  /// ⌊amount × numerator ÷ denominator⌋ (towards minus infinity), for cumulative splits.
  func scaledDown(by numerator: Int64, over denominator: Int64) throws(MoneyError) -> Money {
    let product = Int128(pence) * Int128(numerator)
    let scale = Int128(denominator)
    var quotient = product / scale
    if product % scale != 0 && product < 0 { quotient -= 1 }
    guard let result = Int64(exactly: quotient) else { throw .overflow }
    return Money(pence: result)
  }
}
