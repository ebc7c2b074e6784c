import ApportionCore
import Foundation
import Yams

/// Reads a scenario file's YAML: its title, its base, and its changes, each checked and
/// applied in order to the base's rule set so that every later change is checked against
/// the partners and rules as they then are. Problems are collected with their places.
struct ScenarioFileParser {
  /// What a scenario builds on.
  enum Base {
    /// A sample folder, a manifest or another scenario file.
    case path(String, SourceLocation)
    /// A rule file and a budget.
    case files(rules: String, budget: String)
  }

  /// The parts of the file above its changes.
  struct Header {
    var title: String?
    var base: Base?
    var changes: Node?
  }

  var rules: RuleFileParser
  /// The folder the scenario file is in: relative paths in it start there.
  let folder: String

  init(file: String) {
    rules = RuleFileParser(reader: YAMLReader(file: file))
    folder = (file as NSString).deletingLastPathComponent
  }

  var diagnostics: [Diagnostic] { rules.reader.diagnostics }
  var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// A path written in the scenario, relative to its folder.
  func resolve(_ path: String) -> String {
    path.hasPrefix("/") ? path : normalisedPath((folder.isEmpty ? "." : folder) + "/" + path)
  }

  mutating func header(_ root: Node) -> Header? {
    guard
      let top = rules.reader.fields(
        root, what: "the scenario", allowed: ScenarioKeys.top, required: ["changes"])
    else { return nil }
    var header = Header()
    header.title = top["scenario"].flatMap { rules.reader.text($0.value, what: "scenario") }
    header.changes = top["changes"]?.value
    if let node = top["base"]?.value {
      if case .scalar(let scalar) = node {
        header.base = .path(resolve(scalar.string), rules.reader.location(node))
      } else if let fields = rules.reader.fields(
        node, what: "base", allowed: ScenarioKeys.base, required: ScenarioKeys.base),
        let rulesPath = fields["rules"].flatMap({ rules.reader.text($0.value, what: "rules") }),
        let budgetPath = fields["budget"].flatMap({ rules.reader.text($0.value, what: "budget") })
      {
        header.base = .files(rules: resolve(rulesPath), budget: resolve(budgetPath))
      }
    }
    return header
  }

  /// Parses each change and applies it to `ruleSet`; returns the changes that parsed.
  mutating func changes(_ node: Node, applyingTo ruleSet: inout RuleSet) -> [LocatedChange] {
    guard case .sequence(let items) = node else {
      rules.reader.error(
        node, "changes must be a list, each item starting with '- '",
        hint: "for example:\n    changes:\n      - year: 2017-18")
      return []
    }
    var changes: [LocatedChange] = []
    for item in items {
      rules.partnerIDs = ruleSet.partners.map(\.id.rawValue)
      guard let entries = rules.reader.mapping(item, what: "a change") else { continue }
      guard entries.count == 1, let (key, keyNode, value) = entries.first else {
        rules.reader.error(
          item,
          entries.isEmpty
            ? "a change is empty"
            : "a change has more than one key: "
              + entries.map(\.0).joined(separator: ", "),
          hint: "write each change as its own item of the list, starting with '- '")
        continue
      }
      guard ScenarioKeys.changes.contains(key) else {
        rules.reader.error(
          keyNode, "unknown change '\(key)'",
          hint: DidYouMean.hint(for: key, in: ScenarioKeys.changes) + "the changes are: "
            + ScenarioKeys.changes.joined(separator: ", "))
        continue
      }
      let place = rules.reader.location(keyNode)
      for change in parse(key, value, place: place) {
        let located = LocatedChange(change, at: place)
        do {
          try ruleSet.apply(located)
          changes.append(located)
        } catch {
          rules.reader.add(error)
        }
      }
    }
    return changes
  }

