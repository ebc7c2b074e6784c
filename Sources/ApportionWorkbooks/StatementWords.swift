import ApportionCore

/// A rule's basis in a few words from one partner's side, for its statement: "equal split
/// between all 3", "by calls: Southwark 21950 of 65606", "fixed: Southwark 15%", "the share
/// in column lga_share to Brent, the rest equal split between all 3". Partners go by their
/// short names.
struct StatementWords {
  let ruleSet: RuleSet
  let partner: Partner

  func describe(_ basis: Basis) -> String { words(basis, nested: false) }

  private func name(_ id: PartnerID) -> String { ruleSet.partner(id)?.shortName ?? id.rawValue }

  private func words(_ basis: Basis, nested: Bool) -> String {
    switch basis {
    case .equal(nil): return "equal split between all \(ruleSet.partners.count)"
    case .equal(let among?): return "equal split between " + Self.list(among.map(name))
    case .percentages(let pairs):
      let mine = pairs.first { $0.partner == partner.id }.map { "\($0.value)" } ?? "0"
      return "fixed: \(partner.shortName) \(mine)%"
    case .driver(let driverName):
      guard let driver = ruleSet.drivers.first(where: { $0.name == driverName }) else {
        return "by \(driverName)"
      }
      let mine = driver.values.first { $0.partner == partner.id }.map { "\($0.value)" } ?? "0"
      return "by \(driverName): \(partner.shortName) \(mine) of \(Self.sum(driver.values))"
    case .direct(let id): return (nested ? "to " : "all to ") + name(id)
    case .directByColumn(let column):
      return (nested ? "to" : "all to") + " the partner named in column \(column.name)"
    case .carve(let fraction, let to, let rest):
      let part: String
      switch fraction {
      case .constant(let value): part = "\(value) of each line"
      case .column(let column): part = "the share in column \(column.name)"
      }
      return "\(part) \(words(to, nested: true)), the rest \(words(rest, nested: true))"
    }
  }

  /// `a`, `a and b`, `a, b and c`.
  static func list(_ names: [String]) -> String {
    guard names.count > 1, let last = names.last else { return names.first ?? "none" }
    return names.dropLast().joined(separator: ", ") + " and " + last
  }

  /// The values added up exactly, as written (`12.5 + 9 + 10.25` → `31.75`).
  static func sum(_ values: [PartnerValue]) -> String {
    let scale = values.map(\.value.scale).max() ?? 0
    var units: Int64 = 0
    for value in values {
      var scaled = value.value.units
      for _ in value.value.scale..<scale {
        let (product, overflow) = scaled.multipliedReportingOverflow(by: 10)
        if overflow { return "the total" }
        scaled = product
      }
      let (sum, overflow) = units.addingReportingOverflow(scaled)
      if overflow { return "the total" }
      units = sum
    }
    return "\(ExactDecimal(units: units, scale: scale))"
  }
}
