import BigInt

/// How the lines of a budget fall across the twelve months, ready to use on each line: the
/// rule set's profiles as whole-number weights, and where the budget keeps each line's own
/// profile name (`profile`) or month amounts (`apr` … `mar`).
///
/// Profile 0 is the even profile. All weights are brought to one scale, ``total``: the least
/// common multiple of the profiles' sums, so that a month's share of any line is a whole
/// number over it.
struct PhasingPlan: Sendable {
  /// `weights[profile][month]`, whole numbers.
  let weights: [[BigInt]]
  /// Each profile's twelve weights added up.
  let sums: [BigInt]
  /// The least common multiple of ``sums``.
  let total: BigInt
  /// Profile names (trimmed, lower-case) to their index.
  let index: [String: Int]
  let names: [String]
  /// The budget's twelve month columns, April first, when it has all of them.
  let monthColumns: [Int]?
  /// The budget's `profile` column, when it has one.
  let profileColumn: Int?

  /// The plan for a rule set's profiles and a budget's columns.
  init(profiles: [PhasingProfile], schema: BudgetSchema?) {
    var weights: [[BigInt]] = []
    var names: [String] = []
    for profile in [PhasingProfile.even] + profiles {
      let scale = profile.weights.map(\.scale).max() ?? 0
      weights.append(
        profile.weights.map { BigInt($0.units) * bigPow10(scale - $0.scale) })
      names.append(profile.name)
    }
    self.weights = weights
    self.names = names
    sums = weights.map { $0.reduce(0, +) }
    total = sums.reduce(BigInt(1)) { lcm($0, $1) }
    var index: [String: Int] = [:]
    for (position, name) in names.enumerated() where position > 0 {
      index[normalised(name)] = position
    }
    self.index = index
    let months = PhasingProfile.monthColumns.compactMap { schema?.position(of: $0) }
    monthColumns = months.count == FinancialYear.monthCount ? months : nil
    profileColumn = schema?.position(of: PhasingProfile.profileColumn)
  }

  /// True when every line is phased evenly: no profiles are used and the budget has no
  /// month or profile columns.
  var isAlwaysEven: Bool { weights.count == 1 && monthColumns == nil && profileColumn == nil }

  /// How one line falls across the months.
  enum Phasing: Sendable {
    /// By a profile (0: evenly).
    case profile(Int)
    /// By its own month amounts, in pence, adding up to the line.
    case months([Int64])
  }

  /// The line's phasing: its month columns if it fills any, else the profile it names, else
  /// its rule's profile (evenly if none).
  ///
  /// - Throws: ``Diagnostic`` at the field when a month amount is not an amount, the month
  ///   amounts do not add up to the line, or the line names no profile there is.
  func phasing(of line: BudgetLine, ruleProfile: Int) throws(Diagnostic) -> Phasing {
    if let monthColumns, monthColumns.contains(where: { !normalised(line.value(at: $0)).isEmpty }) {
      var amounts: [Int64] = []
      var sum: Int64 = 0
      for (month, position) in monthColumns.enumerated() {
        let text = line.value(at: position)
        let amount: Money
        if normalised(text).isEmpty {
          amount = .zero
        } else {
          do { amount = try Money(parsing: text) } catch {
            throw Diagnostic(
              at: line.location(ofField: position),
              "line \(line.id): \(PhasingProfile.monthColumns[month]): \(error)",
              hint: "write each month's amount like the line's amount, or leave it empty for 0")
          }
        }
        let (added, overflow) = sum.addingReportingOverflow(amount.pence)
        guard !overflow else {
          throw Diagnostic(
            at: line.location, "line \(line.id): the month amounts add up to too much")
        }
        sum = added
        amounts.append(amount.pence)
      }
      guard sum == line.amount.pence else {
        throw Diagnostic(
          at: line.location(ofField: monthColumns[0]),
          "line \(line.id): the month amounts (apr to mar) add up to \(Money(pence: sum)), "
            + "not the line's amount \(line.amount)",
          hint: "make the twelve months add up to the amount, or leave them all empty to "
            + "phase the line by its profile")
      }
      return .months(amounts)
    }
    if let profileColumn {
      let name = normalised(line.value(at: profileColumn))
      if !name.isEmpty {
        guard let profile = index[name] else {
          let known = Array(names.dropFirst())
          throw Diagnostic(
            at: line.location(ofField: profileColumn),
            "line \(line.id): there is no profile named '\(line.value(at: profileColumn))'",
            hint: DidYouMean.hint(for: line.value(at: profileColumn), in: known)
              + (known.isEmpty
                ? "define profiles under 'profiles:' in the rule file"
                : "the profiles are: \(known.joined(separator: ", "))"))
        }
        return .profile(profile)
      }
    }
    return .profile(ruleProfile)
  }

  /// The line's amount in each month as a fraction over ``total`` (numerators).
  func monthNumerators(of amount: Money, _ phasing: Phasing) -> [BigInt] {
    switch phasing {
    case .profile(let profile):
      let factor = BigInt(amount.pence) * (total / sums[profile])
      return weights[profile].map { $0 * factor }
    case .months(let amounts):
      return amounts.map { BigInt($0) * total }
    }
  }
}
