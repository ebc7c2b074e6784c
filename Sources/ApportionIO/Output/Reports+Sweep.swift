import ApportionCore

extension Reports {
  /// The terminal view of a sweep: with one parameter a row per value (each partner's change
  /// in net over the plan, the hosting's net result, whether it breaks even); with two, a
  /// grid per partner, the first parameter down and the second across, every point where
  /// the hosting breaks even marked `*` (the frontier is where the marks begin).
  public static func sweep(_ sweep: PlanSweep, points: [PlanSweep.Point], partners: [Partner])
    -> String
  {
    let names = sweep.axes.map(\.parameter.rawValue)
    var out =
      "Sweep of \(names.joined(separator: " × ")) over the plan \(sweep.runner.plan.title)\n"
    out += "Each partner's change in net over the plan's years (negative: a saving).\n"
    if sweep.axes.count == 1 {
      var table = TextTable(
        header: [names[0]] + partners.map(\.name) + ["Hosting net", "Breaks even"])
      for point in points {
        table.add(
          [text(point.values[0])] + partners.map { (point.net[$0.id] ?? .zero).formatted }
            + [point.hostingNet.formatted, point.breaksEven ? "yes" : "no"])
      }
      return out + "\n" + table.render()
    }
    let across = sweep.axes[1].values
    for partner in partners {
      var table = TextTable(header: ["\(names[0]) \\ \(names[1])"] + across.map(text))
      for (row, value) in sweep.axes[0].values.enumerated() {
        let cells = points[(row * across.count)..<((row + 1) * across.count)]
        table.add(
          [text(value)]
            + cells.map { ($0.net[partner.id] ?? .zero).formatted + ($0.breaksEven ? "*" : " ") })
      }
      out += "\n\(partner.name)\n" + table.render()
    }
    return out + "\n* the hosting breaks even: its net result over the plan is £0.00 or better.\n"
  }

  private static func text(_ value: PlanSweep.Value) -> String {
    switch value {
    case .count(let count): return "\(count)"
    case .money(let amount): return amount.formatted
    }
  }
}

/// A sweep as one JSON document (money as strings):
///
/// ```json
/// {"parameters": ["hosting.clients", "hosting.fee"],
///  "points": [{"values": {"hosting.clients": 0, "hosting.fee": "100000.00"},
///              "net": {"brent": "…", "lewisham": "…"}, "breaks_even": false}, …]}
/// ```
///
/// `net` is each partner's change in net over the plan's years caused by the hosting.
public enum SweepJSON {
  public static func document(_ sweep: PlanSweep, points: [PlanSweep.Point], partners: [Partner])
    -> String
  {
    let names = sweep.axes.map(\.parameter.rawValue)
    var out = "{\n  \"parameters\": [" + names.map(json).joined(separator: ", ") + "],\n"
    out += "  \"points\": ["
    for (index, point) in points.enumerated() {
      out += index == 0 ? "\n    " : ",\n    "
      let values = zip(names, point.values).map { name, value in
        switch value {
        case .count(let count): return "\(json(name)): \(count)"
        case .money(let amount): return "\(json(name)): \"\(amount)\""
        }
      }
      let net = partners.compactMap { partner in
        point.net[partner.id].map { "\(json(partner.id.rawValue)): \"\($0)\"" }
      }
      out +=
        "{\"values\": {\(values.joined(separator: ", "))}, \"net\": {\(net.joined(separator: ", "))}, "
        + "\"breaks_even\": \(point.breaksEven)}"
    }
    return out + "\n  ]\n}\n"
  }
}
