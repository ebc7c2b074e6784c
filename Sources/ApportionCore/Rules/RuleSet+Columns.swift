extension Basis {
  /// The budget columns this basis reads, in order.
  public var columns: [ColumnRef] {
    switch self {
    case .equal, .percentages, .driver, .direct: return []
    case .directByColumn(let column): return [column]
    case .carve(let fraction, let to, let rest):
      var columns: [ColumnRef] = []
      if case .column(let column) = fraction { columns.append(column) }
      return columns + to.columns + rest.columns
    }
  }
}

extension Condition {
  /// The budget columns this condition reads, in order.
  public var columns: [ColumnRef] {
    switch self {
    case .always: return []
    case .all(let parts), .any(let parts): return parts.flatMap(\.columns)
    case .column(let column, _): return [column]
    }
  }
}

extension RuleSet {
  /// The names of the budget columns the rules refer to, each once (compared without case),
  /// in order of first use, leaving out id, description and amount.
  public var columnsUsed: [String] {
    var seen: Set<String> = ["id", "description", "amount"]
    var names: [String] = []
    for rule in rules {
      for column in rule.condition.columns + rule.basis.columns
      where seen.insert(normalised(column.name)).inserted {
        names.append(column.name)
      }
    }
    return names
  }
}
