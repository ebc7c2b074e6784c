import BigInt

/// A rule ready to run.
struct CompiledRule: Sendable {
  let rule: Rule
  let condition: CompiledCondition
  let basis: CompiledBasis
}

/// Turns rules into compiled rules, collecting every problem rather than stopping at the
/// first. With no budget schema, column references are not resolved (for `check` without
/// a budget).
struct RuleCompiler {
  let ruleSet: RuleSet
  let schema: BudgetSchema?
  var diagnostics: [Diagnostic] = []
  private let partnerPosition: [PartnerID: Int]
  private let partnerLookup: [String: Int]

  init(ruleSet: RuleSet, schema: BudgetSchema?) {
    self.ruleSet = ruleSet
    self.schema = schema
    var position: [PartnerID: Int] = [:]
    var lookup: [String: Int] = [:]
    for (index, partner) in ruleSet.partners.enumerated() {
      position[partner.id] = index
      lookup[normalised(partner.id.rawValue)] = index
      if lookup[normalised(partner.name)] == nil { lookup[normalised(partner.name)] = index }
    }
    partnerPosition = position
    partnerLookup = lookup
  }

  private var n: Int { ruleSet.partners.count }

  mutating func compileAll() -> [CompiledRule] {
    checkPartners()
    var compiled: [CompiledRule] = []
    var catchAll: Rule?
    for rule in ruleSet.rules {
      if let catchAll {
        diagnostics.append(
          Diagnostic(
            .warning, at: rule.location,
            "rule '\(rule.name)' can never take a line: rule '\(catchAll.name)' before it "
              + "takes every line", hint: "move the catch-all rule to the end"))
      }
      let before = diagnostics.filter { $0.severity == .error }.count
      let condition = compile(rule.condition)
      let basis = compile(rule.basis, rule: rule)
      if diagnostics.filter({ $0.severity == .error }).count == before, let condition, let basis {
        compiled.append(CompiledRule(rule: rule, condition: condition, basis: basis))
      }
      if catchAll == nil, rule.condition.isCatchAll { catchAll = rule }
    }
    if ruleSet.rules.isEmpty {
      diagnostics.append(
        Diagnostic(at: nil, "the rule file has no rules", hint: "add at least one rule"))
    }
    return compiled
  }

  private mutating func checkPartners() {
    if ruleSet.partners.isEmpty {
      diagnostics.append(Diagnostic(at: nil, "the rule file names no partners"))
    }
    var seen: Set<PartnerID> = []
    for partner in ruleSet.partners where !seen.insert(partner.id).inserted {
      diagnostics.append(Diagnostic(at: nil, "partner '\(partner.id)' is listed twice"))
    }
  }

  /// The column's position in the budget; `nil` when it has none (reported) or when there is
  /// no budget to resolve it against (`check` without a budget).
  private mutating func resolve(_ column: ColumnRef) -> Int? {
    guard let schema else { return nil }
    if let position = schema.position(of: column.name) { return position }
    diagnostics.append(
      Diagnostic(
        at: column.location, "the budget has no column '\(column.name)'",
        hint: DidYouMean.hint(for: column.name, in: schema.columns)
          + "the budget's columns are: \(schema.columns.joined(separator: ", "))"))
    return nil
  }

  /// The condition with its columns resolved; `nil` when a column cannot be.
  private mutating func compile(_ condition: Condition) -> CompiledCondition? {
    switch condition {
    case .always: return .always
    case .all(let parts):
      let compiled = parts.map { compile($0) }
      return compiled.contains { $0 == nil } ? nil : .all(compiled.compactMap { $0 })
    case .any(let parts):
      let compiled = parts.map { compile($0) }
      return compiled.contains { $0 == nil } ? nil : .any(compiled.compactMap { $0 })
    case .column(let column, let test):
      guard let position = resolve(column) else { return nil }
      return .column(position: position, column, CompiledTest(test))
    }
  }

  private mutating func position(of id: PartnerID, rule: Rule) -> Int? {
    if let position = partnerPosition[id] { return position }
    let ids = ruleSet.partners.map(\.id.rawValue)
    diagnostics.append(
      Diagnostic(
        at: rule.location, "rule '\(rule.name)' names '\(id)', which is not a partner",
        hint: DidYouMean.hint(for: id.rawValue, in: ids)
          + "the partners are: \(ids.joined(separator: ", "))"))
    return nil
  }

  private func make(_ kind: CompiledBasis.Kind, denominator: BigInt) -> CompiledBasis {
    CompiledBasis(
      kind: kind, denominator: denominator, partnerIndex: partnerLookup, partnerCount: n)
  }

