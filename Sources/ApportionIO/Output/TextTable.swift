/// A plain-text table with columns sized to their content; the first column left-aligned,
/// the others right-aligned (they hold money).
struct TextTable {
  var header: [String]
  var rows: [[String]] = []
  /// Rows after which a rule is drawn.
  var rulesAfter: Set<Int> = []

  init(header: [String]) { self.header = header }

  mutating func add(_ row: [String], ruleAfter: Bool = false) {
    rows.append(row)
    if ruleAfter { rulesAfter.insert(rows.count - 1) }
  }

  func render() -> String {
    let all = [header] + rows
    let widths = header.indices.map { column in
      all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        let pad = String(repeating: " ", count: max(0, widths[index] - cell.count))
        return index == 0 ? cell + pad : pad + cell
      }.joined(separator: "  ")
    }
    let divider = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    var out = line(header) + "\n" + divider + "\n"
    for (index, row) in rows.enumerated() {
      out += line(row) + "\n"
      if rulesAfter.contains(index) { out += divider + "\n" }
    }
    return out
  }
}
