import ApportionCore

extension Reports {
  /// The terminal view of a plan: a table per partner (years across; cost, income, net,
  /// saving, target, met or shortfall down), then the hosting's case and its break-even.
  public static func plan(_ result: PlanResult) -> String {
    let header = ["£"] + result.years.map(\.year.description)
    var out = "Plan: \(result.title), \(result.years.first?.year.description ?? "")"
    out += " to \(result.years.last?.year.description ?? "")\n"
    for partner in result.partners {
      var table = TextTable(header: header)
      func row(_ label: String, _ cell: (PlanYear, Int) -> String) -> [String] {
        [label]
          + result.years.map { year in
            guard let index = year.summary.partners.firstIndex(where: { $0.id == partner.id })
            else { return "–" }
            return cell(year, index)
          }
      }
      table.add(row("Cost") { $0.cost[$1].formatted })
      table.add(row("Income") { $0.income[$1].formatted })
      table.add(row("Net") { $0.net[$1].formatted }, ruleAfter: true)
      if result.years.contains(where: { !$0.savings.isEmpty }) {
        table.add(
          row("Saving") { $0.savings.isEmpty ? "" : $0.savings[$1].saving?.formatted ?? "–" })
        table.add(
          row("Target") { $0.savings.isEmpty ? "" : $0.savings[$1].target?.formatted ?? "–" })
        table.add(
          row("Met") { year, index in
            guard !year.savings.isEmpty else { return "" }
            let saving = year.savings[index]
            switch saving.met {
            case true?: return "met"
            case false?: return "short " + (saving.shortfall?.formatted ?? "")
            case nil: return "–"
            }
          })
      }
      out += "\n\(partner.name)\n" + table.render()
    }
    var totals = TextTable(header: header)
    totals.add(["Total net"] + result.years.map(\.summary.total.formatted))
    out += "\nAll partners\n" + totals.render()
    if let hosting = result.hosting {
      var table = TextTable(header: header + ["All years"])
      func row(_ label: String, _ values: [Money]) -> [String] {
        [label] + values.map(\.formatted) + [((try? Money.sum(values)) ?? .zero).formatted]
      }
      table.add(row("Fees", hosting.map(\.income)))
      table.add(row("Running and set-up costs", hosting.map(\.cost)))
      table.add(row("External cost replaced", hosting.map(\.replaced)))
      table.add(row("Net", hosting.map(\.net)), ruleAfter: true)
      for partner in result.partners {
        let effects = (result.hostingEffect ?? []).map { $0[partner.id] ?? .zero }
        table.add(row("\(partner.name): change in net", effects))
      }
      out += "\nHosting (a negative change in net is a saving)\n" + table.render()
      if let count = result.breakEvenClients {
        out += "Break-even: \(count) client\(count == 1 ? "" : "s"), each paying from the start.\n"
      } else {
        out += "Break-even: none up to the limit of clients tried.\n"
      }
    }
    return out
  }
}
