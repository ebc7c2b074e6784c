import ApportionCore
import Yams

extension ScenarioFileParser {
  /// `add partner: { id: southwark, name: Southwark, joins: 2017-11-01 }`.
  mutating func parseAddPartner(_ node: Node) -> [ScenarioChange] {
    guard
      let fields = rules.reader.fields(
        node, what: "add partner", allowed: ScenarioKeys.addPartner, required: ["id"]),
      let idNode = fields["id"]?.value, let id = rules.reader.text(idNode, what: "id")
    else { return [] }
    if let problem = PartnerID.problem(with: id) {
      rules.reader.error(idNode, problem.message, hint: problem.hint)
      return []
    }
    let name = fields["name"].flatMap { rules.reader.text($0.value, what: "name") } ?? id
    let short = fields["short_name"].flatMap {
      rules.reader.text($0.value, what: "a partner's short name")
    }
    let host = fields["host"].flatMap { rules.reader.bool($0.value, what: "host") } ?? false
    let joins = fields["joins"].flatMap { rules.reader.text($0.value, what: "joins") }
    let leaves = fields["leaves"].flatMap { rules.reader.text($0.value, what: "leaves") }
    var changes: [ScenarioChange] = [
      .addPartner(Partner(id: PartnerID(id), name: name, shortName: short, isHost: host))
    ]
    if joins != nil || leaves != nil {
      changes.append(.setMembership(PartnerID(id), joins: joins, leaves: leaves))
    }
    return changes
  }

  /// `insert rule:` a rule's keys, with `before: name` or `after: name` (else at the end).
  mutating func parseInsertRule(_ node: Node) -> [ScenarioChange] {
    guard
      let fields = rules.reader.fields(
        node, what: "insert rule", allowed: ScenarioKeys.insertRule, required: ["name"])
    else { return [] }
    let before = fields["before"].flatMap { rules.reader.text($0.value, what: "before") }
    let after = fields["after"].flatMap { rules.reader.text($0.value, what: "after") }
    if before != nil && after != nil {
      rules.reader.error(node, "insert rule has both 'before' and 'after'", hint: "keep one")
      return []
    }
    guard case .mapping(var mapping) = node else { return [] }
    for key in ["before", "after"] { mapping[Node(key)] = nil }
    guard let rule = rules.parseRule(.mapping(mapping)) else { return [] }
    let place: RulePlace = before.map { .before($0) } ?? after.map { .after($0) } ?? .last
    return [.insertRule(rule, place)]
  }

  /// `change rule: { name: Shared service, when: …, basis: … }`.
  mutating func parseChangeRule(_ node: Node) -> [ScenarioChange] {
    guard
      let fields = rules.reader.fields(
        node, what: "change rule", allowed: ScenarioKeys.changeRule, required: ["name"]),
      let name = fields["name"].flatMap({ rules.reader.text($0.value, what: "name") })
    else { return [] }
    let condition = fields["when"].map { rules.parseWhen($0.value) }
    var basis: Basis?
    switch (fields["basis"], fields["carve"], fields["rest"]) {
    case (let basisNode?, nil, nil):
      guard let parsed = rules.parseBasis(basisNode.value) else { return [] }
      basis = parsed
    case (nil, let carveNode?, let restNode):
      guard let parsed = rules.parseCarve(carveNode.value, rest: restNode?.value, owner: node)
      else { return [] }
      basis = parsed
    case (nil, nil, nil):
      basis = nil
    default:
      rules.reader.error(
        node, "change rule takes 'basis', or 'carve' with 'rest', not both")
      return []
    }
    let profile = fields["profile"].flatMap { rules.reader.text($0.value, what: "profile") }
    if condition == nil && basis == nil && profile == nil {
      rules.reader.error(
        node, "change rule '\(name)' changes nothing",
        hint: "give a new 'when', a new 'basis' (or 'carve' with 'rest'), or a 'profile'")
      return []
    }
    return [.changeRule(named: name, condition: condition, basis: basis, profile: profile)]
  }

  /// `add lines:` a list of lines (each a mapping of column to value), or `{ file: x.csv }`.
  mutating func parseAddLines(_ node: Node) -> [AddedLine]? {
    switch node {
    case .sequence(let items):
      var lines: [AddedLine] = []
      for item in items {
        guard let entries = rules.reader.mapping(item, what: "an added line") else { continue }
        var fields: [AddedLine.Field] = []
        for (column, _, valueNode) in entries {
          guard let value = rules.reader.text(valueNode, what: "column \(column)") else {
            continue
          }
          fields.append(
            AddedLine.Field(
              column: column, value: value, location: rules.reader.location(valueNode)))
        }
        lines.append(AddedLine(fields: fields, location: rules.reader.location(item)))
      }
      if items.isEmpty { rules.reader.error(node, "add lines lists no lines") }
      return lines
    case .mapping:
      guard
        let fields = rules.reader.fields(
          node, what: "add lines", allowed: ScenarioKeys.addLinesFile, required: ["file"]),
        let fileNode = fields["file"]?.value,
        let file = rules.reader.text(fileNode, what: "file")
      else { return nil }
      do {
        return try AddedLinesFile.read(path: resolve(file))
      } catch {
        rules.reader.add(error)
        return nil
      }
    default:
      rules.reader.error(
        node, "add lines takes a list of lines, or { file: lines.csv }",
        hint: "- { id: SW-001, description: Transition, amount: 250000, category: shared }")
      return nil
    }
  }
}
