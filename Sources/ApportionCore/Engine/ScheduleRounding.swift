/// Rounds one rule's exact monthly shares to whole pence: a table of partners × months in
/// which each partner's months add up to its total for the rule (the engine's rounded
/// total, so the schedule agrees with every other output) and every cell is within 1p of its
/// exact value. Each month's total is the sum of its cells.
///
/// The cells start from each exact value rounded down; each partner then still needs a few
/// pennies, placed one per cell on cells whose exact value is not whole. They are placed so
/// that each month's total is, where possible, the rule's exact running total rounded
/// month by month (half up), so that month totals too are within 1p of exact: a small
/// matching between partners and months (augmenting paths, in partner and month order, the
/// same on every run). When the partners' rounded totals make that impossible (it can happen
/// when partners' shares fall in different months), each partner's pennies go to its cells
/// with the largest fractions, earliest month first; the cells are still within 1p and the
/// partners' months still add up to their totals, but a month's total may then differ from
/// its exact amount by more than 1p.
///
/// | exact cells (pence), partner × month | partner totals | result |
/// | --- | --- | --- |
/// | 0.5 0.5 / 0.5 0.5 | 1, 1 | 1 0 / 0 1 |
/// | 8.3̅ in each of 12 months (£1 over a year) | 100 | 8 or 9 a month, adding up to 100 |
enum ScheduleRounding {
  /// - Parameters:
  ///   - exact: `exact[month][partner]`, numerators over `denominator` (positive).
  ///   - totals: each partner's rounded total for the rule, within 1p of its exact total.
  /// - Returns: `cells[partner][month]`, or nil when a cell does not fit in pence or the
  ///   totals are not within 1p of the exact totals (an internal error for the caller).
  static func round<Value: SignedInteger>(
    _ exact: [[Value]], denominator: Value, totals: [Int64]
  ) -> [[Int64]]? {
    let months = exact.count
    let partners = totals.count
    var cells = Array(repeating: Array(repeating: Int64(0), count: months), count: partners)
    // Fractions as numerators over the denominator, for choosing cells to round up.
    var fraction = Array(repeating: Array(repeating: Value(0), count: months), count: partners)
    var rowNeed = totals
    var floorsByMonth = Array(repeating: Value(0), count: months)
    for p in 0..<partners {
      for m in 0..<months {
        let value = exact[m][p]
        let floor = floorDivide(value, denominator)
        guard let whole = Int64(exactly: floor) else { return nil }
        cells[p][m] = whole
        fraction[p][m] = value - floor * denominator
        rowNeed[p] -= whole
        floorsByMonth[m] += floor
      }
      let roomy = fraction[p].filter { $0 != 0 }.count
      guard rowNeed[p] >= 0, rowNeed[p] <= roomy else { return nil }
    }
    // The month totals wanted: the exact running total rounded half up, month by month.
    var columnNeed: [Int64] = []
    var running: Value = 0
    var previous: Value = 0
    for m in 0..<months {
      for value in exact[m] { running += value }
      let rounded = floorDivide(2 * running + denominator, 2 * denominator)
      guard let need = Int64(exactly: rounded - previous - floorsByMonth[m]) else { return nil }
      columnNeed.append(need)
      previous = rounded
    }
    let allowed = fraction.map { $0.map { $0 != 0 } }
    let chosen =
      match(rowNeed: rowNeed, columnNeed: columnNeed, allowed: allowed)
      ?? largestFractions(rowNeed: rowNeed, fraction: fraction)
    for p in 0..<partners { for m in 0..<months where chosen[p][m] { cells[p][m] += 1 } }
    return cells
  }

  /// A choice of allowed cells with exactly `rowNeed[r]` in row r and `columnNeed[c]` in
  /// column c, or nil if there is none: a maximum flow from rows to columns through allowed
  /// cells (capacity 1 each), found by augmenting paths.
  static func match(rowNeed: [Int64], columnNeed: [Int64], allowed: [[Bool]]) -> [[Bool]]? {
    let rows = rowNeed.count
    let columns = columnNeed.count
    guard rowNeed.allSatisfy({ $0 >= 0 }), columnNeed.allSatisfy({ $0 >= 0 }),
      rowNeed.reduce(0, +) == columnNeed.reduce(0, +)
    else { return nil }
    var chosen = Array(repeating: Array(repeating: false, count: columns), count: rows)
    var rowLeft = rowNeed
    var columnLeft = columnNeed
    // Breadth-first search over the residual graph: a row goes to a column through an allowed
    // cell not yet chosen; a column goes back to a row through a chosen cell.
    while let start = rowLeft.firstIndex(where: { $0 > 0 }) {
      var columnFrom = Array(repeating: -1, count: columns)  // the row each column was reached from
      var rowFrom = Array(repeating: -1, count: rows)  // the column each row was reached from
      var queue = [start]
      rowFrom[start] = columns  // the start
      var end: Int?
      var head = 0
      search: while head < queue.count {
        let row = queue[head]
        head += 1
        for column in 0..<columns
        where allowed[row][column] && !chosen[row][column] && columnFrom[column] < 0 {
          columnFrom[column] = row
          if columnLeft[column] > 0 {
            end = column
            break search
          }
          for next in 0..<rows where chosen[next][column] && rowFrom[next] < 0 {
            rowFrom[next] = column
            queue.append(next)
          }
        }
      }
      guard var column = end else { return nil }
      columnLeft[column] -= 1
      rowLeft[start] -= 1
      // Walk back: choose each forward cell, give up each backward one.
      while true {
        let row = columnFrom[column]
        chosen[row][column] = true
        if row == start { break }
        let back = rowFrom[row]
        chosen[row][back] = false
        column = back
      }
    }
    return columnLeft.allSatisfy { $0 == 0 } ? chosen : nil
  }

  /// Each row's pennies on its cells with the largest fractions, earliest column first.
  static func largestFractions<Value: SignedInteger>(rowNeed: [Int64], fraction: [[Value]])
    -> [[Bool]]
  {
    fraction.enumerated().map { row, fractions in
      let order = fractions.indices.filter { fractions[$0] != 0 }.sorted {
        fractions[$0] != fractions[$1] ? fractions[$0] > fractions[$1] : $0 < $1
      }
      var chosen = Array(repeating: false, count: fractions.count)
      for column in order.prefix(Int(rowNeed[row])) { chosen[column] = true }
      return chosen
    }
  }

  /// ⌊a / b⌋ for b > 0.
  static func floorDivide<Value: SignedInteger>(_ a: Value, _ b: Value) -> Value {
    let quotient = a / b
    return a % b < 0 ? quotient - 1 : quotient
  }
}
