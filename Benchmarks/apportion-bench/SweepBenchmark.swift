import ApportionCore
import ApportionIO
import Foundation

/// `apportion-bench sweep [points-per-axis]`: a sweep of the sample hosting plan
/// (`Samples/plans/oneoracle-brent.yaml`), clients × annual fee, N × N points (100 × 100 =
/// 10,000 by default), timed; and, for comparison, full plan runs of the first 100 points.
func sweepBenchmark(perAxis: Int) throws {
  var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
  parts.removeLast(3)  // Benchmarks/apportion-bench/<file>
  let path = parts.joined(separator: "/") + "/Samples/plans/oneoracle-brent.yaml"
  var runner: PlanRunner?
  try time("read the plan and its base") { runner = try PlanRunner.load(path) }
  guard let runner else { return }
  let clients = try PlanSweep.Axis(parsing: "hosting.clients=0...\(perAxis - 1)")
  let fee = try PlanSweep.Axis(
    parsing: "hosting.fee=100000...\(100_000 + 2_000 * (perAxis - 1)):2000")
  var sweep: PlanSweep?
  try time("the plan without hosting, once") {
    sweep = try PlanSweep(runner: runner, axes: [clients, fee])
  }
  guard let sweep else { return }
  var points: [PlanSweep.Point] = []
  let start = Date()
  try time("\(perAxis * perAxis) points") { points = try sweep.run() }
  let seconds = Date().timeIntervalSince(start)
  print(String(format: "  %.0f points a second", Double(points.count) / max(seconds, 1e-9)))
  print("  break even at \(points.filter(\.breaksEven).count) of \(points.count) points")
  let sample = Array(sweep.grid.prefix(100))
  try time("100 points as full plan runs") {
    for values in sample {
      let (plan, count) = sweep.plan(with: values)
      _ = try runner.run(plan, clients: count)
    }
  }
}
