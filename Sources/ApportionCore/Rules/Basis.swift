/// How a rule divides each line it takes between the partners.
public indirect enum Basis: Sendable, Hashable {
  /// Equal shares among these partners (all partners when `nil`).
  case equal(among: [PartnerID]?)
  /// Fixed percentages that add up to exactly 100.
  case percentages([PartnerValue])
  /// In proportion to a named driver table (for example service-desk calls).
  case driver(String)
  /// The whole line to one partner.
  case direct(PartnerID)
  /// The whole line to the partner named in a budget column (by id or name).
  case directByColumn(ColumnRef)
  /// A fraction of each line goes by one basis, the rest by another.
  case carve(fraction: CarveFraction, to: Basis, rest: Basis)
}

/// The fraction a carve-out takes from each line.
public enum CarveFraction: Sendable, Hashable {
  /// The same fraction of every line: 0 to 1 (`0.25`) or a percentage (`25%`).
  case constant(ExactDecimal)
  /// Each line's own fraction, read from a column: `0.25` or `25%`.
  case column(ColumnRef)
}

extension Basis {
  /// True when the basis shares between partners as members (equal splits, percentages,
  /// drivers), so that a partner joining or leaving during the year changes it; direct
  /// charges do not depend on membership.
  public var dependsOnMembership: Bool {
    switch self {
    case .equal, .percentages, .driver: return true
    case .direct, .directByColumn: return false
    case .carve(_, let to, let rest): return to.dependsOnMembership || rest.dependsOnMembership
    }
  }

  /// Plain words for a person, given the partners for their names.
  ///
  /// "equal split, 1 of 2 partners"; "direct: the partner in column council";
  /// "43.5% Brent, 56.5% Lewisham".
  public func describe(partners: [Partner], drivers: [Driver] = []) -> String {
    func name(_ id: PartnerID) -> String { partners.first { $0.id == id }?.name ?? id.rawValue }
    switch self {
    case .equal(nil): return "equal split between \(partners.count) partners"
    case .equal(let among?): return "equal split between \(list(among.map(name)))"
    case .percentages(let pairs):
      return "fixed percentages: "
        + pairs.map { "\(name($0.partner)) \($0.value)%" }.joined(separator: ", ")
    case .driver(let driver):
      let table = drivers.first { $0.name == driver }
      let values = table.map { t in
        ": " + t.values.map { "\(name($0.partner)) \($0.value)" }.joined(separator: ", ")
      }
      return "in proportion to \(driver)\(values ?? "")"
    case .direct(let id): return "direct to \(name(id))"
    case .directByColumn(let column): return "direct to the partner named in column \(column.name)"
    case .carve(let fraction, let to, let rest):
      let part: String
      switch fraction {
      case .constant(let value): part = "\(value) of each line"
      case .column(let column): part = "the fraction in column \(column.name) of each line"
      }
      return "carve-out: \(part) \(to.describe(partners: partners, drivers: drivers)); "
        + "the rest \(rest.describe(partners: partners, drivers: drivers))"
    }
  }
}
