import ApportionCore

/// The texts `apportion` prints for people: the run summary, the rules in words, and the
/// explanation of one line. Each reads the engine's results; none computes money. Every text
/// from the inputs is shown with its control characters escaped
/// (``Swift/StringProtocol/displayEscaped``), so a budget or rule file cannot act on the
/// terminal or break a line of the report.
public enum Reports {
  /// The terminal summary of a run: each partner's total per rule and overall, and a line
  /// confirming that the parts add up to the total.
  public static func summary(_ summary: Summary, job: Job) -> String {
    let ruleSet = job.ruleSet
    var out = heading(ruleSet)
    out += "rules:  \(job.rulesPath.displayEscaped)\n"
    out += "budget: \(job.budgetPath.displayEscaped) (\(summary.lineCount) lines)\n"
    for path in job.inputs.scenarioPaths { out += "scenario: \(path.displayEscaped)\n" }
    if !job.inputs.scenarioPaths.isEmpty { out += "  (\(job.inputs.name.displayEscaped))\n" }
    out += "\n"
    var table = TextTable(
      header: ["Rule", "Lines"] + ruleSet.partners.map(\.name.displayEscaped) + ["Total"])
    for (index, rule) in summary.rules.enumerated() {
      table.add(
        [rule.name.displayEscaped, String(summary.ruleLineCounts[index])]
          + summary.byRule[index].map(\.formatted) + [summary.ruleTotals[index].formatted],
        ruleAfter: index == summary.rules.count - 1)
    }
    table.add(
      ["Total", String(summary.lineCount)] + summary.partnerTotals.map(\.formatted)
        + [summary.total.formatted])
    out += table.render() + "\n"
    let shares = zip(ruleSet.partners, summary.partnerTotals).map {
      "\($0.name.displayEscaped) \($1.formatted)"
    }
    if summary.partsAddUp {
      out +=
        "Check: \(shares.joined(separator: " + ")) = \(summary.total.formatted), "
        + "the total of all \(summary.lineCount) lines. Every line's parts add up to the line.\n"
    } else {
      out += "CHECK FAILED: the partners' totals do not add up to \(summary.total.formatted).\n"
    }
    return out
  }

  /// What the rules will do, in plain words, for `check`.
  public static func rules(_ ruleSet: RuleSet) -> String {
    var out = heading(ruleSet) + "\nPartners:\n"
    for partner in ruleSet.partners {
      out +=
        "  \(partner.id.rawValue.displayEscaped)  \(partner.name.displayEscaped)"
        + "\(partner.isHost ? " (host)" : "")\n"
    }
    if !ruleSet.drivers.isEmpty {
      out += "\nDrivers:\n"
      for driver in ruleSet.drivers {
        out +=
          "  \(driver.name.displayEscaped): "
          + driver.values.map { "\($0.partner.rawValue.displayEscaped) \($0.value)" }
          .joined(separator: ", ") + "\n"
      }
    }
    out += "\nEach budget line is taken by the first rule that matches it:\n"
    for (index, rule) in ruleSet.rules.enumerated() {
      let takes =
        rule.condition.isCatchAll ? "every other line" : "lines where \(rule.condition.summary)"
      let basis = rule.basis.describe(partners: ruleSet.partners, drivers: ruleSet.drivers)
      out +=
        "  \(index + 1). \(rule.name.displayEscaped): \(takes.displayEscaped),\n"
        + "     shared by \(basis.displayEscaped).\n"
      if let note = rule.note { out += "     (\(note.displayEscaped))\n" }
    }
    if !ruleSet.rules.contains(where: \.condition.isCatchAll) {
      out += "  A line that no rule takes is an error (there is no catch-all rule).\n"
    }
    return out
  }

  /// Why one line was shared as it was, for `explain`.
  public static func explanation(_ explanation: Explanation, line: BudgetLine, ruleSet: RuleSet)
    -> String
  {
    var out =
      "Line \(line.id.displayEscaped) (\(line.location.description.displayEscaped)): "
      + "\(line.description.displayEscaped)\n"
    out += "Amount: \(line.amount.formatted)\n\n"
    for attempt in explanation.attempts {
      let verdict = attempt.matched ? "takes the line" : "does not match"
      out += "Rule \(attempt.ruleIndex + 1), \(attempt.rule.name.displayEscaped): \(verdict)\n"
      if attempt.checks.isEmpty { out += "  (no conditions: it takes every line)\n" }
      for check in attempt.checks {
        let value = check.value.isEmpty ? "nothing" : "'\(check.value.displayEscaped)'"
        out +=
          "  \(check.passed ? "yes" : "no "): \(check.condition.displayEscaped)"
          + " (the line has \(value))\n"
      }
    }
    guard let result = explanation.result, let basis = explanation.basis else {
      return out + "\nNo rule takes this line: the run stops with an error.\n"
    }
    out += "\nBasis: \(basis.displayEscaped).\n"
    for (column, value) in explanation.basisValues {
      out +=
        "  This line's \(column.displayEscaped): "
        + "\(value.isEmpty ? "(empty)" : value.displayEscaped)\n"
    }
    out +=
      "The rule had taken \(explanation.linesBefore) line(s) before this one; its rounding "
      + "carries from line to line so each partner's total stays within 1p of its exact share.\n\n"
    var table = TextTable(header: ["Partner", "Weight", "Exact share", "Rounded", "Difference"])
    for (p, partner) in ruleSet.partners.enumerated() {
      let exact = result.exactShare(of: p)
      let difference = exact.difference(to: result.parts[p])
      table.add([
        partner.name.displayEscaped, result.sharePercentText(of: p) + "%", exact.poundsText(),
        result.parts[p].formatted, difference.poundsText(),
      ])
    }
    table.add(["Total", "100%", line.amount.plainText, line.amount.formatted, "0.00"])
    out += table.render()
    if !explanation.monthlyShares.isEmpty {
      out +=
        "\nSome partners are members for only part of the year, so the line is shared month\n"
        + "by month among that month's members. Each month's exact share:\n\n"
      var months = TextTable(header: ["Month"] + ruleSet.partners.map(\.name))
      for (index, label) in explanation.months.enumerated() {
        months.add([label] + explanation.monthlyShares[index].map { $0.poundsText() })
      }
      out += months.render()
    }
    return out
  }

  /// The first line of a report: agreement, year and currency.
  private static func heading(_ ruleSet: RuleSet) -> String {
    "\(ruleSet.agreement.displayEscaped), \(ruleSet.year.displayEscaped) "
      + "(\(ruleSet.currency.displayEscaped))\n"
  }
}
