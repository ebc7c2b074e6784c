import ApportionCore

/// Writes an apportionment as one JSON document, streaming: the header, then each line as
/// it is apportioned, then the totals.
///
/// Money is a string: optional `-`, digits, `.`, two digits. Keys always come in the same
/// order, so the same inputs give byte-identical output.
///
/// ```json
/// {"currency": "GBP", "agreement": "…", "year": "2016-17",
///  "partners": [{"id": "brent", "name": "Brent", "host": true}, …],
///  "lines": [{"id": "SS-001", "description": "…", "amount": "1234.57",
///             "rule": "Shared service", "shares": {"brent": "617.29", "lewisham": "617.28"}}],
///  "rules": [{"name": "…", "lines": 39, "total": "…", "shares": {…}}],
///  "totals": {"brent": "…", "lewisham": "…"}, "total": "…", "balanced": true,
///  "months": ["2016-04", …, "2017-03"],
///  "schedule": {"brent": ["…" × 12], "lewisham": ["…" × 12]},
///  "month_totals": ["…" × 12]}
/// ```
public struct JSONResultWriter<Output: TextOutputStream> {
  public private(set) var output: Output
  private let ruleSet: RuleSet
  private var first = true
  /// Each rule's name and each partner's key (`"brent": "`), as JSON, made once rather than
  /// for every line.
  private let ruleNames: [String]
  private let partnerKeys: [String]

  public init(output: Output, ruleSet: RuleSet) {
    self.output = output
    self.ruleSet = ruleSet
    ruleNames = ruleSet.rules.map { json($0.name) }
    partnerKeys = ruleSet.partners.map { json($0.id.rawValue) + ": \"" }
  }

  public mutating func begin() {
    output.write("{\n  \"currency\": \(json(ruleSet.currency)),\n")
    output.write("  \"agreement\": \(json(ruleSet.agreement)),\n")
    output.write("  \"year\": \(json(ruleSet.year)),\n  \"partners\": [")
    for (index, partner) in ruleSet.partners.enumerated() {
      output.write(index == 0 ? "\n" : ",\n")
      output.write(
        "    {\"id\": \(json(partner.id.rawValue)), \"name\": \(json(partner.name)), "
          + "\"host\": \(partner.isHost)}")
    }
    output.write("\n  ],\n  \"lines\": [")
  }

  public mutating func write(_ result: LineResult) {
    output.write(first ? "\n    " : ",\n    ")
    first = false
    let line = result.line
    output.write("{\"id\": ")
    output.write(json(line.id))
    output.write(", \"description\": ")
    output.write(json(line.description))
    output.write(", \"amount\": \"")
    output.write(line.amount.plainText)
    output.write("\", \"rule\": ")
    output.write(ruleNames[result.ruleIndex])
    output.write(", \"shares\": {")
    for (p, part) in zip(partnerKeys.indices, result.parts) {
      if p > 0 { output.write(", ") }
      output.write(partnerKeys[p])
      output.write(part.plainText)
      output.write("\"")
    }
    output.write("}}")
  }

  public mutating func finish(_ summary: Summary) {
    output.write(first ? "],\n  \"rules\": [" : "\n  ],\n  \"rules\": [")
    for (index, rule) in summary.rules.enumerated() {
      output.write(index == 0 ? "\n    " : ",\n    ")
      output.write(
        "{\"name\": \(json(rule.name)), \"lines\": \(summary.ruleLineCounts[index]), "
          + "\"total\": \"\(summary.ruleTotals[index])\", \"shares\": "
          + shares(summary.byRule[index]) + "}")
    }
    output.write("\n  ],\n  \"totals\": \(shares(summary.partnerTotals)),\n")
    output.write("  \"total\": \"\(summary.total)\",\n")
    output.write("  \"balanced\": \(summary.partsAddUp)")
    if let schedule = summary.schedule {
      output.write(",\n  \"months\": [\(schedule.months.map(json).joined(separator: ", "))],\n")
      output.write("  \"schedule\": {")
      for (p, partner) in ruleSet.partners.enumerated() {
        output.write(p == 0 ? "\n    " : ",\n    ")
        output.write(
          "\(json(partner.id.rawValue)): ["
            + schedule.byPartner[p].map { "\"\($0)\"" }.joined(separator: ", ") + "]")
      }
      output.write("\n  },\n  \"month_totals\": [")
      output.write(schedule.monthTotals.map { "\"\($0)\"" }.joined(separator: ", ") + "]")
    }
    output.write("\n}\n")
  }

  private func shares(_ parts: [Money]) -> String {
    "{"
      + zip(ruleSet.partners, parts).map { "\(json($0.id.rawValue)): \"\($1)\"" }
      .joined(separator: ", ") + "}"
  }
}

/// A JSON string literal.
func json(_ text: String) -> String {
  // Printable ASCII but for `"` and `\\` (the usual case) goes in as it is.
  if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
    return "\"" + text + "\""
  }
  var out = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    case let c where c.value < 0x20 || c.value == 0x2028 || c.value == 0x2029:
      let hex = String(c.value, radix: 16)
      out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    default: out.unicodeScalars.append(scalar)
    }
  }
  return out + "\""
}
