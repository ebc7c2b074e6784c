import ApportionCore

/// A comparison as one JSON document, scenarios in the order given, each with every partner
/// of any scenario in its `totals` (`"0.00"` where it is not a partner):
///
/// ```json
/// {"scenarios": [{"name": "2016-17", "source": "Samples/2016-17",
///                 "totals": {"brent": "…", "lewisham": "…"}, "total": "…"}, …]}
/// ```
public enum ComparisonJSON {
  public static func document(_ comparison: Comparison) -> String {
    var out = "{\n  \"scenarios\": ["
    for (index, column) in comparison.columns.enumerated() {
      out += index == 0 ? "\n    " : ",\n    "
      let totals = zip(comparison.partners, comparison.partnerTotals[index]).map {
        "\(json($0.id.rawValue)): \"\($1)\""
      }
      out +=
        "{\"name\": \(json(column.name)), \"source\": \(json(column.source)), "
        + "\"totals\": {\(totals.joined(separator: ", "))}, "
        + "\"total\": \"\(comparison.totals[index])\"}"
    }
    return out + "\n  ]\n}\n"
  }
}
