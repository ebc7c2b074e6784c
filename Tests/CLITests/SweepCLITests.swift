import Foundation
import TestSupport
import Testing
import XLSXInspection

/// `apportion sweep` through the built CLI.
@Suite("apportion sweep")
struct SweepCLITests {
  static let grid = [
    "sweep", "Samples/plans/oneoracle-brent.yaml", "--vary", "hosting.clients=0...8",
    "--vary", "hosting.fee=100000...300000:25000",
  ]

  @Test("--json: every point's values, each partner's net effect, whether it breaks even")
  func json() throws {
    let result = try CLI.run(Self.grid + ["--json"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty)
    let root = try #require(
      try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    #expect(root["parameters"] as? [String] == ["hosting.clients", "hosting.fee"])
    let points = try #require(root["points"] as? [[String: Any]])
    #expect(points.count == 81)
    // The frontier: 1 client breaks even from £275,000, 2 from £150,000, 3 at any fee.
    func breaksEven(_ clients: Int, _ fee: String) -> Bool? {
      points.first {
        let values = $0["values"] as? [String: Any]
        return values?["hosting.clients"] as? Int == clients
          && values?["hosting.fee"] as? String == fee
      }?["breaks_even"] as? Bool
    }
    #expect(breaksEven(1, "250000.00") == false)
    #expect(breaksEven(1, "275000.00") == true)
    #expect(breaksEven(2, "125000.00") == false)
    #expect(breaksEven(2, "150000.00") == true)
    #expect(breaksEven(3, "100000.00") == true)
    #expect(breaksEven(0, "300000.00") == false)
    let last = try #require(points.last?["net"] as? [String: String])
    #expect(last["brent"] == "-6005338.42")
  }

  @Test("the grid on the terminal, and sweep.xlsx with --out")
  func gridAndWorkbook() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = folder.url.appendingPathComponent("out").path
    let result = try CLI.run(Self.grid + ["--out", out])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("(£6,005,338.42)*"))
    #expect(result.stdout.contains("* the hosting breaks even"))
    let book = try XLSXBook(path: out + "/sweep.xlsx")
    #expect(book.sheetNames == ["Sweep"])
    // The break-even grid: clients down from row 6, fees across from column B.
    #expect(try book.cell(sheet: "Sweep", "H7")?.value == "0")  // 1 client at £250,000
    #expect(try book.cell(sheet: "Sweep", "I7")?.value == "1")  // 1 client at £275,000
    #expect(
      try book.rawXML(part: try book.partName(sheet: "Sweep")).contains("conditionalFormatting"))
  }

  @Test("one parameter: a row per value and a chart")
  func oneParameter() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = folder.url.appendingPathComponent("out").path
    let result = try CLI.run([
      "sweep", "Samples/plans/oneoracle-shared.yaml", "--vary", "hosting.clients=0...5", "--out",
      out,
    ])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("Breaks even"))
    let book = try XLSXBook(path: out + "/sweep.xlsx")
    #expect(book.partNames.contains { $0.hasPrefix("xl/charts/chart") })
  }

  @Test("a bad --vary is a usage error naming the parameters")
  func badVary() throws {
    let result = try CLI.run([
      "sweep", "Samples/plans/oneoracle-brent.yaml", "--vary", "hosting.fees=1...2",
    ])
    #expect(result.status == 64)
    #expect(result.stderr.contains("did you mean 'hosting.fee'?"))
    let noHosting = try CLI.run([
      "sweep", "Samples/plans/five-years.yaml", "--vary", "hosting.clients=0...2",
    ])
    #expect(noHosting.status == 1)
    #expect(noHosting.stderr.contains("the plan has no hosting model to vary"))
  }
}
