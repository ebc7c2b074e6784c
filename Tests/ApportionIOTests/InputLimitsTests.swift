import ApportionCore
import Testing

@testable import ApportionIO

/// The limits a budget and a rule file are held to while they are read (``InputLimits``),
/// so that what reads also fits the workbooks: each refused with its place.
@Suite("InputLimits: refused while reading, at the field")
struct InputLimitsTests {
  static let longest = InputLimits.textLength

  struct BudgetCase: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    /// The message's start, place included (the budget is `b.csv`).
    let error: String
    var testDescription: String { name }
  }

  static let budgetCases: [BudgetCase] = [
    BudgetCase(
      name: "an id one character too long",
      text: "id,description,amount\n" + String(repeating: "i", count: longest + 1) + ",d,1\n",
      error: "b.csv:2:1: error: this line's id is 32,768 characters long; the most a workbook "
        + "cell holds is 32,767"),
    BudgetCase(
      name: "a description of emoji, counted as Excel counts (2 each)",
      text: "id,description,amount\nA,\(String(repeating: "😀", count: 16_384)),1\n",
      error: "b.csv:2:3: error: line A: the description field is 32,768 characters long"),
    BudgetCase(
      name: "another column's value",
      text: "id,description,amount,team\nA,d,1,\"\(String(repeating: "t", count: 40_000))\"\n",
      error: "b.csv:2:7: error: line A: the team field is 40,000 characters long"),
    BudgetCase(
      name: "a column name",
      text: "id,description,amount,\(String(repeating: "c", count: longest + 1))\n",
      error: "b.csv:1:23: error: the name of column 4 is 32,768 characters long"),
    BudgetCase(
      name: "one column too many",
      text: "id,description,amount"
        + (4...InputLimits.budgetColumns + 1).map { ",c\($0)" }.joined() + "\nA,d,1\n",
      error: "b.csv:1:"),
    BudgetCase(
      name: "the largest amount and a penny",
      text: "id,description,amount\nA,d,1.00\nB,d,\"1,000,000,000,000.00\"\n",
      error: "b.csv:3:5: error: line B: the amount 1,000,000,000,000.00 is too large: the most "
        + "is £999,999,999,999.99, for costs or income"),
    BudgetCase(
      name: "income beyond the limit",
      text: "id,description,amount\nA,d,-1000000000000\n",
      error: "b.csv:2:5: error: line A: the amount -1000000000000 is too large"),
    BudgetCase(
      name: "costs and income that cancel out but add up beyond the limit without signs",
      text: "id,description,amount\nA,d,500000000000\nB,d,-500000000000\n",
      error: "b.csv:3:5: error: line B: the amounts up to this line add up to more than "
        + "£999,999,999,999.99, counting income as positive"),
  ]

  @Test("each limit, at its place", arguments: budgetCases)
  func budget(_ example: BudgetCase) {
    let message = budgetError(example.text)
    #expect(message?.hasPrefix(example.error) == true, "\(message ?? "no error")")
  }

  @Test("exactly at the limits is accepted")
  func atTheLimits() throws {
    let text =
      "id,description,amount\n" + "\(String(repeating: "i", count: Self.longest)),"
      + "\(String(repeating: "😀", count: Self.longest / 2)),999999999999.99\n"
    let (_, lines) = try readBudget(text)
    #expect(lines.first?.amount == Money(pence: InputLimits.amountPence))
  }

  @Test("the amount limit leaves every workbook number room below a cell's 15 digits")
  func amountLimitBelowTheCellLimit() {
    // XlsxWriter.Worksheet.maxExactPence, which the workbook writer refuses beyond.
    let cell: Int64 = 999_999_999_999_999
    #expect(InputLimits.amountPence * 10 <= cell)
  }

  struct RuleCase: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let error: String
    var testDescription: String { name }
  }

  static let head = "year: 2016-17\npartners:\n  - { id: a }\n  - { id: b }\nrules:\n"
  static let all = "  - name: All\n    basis: equal\n"

  static let ruleCases: [RuleCase] = [
    RuleCase(
      name: "a rule's conditions in words",
      text: head + "  - name: Many\n    when: { category: ["
        + (0..<5000).map { "c\($0)" }.joined(separator: ", ") + "] }\n    basis: equal\n" + all,
      error: "t.yaml:6:5: error: rule 'Many': its conditions in words are"),
    RuleCase(
      name: "a value",
      text: head + "  - name: All\n    description: \(String(repeating: "d", count: 40_000))\n"
        + "    basis: equal\n",
      error: "t.yaml:7:18: error: a rule's description is 40,000 characters long"),
    RuleCase(
      name: "the agreement, counting & twice",
      text: "agreement: \"\(String(repeating: "&", count: 51))\"\n" + head + all,
      error: "t.yaml:1:12: error: the agreement's title is 102 characters long; the most is 100"),
    RuleCase(
      name: "a partner's name",
      text: head.replacingOccurrences(
        of: "{ id: b }", with: "{ id: b, name: \(String(repeating: "n", count: 71)) }") + all,
      error: "t.yaml:4:20: error: partner 'b' has a name 71 characters long; the most is 70"),
    RuleCase(
      name: "one partner too many",
      text: "year: 2016-17\npartners:\n"
        + (0...InputLimits.partners).map { "  - { id: p\($0) }\n" }.joined() + "rules:\n" + all,
      error: "t.yaml:103:5: error: the rule file lists 101 partners; the most is 100"),
  ]

  @Test("rule-file limits, at their place", arguments: ruleCases)
  func ruleFile(_ example: RuleCase) {
    do {
      _ = try RuleFile.parse(example.text, file: "t.yaml")
      Issue.record("parsed without errors")
    } catch {
      let found = error.diagnostics.contains { $0.description.hasPrefix(example.error) }
      #expect(found, "expected '\(example.error)' in:\n\(error)")
    }
  }
}
