import ApportionCore
import Yams

/// The keys each part of a rule file takes.
enum RuleKeys {
  static let top = ["agreement", "year", "currency", "partners", "drivers", "rules"]
  static let partner = ["id", "name", "short_name", "host"]
  static let rule = ["name", "description", "when", "basis", "carve", "rest"]
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
    let agreement = top["agreement"].flatMap { reader.text($0.value, what: "agreement") }
    let year = top["year"].flatMap { reader.text($0.value, what: "year") } ?? ""
    var currency = "GBP"
    if let node = top["currency"]?.value, let value = reader.text(node, what: "currency") {
      if value != "GBP" {
        reader.error(
          node, "currency '\(value)' is not supported",
          hint: "amounts are pounds and pence: write currency: GBP")
      }
      currency = value
    }
    let partners = top["partners"].map { parsePartners($0.value) } ?? []
    partnerIDs = partners.map(\.id.rawValue)
    let drivers = top["drivers"].map { parseDrivers($0.value) } ?? []
    var rules: [Rule] = []
    if let node = top["rules"]?.value {
      if case .sequence(let sequence) = node {
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
      partners: partners, drivers: drivers, rules: rules)
  }

  private mutating func parsePartners(_ node: Node) -> [Partner] {
    guard case .sequence(let sequence) = node, sequence.count > 0 else {
      reader.error(
        node, "partners must be a list of at least one partner",
        hint: "- { id: brent, name: Brent, host: true }")
      return []
    }
    var partners: [Partner] = []
    for item in sequence {
      guard
        let fields = reader.fields(
          item, what: "a partner", allowed: RuleKeys.partner, required: ["id"]),
        let idNode = fields["id"]?.value, let id = reader.text(idNode, what: "a partner's id")
      else { continue }
      if !Self.isValidID(id) {
        reader.error(
          idNode,
          "partner id '\(id)' must be letters, digits, '-' or '_', starting with a "
            + "letter or digit", hint: "ids name output files; put spaces in 'name' instead")
        continue
      }
      if partners.contains(where: { $0.id.rawValue.lowercased() == id.lowercased() }) {
        reader.error(idNode, "partner '\(id)' is listed twice")
        continue
      }
      let name = fields["name"].flatMap { reader.text($0.value, what: "a partner's name") } ?? id
      let short = fields["short_name"].flatMap {
        reader.text($0.value, what: "a partner's short name")
      }
      let host = fields["host"].flatMap { reader.bool($0.value, what: "host") } ?? false
      partners.append(Partner(id: PartnerID(id), name: name, shortName: short, isHost: host))
    }
    if partners.filter(\.isHost).count > 1 {
      reader.error(node, "more than one partner is marked host: true")
    }
    return partners
  }

  static func isValidID(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first, id.count <= 64 else { return false }
    func ok(_ c: Unicode.Scalar) -> Bool {
      c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_")
    }
    return ok(first) && first != "-" && first != "_" && id.unicodeScalars.allSatisfy(ok)
  }

  /// A partner id as written, checked against the partners.
  mutating func partner(_ node: Node, what: String) -> PartnerID? {
    guard let id = reader.text(node, what: what) else { return nil }
    if let match = partnerIDs.first(where: { $0.lowercased() == id.lowercased() }) {
      return PartnerID(match)
    }
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
}
