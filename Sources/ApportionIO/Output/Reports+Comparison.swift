import ApportionCore

extension Reports {
  /// The terminal comparison: per partner, each run's total and its difference from the base;
  /// then the same per rule.
  public static func comparison(_ comparison: Comparison) -> String {
    let columns = comparison.columns
    var out = "Comparison against the base, \(columns.first?.name ?? "")\n"
    for (index, column) in columns.enumerated() {
      out += "  \(index == 0 ? "base" : "\(index)"): \(column.name) (\(column.source))\n"
    }
    var header = [String]()
    for index in columns.indices {
      header.append(index == 0 ? "Base" : "\(index)")
      if index > 0 { header.append("\(index) − base") }
    }
    func row(_ label: String, _ values: [Money], _ differences: [Money]) -> [String] {
      var cells = [label]
      for index in values.indices {
        cells.append(values[index].formatted)
        if index > 0 { cells.append(differences[index].formatted) }
      }
      return cells
    }
    var partners = TextTable(header: ["Partner"] + header)
    for (p, partner) in comparison.partners.enumerated() {
      partners.add(
        row(
          partner.name, comparison.partnerTotals.map { $0[p] },
          comparison.partnerDifferences.map { $0[p] }),
        ruleAfter: p == comparison.partners.count - 1)
    }
    partners.add(row("Total", comparison.totals, comparison.totalDifferences))
    var rules = TextTable(header: ["Rule"] + header)
    for (r, name) in comparison.ruleNames.enumerated() {
      rules.add(
        row(name, comparison.ruleTotals.map { $0[r] }, comparison.ruleDifferences.map { $0[r] }),
        ruleAfter: r == comparison.ruleNames.count - 1)
    }
    rules.add(row("Total", comparison.totals, comparison.totalDifferences))
    return out + "\nBy partner\n" + partners.render() + "\nBy rule\n" + rules.render()
  }
}
