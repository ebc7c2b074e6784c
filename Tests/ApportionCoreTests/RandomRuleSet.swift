import BigInt
import TestSupport

@testable import ApportionCore

/// A random agreement — every basis, nested carve-outs, percentages and drivers with up to
/// 9 decimal places, carve-out fractions from 0 to 1 constant or from columns — and a random
/// budget for it, with each line's exact shares worked out here from the bases'
/// definitions, with fractions, independently of the engine.
struct RandomRuleSet {
  /// The budget's columns: `rule` picks the rule, `council` names a partner for direct by
  /// column, `f1`…`f3` hold carve-out fractions.
  static let columns = ["id", "description", "amount", "rule", "council", "f1", "f2", "f3"]
  static let fractionColumns = ["f1", "f2", "f3"]
  /// Ids unique when case is ignored, with capitals, digits, `-` and `_`, so that the tie
  /// order by character code is exercised.
  static let idPool = [
    "brent", "Lewisham", "SOUTHWARK", "croydon-2", "Havering_1", "0day", "a", "B", "z-z", "x_1",
    "Lambeth", "newham",
  ]

  let ruleSet: RuleSet
  let lines: [BudgetLine]
  /// Each line's exact weights, `weights[line][partner]` (partners in ``RuleSet/partners``
  /// order): each partner's fraction of the line. Lines that a rule shares alike (the same
  /// values in the columns its basis reads) share one array, identified by `weightKey`.
  let weights: [[BigFraction]]
  let weightKey: [Int]
  /// The rule that takes each line.
  let ruleOf: [Int]

  init(seed: UInt64) {
    var maker = Maker(rng: SeededGenerator(seed: seed))
    let partnerCount = maker.int(1...6)
    let ids = Array(Self.idPool.shuffled(using: &maker.rng).prefix(partnerCount))
    maker.ids = ids
    let partners = ids.enumerated().map { Partner(id: PartnerID($1), name: "Council \($0)") }
    let ruleCount = maker.int(1...4)
    var rules: [Rule] = []
    for index in 0..<ruleCount {
      let condition: Condition =
        index == ruleCount - 1 ? .always : .column(ColumnRef("rule"), .oneOf(["r\(index)"]))
      rules.append(Rule(name: "Rule \(index)", condition: condition, basis: maker.basis(depth: 0)))
    }
    ruleSet = RuleSet(
      agreement: "random", year: "2016-17", partners: partners, drivers: maker.drivers,
      rules: rules)

    let style = maker.int(0...3)
    // Each column's fractions come from a pool of two per budget (0, 1 or anything
    // between), so that lines repeat them and their exact weights can be worked out once.
    let pools = Self.fractionColumns.map { _ in [maker.millionths(), maker.millionths()] }
    let councils = [maker.int(0..<partnerCount), maker.int(0..<partnerCount)]
    var lines: [BudgetLine] = []
    var weights: [[BigFraction]] = []
    var weightKey: [Int] = []
    var ruleOf: [Int] = []
    var known: [[Int]: Int] = [:]
    for index in 0..<maker.int(0...16) {
      let pence = maker.amount(style: style)
      let rule = maker.int(0...ruleCount)
      let council = councils[maker.int(0...1)]
      let spellings = [ids[council], ids[council].uppercased(), " \(partners[council].name) "]
      let choices = Self.fractionColumns.map { _ in maker.int(0...1) }
      let millionths = zip(pools, choices).map { $0[$1] }
      let fractionTexts = millionths.map { m in
        maker.int(0...1) == 0
          ? ExactDecimal(units: m, scale: 6).description
          : ExactDecimal(units: m, scale: 4).description + "%"
      }
      let id = "L\(index)"
      lines.append(
        BudgetLine(
          id: id, description: "line \(index)", amount: Money(pence: pence),
          values: [
            id, "line \(index)", Money(pence: pence).plainText, "r\(rule)",
            spellings[maker.int(0...2)],
          ] + fractionTexts,
          location: SourceLocation(file: "t.csv", line: index + 2),
          columns: Array(1...Self.columns.count)))
      let taking = min(rule, ruleCount - 1)
      let reads = Self.columnsRead(rules[taking].basis)
      let key =
        [taking, reads.contains("council") ? council : -1]
        + zip(Self.fractionColumns, choices).map { reads.contains($0) ? $1 : -1 }
      if let known = known[key] {
        weights.append(weights[known])
        weightKey.append(known)
      } else {
        let oracle = Oracle(
          partners: ids, drivers: maker.drivers, council: council,
          fractions: Dictionary(
            uniqueKeysWithValues: zip(
              Self.fractionColumns, millionths.map { BigFraction(units: $0, scale: 6) })))
        known[key] = index
        weights.append(oracle.weights(rules[taking].basis))
        weightKey.append(index)
      }
      ruleOf.append(taking)
    }
    self.lines = lines
    self.weights = weights
    self.weightKey = weightKey
    self.ruleOf = ruleOf
  }

  /// The budget columns a basis reads.
  static func columnsRead(_ basis: Basis) -> Set<String> {
    switch basis {
    case .directByColumn(let column): return [column.name]
    case .carve(let fraction, let to, let rest):
      var columns = columnsRead(to).union(columnsRead(rest))
      if case .column(let column) = fraction { columns.insert(column.name) }
      return columns
    default: return []
    }
  }

  static func schema() throws -> BudgetSchema {
    try BudgetSchema(
      columns: columns,
      locations: columns.indices.map { SourceLocation(file: "t.csv", line: 1, column: $0 + 1) })
  }
}

/// What a basis means, from its definition, for one line.
private struct Oracle {
  let partners: [String]
  let drivers: [Driver]
  /// The partner the line's `council` column names.
  let council: Int
  /// The line's carve-out fractions by column.
  let fractions: [String: BigFraction]

  func position(_ id: PartnerID) -> Int { partners.firstIndex(of: id.rawValue) ?? -1 }

  /// Each partner's fraction of the line.
  func weights(_ basis: Basis) -> [BigFraction] {
    var shares = Array(repeating: BigFraction.zero, count: partners.count)
    switch basis {
    case .equal(nil):
      for p in shares.indices { shares[p] = BigFraction(1, BigInt(partners.count)) }
    case .equal(let among?):
      for id in among { shares[position(id)] = BigFraction(1, BigInt(among.count)) }
    case .percentages(let values):
      for value in values {
        shares[position(value.partner)] =
          BigFraction(units: value.value.units, scale: value.value.scale) / BigFraction(100)
      }
    case .driver(let name):
      let values = drivers.first { $0.name == name }?.values ?? []
      let figures = values.map { BigFraction(units: $0.value.units, scale: $0.value.scale) }
      let total = figures.reduce(BigFraction.zero, +)
      for (value, figure) in zip(values, figures) {
        shares[position(value.partner)] = figure / total
      }
    case .direct(let id):
      shares[position(id)] = .one
    case .directByColumn:
      shares[council] = .one
    case .carve(let fraction, let to, let rest):
      let part: BigFraction
      switch fraction {
      case .constant(let value): part = BigFraction(units: value.units, scale: value.scale)
      case .column(let column): part = fractions[column.name] ?? .zero
      }
      let toWeights = weights(to)
      let restWeights = weights(rest)
      for p in shares.indices {
        shares[p] = part * toWeights[p] + (.one - part) * restWeights[p]
      }
    }
    return shares.map(\.reduced)
  }
}
