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
  /// The values' UTF-8 bytes, for ``asciiMatches(_:)``.
  private let valueBytes: [[UInt8]]

  init(_ test: ColumnTest) {
    self.test = test
    switch test {
    case .oneOf(let options), .noneOf(let options), .prefix(let options), .contains(let options):
      values = options.map(normalised)
    case .empty: values = []
    }
    set = Set(values)
    valueBytes = values.map { Array($0.utf8) }
  }

  /// The test on a value of plain ASCII without a carriage return, from its bytes, without
  /// making a String (the usual case, once for every line); nil for any other value, which
  /// the general path then tests. For such a value each byte is one character, its white
  /// space is ASCII and its lower case is ASCII's, so bytes compare as characters do; a
  /// test value with other characters matches none of them either way.
  private func asciiMatches(_ raw: String) -> Bool? {
    var raw = raw
    return raw.withUTF8 { bytes -> Bool? in
      var start = 0
      var end = bytes.count
      while start < end, Self.isSpace(bytes[start]) { start += 1 }
      while end > start, Self.isSpace(bytes[end - 1]) { end -= 1 }
      for index in start..<end where bytes[index] >= 0x80 || bytes[index] == 13 { return nil }
      let value = UnsafeBufferPointer(rebasing: bytes[start..<end])
      switch test {
      case .empty(let wanted): return value.isEmpty == wanted
      case .oneOf:
        return valueBytes.contains { $0.count == value.count && Self.starts(value, at: 0, $0) }
      case .noneOf:
        return !valueBytes.contains { $0.count == value.count && Self.starts(value, at: 0, $0) }
      case .prefix: return valueBytes.contains { Self.starts(value, at: 0, $0) }
      case .contains:
        return valueBytes.contains { wanted in
          !wanted.isEmpty && wanted.count <= value.count
            && (0...(value.count - wanted.count)).contains { Self.starts(value, at: $0, wanted) }
        }
      }
    }
  }

  /// ASCII white space: tab, line feed, vertical tab, form feed, carriage return, space.
  @inline(__always)
  private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (byte >= 9 && byte <= 13) }

  /// Whether `value` from `offset`, in ASCII lower case, starts with `wanted`.
  @inline(__always)
  private static func starts(_ value: UnsafeBufferPointer<UInt8>, at offset: Int, _ wanted: [UInt8])
    -> Bool
  {
    guard offset + wanted.count <= value.count else { return false }
    for index in wanted.indices {
      var byte = value[offset + index]
      if byte >= 65 && byte <= 90 { byte += 32 }
      if byte != wanted[index] { return false }
    }
    return true
  }

  func matches(_ raw: String) -> Bool {
    asciiMatches(raw) ?? matchesText(raw)
  }

  /// The test on any value, as text: trimmed, case-folded, then compared. (`contains` is
  /// Foundation's here, which BigInt brings in: an empty text is in no text.)
  func matchesText(_ raw: String) -> Bool {
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
