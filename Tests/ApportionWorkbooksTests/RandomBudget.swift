import TestSupport

/// A random rule file and budget using every basis: direct by column, direct, fixed
/// percentages, a driver, equal among some, a carve-out by column and an equal catch-all.
struct RandomBudget: CustomStringConvertible {
  let seed: UInt64
  let partnerCount: Int
  let lineCount: Int
  let rules: String
  let budget: String

  var description: String { "seed \(seed): \(partnerCount) partners, \(lineCount) lines" }

  static let categories = ["council", "host", "fixed", "driven", "some", "carve", "other"]

  init(seed: UInt64, partners: ClosedRange<Int> = 2...5, lines: ClosedRange<Int> = 5...60) {
    var random = SeededGenerator(seed: seed)
    self.seed = seed
    let n = Int.random(in: partners, using: &random)
    let count = Int.random(in: lines, using: &random)
    partnerCount = n
    lineCount = count
    let ids = (1...n).map { "p\($0)" }
    var yaml = "agreement: Random partnership \(seed)\nyear: 2019-20\npartners:\n"
    for (index, id) in ids.enumerated() {
      yaml +=
        "  - { id: \(id), name: Council \(id.uppercased())\(index == 0 ? ", host: true" : "") }\n"
    }
    let figures = ids.map { "\($0): \(Int.random(in: 1...50_000, using: &random))" }
    yaml += "drivers:\n  calls: { \(figures.joined(separator: ", ")) }\n"
    // Percentages in whole and half per cents that add up to exactly 100.
    var halves = Array(repeating: 0, count: n)
    for _ in 0..<200 { halves[Int.random(in: 0..<n, using: &random)] += 1 }
    let percentages = zip(ids, halves).map { id, h in "\(id): \(h / 2)\(h % 2 == 1 ? ".5" : "")" }
    let some = Array(ids.prefix(max(1, n - 1)))
    yaml += """
      rules:
        - name: By council
          when: { council: [\(ids.joined(separator: ", "))] }
          basis: { direct: { column: council } }
        - name: Host only
          when: { category: host }
          basis: { direct: p1 }
        - name: Fixed
          when: { category: fixed }
          basis: { percentages: { \(percentages.joined(separator: ", ")) } }
        - name: Driven
          when: { category: driven }
          basis: { driver: calls }
        - name: Some
          when: { category: some }
          basis: { equal: [\(some.joined(separator: ", "))] }
        - name: Carve
          when: { category: carve }
          carve: { fraction: { column: share }, to: { direct: p\(n) } }
          rest: equal
        - name: Everything else
          basis: equal

      """
    rules = yaml
    var csv = "id,description,amount,category,council,share\n"
    let shares = ["0", "0.25", "0.5", "1", "0.1", "0.333"]
    for row in 1...count {
      let category = Self.categories.randomElement(using: &random) ?? "other"
      let council = category == "council" ? ids.randomElement(using: &random) ?? "p1" : ""
      var pence = Int64.random(in: 1...5_000_000_00, using: &random)
      switch Int.random(in: 0..<10, using: &random) {
      case 0: pence = -pence
      case 1: pence = Int64.random(in: -3...3, using: &random)
      case 2: pence = Int64.random(in: 1...20, using: &random) * 333
      default: break
      }
      let share = shares.randomElement(using: &random) ?? "0"
      csv +=
        "L-\(row),\"Line \(row), \(category)\",\(poundsText(pence)),\(category),"
        + "\(council),\(share)\n"
    }
    budget = csv
  }
}
