import BigInt

/// A rule ready to run.
struct CompiledRule: Sendable {
  let rule: Rule
  let condition: CompiledCondition
  let basis: CompiledBasis
  /// The rule's phasing profile in the ``PhasingPlan`` (0: even).
  let profile: Int
  /// The basis month by month, when partners it shares between join or leave during the
  /// year; nil when every month's basis is the same.
  let phased: PhasedBasis?
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
  /// How lines fall across the months.
  let plan: PhasingPlan

  init(ruleSet: RuleSet, schema: BudgetSchema?) {
    self.ruleSet = ruleSet
    self.schema = schema
    plan = PhasingPlan(profiles: ruleSet.profiles, schema: schema)
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
      let profile = profileIndex(of: rule)
      let phased = basis == nil ? nil : compileMonths(rule)
      if diagnostics.filter({ $0.severity == .error }).count == before, let condition, let basis {
        compiled.append(
          CompiledRule(
            rule: rule, condition: condition, basis: basis, profile: profile, phased: phased))
      }
      if catchAll == nil, rule.condition.isCatchAll { catchAll = rule }
    }
    if ruleSet.rules.isEmpty {
      diagnostics.append(
        Diagnostic(at: nil, "the rule file has no rules", hint: "add at least one rule"))
    }
    return compiled
  }

  /// The rule's profile in the plan (0, even, when it names none); an unknown name is
  /// reported.
  private mutating func profileIndex(of rule: Rule) -> Int {
    guard let name = rule.profile else { return 0 }
    if let index = plan.index[normalised(name)] { return index }
    let known = ruleSet.profiles.map(\.name)
    diagnostics.append(
      Diagnostic(
        at: rule.location, "rule '\(rule.name)' names the profile '\(name)', which is not defined",
        hint: DidYouMean.hint(for: name, in: known)
          + (known.isEmpty
            ? "define it under 'profiles:'" : "the profiles are: \(known.joined(separator: ", "))"))
    )
    return 0
  }

  /// The rule's basis month by month when some partner joins or leaves during the year and
  /// the basis shares between members (not only direct charges); nil otherwise.
  private mutating func compileMonths(_ rule: Rule) -> PhasedBasis? {
    guard ruleSet.hasPartYearPartners, rule.basis.dependsOnMembership else { return nil }
    let year = try? FinancialYear(parsing: ruleSet.year)
    var variants: [CompiledBasis] = []
    var sets: [[Bool]] = []
    var variantOfMonth: [Int] = []
    for month in 0..<FinancialYear.monthCount {
      let active = ruleSet.partners.map { $0.membership.isMember(inMonth: month) }
      if let known = sets.firstIndex(of: active) {
        variantOfMonth.append(known)
        continue
      }
      self.month = year.map { $0.monthLabels[month] } ?? "month \(month + 1) of the year"
      defer { self.month = nil }
      guard let variant = compile(rule.basis, rule: rule, active: active) else { return nil }
      sets.append(active)
      variants.append(variant)
      variantOfMonth.append(variants.count - 1)
    }
    return PhasedBasis(variants: variants, variantOfMonth: variantOfMonth)
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
  mutating func compile(_ condition: Condition) -> CompiledCondition? {
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

  /// The month being compiled, for the message when no partner a basis names is a member.
  var month: String?

  private mutating func failNoMember(_ rule: Rule) -> CompiledBasis? {
    fail(
      rule, "in \(month ?? "a month") none of the partners it shares between is a member",
      hint: "check the partners' joins and leaves dates, or share the rule by a basis that "
        + "names a partner who is a member then")
  }

  private mutating func fail(_ rule: Rule, _ message: String, hint: String? = nil)
    -> CompiledBasis?
  {
    diagnostics.append(
      Diagnostic(at: rule.location, "rule '\(rule.name)': \(message)", hint: hint))
    return nil
  }

  /// Compiles a basis; with `active` (one flag per partner), only the partners that are
  /// members share where membership counts (equal splits, percentages and drivers,
  /// renormalised over the members); direct charges are not affected.
  mutating func compile(_ basis: Basis, rule: Rule, active: [Bool]? = nil) -> CompiledBasis? {
    switch basis {
    case .equal(let among):
      var weights = Array(repeating: BigInt(among == nil ? 1 : 0), count: n)
      for id in among ?? [] {
        guard let p = position(of: id, rule: rule) else { return nil }
        if weights[p] == 1 { return fail(rule, "'\(id)' is listed twice in the equal split") }
        weights[p] = 1
      }
      guard weights.reduce(0, +) > 0 else {
        return fail(rule, "the equal split names no partners")
      }
      if let active { weights = zip(weights, active).map { $1 ? $0 : 0 } }
      let count = weights.reduce(0, +)
      guard count > 0 else { return failNoMember(rule) }
      return fixed(weights, denominator: count)
    case .percentages(let values):
      return weighted(values, rule: rule, percent: true, active: active)
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
      return weighted(driver.values, rule: rule, percent: false, driver: driver, active: active)
    case .direct(let id):
      guard let p = position(of: id, rule: rule) else { return nil }
      var weights = Array(repeating: BigInt(0), count: n)
      weights[p] = 1
      return fixed(weights, denominator: 1)
    case .directByColumn(let column):
      guard let position = resolve(column) else { return nil }
      return make(.byColumn(position: position, column: column), denominator: 1)
    case .carve(let fraction, let to, let rest):
      guard let toBasis = compile(to, rule: rule, active: active),
        let restBasis = compile(rest, rule: rule, active: active)
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
    _ values: [PartnerValue], rule: Rule, percent: Bool, driver: Driver? = nil,
    active: [Bool]? = nil
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
    } else if total == 0 {
      return fail(
        rule, "\(what) is zero for every partner, so there is nothing to share by",
        hint: "give at least one partner a value above zero")
    }
    guard let active else { return fixed(weights, denominator: total) }
    let members = zip(weights, active).map { $1 ? $0 : 0 }
    let membersTotal = members.reduce(0, +)
    guard membersTotal > 0 else { return failNoMember(rule) }
    return fixed(members, denominator: membersTotal)
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
