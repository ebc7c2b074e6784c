import ApportionCore
import Yams

extension RuleFileParser {
  /// `partners:` a list of `{ id, name, host }`, each id checked by ``PartnerID/problem(with:)``
  /// and every id and name unique among the partners ignoring case (``PartnerNames``).
  mutating func parsePartners(_ node: Node, year: String) -> [Partner] {
    guard case .sequence(let sequence) = node, sequence.count > 0 else {
      reader.error(
        node, "partners must be a list of at least one partner",
        hint: "- { id: brent, name: Brent, host: true }")
      return []
    }
    if sequence.count > InputLimits.partners {
      reader.error(
        sequence[InputLimits.partners],
        "the rule file lists \(sequence.count) partners; the most is \(InputLimits.partners)",
        hint: "each partner gets a workbook and a column on the partnership's sheets")
      return []
    }
    var partners: [Partner] = []
    var names = PartnerNames()
    for item in sequence {
      guard
        let fields = reader.fields(
          item, what: "a partner", allowed: RuleKeys.partner, required: ["id"]),
        let idNode = fields["id"]?.value, let id = reader.text(idNode, what: "a partner's id")
      else { continue }
      if let problem = PartnerID.problem(with: id) {
        reader.error(idNode, problem.message, hint: problem.hint)
        continue
      }
      if let clash = names.clash("partner id", id, of: id) {
        reader.error(idNode, clash, hint: PartnerNames.hint)
        continue
      }
      let nameNode = fields["name"]?.value
      let name = nameNode.flatMap { reader.text($0, what: "a partner's name") } ?? id
      if let nameNode, let problem = Self.nameProblem(name, id: id) {
        reader.error(
          nameNode, problem, hint: "the name is how reports and workbooks show the partner")
      } else if let nameNode, let clash = names.clash("partner name", name, of: id) {
        reader.error(nameNode, clash, hint: PartnerNames.hint)
      }
      names.add(id: id, name: name, line: idNode.mark?.line ?? 0)
      let host = fields["host"].flatMap { reader.bool($0.value, what: "host") } ?? false
      let short = fields["short_name"].flatMap {
        reader.text($0.value, what: "a partner's short name")
      }
      let membership = parseMembership(fields, year: year)
      partners.append(
        Partner(
          id: PartnerID(id), name: name, shortName: short, isHost: host, membership: membership))
    }
    if partners.filter(\.isHost).count > 1 {
      reader.error(
        node, "more than one partner is marked host: true",
        hint: "mark only the partner that hosts the service")
    }
    return partners
  }

  /// Why a partner's name cannot be used, or nil.
  static func nameProblem(_ name: String, id: String) -> String? {
    if BudgetLine.trimmed(name).isEmpty { return "partner '\(id)' has an empty name" }
    let length = InputLimits.headerLength(name)
    guard length <= InputLimits.partnerNameLength else {
      return "partner '\(id)' has a name \(length) characters long; the most is "
        + "\(InputLimits.partnerNameLength) (an & counts as two)"
    }
    return nil
  }

  /// A partner's `joins:` (the first day of a month) and `leaves:` (the last day of one).
  private mutating func parseMembership(
    _ fields: [String: (key: Node, value: Node)], year: String
  ) -> Membership {
    var membership = Membership.wholeYear
    guard fields["joins"] != nil || fields["leaves"] != nil else { return membership }
    let financialYear: FinancialYear
    do { financialYear = try FinancialYear(parsing: year) } catch {
      reader.error(
        (fields["joins"] ?? fields["leaves"])?.key, "\(error)",
        hint: "joins and leaves dates need the year written like 2017-18")
      return membership
    }
    if let node = fields["joins"]?.value, let text = reader.text(node, what: "joins") {
      do { membership.firstMonth = try financialYear.month(ofFirstDay: text) } catch {
        reader.error(
          node, "joins: \(error)", hint: "write the first day of a month, e.g. 2017-11-01")
      }
    }
    if let node = fields["leaves"]?.value, let text = reader.text(node, what: "leaves") {
      do { membership.lastMonth = try financialYear.month(ofLastDay: text) } catch {
        reader.error(
          node, "leaves: \(error)", hint: "write the last day of a month, e.g. 2018-01-31")
      }
    }
    if membership.firstMonth > membership.lastMonth {
      reader.error(
        fields["leaves"]?.value,
        "the partner would leave (\(financialYear.lastDay(ofMonth: membership.lastMonth))) "
          + "before it joins (\(financialYear.firstDay(ofMonth: membership.firstMonth)))")
    }
    return membership
  }
}

/// The partners' ids and names seen so far, compared as budget values are (ignoring case and
/// surrounding spaces): a budget column names a partner by either, so no two partners may
/// share one; and ids name workbook files.
struct PartnerNames {
  static let hint =
    "every partner's id and name must differ from the other partners', ignoring case: a "
    + "budget column names a partner by either, and ids name the workbook files"

  private var seen: [String: (id: String, text: String, kind: String, line: Int)] = [:]

  /// Why `text` (an id or name of partner `id`) clashes with an earlier partner's, if it does.
  func clash(_ what: String, _ text: String, of id: String) -> String? {
    guard let first = seen[Self.key(text)], first.id != id else { return nil }
    return
      "\(what) '\(text)' is already the \(first.kind) of partner '\(first.id)' (line "
      + "\(first.line))" + (text == first.text ? "" : ", ignoring case")
  }

  mutating func add(id: String, name: String, line: Int) {
    for (text, kind) in [(id, "id"), (name, "name")] where seen[Self.key(text)] == nil {
      seen[Self.key(text)] = (id, text, kind, line)
    }
  }

  private static func key(_ text: String) -> String { BudgetLine.trimmed(text).lowercased() }
}
