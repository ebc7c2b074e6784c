import BigInt

/// A compiled carve-out: `part / scale` of each line shared by `to`, the rest by `rest`.
///
/// Its denominator is `scale × L`, where `L` is the least common multiple of the two parts'
/// denominators, and partner `p`'s weight on a line is
///
///     part × to[p] × (L / to.denominator) + (scale − part) × rest[p] × (L / rest.denominator)
///
/// which adds up to `scale × L` over the partners. When that denominator fits in 64 bits,
/// so does every term (each is at most the denominator), and the weights are computed in
/// 64- and 128-bit integers; otherwise in arbitrary precision.
struct CompiledCarve: Sendable {
  /// Where the fraction comes from.
  enum Fraction: Sendable {
    /// The same fraction of every line: `part / scale` in lowest terms.
    case constant(part: BigInt)
    /// Each line's own fraction from a column, in millionths (`scale` is 10⁶).
    case column(position: Int, column: ColumnRef)
  }

  /// The 64-bit form of the numbers, when the carve-out's denominator fits in 64 bits.
  struct Narrow: Sendable {
    let constantPart: Int64?
    let scale: Int64
    let toFactor: Int64
    let restFactor: Int64
    let denominator: Int64
  }

  let fraction: Fraction
  let scale: BigInt
  let to: CompiledBasis
  let rest: CompiledBasis
  let toFactor: BigInt
  let restFactor: BigInt
  let denominator: BigInt
  let narrow: Narrow?

  init(fraction: Fraction, scale: BigInt, to: CompiledBasis, rest: CompiledBasis) {
    self.fraction = fraction
    self.scale = scale
    self.to = to
    self.rest = rest
    let common = lcm(to.denominator, rest.denominator)
    toFactor = common / to.denominator
    restFactor = common / rest.denominator
    denominator = scale * common
    if let denominator = denominator.exactly(Int64.self) {
      // Every other number here divides the denominator or is at most it, so each fits.
      var constantPart: Int64?
      if case .constant(let part) = fraction { constantPart = Int64(truncatingIfNeeded: part) }
      narrow = Narrow(
        constantPart: constantPart, scale: Int64(truncatingIfNeeded: scale),
        toFactor: Int64(truncatingIfNeeded: toFactor),
        restFactor: Int64(truncatingIfNeeded: restFactor), denominator: denominator)
    } else {
      narrow = nil
    }
  }

  /// One line's weights: narrow exactly when ``narrow`` is set.
  func weights(for line: BudgetLine, partners: Int) throws(Diagnostic) -> Weights {
    var columnPart: Int64 = 0
    if case .column(let position, let column) = fraction {
      columnPart = try CompiledBasis.fraction(line: line, position: position, column: column)
    }
    let toWeights = try to.weights(for: line)
    let restWeights = try rest.weights(for: line)
    if let narrow, case .narrow(let a, _) = toWeights, case .narrow(let b, _) = restWeights {
      let part = Int128(narrow.constantPart ?? columnPart)
      let restPart = Int128(narrow.scale) - part
      let toFactor = Int128(narrow.toFactor)
      let restFactor = Int128(narrow.restFactor)
      var weights = [Int64]()
      weights.reserveCapacity(partners)
      for p in 0..<partners {
        // Each term is at most the denominator, which fits in 64 bits.
        let weight = part * Int128(a[p]) * toFactor + restPart * Int128(b[p]) * restFactor
        weights.append(Int64(truncatingIfNeeded: weight))
      }
      return .narrow(weights, denominator: narrow.denominator)
    }
    let part: BigInt
    switch fraction {
    case .constant(let constant): part = constant
    case .column: part = BigInt(columnPart)
    }
    let restPart = scale - part
    let (a, _) = toWeights.wide
    let (b, _) = restWeights.wide
    var weights = [BigInt]()
    weights.reserveCapacity(partners)
    for p in 0..<partners {
      weights.append(part * a[p] * toFactor + restPart * b[p] * restFactor)
    }
    return .wide(weights, denominator: denominator)
  }
}
