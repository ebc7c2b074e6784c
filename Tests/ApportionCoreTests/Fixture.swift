@testable import ApportionCore

/// Budgets built in code for engine tests: columns id, description, amount, council, frac.
enum Fixture {
  static let columns = ["id", "description", "amount", "council", "frac"]

  static func schema() throws -> BudgetSchema {
    try BudgetSchema(
      columns: columns,
      locations: columns.indices.map { SourceLocation(file: "t.csv", line: 1, column: $0 + 1) })
  }

  static func line(
    _ index: Int, _ pence: Int64, council: String = "", frac: String = "0"
  ) -> BudgetLine {
    let id = "L\(index)"
    return BudgetLine(
      id: id, description: "line \(index)", amount: Money(pence: pence),
      values: [id, "line \(index)", Money(pence: pence).plainText, council, frac],
      location: SourceLocation(file: "t.csv", line: index + 2), columns: [1, 2, 3, 4, 5])
  }

  static func partners(_ ids: [String]) -> [Partner] {
    ids.map { Partner(id: PartnerID($0), name: $0.capitalized) }
  }

  /// Runs lines through one rule set; returns results and summary.
  static func run(_ ruleSet: RuleSet, _ lines: [BudgetLine]) throws -> ([LineResult], Summary) {
    var engine = try Apportioner(ruleSet: ruleSet, schema: schema())
    var results: [LineResult] = []
    for line in lines {
      if let result = try engine.apportion(line) { results.append(result) }
    }
    return (results, try engine.finish())
  }
}
