import ApportionCore
import Foundation
import Yams

/// Reads a plan file's YAML into a ``Plan`` over its base, collecting every problem with its
/// place. Events are written as a scenario's changes and are checked as a scenario's are,
/// against the partners and rules as the events before them leave them.
struct PlanFileParser {
  var scenario: ScenarioFileParser
  var reader: YAMLReader {
    get { scenario.rules.reader }
    set { scenario.rules.reader = newValue }
  }
  let file: String
  /// The agreement's host, for `basis: host`.
  var hostID: PartnerID?

  /// The parts read before the base is loaded.
  struct Header {
    var title: String?
    var base: ScenarioFileParser.Base?
    var top: [String: (key: Node, value: Node)]
  }

  init(file: String) {
    self.file = file
    scenario = ScenarioFileParser(file: file)
    reader = YAMLReader(file: file, what: "the plan")
  }

  var hasErrors: Bool { scenario.hasErrors }
  var errors: DiagnosticList {
    DiagnosticList(scenario.diagnostics.filter { $0.severity == .error })
  }

  mutating func header(_ text: String) -> Header? {
    guard let root = reader.root(text),
      let top = reader.fields(
        root, what: "the plan", allowed: PlanKeys.top, required: ["base", "years"])
    else { return nil }
    var header = Header(top: top)
    header.title = top["plan"].flatMap { reader.text($0.value, what: "plan") }
    if let node = top["base"]?.value {
      if case .scalar(let scalar) = node {
        header.base = .path(scenario.resolve(scalar.string), reader.location(node))
      } else if let fields = reader.fields(
        node, what: "base", allowed: ScenarioKeys.base, required: ScenarioKeys.base),
        let rules = fields["rules"].flatMap({ reader.text($0.value, what: "rules") }),
        let budget = fields["budget"].flatMap({ reader.text($0.value, what: "budget") })
      {
        header.base = .files(rules: scenario.resolve(rules), budget: scenario.resolve(budget))
      }
    }
    return header
  }

  /// The plan, with its events checked against `ruleSet` (the base's).
  mutating func plan(_ header: Header, over ruleSet: RuleSet) -> Plan? {
    let top = header.top
    let place = SourceLocation(file: file, line: 1, column: 1)
    guard let yearsNode = top["years"]?.value, let years = parseYears(yearsNode) else {
      return nil
    }
    hostID = ruleSet.partners.first(where: \.isHost)?.id
    var plan = Plan(
      title: header.title ?? RunInputs.stem(of: file), years: years, location: place)
    if let node = top["growth"]?.value { plan.growth = parseGrowth(node) }
    var partners = ruleSet.partners.map(\.id.rawValue)
    if let node = top["events"]?.value {
      plan.events = parseEvents(node, years: years, ruleSet: ruleSet, partners: &partners)
    }
    scenario.rules.partnerIDs = partners
    if let node = top["savings"]?.value { plan.savings = parseSavings(node, years: years) }
    if let node = top["hosting"]?.value { plan.hosting = parseHosting(node, years: years) }
    return plan
  }

  /// `2016-17 to 2020-21`, or a list of consecutive years.
  mutating func parseYears(_ node: Node) -> [FinancialYear]? {
    let texts: [String]
    if case .scalar(let scalar) = node, scalar.string.contains(" to ") {
      let ends = scalar.string.components(separatedBy: " to ")
      texts = ends.map { BudgetLine.trimmed($0) }
    } else {
      guard let list = reader.texts(node, what: "years") else { return nil }
      texts = list
    }
    var years: [FinancialYear] = []
    for text in texts {
      do { years.append(try FinancialYear(parsing: text)) } catch {
        reader.error(node, "years: \(error)", hint: "write the years as 2016-17 to 2020-21")
        return nil
      }
    }
    if case .scalar = node, years.count == 2 {
      guard years[0].startYear <= years[1].startYear else {
        reader.error(
          node, "years: \(years[0]) is after \(years[1])", hint: "write the first year first")
        return nil
      }
      years = (years[0].startYear...years[1].startYear).map(FinancialYear.init(startYear:))
    }
    for (a, b) in zip(years, years.dropFirst()) where b.startYear != a.startYear + 1 {
      reader.error(
        node, "years: \(b) does not follow \(a)", hint: "a plan's years follow one another")
      return nil
    }
    guard !years.isEmpty, years.count <= 50 else {
      reader.error(
        node, "a plan covers 1 to 50 years", hint: "write the years as 2016-17 to 2020-21")
      return nil
    }
    return years
  }

  /// `- { when: { category: staff }, by: 1% }`, each a year's growth.
  mutating func parseGrowth(_ node: Node) -> [GrowthRate] {
    guard case .sequence(let items) = node else {
      reader.error(
        node, "growth must be a list, each item starting with '- '",
        hint: "for example:\n    growth:\n      - { when: { category: staff }, by: 1% }")
      return []
    }
    var rates: [GrowthRate] = []
    for item in items {
      guard
        let fields = reader.fields(
          item, what: "growth", allowed: PlanKeys.growth, required: PlanKeys.growth),
        let when = fields["when"]?.value, let byNode = fields["by"]?.value,
        let by = reader.text(byNode, what: "by")
      else { continue }
      let condition = scenario.rules.parseWhen(when)
      do {
        rates.append(
          GrowthRate(
            condition: condition, rate: try SignedPercentage(parsing: by),
            location: reader.location(item)))
      } catch {
        reader.error(
          byNode, "by: \(error)", hint: "write a yearly percentage such as 2.5% (or -1%)")
      }
    }
    return rates
  }

