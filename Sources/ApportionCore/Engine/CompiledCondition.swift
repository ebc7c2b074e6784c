/// A condition with its columns resolved to positions in the budget.
indirect enum CompiledCondition: Sendable {
  case always
  case all([CompiledCondition])
  case any([CompiledCondition])
  case column(position: Int, ColumnRef, CompiledTest)

  func matches(_ line: BudgetLine) -> Bool {
    switch self {
    case .always: return true
    case .all(let parts): return parts.allSatisfy { $0.matches(line) }
    case .any(let parts): return parts.contains { $0.matches(line) }
    case .column(let position, _, let test): return test.matches(line.value(at: position))
    }
  }

  /// Each column test and how it went on this line, for `explain`.
  func trace(_ line: BudgetLine) -> [ConditionCheck] {
    switch self {
    case .always: return []
    case .all(let parts), .any(let parts): return parts.flatMap { $0.trace(line) }
    case .column(let position, let column, let test):
      let value = line.value(at: position)
      return [
        ConditionCheck(
          condition: test.test.describe(column: column.name), value: value,
          passed: test.matches(value))
      ]
    }
  }
}

/// One column test checked against one line.
public struct ConditionCheck: Sendable, Hashable {
  /// The test in words: "council is one of brent and lewisham".
  public let condition: String
  /// The line's value in that column.
  public let value: String
  public let passed: Bool
}

/// A column test with its values trimmed and case-folded once, for matching many lines.
struct CompiledTest: Sendable {
  let test: ColumnTest
  private let values: [String]
  private let set: Set<String>

  init(_ test: ColumnTest) {
    self.test = test
    switch test {
    case .oneOf(let options), .noneOf(let options), .prefix(let options), .contains(let options):
      values = options.map(normalised)
    case .empty: values = []
    }
    set = Set(values)
  }

  func matches(_ raw: String) -> Bool {
    let value = normalised(raw)
    switch test {
    case .oneOf: return set.contains(value)
    case .noneOf: return !set.contains(value)
    case .prefix: return values.contains { value.hasPrefix($0) }
    case .contains: return values.contains { value.contains($0) }
    case .empty(let wanted): return value.isEmpty == wanted
    }
  }
}