  /// A basis with the same weights for every line, in lowest terms.
  private func fixed(_ values: [BigInt], denominator: BigInt) -> CompiledBasis {
    let weights = Weights.reduced(values, denominator: denominator)
    switch weights {
    case .narrow(_, let d): return make(.fixed(weights), denominator: BigInt(d))
    case .wide(_, let d): return make(.fixed(weights), denominator: d)
    }
  }

  private mutating func fail(_ rule: Rule, _ message: String, hint: String? = nil)
    -> CompiledBasis?
  {
    diagnostics.append(
      Diagnostic(at: rule.location, "rule '\(rule.name)': \(message)", hint: hint))
    return nil
  }

  private mutating func compile(_ basis: Basis, rule: Rule) -> CompiledBasis? {
    switch basis {
    case .equal(let among):
      var weights = Array(repeating: BigInt(among == nil ? 1 : 0), count: n)
      for id in among ?? [] {
        guard let p = position(of: id, rule: rule) else { return nil }
        if weights[p] == 1 { return fail(rule, "'\(id)' is listed twice in the equal split") }
        weights[p] = 1
      }
      let count = weights.reduce(0, +)
      guard count > 0 else { return fail(rule, "the equal split names no partners") }
      return fixed(weights, denominator: count)
    case .percentages(let values):
      return weighted(values, rule: rule, percent: true)
    case .driver(let name):
      guard let driver = ruleSet.drivers.first(where: { $0.name == name }) else {
        let names = ruleSet.drivers.map(\.name)
        return fail(
          rule, "there is no driver named '\(name)'",
          hint: names.isEmpty
            ? "define it under drivers:"
            : DidYouMean.hint(for: name, in: names)
              + "the drivers are: \(names.joined(separator: ", "))")
      }
      return weighted(driver.values, rule: rule, percent: false, driver: driver)
    case .direct(let id):
      guard let p = position(of: id, rule: rule) else { return nil }
      var weights = Array(repeating: BigInt(0), count: n)
      weights[p] = 1
      return fixed(weights, denominator: 1)
    case .directByColumn(let column):
      guard let position = resolve(column) else { return nil }
      return make(.byColumn(position: position, column: column), denominator: 1)
    case .carve(let fraction, let to, let rest):
      guard let toBasis = compile(to, rule: rule), let restBasis = compile(rest, rule: rule)
      else { return nil }
      let carve: CompiledCarve
      switch fraction {
      case .constant(let value):
        guard value.scale <= ExactDecimal.maxScale else {
          return fail(
            rule,
            "the carve-out fraction \(value) has more than \(ExactDecimal.maxScale) decimal "
              + "places",
            hint: "write at most 9 decimal places (7 in a percentage)")
        }
        let part = BigInt(value.units)
        let scale = bigPow10(value.scale)
        guard part <= scale else {
          return fail(rule, "the carve-out fraction \(value) is more than the whole line")
        }
        let divisor = part.greatestCommonDivisor(with: scale)
        carve = CompiledCarve(
          fraction: .constant(part: part / divisor), scale: scale / divisor, to: toBasis,
          rest: restBasis)
      case .column(let column):
        guard let position = resolve(column) else { return nil }
        carve = CompiledCarve(
          fraction: .column(position: position, column: column),
          scale: bigPow10(CompiledBasis.columnFractionDigits), to: toBasis, rest: restBasis)
      }
      return make(.carve(carve), denominator: carve.denominator)
    }
  }

  /// Percentages (must total 100) or driver values (not all zero), as exact weights: each
  /// value in units of its table's finest decimal place, over their total.
  private mutating func weighted(
    _ values: [PartnerValue], rule: Rule, percent: Bool, driver: Driver? = nil
  ) -> CompiledBasis? {
    let what = percent ? "the percentages" : "driver '\(driver?.name ?? "")'"
    let scale = values.map(\.value.scale).max() ?? 0
    var weights = Array(repeating: BigInt(0), count: n)
    var seen: Set<Int> = []
    for entry in values {
      guard let p = position(of: entry.partner, rule: rule) else { return nil }
      guard seen.insert(p).inserted else {
        return fail(rule, "\(what) name '\(entry.partner)' twice")
      }
      weights[p] = BigInt(entry.value.units) * bigPow10(scale - entry.value.scale)
    }
    let total = weights.reduce(0, +)
    if percent {
      guard total == bigPow10(scale + 2) else {
        return fail(
          rule,
          "the percentages add up to \(ExactDecimal.text(String(total), scale: scale))%, "
            + "expected 100%", hint: "adjust them so that they total exactly 100")
      }
      return fixed(weights, denominator: total)
    }
    guard total > 0 else {
      return fail(
        rule, "\(what) is zero for every partner, so there is nothing to share by",
        hint: "give at least one partner a value above zero")
    }
    return fixed(weights, denominator: total)
  }
}
