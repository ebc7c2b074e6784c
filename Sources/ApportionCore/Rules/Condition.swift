/// A reference from a rule to a budget column, with where the rule file names it.
public struct ColumnRef: Sendable, Hashable {
  public var name: String
  public var location: SourceLocation?
  public init(_ name: String, at location: SourceLocation? = nil) {
    self.name = name
    self.location = location
  }
}

/// Which budget lines a rule takes.
///
/// Values compare after trimming surrounding spaces and ignoring case, so `Brent `, `brent`
/// and `BRENT` are the same value.
public indirect enum Condition: Sendable, Hashable {
  /// Every line (a rule with no `when`: a catch-all).
  case always
  /// Every condition holds.
  case all([Condition])
  /// At least one condition holds.
  case any([Condition])
  /// A test on one column's value.
  case column(ColumnRef, ColumnTest)

  /// True for a condition that takes every line.
  public var isCatchAll: Bool {
    switch self {
    case .always: return true
    case .all(let parts): return parts.allSatisfy(\.isCatchAll)
    case .any(let parts): return parts.contains(where: \.isCatchAll)
    case .column: return false
    }
  }
}

/// A test on the text of one column.
public enum ColumnTest: Sendable, Hashable {
  /// The value is one of these (`council: brent` or `council: [brent, lewisham]`).
  case oneOf([String])
  /// The value is none of these (`council: { not: [brent] }`).
  case noneOf([String])
  /// The value starts with one of these (`cost_centre: { prefix: ICT1 }`).
  case prefix([String])
  /// The value contains one of these (`description: { contains: licence }`).
  case contains([String])
  /// The value is empty (`true`) or not (`false`).
  case empty(Bool)

  /// Plain words for `check`, `explain` and the workbook's Rules sheet.
  public func describe(column: String) -> String {
    switch self {
    case .oneOf(let options) where options.count == 1: return "\(column) is \(options[0])"
    case .oneOf(let options): return "\(column) is one of \(list(options))"
    case .noneOf(let options) where options.count == 1: return "\(column) is not \(options[0])"
    case .noneOf(let options): return "\(column) is none of \(list(options))"
    case .prefix(let options): return "\(column) starts with \(list(options, joiner: "or"))"
    case .contains(let options): return "\(column) contains \(list(options, joiner: "or"))"
    case .empty(true): return "\(column) is empty"
    case .empty(false): return "\(column) is not empty"
    }
  }
}

/// Text trimmed of surrounding spaces and case-folded, for comparing values.
func normalised(_ text: String) -> String {
  // Fast path: plain ASCII ends that are not spaces need no trimming.
  if let first = text.utf8.first, let last = text.utf8.last, first > 32, first < 128,
    last > 32, last < 128
  {
    return text.lowercased()
  }
  return String(Substring(text).trimmingSpaces()).lowercased()
}

func list(_ items: [String], joiner: String = "and") -> String {
  switch items.count {
  case 0: return "nothing"
  case 1: return items[0]
  default: return items.dropLast().joined(separator: ", ") + " \(joiner) " + (items.last ?? "")
  }
}

extension Condition {
  /// Plain words: "council is one of brent and lewisham and category is staff".
  public var summary: String {
    switch self {
    case .always: return "every line"
    case .column(let column, let test): return test.describe(column: column.name)
    case .all(let parts): return parts.map(\.summary).joined(separator: " and ")
    case .any(let parts): return parts.map { "(\($0.summary))" }.joined(separator: " or ")
    }
  }
}
