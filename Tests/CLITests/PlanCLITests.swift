import Foundation
import TestSupport
import Testing
import XLSXInspection

/// `apportion plan`, and a plan's years under run, check and explain, through the built CLI.
@Suite("apportion plan")
struct PlanCLITests {
  @Test("--json: the years, totals and savings, and the hosting with its break-even")
  func json() throws {
    let result = try CLI.run(["plan", "Samples/plans/oneoracle-brent.yaml", "--json"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty)
    let root = try #require(
      try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    let years = try #require(root["years"] as? [[String: Any]])
    #expect(
      years.map { $0["year"] as? String } == [
        "2016-17", "2017-18", "2018-19", "2019-20", "2020-21",
      ])
    for year in years {
      let totals = try #require(year["totals"] as? [String: String])
      let sum = totals.values.map { pence($0) ?? Int64.min }.reduce(0, &+)
      #expect(pence(year["total"] as? String ?? "") == sum)
    }
    #expect((years[0]["totals"] as? [String: String])?["brent"] == "4141927.37")
    let hosting = try #require(root["hosting"] as? [String: Any])
    #expect(hosting["break_even_clients"] as? Int == 3)
    let hostingYears = try #require(hosting["years"] as? [[String: Any]])
    #expect(hostingYears[2]["income"] as? String == "180000.00")
    #expect(hostingYears[2]["net"] as? String == "-82256.20")
    let five = try CLI.run(["plan", "Samples/plans/five-years.yaml", "--json"])
    let fiveRoot = try #require(
      try JSONSerialization.jsonObject(with: five.stdoutData) as? [String: Any])
    let fiveYears = try #require(fiveRoot["years"] as? [[String: Any]])
    let savings = try #require(fiveYears[1]["savings"] as? [String: [String: Any]])
    #expect(savings["brent"]?["met"] as? Bool == false)
    #expect(savings["brent"]?["target"] as? String == "375000.00")
    #expect(savings["southwark"]?["target"] is NSNull)
    #expect(fiveRoot["hosting"] == nil)
  }

  @Test("the terminal table, and --clients for another number of clients")
  func table() throws {
    let result = try CLI.run(["plan", "Samples/plans/oneoracle-brent.yaml", "--clients", "5"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("Break-even: 3 clients, each paying from the start."))
    #expect(result.stdout.contains("£946,618.43"))
    let five = try CLI.run(["plan", "Samples/plans/five-years.yaml"])
    #expect(five.stdout.contains("short £91,294.47"))
  }

  @Test("a bad plan: the place, the fix, exit 1 and nothing on standard output")
  func badPlan() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write(
      "p.yaml",
      "plan: P\nbase: \(packageRoot.path)/Samples/2016-17\nyears: 2016-17 to 2017-18\n"
        + "growht: []\n")
    let result = try CLI.run(["plan", path, "--json"])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("\(path):4:1: error: unknown key 'growht' in the plan"))
    #expect(result.stderr.contains("did you mean 'growth'?"))
    let folder2 = try CLI.run(["plan", "Samples/2016-17"])
    #expect(folder2.status == 1)
    #expect(folder2.stderr.contains("Samples/2016-17: error: this is a folder, not a plan file"))
    let compare = try CLI.run(["compare", "Samples/2016-17", "Samples/plans/five-years.yaml"])
    #expect(compare.status == 1)
    #expect(
      compare.stderr.contains(
        "Samples/plans/five-years.yaml: error: this is a plan, not a sample or a scenario"))
  }

  @Test("check validates a plan; run and explain take one year with --year")
  func yearCommands() throws {
    let check = try CLI.run(["check", "Samples/plans/oneoracle-brent.yaml"])
    #expect(check.status == 0, "\(check)")
    #expect(check.stdout.contains("the plan is valid: 5 years."))
    #expect(check.stdout.contains("2018-19: 110 lines, 2 partners, 6 rules"))
    let explain = try CLI.run([
      "explain", "Samples/plans/oneoracle-brent.yaml", "HOST-FEE", "--year", "2019-20",
    ])
    #expect(explain.status == 0, "\(explain)")
    #expect(explain.stdout.contains("Rule 1, oneOracle hosting: takes the line"))
    #expect(explain.stdout.contains("(£244,800.00)"))
    let run = try CLI.run(["run", "Samples/plans/five-years.yaml", "--year", "2018-19", "--json"])
    #expect(run.status == 0, "\(run)")
    #expect(run.stdout.contains("\"brent\": \"3410633.61\""))
    let noYear = try CLI.run(["run", "Samples/plans/five-years.yaml"])
    #expect(noYear.status == 64)
    #expect(noYear.stderr.contains("is a plan: name one of its years with --year"))
    let badYear = try CLI.run(["run", "Samples/plans/five-years.yaml", "--year", "2021-22"])
    #expect(badYear.status == 1)
    #expect(badYear.stderr.contains("'2021-22' is not one of the plan's years"))
  }

  @Test("--out: plan.xlsx with a sheet per measure and a chart, each year's workbooks")
  func workbooks() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = folder.url.appendingPathComponent("out").path
    let result = try CLI.run(["plan", "Samples/plans/oneoracle-shared.yaml", "--out", out])
    #expect(result.status == 0, "\(result)")
    let book = try XLSXBook(path: out + "/plan.xlsx")
    #expect(book.sheetNames == ["Net", "Cost", "Income", "Hosting"])
    #expect(book.partNames.contains { $0.hasPrefix("xl/charts/chart") })
    // Net: partners down (from row 5), years across, All years and Total as SUM formulas.
    #expect(try book.cell(sheet: "Net", "B5")?.value == "4141927.37")
    let allYears = try #require(try book.cell(sheet: "Net", "G5"))
    #expect(allYears.formula == "SUM(B5:F5)")
    #expect(allYears.value == "19922729.81")
    #expect(try book.cell(sheet: "Net", "B7")?.formula == "SUM(B5:B6)")
    #expect(try book.cell(sheet: "Net", "B7")?.value == "7549144.5")
    for year in ["2016-17", "2017-18", "2018-19", "2019-20", "2020-21"] {
      for name in ["partnership", "brent", "lewisham"] {
        #expect(FileManager.default.fileExists(atPath: "\(out)/\(year)/\(name).xlsx"))
      }
    }
    // Run again into the same folder (which now holds folders): replaced in place.
    let again = try CLI.run(["plan", "Samples/plans/oneoracle-brent.yaml", "--out", out])
    #expect(again.status == 0, "\(again)")
    let rebook = try XLSXBook(path: out + "/plan.xlsx")
    #expect(try rebook.cell(sheet: "Net", "D5")?.value == "4409774.81")
  }
}
