// A benchmark program, not a test: it prints figures. Generates a synthetic budget of N lines
// with a rule file that uses every kind of basis, then times each stage of a run in this
// process: the engine alone (reading the CSV and apportioning), the JSON output, and the
// workbooks. Peak memory is read from /proc/self/status.
//
//   swift run -c release apportion-bench [lines] [partners]     (default 1000000 3)
//   swift run -c release apportion-bench sweep [points-per-axis] (default 100: 10,000 points)

import ApportionCore
import ApportionIO
import ApportionWorkbooks
import Foundation

func peakMemoryMB() -> String {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
  else { return "?" }
  let kb = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
  return "\(kb / 1024) MB"
}

func time(_ label: String, _ body: () throws -> Void) rethrows {
  let start = Date()
  try body()
  let seconds = Date().timeIntervalSince(start)
  print(
    label.padding(toLength: 34, withPad: " ", startingAt: 0)
      + String(format: "%7.2f s   peak RSS so far %@", seconds, peakMemoryMB()))
}

if CommandLine.arguments.dropFirst().first == "sweep" {
  try sweepBenchmark(
    perAxis: max(1, CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 100))
  exit(0)
}

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let lineCount = arguments.first ?? 1_000_000
let partnerCount = max(2, arguments.dropFirst().first ?? 3)
let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
  "apportion-bench-\(getpid())"
).path
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }

let ids = (1...partnerCount).map { "council-\($0)" }
let rules = """
  agreement: Benchmark
  year: 2016-17
  partners:
  \(ids.map { "  - { id: \($0), name: \"Council \($0.dropFirst(8))\" }" }.joined(separator: "\n"))
  drivers:
    calls: { \(ids.enumerated().map { "\($1): \(1000 + 137 * $0)" }.joined(separator: ", ")) }
  rules:
    - name: Council-specific
      when: { council: { empty: false } }
      basis: { direct: { column: council } }
    - name: Staff
      when: { category: staff }
      carve: { fraction: { column: share }, to: { direct: \(ids[0]) } }
      rest: equal
    - name: Service desk
      when: { cost_centre: { prefix: SD } }
      basis: { driver: calls }
    - name: Shared
      basis: equal
  """
let rulesPath = folder + "/rules.yaml"
let budgetPath = folder + "/budget.csv"
try rules.write(toFile: rulesPath, atomically: true, encoding: .utf8)

print("apportion-bench: \(lineCount) lines, \(partnerCount) partners")
try time("generate budget CSV") {
  guard FileManager.default.createFile(atPath: budgetPath, contents: nil),
    let handle = FileHandle(forWritingAtPath: budgetPath)
  else { throw CocoaError(.fileWriteUnknown) }
  var out = "id,description,amount,category,council,share,cost_centre\n"
  var state: UInt64 = 42
  func next() -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return state >> 33
  }
  for index in 0..<lineCount {
    let pence = Int64(next() % 10_000_000) - 500_000
    let amount = Money(pence: pence).plainText
    let kind = next() % 10
    let category = kind < 4 ? "staff" : "contract"
    let council = kind == 9 ? ids[Int(next() % UInt64(partnerCount))] : ""
    let share = kind < 4 ? "0.\(next() % 100)" : ""
    let centre = kind % 3 == 0 ? "SD\(kind)" : "CC\(kind)"
    out +=
      "L\(index),\"Line \(index), synthetic\",\(amount),\(category),\(council),\(share),\(centre)\n"
    if out.utf8.count > 1 << 20 {
      handle.write(Data(out.utf8))
      out = ""
    }
  }
  handle.write(Data(out.utf8))
  try handle.close()
}

let job = try Job(rules: rulesPath, budget: budgetPath)
var summary: Summary?
var profile = BudgetProfile(partnerCount: job.ruleSet.partners.count)
try time("read + apportion (engine only)") {
  summary = try job.run { _ in }
}
try time("read + apportion + workbook profile") {
  _ = try job.run { try profile.add($0) }
}
try time("read + apportion + JSON to /dev/null") {
  guard let devNull = FileHandle(forWritingAtPath: "/dev/null") else { return }
  var writer = JSONResultWriter(output: OutputBuffer(handle: devNull), ruleSet: job.ruleSet)
  writer.begin()
  let result = try job.run { writer.write($0) }
  writer.finish(result)
  try writer.output.flush()
}
try time("read + apportion + \(partnerCount + 1) workbooks") {
  let sources = RunSources(
    rulesPath: rulesPath, rulesSHA256: "-", budgetPath: budgetPath, budgetSHA256: "-",
    toolVersion: "bench", created: RunSources.creationTime(year: "2016-17", sourceDateEpoch: nil))
  var books: WorkbookSet?
  let result = try job.run(
    begin: { schema in
      books = try WorkbookSet(
        directory: folder + "/out", ruleSet: job.ruleSet, schema: schema, sources: sources,
        profile: profile)
    },
    each: { try books?.add($0) })
  _ = try books?.finish(result)
}
let sizes = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/out")) ?? []
for name in sizes.sorted() {
  let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/out/" + name)
  let size = (attributes?[.size] as? Int) ?? 0
  print("  \(name): \(size / 1024) KiB")
}
if let summary {
  print("total \(summary.total.formatted), balanced: \(summary.partsAddUp)")
}
