import ApportionIO
import Foundation
import TestSupport
import Testing

/// The figures worked by hand in `Samples/2016-17/README.md`, "Expected results (worked by
/// hand)", section "Grand totals", in pence: (rule, lines, Brent, Lewisham, total).
let handWorkedRules: [(rule: String, lines: Int, brent: Int64, lewisham: Int64, total: Int64)] =
  [
    ("Council-specific contracts", 12, 174_914_497, 75_016_780, 249_931_277),
    ("LGA contract income", 2, -43_516_827, 0, -43_516_827),
    ("Staff", 50, 152_830_834, 135_740_700, 288_571_534),
    ("Third-party customer income", 2, -1_041_668, -1_041_667, -2_083_335),
    ("Shared service", 39, 131_005_901, 131_005_900, 262_011_801),
  ]
/// README "Grand totals": "In pence: Brent 414,192,737; Lewisham 340,721,713; total
/// 754,914,450."
let handWorkedBrent: Int64 = 414_192_737
let handWorkedLewisham: Int64 = 340_721_713
let handWorkedTotal: Int64 = 754_914_450

let sampleJSONArguments = [
  "run", "--json", "--rules", "Rules/brent-lewisham.yaml", "--budget",
  "Samples/2016-17/budget.csv",
]

/// The JSON document of `run --json`, parsed.
struct RunDocument {
  let root: [String: Any]
  let lines: [[String: Any]]
  let rules: [[String: Any]]
  let partners: [String]

  init(_ data: Data) throws {
    let object = try JSONSerialization.jsonObject(with: data)
    let root = try #require(object as? [String: Any])
    self.root = root
    lines = try #require(root["lines"] as? [[String: Any]])
    rules = try #require(root["rules"] as? [[String: Any]])
    let partners = try #require(root["partners"] as? [[String: Any]])
    self.partners = partners.compactMap { $0["id"] as? String }
  }
}

/// Every money string in a `{partner: "pence"}` mapping, in pence, checked for its form.
func shares(_ value: Any?, partners: [String]) throws -> [Int64] {
  let mapping = try #require(value as? [String: String])
  #expect(Set(mapping.keys) == Set(partners))
  return try partners.map { partner in
    let text = try #require(mapping[partner])
    return try #require(pence(text), "'\(text)' is not a money string")
  }
}

@Suite("apportion run on Samples/2016-17")
struct SampleRunTests {
  @Test("the text summary equals Fixtures/sample-run.txt")
  func textSummary() throws {
    let result = try CLI.run(["run", "Samples/2016-17"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty)
    let expected = String(decoding: try CLI.fixture("sample-run.txt"), as: UTF8.self)
    #expect(result.stdout == expected)
  }

  @Test("--json equals Fixtures/sample-run.json byte for byte, and nothing else is printed")
  func jsonFixture() throws {
    let result = try CLI.run(sampleJSONArguments)
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty)
    #expect(result.stdoutData == (try CLI.fixture("sample-run.json")))
    // Only the JSON document: parsing the whole of stdout succeeds.
    _ = try RunDocument(result.stdoutData)
  }

  @Test("the manifest and the explicit files give the same JSON")
  func manifestAndFlagsAgree() throws {
    let viaManifest = try CLI.run(["run", "--json", "Samples/2016-17"])
    let viaFlags = try CLI.run(sampleJSONArguments)
    #expect(viaManifest.status == 0)
    #expect(viaManifest.stdoutData == viaFlags.stdoutData)
  }

  @Test("every line's shares add up to its amount; totals add up; money is well formed")
  func jsonInvariants() throws {
    let result = try CLI.run(sampleJSONArguments)
    let document = try RunDocument(result.stdoutData)
    #expect(document.partners == ["brent", "lewisham"])
    var partnerTotals = Array(repeating: Int64(0), count: document.partners.count)
    var grandTotal: Int64 = 0
    for line in document.lines {
      let amountText = try #require(line["amount"] as? String)
      let amount = try #require(pence(amountText), "'\(amountText)' is not a money string")
      let parts = try shares(line["shares"], partners: document.partners)
      #expect(parts.reduce(0, +) == amount, "line \(line["id"] ?? "?")")
      for (p, part) in parts.enumerated() { partnerTotals[p] += part }
      grandTotal += amount
    }
    let totals = try shares(document.root["totals"], partners: document.partners)
    #expect(totals == partnerTotals)
    let total = try #require((document.root["total"] as? String).flatMap(pence))
    #expect(total == grandTotal)
    #expect(totals.reduce(0, +) == total)
    #expect(document.root["balanced"] as? Bool == true)
    var ruleSum: Int64 = 0
    for rule in document.rules {
      let ruleTotal = try #require((rule["total"] as? String).flatMap(pence))
      #expect(try shares(rule["shares"], partners: document.partners).reduce(0, +) == ruleTotal)
      ruleSum += ruleTotal
    }
    #expect(ruleSum == total)
  }

  @Test("lines come out in the budget's order")
  func linesInInputOrder() throws {
    let result = try CLI.run(sampleJSONArguments)
    let document = try RunDocument(result.stdoutData)
    let budget = try BudgetReader(
      path: packageRoot.appendingPathComponent("Samples/2016-17/budget.csv").path)
    var ids: [String] = []
    while let line = try budget.next() { ids.append(line.id) }
    #expect(ids.count == 105)
    #expect(document.lines.compactMap { $0["id"] as? String } == ids)
  }

  @Test("totals per rule and per partner equal the figures worked by hand in the README")
  func handWorkedFigures() throws {
    let result = try CLI.run(sampleJSONArguments)
    let document = try RunDocument(result.stdoutData)
    try #require(document.rules.count == handWorkedRules.count)
    for (rule, expected) in zip(document.rules, handWorkedRules) {
      #expect(rule["name"] as? String == expected.rule)
      #expect(rule["lines"] as? Int == expected.lines, "\(expected.rule)")
      let parts = try shares(rule["shares"], partners: document.partners)
      #expect(parts == [expected.brent, expected.lewisham], "\(expected.rule)")
      #expect((rule["total"] as? String).flatMap(pence) == expected.total)
    }
    let totals = try shares(document.root["totals"], partners: document.partners)
    #expect(totals == [handWorkedBrent, handWorkedLewisham])
    #expect((document.root["total"] as? String).flatMap(pence) == handWorkedTotal)
  }

  @Test("the text summary shows the hand-worked totals")
  func textShowsHandWorkedTotals() throws {
    let result = try CLI.run(["run", "Samples/2016-17"])
    #expect(result.stdout.contains("£4,141,927.37"))
    #expect(result.stdout.contains("£3,407,217.13"))
    #expect(result.stdout.contains("£7,549,144.50"))
    #expect(result.stdout.contains("(£10,416.68)"))
  }
}
