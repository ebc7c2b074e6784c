import Foundation
import TestSupport
import Testing

/// The sample scenarios, run through the built CLI.
let sampleScenarioFiles = [
  "Samples/scenarios/share-by-usage.yaml", "Samples/scenarios/southwark-joins.yaml",
  "Samples/scenarios/third-party-customer.yaml", "Samples/scenarios/three-way-split.yaml",
  "Samples/scenarios/lewisham-homes-leaves.yaml", "Samples/scenarios/partner-leaves.yaml",
]

@Suite("apportion with scenarios")
struct ScenarioCLITests {
  @Test(
    "each sample scenario runs: parts add up, the schedule adds up both ways",
    arguments: sampleScenarioFiles)
  func sampleRuns(_ path: String) throws {
    let result = try CLI.run(["run", path, "--json"])
    #expect(result.status == 0, "\(result)")
    let document = try RunDocument(result.stdoutData)
    let totals = try shares(document.root["totals"], partners: document.partners)
    let total = try #require(pence(document.root["total"] as? String ?? ""))
    #expect(totals.reduce(0, +) == total)
    for line in document.lines {
      let amount = try #require(pence(line["amount"] as? String ?? ""))
      #expect(try shares(line["shares"], partners: document.partners).reduce(0, +) == amount)
    }
    let schedule = try #require(document.root["schedule"] as? [String: [String]])
    let months = try #require(document.root["month_totals"] as? [String])
    #expect(months.count == 12)
    let cells = document.partners.map { partner in
      (schedule[partner] ?? []).map { pence($0) ?? Int64.min }
    }
    for (p, partner) in document.partners.enumerated() {
      #expect(cells[p].count == 12)
      #expect(cells[p].reduce(0, &+) == totals[p], "\(partner)'s months add up to its total")
    }
    for m in 0..<12 {
      #expect(cells.map { $0[m] }.reduce(0, &+) == pence(months[m]))
    }
  }

  @Test("a scenario named as the sample equals the same scenario layered with --scenario")
  func layeredEqualsNamed() throws {
    let named = try CLI.run(["run", "Samples/scenarios/share-by-usage.yaml", "--json"])
    let layered = try CLI.run([
      "run", "Samples/2016-17", "--scenario", "Samples/scenarios/share-by-usage.yaml", "--json",
    ])
    #expect(named.status == 0 && layered.status == 0, "\(named)\n\(layered)")
    #expect(named.stdoutData == layered.stdoutData)
  }

  @Test("compare --json gives each run's totals, the same as separate runs")
  func compareEqualsSeparateRuns() throws {
    let runs = ["Samples/2016-17"] + sampleScenarioFiles
    let result = try CLI.run(["compare"] + runs + ["--json"])
    #expect(result.status == 0, "\(result)")
    let object = try JSONSerialization.jsonObject(with: result.stdoutData)
    let scenarios = try #require((object as? [String: Any])?["scenarios"] as? [[String: Any]])
    #expect(scenarios.map { $0["source"] as? String } == runs)
    let everyPartner = Set(
      scenarios.flatMap { ($0["totals"] as? [String: String])?.keys ?? [:].keys })
    for (run, scenario) in zip(runs, scenarios) {
      let separate = try RunDocument(try CLI.run(["run", run, "--json"]).stdoutData)
      let totals = try #require(scenario["totals"] as? [String: String])
      #expect(Set(totals.keys) == everyPartner, "every partner in every scenario's totals")
      for partner in everyPartner {
        let separateTotals = try shares(separate.root["totals"], partners: separate.partners)
        let expected = separate.partners.firstIndex(of: partner).map { separateTotals[$0] } ?? 0
        #expect(pence(totals[partner] ?? "") == expected, "\(run): \(partner)")
      }
      #expect(scenario["total"] as? String == separate.root["total"] as? String)
    }
  }

  @Test("compare shows each partner's total and difference from the base")
  func compareText() throws {
    let result = try CLI.run([
      "compare", "Samples/2016-17", "Samples/scenarios/third-party-customer.yaml",
    ])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("Brent     £4,141,927.37  £4,140,344.05  (£1,583.32)"))
    #expect(result.stdout.contains("Lewisham  £3,407,217.13  £3,405,633.80  (£1,583.33)"))
  }

  @Test("explain shows a part-year line month by month")
  func explainPartYear() throws {
    let result = try CLI.run(["explain", "Samples/scenarios/southwark-joins.yaml", "SS-001"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("2017-10       1750.00       1750.00          0.00"))
    #expect(result.stdout.contains("2017-11  1166.666666…  1166.666666…  1166.666666…"))
  }

  @Test("check validates a scenario and its resolved budget")
  func checkScenario() throws {
    let result = try CLI.run(["check", "Samples/scenarios/southwark-joins.yaml"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("Samples/scenarios/southwark-joins.yaml: the rules are valid."))
    #expect(result.stdout.contains("all 111 lines are taken by a rule"))
  }

  @Test("a scenario error names the scenario file, line and column")
  func scenarioError() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write(
      "s.yaml",
      "base: \(packageRoot.path)/Samples/2016-17\nchanges:\n  - remove rule: Shared servise\n")
    let result = try CLI.run(["run", path, "--json"])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.hasPrefix(
        "\(path):3:5: error: there is no rule named 'Shared servise'\n"
          + "  hint: did you mean 'Shared service'? "), "\(result)")
  }
}
