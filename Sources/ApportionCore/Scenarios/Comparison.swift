/// Several runs side by side, the first the base: each partner's and each rule's total in
/// every run, and the difference from the base. Built from each run's ``Summary``, so a
/// comparison shows exactly what the separate runs show.
///
/// Partners and rules are matched by id and by name (ignoring case); one that a run does not
/// have counts as zero there.
///
/// ```swift
/// let comparison = Comparison([("2016-17", "Samples/2016-17", base), ("By calls", "…", other)])
/// comparison.partnerTotals[1][0]   // the second run's total for the first partner
/// comparison.partnerDifferences[1][0]  // …and its difference from the base
/// ```
public struct Comparison: Sendable {
  /// One run.
  public struct Column: Sendable {
    public let name: String
    /// The file or folder it was named by.
    public let source: String
    public let summary: Summary

    public init(name: String, source: String, summary: Summary) {
      self.name = name
      self.source = source
      self.summary = summary
    }
  }

  public let columns: [Column]
  /// Every partner of any run, in order of first appearance.
  public let partners: [Partner]
  /// Every rule name of any run, in order of first appearance.
  public let ruleNames: [String]
  /// `partnerTotals[run][partner]`.
  public let partnerTotals: [[Money]]
  /// `ruleTotals[run][rule]`: the total of the lines the rule took in that run.
  public let ruleTotals: [[Money]]
  /// Each run's total.
  public let totals: [Money]

  /// `partnerDifferences[run][partner]`: the run's total less the base's.
  public let partnerDifferences: [[Money]]
  /// `ruleDifferences[run][rule]`.
  public let ruleDifferences: [[Money]]
  /// Each run's total less the base's.
  public let totalDifferences: [Money]

  /// Lines up the runs; the first is the base.
  ///
  /// - Throws: ``MoneyError/overflow`` if a difference does not fit in pence.
  public init(_ columns: [Column]) throws(MoneyError) {
    self.columns = columns
    var partners: [Partner] = []
    var ruleNames: [String] = []
    for column in columns {
      for partner in column.summary.partners
      where !partners.contains(where: { Self.same($0.id.rawValue, partner.id.rawValue) }) {
        partners.append(partner)
      }
      for rule in column.summary.rules
      where !ruleNames.contains(where: { Self.same($0, rule.name) }) {
        ruleNames.append(rule.name)
      }
    }
    self.partners = partners
    self.ruleNames = ruleNames
    partnerTotals = columns.map { column in
      partners.map { partner in
        column.summary.partners.firstIndex { Self.same($0.id.rawValue, partner.id.rawValue) }
          .map { column.summary.partnerTotals[$0] } ?? .zero
      }
    }
    ruleTotals = columns.map { column in
      ruleNames.map { name in
        column.summary.rules.firstIndex { Self.same($0.name, name) }
          .map { column.summary.ruleTotals[$0] } ?? .zero
      }
    }
    totals = columns.map(\.summary.total)
    partnerDifferences = try Self.differences(partnerTotals)
    ruleDifferences = try Self.differences(ruleTotals)
    totalDifferences = try Self.differences(totals.map { [$0] }).map { $0[0] }
  }

  private static func differences(_ table: [[Money]]) throws(MoneyError) -> [[Money]] {
    guard let base = table.first else { return [] }
    var result: [[Money]] = []
    for row in table {
      var differences: [Money] = []
      for (value, baseValue) in zip(row, base) { differences.append(try value - baseValue) }
      result.append(differences)
    }
    return result
  }

  private static func same(_ a: String, _ b: String) -> Bool { a.lowercased() == b.lowercased() }
}
