import ApportionCore

/// A plan's results as one JSON document (money as strings, as everywhere):
///
/// ```json
/// {"plan": "…", "years": [{"year": "2016-17", "totals": {"brent": "…"}, "total": "…",
///   "savings": {"brent": {"saving": "…", "target": "…"|null, "met": true|null}}}, …],
///  "hosting": {"years": [{"year": "2018-19", "income": "…", "cost": "…", "replaced": "…",
///   "net": "…", "effect": {"brent": "…"}}], "effect": {"brent": "…"},
///   "break_even_clients": 3|null}}
/// ```
///
/// A hosting year's `effect` is each partner's net with the hosting minus its net without
/// it (negative: a saving); the hosting's `effect` adds up the years.
public enum PlanJSON {
  public static func document(_ result: PlanResult) -> String {
    var out = "{\n  \"plan\": \(json(result.title)),\n  \"years\": ["
    for (index, year) in result.years.enumerated() {
      out += index == 0 ? "\n    " : ",\n    "
      let partners = year.summary.partners
      let totals = zip(partners, year.net).map { "\(json($0.id.rawValue)): \"\($1)\"" }
      out +=
        "{\"year\": \"\(year.year)\", \"totals\": {\(totals.joined(separator: ", "))}, "
        + "\"total\": \"\(year.summary.total)\", \"savings\": {"
      out += zip(partners, year.savings).map { partner, saving in
        "\(json(partner.id.rawValue)): {\"saving\": \(money(saving.saving)), "
          + "\"target\": \(money(saving.target)), \"met\": \(saving.met.map { "\($0)" } ?? "null")}"
      }.joined(separator: ", ")
      out += "}}"
    }
    out += "\n  ]"
    if let hosting = result.hosting {
      out += ",\n  \"hosting\": {\"years\": ["
      out += hosting.enumerated().map { index, year in
        "\n    {\"year\": \"\(year.year)\", \"income\": \"\(year.income)\", "
          + "\"cost\": \"\(year.cost)\", \"replaced\": \"\(year.replaced)\", "
          + "\"net\": \"\(year.net)\", \"effect\": "
          + effect(result.hostingEffect?[index] ?? [:], partners: result.partners) + "}"
      }.joined(separator: ",")
      let total = (try? result.cumulativeHostingEffect()) ?? nil
      out += "\n  ], \"effect\": " + effect(total ?? [:], partners: result.partners)
      out += ", \"break_even_clients\": \(result.breakEvenClients.map { "\($0)" } ?? "null")}"
    }
    return out + "\n}\n"
  }

  /// `{"brent": "…", …}` in the partners' order, for the partners present.
  private static func effect(_ values: [PartnerID: Money], partners: [Partner]) -> String {
    "{"
      + partners.compactMap { partner in
        values[partner.id].map { "\(json(partner.id.rawValue)): \"\($0)\"" }
      }.joined(separator: ", ") + "}"
  }

  private static func money(_ value: Money?) -> String { value.map { "\"\($0)\"" } ?? "null" }
}
