import ApportionCore
import Yams

extension RuleFileParser {
  mutating func parseRule(_ node: Node) -> Rule? {
    guard
      let fields = reader.fields(
        node, what: "a rule", allowed: RuleKeys.rule, required: ["name"])
    else { return nil }
    guard let name = fields["name"].flatMap({ reader.text($0.value, what: "a rule's name") })
    else { return nil }
    let note = fields["description"].flatMap { reader.text($0.value, what: "a rule's description") }
    let condition = fields["when"].map { parseWhen($0.value) } ?? .always
    let basis: Basis?
    switch (fields["basis"], fields["carve"], fields["rest"]) {
    case (let basisNode?, nil, nil):
      basis = parseBasis(basisNode.value)
    case (nil, let carveNode?, let restNode):
      basis = parseCarve(carveNode.value, rest: restNode?.value, owner: node)
    case (nil, nil, let restNode?):
      reader.error(restNode.key, "rule '\(name)' has 'rest' without 'carve'")
      basis = nil
    case (_?, _, _):
      reader.error(
        node, "rule '\(name)' has both 'basis' and 'carve'",
        hint: "use 'basis' alone, or 'carve' with 'rest'")
      basis = nil
    case (nil, nil, nil):
      reader.error(
        node, "rule '\(name)' says how lines are shared by neither 'basis' nor 'carve'",
        hint: "add for example 'basis: equal'")
      basis = nil
    }
    guard let basis else { return nil }
    let profile = fields["profile"].flatMap { reader.text($0.value, what: "profile") }
    return Rule(
      name: name, note: note, condition: condition, basis: basis,
      location: reader.location(node), profile: profile)
  }

  /// `when:` a mapping (every entry must hold) or a list of mappings (any may hold).
  mutating func parseWhen(_ node: Node) -> Condition {
    if case .sequence(let alternatives) = node {
      return .any(alternatives.map { parseWhen($0) })
    }
    guard let entries = reader.mapping(node, what: "when") else { return .always }
    if entries.isEmpty { reader.error(node, "when has no conditions") }
    var parts: [Condition] = []
    for (column, key, value) in entries {
      let ref = ColumnRef(column, at: reader.location(key))
      if let test = parseTest(value, column: column) { parts.append(.column(ref, test)) }
    }
    return parts.count == 1 ? parts[0] : .all(parts)
  }

  /// `brent`, `[brent, lewisham]`, or `{ in|not|prefix|contains: ..., empty: true }`.
  private mutating func parseTest(_ node: Node, column: String) -> ColumnTest? {
    switch node {
    case .scalar, .sequence:
      return reader.texts(node, what: "the values of \(column)").map { .oneOf($0) }
    default:
      guard
        let fields = reader.fields(
          node, what: "the test on \(column)", allowed: RuleKeys.tests)
      else { return nil }
      guard fields.count == 1, let (name, entry) = fields.first else {
        reader.error(
          node,
          "the test on \(column) must have exactly one of: "
            + RuleKeys.tests.joined(separator: ", "))
        return nil
      }
      if name == "empty" {
        return reader.bool(entry.value, what: "empty").map { .empty($0) }
      }
      guard let values = reader.texts(entry.value, what: name) else { return nil }
      switch name {
      case "in": return .oneOf(values)
      case "not": return .noneOf(values)
      case "prefix": return .prefix(values)
      default: return .contains(values)
      }
    }
  }

  /// A basis: `equal`, or a mapping with one of the bases' keys.
  mutating func parseBasis(_ node: Node) -> Basis? {
    if case .scalar(let scalar) = node {
      if scalar.string.lowercased() == "equal" { return .equal(among: nil) }
      reader.error(
        node, "unknown basis '\(scalar.string)'",
        hint: "write 'equal', or a mapping such as { direct: brent }; bases: "
          + RuleKeys.bases.joined(separator: ", "))
      return nil
    }
    guard let fields = reader.fields(node, what: "a basis", allowed: RuleKeys.bases + ["rest"])
    else { return nil }
    if let carve = fields["carve"] {
      return parseCarve(carve.value, rest: fields["rest"]?.value, owner: node)
    }
    guard fields.count == 1, let (name, entry) = fields.first else {
      reader.error(
        node, "a basis must have exactly one of: " + RuleKeys.bases.joined(separator: ", "))
      return nil
    }
    let value = entry.value
    switch name {
    case "equal":
      if case .scalar(let s) = value, ["all", "true"].contains(s.string.lowercased()) {
        return .equal(among: nil)
      }
      let items: [Node]
      if case .sequence(let sequence) = value { items = Array(sequence) } else { items = [value] }
      var partners: [PartnerID] = []
      for item in items {
        guard let partner = partner(item, what: "equal") else { return nil }
        partners.append(partner)
      }
      return .equal(among: partners)
    case "percentages":
      return partnerValues(value, what: "percentages", percent: true).map { .percentages($0) }
    case "driver":
      return reader.text(value, what: "driver").map { .driver($0) }
    case "direct":
      if case .scalar = value {
        return partner(value, what: "direct").map { .direct($0) }
      }
      guard
        let fields = reader.fields(
          value, what: "direct", allowed: ["column"], required: ["column"]),
        let column = fields["column"], let name = reader.text(column.value, what: "column")
      else { return nil }
      return .directByColumn(ColumnRef(name, at: reader.location(column.value)))
    default:
      return nil
    }
  }

  /// `carve: { fraction: 0.25 | 25% | { column: c }, to: basis }` with `rest: basis` beside
  /// it or inside it.
  mutating func parseCarve(_ node: Node, rest outerRest: Node?, owner: Node) -> Basis? {
    guard
      let fields = reader.fields(
        node, what: "carve", allowed: RuleKeys.carve, required: ["fraction", "to"])
    else { return nil }
    guard let restNode = fields["rest"]?.value ?? outerRest else {
      reader.error(
        owner, "a carve-out needs 'rest': how the rest of each line is shared",
        hint: "add for example 'rest: equal'")
      return nil
    }
    if fields["rest"] != nil, let outerRest {
      reader.error(outerRest, "'rest' is given twice (inside and beside carve)")
    }
    guard let fractionNode = fields["fraction"]?.value, let toNode = fields["to"]?.value
    else { return nil }
    let fraction: CarveFraction?
    if case .scalar(let scalar) = fractionNode {
      fraction = parseConstantFraction(scalar.string, node: fractionNode)
    } else if let f = reader.fields(
      fractionNode, what: "fraction", allowed: ["column"], required: ["column"]),
      let column = f["column"], let name = reader.text(column.value, what: "column")
    {
      fraction = .column(ColumnRef(name, at: reader.location(column.value)))
    } else {
      fraction = nil
    }
    let to: Basis?
    if case .scalar(let scalar) = toNode, scalar.string.lowercased() != "equal" {
      to = partner(toNode, what: "to").map { .direct($0) }
    } else {
      to = parseBasis(toNode)
    }
    let rest = parseBasis(restNode)
    guard let fraction, let to, let rest else { return nil }
    return .carve(fraction: fraction, to: to, rest: rest)
  }

  private mutating func parseConstantFraction(_ text: String, node: Node) -> CarveFraction? {
    do {
      let exact = try ExactDecimal.Written(parsing: text).fraction
      guard exact.scale <= ExactDecimal.maxScale else {
        reader.error(node, "the fraction '\(text)' has too many decimal places")
        return nil
      }
      return .constant(exact)
    } catch {
      reader.error(
        node, "fraction: \(error)",
        hint: "write a fraction from 0 to 1 (0.25), a percentage (25%), or { column: name }")
      return nil
    }
  }
}
