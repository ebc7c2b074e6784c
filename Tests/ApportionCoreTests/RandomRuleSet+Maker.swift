import TestSupport

@testable import ApportionCore

extension RandomRuleSet {
  /// Draws the random parts of a ``RandomRuleSet``.
  struct Maker {
    var rng: SeededGenerator
    var ids: [String] = []
    var drivers: [Driver] = []

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func int64(_ range: ClosedRange<Int64>) -> Int64 {
      Int64.random(in: range, using: &rng)
    }

    /// A random non-empty subset of the partners, in random order.
    mutating func someIDs() -> [PartnerID] {
      let count = int(1...ids.count)
      return ids.shuffled(using: &rng).prefix(count).map { PartnerID($0) }
    }

    /// `units / 10^scale` with trailing zeros sometimes dropped, as a person might write it.
    mutating func decimal(_ units: Int64, scale: Int) -> ExactDecimal {
      var (units, scale) = (units, scale)
      while scale > 0, units % 10 == 0, int(0...1) == 0 {
        units /= 10
        scale -= 1
      }
      return ExactDecimal(units: units, scale: scale)
    }

    /// A fraction in millionths: often 0 or 1 exactly, otherwise anything between.
    mutating func millionths() -> Int64 {
      switch int(0...5) {
      case 0: return 0
      case 1: return 1_000_000
      default: return int64(0...1_000_000)
      }
    }

    mutating func amount(style: Int) -> Int64 {
      switch style == 3 ? int(0...2) : style {
      case 0: return int64(-3...3)  // tiny: where rounding matters most
      case 1: return int64(-200_000_000...200_000_000)
      default: return int64(-1_000_000_000_000_000...1_000_000_000_000_000)
      }
    }

    /// A random basis; a carve-out (of two more) half the time at the top, less often deeper,
    /// never below three levels; percentages and drivers, whose figures can be fine, more
    /// often than the others.
    mutating func basis(depth: Int) -> Basis {
      let carve = depth < 3 && int(0..<(2 + depth)) == 0
      switch carve ? int(6...7) : [0, 1, 2, 2, 3, 3, 3, 4, 5][int(0...8)] {
      case 0: return .equal(among: nil)
      case 1: return .equal(among: someIDs())
      case 2: return percentages()
      case 3: return driver()
      case 4: return .direct(PartnerID(ids[int(0..<ids.count)]))
      case 5: return .directByColumn(ColumnRef("council"))
      case 6:
        let scale = int(0...9)
        let whole = pow10(scale)
        let units = [0, whole, int64(0...whole)][int(0...2)]
        return .carve(
          fraction: .constant(decimal(units, scale: scale)), to: basis(depth: depth + 1),
          rest: basis(depth: depth + 1))
      default:
        let column = RandomRuleSet.fractionColumns[int(0...2)]
        return .carve(
          fraction: .column(ColumnRef(column)), to: basis(depth: depth + 1),
          rest: basis(depth: depth + 1))
      }
    }

    /// Percentages with 0 to 9 decimal places adding up to exactly 100, for some partners.
    mutating func percentages() -> Basis {
      let scale = int(0...9)
      let members = someIDs()
      var left = 100 * pow10(scale)
      var values: [PartnerValue] = []
      for (index, id) in members.enumerated() {
        let units = index == members.count - 1 ? left : int64(0...left)
        left -= units
        values.append(PartnerValue(id, decimal(units, scale: scale)))
      }
      return .percentages(values)
    }

    /// A driver with 0 to 9 decimal places and up to 16 digits, some figures zero.
    mutating func driver() -> Basis {
      let scale = int(0...9)
      let largest = pow10(int(0...15))
      var figures = someIDs().map { ($0, int(0...3) == 0 ? 0 : int64(0...largest)) }
      if figures.allSatisfy({ $0.1 == 0 }) { figures[0].1 = 1 }
      let name = "d\(drivers.count)"
      drivers.append(
        Driver(name: name, values: figures.map { PartnerValue($0, decimal($1, scale: scale)) }))
      return .driver(name)
    }
  }
}