  /// One change (two for `add partner` with dates: the partner, then its membership).
  private mutating func parse(_ key: String, _ node: Node, place: SourceLocation)
    -> [ScenarioChange]
  {
    var reader: YAMLReader {
      get { rules.reader }
      set { rules.reader = newValue }
    }
    switch key {
    case "year":
      guard let year = reader.text(node, what: "year") else { return [] }
      do { _ = try FinancialYear(parsing: year) } catch {
        reader.error(node, "\(error)")
        return []
      }
      return [.setYear(year)]
    case "agreement":
      return reader.text(node, what: "agreement").map { [.setAgreement($0)] } ?? []
    case "add partner":
      return parseAddPartner(node)
    case "remove partner":
      return reader.text(node, what: "remove partner").map { [.removePartner(PartnerID($0))] }
        ?? []
    case "rename partner":
      guard
        let fields = reader.fields(
          node, what: "rename partner", allowed: ScenarioKeys.renamePartner, required: ["id"]),
        let id = fields["id"].flatMap({ reader.text($0.value, what: "id") })
      else { return [] }
      let newID = fields["to"].flatMap { reader.text($0.value, what: "to") }
      if let newID, let problem = PartnerID.problem(with: newID) {
        reader.error(fields["to"]?.value, problem.message, hint: problem.hint)
        return []
      }
      let name = fields["name"].flatMap { reader.text($0.value, what: "name") }
      let short = fields["short_name"].flatMap {
        reader.text($0.value, what: "a partner's short name")
      }
      if newID == nil && name == nil && short == nil {
        reader.error(
          node,
          "rename partner needs 'to' (a new id), 'name' (a new name) or 'short_name'")
        return []
      }
      return [
        .renamePartner(
          PartnerID(id), newID: newID.map(PartnerID.init), newName: name, newShortName: short)
      ]
    case "joins", "leaves":
      guard let entries = reader.mapping(node, what: key) else { return [] }
      return entries.compactMap { id, _, value in
        guard let date = reader.text(value, what: "a date") else { return nil }
        return .setMembership(
          PartnerID(id), joins: key == "joins" ? date : nil, leaves: key == "leaves" ? date : nil)
      }
    case "insert rule":
      return parseInsertRule(node)
    case "replace rule":
      guard
        let fields = reader.fields(
          node, what: "replace rule", allowed: ScenarioKeys.replaceRule,
          required: ScenarioKeys.replaceRule),
        let name = fields["name"].flatMap({ reader.text($0.value, what: "name") }),
        let with = fields["with"]?.value, let rule = rules.parseRule(with)
      else { return [] }
      return [.replaceRule(named: name, with: rule)]
    case "remove rule":
      return reader.text(node, what: "remove rule").map { [.removeRule(named: $0)] } ?? []
    case "change rule":
      return parseChangeRule(node)
    case "drivers":
      return [.setDrivers(rules.parseDrivers(node))]
    case "profiles":
      return [.setProfiles(rules.parseProfiles(node))]
    case "add lines":
      return parseAddLines(node).map { [.addLines($0)] } ?? []
    case "scale lines":
      guard
        let fields = reader.fields(
          node, what: "scale lines", allowed: ScenarioKeys.scaleLines,
          required: ScenarioKeys.scaleLines),
        let when = fields["when"]?.value, let byNode = fields["by"]?.value,
        let by = reader.text(byNode, what: "by")
      else { return [] }
      let condition = rules.parseWhen(when)
      do {
        return [.scaleLines(condition, by: try SignedPercentage(parsing: by))]
      } catch {
        reader.error(
          byNode, "by: \(error)", hint: "write a percentage such as 2.5% (or -10% for a cut)")
        return []
      }
    case "remove lines":
      guard
        let fields = reader.fields(
          node, what: "remove lines", allowed: ScenarioKeys.removeLines,
          required: ScenarioKeys.removeLines),
        let when = fields["when"]?.value
      else { return [] }
      return [.removeLines(rules.parseWhen(when))]
    default:
      return []
    }
  }
}
