import Foundation
import TestSupport
import Testing

/// A value as long as a cell holds, where the workbooks add words to it (a statement's basis
/// words name the column and its value), still writes its workbooks: what passes `check`
/// runs.
@Suite struct LongValueTests {
  @Test func aPaddedColumnValueStillWritesTheStatements() throws {
    let folder = try TemporaryFolder()
    let padded = "brent" + String(repeating: " ", count: 32_760)
    try folder.write(
      "rules.yaml",
      "year: 2016-17\npartners:\n  - { id: brent, host: true }\n  - { id: lewisham }\n"
        + "rules:\n  - name: Own\n    when: { council: [brent, lewisham] }\n"
        + "    basis: { direct: { column: council } }\n  - name: Rest\n    basis: equal\n")
    try folder.write(
      "budget.csv",
      "id,description,amount,council\nL1,Licence,10.00,\"\(padded)\"\nL2,Rent,5.00,\n")
    let check = try CLI.run(
      ["check", "--rules", "rules.yaml", "--budget", "budget.csv"], in: folder.url)
    #expect(check.status == 0, "\(check)")
    let run = try CLI.run(
      ["run", "--rules", "rules.yaml", "--budget", "budget.csv", "--out", "out"], in: folder.url)
    #expect(run.status == 0, "\(run)")
    #expect(FileManager.default.fileExists(atPath: folder.appending("out/brent.xlsx").path))
  }
}
