import ApportionCore
import Yams

/// The keys each part of a rule file takes.
enum RuleKeys {
  static let top = ["agreement", "year", "currency", "partners", "drivers", "profiles", "rules"]
  static let partner = ["id", "name", "short_name", "host", "joins", "leaves"]
  static let rule = ["name", "description", "when", "basis", "carve", "rest", "profile"]
  static let carve = ["fraction", "to", "rest"]
  static let bases = ["equal", "percentages", "driver", "direct", "carve"]
  static let tests = ["in", "not", "prefix", "contains", "empty"]
}

/// Turns a rule file's YAML into a ``RuleSet``, collecting every problem with its place
/// (through its ``YAMLReader``) rather than stopping at the first. The rules themselves are
/// read in `RuleFileParser+Rules.swift`.
struct RuleFileParser {
  var reader: YAMLReader
  var partnerIDs: [String] = []

  init(reader: YAMLReader) { self.reader = reader }

  mutating func parse(_ text: String) -> RuleSet? {
    guard let root = reader.root(text),
      let top = reader.fields(
        root, what: "the rule file", allowed: RuleKeys.top,
        required: ["year", "partners", "rules"])
    else { return nil }
    let agreement = top["agreement"].flatMap { entry in
      reader.text(entry.value, what: "the agreement").map { checkAgreement($0, node: entry.value) }
    }
    var year = ""
    if let node = top["year"]?.value, let value = reader.text(node, what: "the year") {
      if let problem = FinancialYear.problem(with: value) {
        reader.error(node, problem, hint: FinancialYear.hint)
      }
      year = value
    }
    var currency = "GBP"
    if let node = top["currency"]?.value, let value = reader.text(node, what: "the currency") {
      if value != "GBP" {
        reader.error(
          node, "currency '\(value)' is not supported",
          hint: "amounts are pounds and pence: write currency: GBP")
      }
      currency = value
    }
    let partners = top["partners"].map { parsePartners($0.value, year: year) } ?? []
    partnerIDs = partners.map(\.id.rawValue)
    let drivers = top["drivers"].map { parseDrivers($0.value) } ?? []
    let profiles = top["profiles"].map { parseProfiles($0.value) } ?? []
    var rules: [Rule] = []
    if let node = top["rules"]?.value {
      if case .sequence(let sequence) = node {
        if sequence.isEmpty {
          reader.error(node, "the rule file has no rules", hint: "add at least one rule")
        }
        for item in sequence { if let rule = parseRule(item) { rules.append(rule) } }
        var seen: [String: Node] = [:]
        for (rule, item) in zip(rules, sequence) {
          if seen[rule.name.lowercased()] != nil {
            reader.error(item, "two rules are named '\(rule.name)'", hint: "give each a new name")
          }
          seen[rule.name.lowercased()] = item
        }
      } else {
        reader.error(node, "rules must be a list, each item starting with '- name: ...'")
      }
    }
    return RuleSet(
      agreement: agreement ?? "Shared service", year: year, currency: currency,
      partners: partners, drivers: drivers, rules: rules, profiles: profiles)
  }

  /// The agreement's title, which must fit the workbooks' printed page headers.
  private mutating func checkAgreement(_ title: String, node: Node) -> String {
    if InputLimits.headerLength(title) > InputLimits.agreementLength {
      reader.error(
        node,
        "the agreement's title is \(InputLimits.headerLength(title)) characters long; the most "
          + "is \(InputLimits.agreementLength) (an & counts as two)",
        hint: "shorten it: it heads every printed page of the workbooks")
    }
    return title
  }

  /// A partner id as written, checked against the partners.
  mutating func partner(_ node: Node, what: String) -> PartnerID? {
    guard let id = reader.text(node, what: what) else { return nil }
    if let match = partnerIDs.first(where: { $0.lowercased() == id.lowercased() }) {
      return PartnerID(match)
    }
    // With no partners read (their own error says why), every name would be reported.
    if partnerIDs.isEmpty { return nil }
    reader.error(
      node, "'\(id)' is not a partner",
      hint: DidYouMean.hint(for: id, in: partnerIDs)
        + "the partners are: \(partnerIDs.joined(separator: ", "))")
    return nil
  }

  mutating func parseDrivers(_ node: Node) -> [Driver] {
    guard let entries = reader.mapping(node, what: "drivers") else { return [] }
    var drivers: [Driver] = []
    for (name, key, value) in entries {
      if name.count > InputLimits.nameLength {
        reader.error(
          key,
          "a driver's name is \(name.count) characters long; the most is "
            + "\(InputLimits.nameLength)", hint: "use a short name, such as calls or fte")
        continue
      }
      guard let values = partnerValues(value, what: "driver '\(name)'", percent: false) else {
        continue
      }
      drivers.append(Driver(name: name, values: values, location: reader.location(key)))
    }
    return drivers
  }

  /// `{ brent: 26889, lewisham: 16367 }` or `{ brent: 43.5%, ... }`.
  mutating func partnerValues(_ node: Node, what: String, percent: Bool) -> [PartnerValue]? {
    guard let entries = reader.mapping(node, what: what) else { return nil }
    var values: [PartnerValue] = []
    var failed = false
    for (_, key, valueNode) in entries {
      guard let id = partner(key, what: "a partner in \(what)"),
        let text = reader.text(valueNode, what: "a value in \(what)")
      else {
        failed = true
        continue
      }
      do {
        let written = try ExactDecimal.Written(parsing: text)
        let value = written.number
        if written.isPercentage && !percent {
          reader.error(valueNode, "\(what): '\(text)' is a percentage; drivers are plain figures")
          failed = true
        }
        values.append(PartnerValue(id, value))
      } catch {
        reader.error(
          valueNode, "\(what): \(error)",
          hint: percent ? "write a percentage such as 43.5" : "write a figure such as 26889")
        failed = true
      }
    }
    if entries.isEmpty { reader.error(node, "\(what) names no partners") }
    return failed || entries.isEmpty ? nil : values
  }

  /// `profiles: { name: [12 weights, April first] }`.
  mutating func parseProfiles(_ node: Node) -> [PhasingProfile] {
    guard let entries = reader.mapping(node, what: "profiles") else { return [] }
    var profiles: [PhasingProfile] = []
    for (name, key, value) in entries {
      guard let texts = reader.texts(value, what: "profile '\(name)'") else { continue }
      guard texts.count == FinancialYear.monthCount else {
        reader.error(
          value, "profile '\(name)' has \(texts.count) weights; it needs 12, April to March",
          hint: "for example [1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1]")
        continue
      }
      var weights: [ExactDecimal] = []
      for text in texts {
        do { weights.append(try ExactDecimal(parsing: text)) } catch {
          reader.error(
            value, "profile '\(name)': \(error)", hint: "weights are figures of 0 or more")
        }
      }
      guard weights.count == FinancialYear.monthCount else { continue }
      guard weights.contains(where: { !$0.isZero }) else {
        reader.error(value, "profile '\(name)' is zero in every month")
        continue
      }
      profiles.append(PhasingProfile(name: name, weights: weights, location: reader.location(key)))
    }
    return profiles
  }
}
