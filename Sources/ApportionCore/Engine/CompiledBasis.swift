import BigInt

/// A basis bound to the partners and the budget's columns, ready to give each line's exact
/// weights: one numerator per partner over a denominator fixed for the rule.
///
/// Fixing the denominator when the rule is compiled lets the engine keep exact running
/// shares in integers: a partner's exact share of a line is `amount × numerator /
/// denominator`, and the numerators of a line always add up to the denominator. The
/// denominator is as small as the basis allows (weights in lowest terms; a carve-out's is
/// its fraction's scale times the least common multiple of its parts' denominators), and
/// ``Weights`` holds it in 64 bits when it fits, in arbitrary precision when it does not.
struct CompiledBasis: Sendable {
  enum Kind: Sendable {
    /// The same weights for every line.
    case fixed(Weights)
    /// The whole line to the partner named in a column.
    case byColumn(position: Int, column: ColumnRef)
    /// A fraction to one basis, the rest to another.
    indirect case carve(CompiledCarve)
  }

  let kind: Kind
  /// The rule's denominator: every line's weights are over it.
  let denominator: BigInt
  /// The denominator when it fits in 64 bits: then every line's weights are ``Weights/narrow``.
  let narrowDenominator: Int64?
  /// For partner lookups by column: id or name (case-folded) to partner position.
  let partnerIndex: [String: Int]
  let partnerCount: Int

  init(kind: Kind, denominator: BigInt, partnerIndex: [String: Int], partnerCount: Int) {
    self.kind = kind
    self.denominator = denominator
    self.narrowDenominator = denominator.exactly(Int64.self)
    self.partnerIndex = partnerIndex
    self.partnerCount = partnerCount
  }

  /// Decimal places allowed in a carve-out fraction read from a column (0 to 1).
  static let columnFractionDigits = 6

  /// The weights for one line: narrow exactly when ``narrowDenominator`` is set.
  ///
  /// - Throws: ``Diagnostic`` at the field when a column names no partner or holds no
  ///   valid fraction.
  func weights(for line: BudgetLine) throws(Diagnostic) -> Weights {
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
      return .narrow(weights, denominator: 1)
    case .carve(let carve):
      return try carve.weights(for: line, partners: partnerCount)
    }
  }

  /// The columns this basis reads and their values on a line, for `explain`.
  func columnValues(_ line: BudgetLine) -> [(column: String, value: String)] {
    switch kind {
    case .fixed: return []
    case .byColumn(let position, let column): return [(column.name, line.value(at: position))]
    case .carve(let carve):
      var values: [(column: String, value: String)] = []
      if case .column(let position, let column) = carve.fraction {
        values.append((column.name, line.value(at: position)))
      }
      return values + carve.to.columnValues(line) + carve.rest.columnValues(line)
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
