import ApportionCore

/// A partner's share of one line in words, for statements: "50%: equal split between 2",
/// "100%: direct, council = brent", "75%: carve-out lga_share 0.5 direct to Brent, rest
/// equal split between 2".
struct LineBasis {
  let ruleSet: RuleSet
  let schema: BudgetSchema

  func describe(_ result: LineResult, partner p: Int) -> String {
    let rule = ruleSet.rules[result.ruleIndex]
    return result.sharePercentText(of: p) + "%: " + words(rule.basis, line: result.line)
  }

  /// The basis in short words with this line's column values filled in.
  private func words(_ basis: Basis, line: BudgetLine) -> String {
    func name(_ id: PartnerID) -> String { ruleSet.partner(id)?.name ?? id.rawValue }
    func value(_ column: ColumnRef) -> String {
      schema.position(of: column.name).map { line.value(at: $0) } ?? ""
    }
    switch basis {
    case .equal(nil): return "equal split between \(ruleSet.partners.count)"
    case .equal(let among?): return "equal split between \(among.count)"
    case .percentages: return "fixed percentages"
    case .driver(let driver): return "in proportion to \(driver)"
    case .direct(let id): return "direct to \(name(id))"
    case .directByColumn(let column): return "direct, \(column.name) = \(value(column))"
    case .carve(let fraction, let to, let rest):
      let part: String
      switch fraction {
      case .constant(let constant): part = "\(constant)"
      case .column(let column): part = "\(column.name) \(value(column))"
      }
      return "carve-out \(part) \(words(to, line: line)), rest \(words(rest, line: line))"
    }
  }
}