  /// `- { on: 2017-11-01, name: …, changes: [ … ] }`, in date order.
  mutating func parseEvents(
    _ node: Node, years: [FinancialYear], ruleSet base: RuleSet, partners: inout [String]
  ) -> [PlanEvent] {
    guard case .sequence(let items) = node else {
      reader.error(node, "events must be a list, each item starting with '- '")
      return []
    }
    var ruleSet = base
    var events: [PlanEvent] = []
    for item in items {
      guard
        let fields = reader.fields(
          item, what: "an event", allowed: PlanKeys.event, required: ["on", "changes"]),
        let onNode = fields["on"]?.value, let on = reader.text(onNode, what: "on"),
        let changesNode = fields["changes"]?.value
      else { continue }
      let date: PlanMonth
      do { date = try PlanMonth(firstDay: on) } catch {
        reader.error(onNode, "on: \(error)", hint: "an event takes effect on the 1st of a month")
        continue
      }
      guard years.contains(date.year) else {
        reader.error(
          onNode, "\(on) is outside the plan's years (\(years[0]) to \(years[years.count - 1]))")
        continue
      }
      if let last = events.last, date < last.date {
        reader.error(
          onNode, "the event on \(on) comes after the one on \(last.date)",
          hint: "list the events in date order")
        continue
      }
      if case .sequence(let changeItems) = changesNode,
        let yearChange = changeItems.first(where: { $0["year"] != nil })
      {
        reader.error(
          yearChange, "an event cannot set the year",
          hint: "the plan sets each year; the event's date says when it takes effect")
        continue
      }
      ruleSet.year = date.year.description
      let changes = scenario.changes(changesNode, applyingTo: &ruleSet)
      let title = fields["name"].flatMap { reader.text($0.value, what: "name") }
      events.append(
        PlanEvent(title: title, date: date, changes: changes, location: reader.location(item)))
    }
    for partner in ruleSet.partners where !partners.contains(partner.id.rawValue) {
      partners.append(partner.id.rawValue)
    }
    return events
  }

  /// `against`, `baseline: { brent: 5,000,000.00 }`, `targets: { 2016-17: { brent: … } }`.
  mutating func parseSavings(_ node: Node, years: [FinancialYear]) -> SavingsTargets? {
    guard
      let fields = reader.fields(
        node, what: "savings", allowed: PlanKeys.savings, required: ["targets"])
    else { return nil }
    var against = SavingsTargets.Against.baseline
    if let againstNode = fields["against"]?.value,
      let text = reader.text(againstNode, what: "against")
    {
      guard let value = SavingsTargets.Against(rawValue: text) else {
        reader.error(
          againstNode, "against: '\(text)' is not 'baseline' or 'previous year'",
          hint: DidYouMean.hint(for: text, in: ["baseline", "previous year"])
            + "savings are measured against the stated baseline or the previous year")
        return nil
      }
      against = value
    }
    let baseline = fields["baseline"].flatMap { partnerAmounts($0.value, what: "baseline") } ?? [:]
    if against == .baseline && fields["baseline"] == nil {
      reader.error(
        node, "savings against the baseline need a 'baseline'",
        hint: "add 'baseline: { brent: …, lewisham: … }' (each partner's cost before the "
          + "shared service), or write 'against: previous year'")
    }
    var targets: [FinancialYear: [PartnerID: Money]] = [:]
    if let targetsNode = fields["targets"]?.value,
      let entries = reader.mapping(targetsNode, what: "targets")
    {
      for (text, key, value) in entries {
        guard let year = try? FinancialYear(parsing: text), years.contains(year) else {
          reader.error(
            key, "targets: '\(text)' is not one of the plan's years",
            hint: DidYouMean.hint(for: text, in: years.map(\.description))
              + "the years are: " + years.map(\.description).joined(separator: ", "))
          continue
        }
        if let amounts = partnerAmounts(value, what: "the targets for \(text)") {
          targets[year] = amounts
        }
      }
    }
    return SavingsTargets(
      against: against, baseline: baseline, targets: targets, location: reader.location(node))
  }

  /// `{ brent: 1,620,000.00, lewisham: 1,000,000.00 }`.
  mutating func partnerAmounts(_ node: Node, what: String) -> [PartnerID: Money]? {
    guard let entries = reader.mapping(node, what: what) else { return nil }
    var amounts: [PartnerID: Money] = [:]
    for (_, key, value) in entries {
      guard let partner = scenario.rules.partner(key, what: "a partner in \(what)"),
        let amount = money(value, what: "\(what) for \(partner)")
      else { continue }
      amounts[partner] = amount
    }
    return amounts
  }

  /// An amount of money: `1,620,000.00`.
  mutating func money(_ node: Node, what: String) -> Money? {
    guard let text = reader.text(node, what: what) else { return nil }
    do { return try Money(parsing: text) } catch {
      reader.error(node, "\(what): \(error)", hint: "write an amount such as 1,620,000.00")
      return nil
    }
  }
}
