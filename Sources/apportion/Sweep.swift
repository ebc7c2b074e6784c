import ApportionCore
import ApportionIO
import ApportionWorkbooks
import ArgumentParser
import Foundation

struct Sweep: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Vary one or two of a plan's hosting parameters and show each partner's net "
      + "effect at every point, and where the hosting breaks even.",
    discussion: """
      Each point is a run of the plan in process, with the values given (the plan's files \
      are read once). PARAM is one of: \
      \(PlanSweep.Parameter.allCases.map(\.rawValue).joined(separator: ", ")). Money is in \
      pounds (100000 or 100,000.00); without :STEP, clients go up by 1 and money by a \
      tenth of the range.
      """)

  @Argument(help: "The plan file (YAML; see Samples/plans/README.md).")
  var planFile: String

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A parameter and its range: hosting.clients=0...8, hosting.fee=100000...300000:25000 "
        + "(once or twice).", valueName: "PARAM=FROM...TO[:STEP]"))
  var vary: [String] = []

  @Flag(help: "Print one JSON document on standard output and nothing else.")
  var json = false

  @Option(name: .long, help: "Write sweep.xlsx into this folder (created if missing).")
  var out: String?

  func validate() throws {
    guard (1...2).contains(vary.count) else {
      throw ValidationError("give one or two --vary PARAM=FROM...TO[:STEP]")
    }
    let axes = try vary.map { text in
      do { return try PlanSweep.Axis(parsing: text) } catch { throw ValidationError("\(error)") }
    }
    if axes.count == 2, axes[0].parameter == axes[1].parameter {
      throw ValidationError("vary two different parameters")
    }
    if axes.map(\.values.count).reduce(1, *) > 1_000_000 {
      throw ValidationError("the sweep has more than 1,000,000 points; give larger steps")
    }
  }

  func run() throws {
    try Console.run {
      let axes = try vary.map { try PlanSweep.Axis(parsing: $0) }
      let runner = try PlanRunner.load(planFile)
      let sweep = try PlanSweep(runner: runner, axes: axes)
      let showProgress = isatty(STDERR_FILENO) == 1
      var shown = -1
      let points = try sweep.run { done, total in
        guard showProgress else { return }
        let percent = done * 100 / max(total, 1)
        if percent != shown {
          shown = percent
          Console.printError("\r  \(done) of \(total) points (\(percent)%)")
          if done == total { Console.printError("\r\u{1B}[K") }
        }
      }
      let partners = sweep.partners
      let text =
        json
        ? SweepJSON.document(sweep, points: points, partners: partners)
        : Reports.sweep(sweep, points: points, partners: partners)
      guard let out else {
        Console.write(text)
        return
      }
      try OutputPath.check(out)
      WorkbookSet.hideLibraryMessages()
      let folder = try OutputFolder(path: out, names: ["sweep.xlsx"])
      do {
        try SweepWorkbook.write(
          sweep, points: points, partners: partners, path: folder.stagedPath(for: "sweep.xlsx"),
          temporaryDirectory: folder.temporaryDirectory,
          created: RunSources.creation(
            year: runner.plan.years.first?.description ?? "",
            sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]
          ).date,
          toolVersion: Apportion.configuration.version)
        try folder.commit()
        let list = "Wrote:\n  \(folder.finalPath(for: "sweep.xlsx").displayEscaped)\n"
        if json {
          Console.write(text)
          try Console.output.flush()
          Console.printError(list)
        } else {
          Console.write(text + "\n" + list)
          try Console.output.flush()
        }
      } catch {
        folder.rollBack()
        throw error
      }
      folder.complete()
    }
  }
}
