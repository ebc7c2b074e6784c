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
    // A budget column names a partner by id or name, compared as values are (ignoring case
    // and surrounding spaces): a rule that reads partners from a column must be able to tell
    // every partner from every other, or a line would silently go to the first.
    guard ruleSet.rules.contains(where: { $0.basis.readsPartnerFromColumn }) else { return }
    var owner: [String: Int] = [:]
    for (index, partner) in ruleSet.partners.enumerated() {
      for key in Set([normalised(partner.id.rawValue), normalised(partner.name)]) {
        if key.isEmpty {
          diagnostics.append(
            Diagnostic(
              at: nil, "partner '\(partner.id)' has an empty name",
              hint: "give it a name, or leave 'name' out to use the id"))
        } else if let other = owner[key], other != index {
          let first = ruleSet.partners[other]
          diagnostics.append(
            Diagnostic(
              at: nil,
              "partners '\(first.id)' and '\(partner.id)' cannot be told apart in a budget "
                + "column: both are called '\(key)'",
              hint: "ids and names are compared ignoring case; make them all different"))
        } else {
          owner[key] = index
        }
      }
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

  private func make(_ kind: CompiledBasis.Kind, denominator: Int64) -> CompiledBasis {
    CompiledBasis(
      kind: kind, denominator: denominator, partnerIndex: partnerLookup, partnerCount: n)
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
      var weights = Array(repeating: Int64(among == nil ? 1 : 0), count: n)
      for id in among ?? [] {
        guard let p = position(of: id, rule: rule) else { return nil }
        if weights[p] == 1 { return fail(rule, "'\(id)' is listed twice in the equal split") }
        weights[p] = 1
      }
      let count = Int64(weights.reduce(0, +))
      guard count > 0 else { return fail(rule, "the equal split names no partners") }
      return make(.fixed(weights), denominator: count)
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
      var weights = Array(repeating: Int64(0), count: n)
      weights[p] = 1
      return make(.fixed(weights), denominator: 1)
    case .directByColumn(let column):
      guard let position = resolve(column) else { return nil }
      return make(.byColumn(position: position, column: column), denominator: 1)
    case .carve(let fraction, let to, let rest):
      guard let toBasis = compile(to, rule: rule), let restBasis = compile(rest, rule: rule)
      else { return nil }
      let compiledFraction: CompiledBasis.Fraction
      switch fraction {
      case .constant(let value):
        let scale = pow10(value.scale)
        guard value.units <= scale else {
          return fail(rule, "the carve-out fraction \(value) is more than the whole line")
        }
        compiledFraction = .constant(value.units, scale: scale)
      case .column(let column):
        guard let position = resolve(column) else { return nil }
        compiledFraction = .column(
          position: position, column: column, scale: pow10(CompiledBasis.columnFractionDigits))
      }
      let (d1, o1) = compiledFraction.scale.multipliedReportingOverflow(by: toBasis.denominator)
      let (d2, o2) = d1.multipliedReportingOverflow(by: restBasis.denominator)
      guard !o1, !o2 else {
        return fail(
          rule, "the carve-out's parts are too fine to compute exactly",
          hint: "use fewer decimal places in its percentages, drivers or fraction")
      }
      return make(
        .carve(fraction: compiledFraction, to: toBasis, rest: restBasis), denominator: d2)
    }
  }

  /// Percentages (must total 100) or driver values (not all zero), as integer weights.
  private mutating func weighted(
    _ values: [PartnerValue], rule: Rule, percent: Bool, driver: Driver? = nil
  ) -> CompiledBasis? {
    let what = percent ? "the percentages" : "driver '\(driver?.name ?? "")'"
    let scale = values.map(\.value.scale).max() ?? 0
    var weights = Array(repeating: Int64(0), count: n)
    var seen: Set<Int> = []
    for entry in values {
      guard let p = position(of: entry.partner, rule: rule) else { return nil }
      guard seen.insert(p).inserted else {
        return fail(rule, "\(what) name '\(entry.partner)' twice")
      }
      guard let units = entry.value.units(atScale: scale) else {
        return fail(rule, "\(what): \(entry.value) is too large")
      }
      weights[p] = units
    }
    var total: Int64 = 0
    for weight in weights {
      let (sum, overflow) = total.addingReportingOverflow(weight)
      if overflow { return fail(rule, "\(what) add up to more than can be computed exactly") }
      total = sum
    }
    if percent {
      let hundred = pow10(scale + 2)
      guard total == hundred else {
        let sum = ExactDecimal(units: total, scale: scale)
        return fail(
          rule, "the percentages add up to \(sum)%, expected 100%",
          hint: "adjust them so that they total exactly 100")
      }
      return make(.fixed(weights), denominator: hundred)
    }
    guard total > 0 else {
      return fail(
        rule, "\(what) is zero for every partner, so there is nothing to share by",
        hint: "give at least one partner a value above zero")
    }
    return make(.fixed(weights), denominator: total)
  }
}

extension Basis {
  /// True when the basis, or a part of a carve-out, charges lines to the partner named in a
  /// budget column.
  var readsPartnerFromColumn: Bool {
    switch self {
    case .directByColumn: return true
    case .equal, .percentages, .driver, .direct: return false
    case .carve(_, let to, let rest):
      return to.readsPartnerFromColumn || rest.readsPartnerFromColumn
    }
  }
}
