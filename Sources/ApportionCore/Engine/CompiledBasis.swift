/// A basis bound to the partners and the budget's columns, ready to give each line's exact
/// weights: one numerator per partner over a denominator fixed for the rule.
///
/// Fixing the denominator when the rule is compiled lets the engine keep exact running
/// shares in integers: a partner's exact share of a line is `amount × numerator /
/// denominator`, and the numerators of a line always add up to the denominator.
struct CompiledBasis: Sendable {
  enum Kind: Sendable {
    /// The same weights for every line.
    case fixed([Int64])
    /// The whole line to the partner named in a column.
    case byColumn(position: Int, column: ColumnRef)
    /// A fraction to `to`, the rest to `rest`.
    indirect case carve(fraction: Fraction, to: CompiledBasis, rest: CompiledBasis)
  }

  /// Where a carve-out's fraction comes from; `scale` is its denominator.
  enum Fraction: Sendable {
    case constant(Int64, scale: Int64)
    case column(position: Int, column: ColumnRef, scale: Int64)

    var scale: Int64 {
      switch self {
      case .constant(_, let scale), .column(_, _, let scale): return scale
      }
    }
  }

  let kind: Kind
  let denominator: Int64
  /// For partner lookups by column: id or name (case-folded) to partner position.
  let partnerIndex: [String: Int]
  let partnerCount: Int

  /// Decimal places allowed in a carve-out fraction read from a column (0 to 1).
  static let columnFractionDigits = 6

  /// The weights for one line.
  ///
  /// - Throws: ``Diagnostic`` at the field when a column names no partner or holds no
  ///   valid fraction.
  func numerators(for line: BudgetLine) throws(Diagnostic) -> [Int64] {
    switch kind {
    case .fixed(let weights):
      return weights
    case .byColumn(let position, let column):
      let raw = line.value(at: position)
      guard let partner = partnerIndex[normalised(raw)] else {
        let known = partnerIndex.keys.sorted().joined(separator: ", ")
        throw Diagnostic(
          at: line.location(ofField: position),
          raw.isEmpty
            ? "line \(line.id): column \(column.name) is empty, but the rule charges the line "
              + "to the partner named there"
            : "line \(line.id): '\(raw)' in column \(column.name) is not a partner",
          hint: "write a partner's id or name; the partners are: \(known)")
      }
      var weights = Array(repeating: Int64(0), count: partnerCount)
      weights[partner] = 1
      return weights
    case .carve(let fraction, let to, let rest):
      let scale = fraction.scale
      let part: Int64
      switch fraction {
      case .constant(let value, _): part = value
      case .column(let position, let column, _):
        part = try Self.fraction(line: line, position: position, column: column)
      }
      let toWeights = try to.numerators(for: line)
      let restWeights = try rest.numerators(for: line)
      // k·A·DB + (F−k)·B·DA: each term is at most F·DA·DB = denominator, which fits.
      var weights = [Int64]()
      weights.reserveCapacity(partnerCount)
      for p in 0..<partnerCount {
        let a = Int128(part) * Int128(toWeights[p]) * Int128(rest.denominator)
        let b = Int128(scale - part) * Int128(restWeights[p]) * Int128(to.denominator)
        weights.append(Int64(a + b))
      }
      return weights
    }
  }

  /// The columns this basis reads and their values on a line, for `explain`.
  func columnValues(_ line: BudgetLine) -> [(column: String, value: String)] {
    switch kind {
    case .fixed: return []
    case .byColumn(let position, let column): return [(column.name, line.value(at: position))]
    case .carve(let fraction, let to, let rest):
      var values: [(column: String, value: String)] = []
      if case .column(let position, let column, _) = fraction {
        values.append((column.name, line.value(at: position)))
      }
      return values + to.columnValues(line) + rest.columnValues(line)
    }
  }

  /// A fraction from a column: `0.25` or `25%`, between 0 and 1, in millionths.
  static func fraction(line: BudgetLine, position: Int, column: ColumnRef) throws(Diagnostic)
    -> Int64
  {
    let raw = line.value(at: position)
    let place = line.location(ofField: position)
    let digits = columnFractionDigits
    if normalised(raw).isEmpty {
      throw Diagnostic(
        at: place,
        "line \(line.id): column \(column.name) is empty, but the rule carves out the fraction "
          + "written there", hint: "write 0 for none, or a fraction such as 0.25 or 25%")
    }
    let written: ExactDecimal.Written
    do { written = try ExactDecimal.Written(parsing: raw) } catch {
      throw Diagnostic(
        at: place, "line \(line.id): column \(column.name): \(error)",
        hint: "write a fraction from 0 to 1 such as 0.25, or a percentage such as 25%")
    }
    let value = written.fraction
    let scale = value.scale
    guard scale <= digits, let units = value.units(atScale: digits),
      units <= pow10(digits)
    else {
      throw Diagnostic(
        at: place,
        scale > digits
          ? "line \(line.id): '\(raw)' in column \(column.name) has more than \(digits) "
            + "decimal places as a fraction"
          : "line \(line.id): '\(raw)' in column \(column.name) is more than the whole line",
        hint: "a carve-out fraction is from 0 to 1 (or 0% to 100%)")
    }
    return units
  }
}

/// 10 to the power n (n ≤ 18).
func pow10(_ n: Int) -> Int64 {
  var value: Int64 = 1
  for _ in 0..<n { value *= 10 }
  return value
}
