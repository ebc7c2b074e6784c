import ApportionCore
import ApportionIO
import ApportionWorkbooks
import Foundation

/// Writes a plan's workbooks: `DIR/plan.xlsx` and each year's usual set in `DIR/<year>/`.
///
/// A first pass runs the plan and learns what each year's workbooks need (so bad input
/// stops before anything is written); a second feeds each year's lines to its
/// ``WorkbookSet``. The sets are then put in place one inside another's confirmation, the
/// plan workbook last and the report printed while all the previous sets are still kept:
/// a failure anywhere puts every previous set back.
enum PlanOutput {
  struct Written {
    var paths: [String]
    var warnings: [Diagnostic]
  }

  static func write(
    _ runner: PlanRunner, clients: Int?, to out: String, report: (PlanResult) throws -> Void
  ) throws -> Written {
    var profiles: [BudgetProfile] = []
    let result = try runner.run(
      clients: clients,
      begin: { _, inputs, _ in
        profiles.append(BudgetProfile(partnerCount: inputs.ruleSet.partners.count))
      },
      each: { index, line in try profiles[index].add(line) })
    WorkbookSet.hideLibraryMessages()
    let created = try createFolder(out)
    do {
      return try write(
        result, runner, clients: clients, profiles: profiles, to: out, report: report)
    } catch {
      if created { try? FileManager.default.removeItem(atPath: out) }
      throw error
    }
  }

  private static func write(
    _ result: PlanResult, _ runner: PlanRunner, clients: Int?, profiles: [BudgetProfile],
    to out: String, report: (PlanResult) throws -> Void
  ) throws -> Written {
    let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]
    let budgetSHA256 = runner.budgetSHA256
    var sets: [WorkbookSet] = []
    _ = try runner.run(
      clients: clients,
      begin: { index, inputs, schema in
        let year = result.years[index]
        let creation = RunSources.creation(year: year.year.description, sourceDateEpoch: epoch)
        let sources = RunSources(
          rulesPath: inputs.rulesPath, rulesSHA256: inputs.rulesSHA256,
          budgetPath: runner.budgetPath, budgetSHA256: budgetSHA256,
          toolVersion: Apportion.configuration.version, created: creation.date,
          createdBecause: creation.because)
        var baseline: Baseline?
        if index > 0 {
          let before = result.years[index - 1]
          var totals: [PartnerID: Money] = [:]
          for (partner, net) in zip(before.summary.partners, before.net) {
            totals[partner.id] = net
          }
          baseline = Baseline(label: "Previous year: \(before.year)", totals: totals)
        }
        sets.append(
          try WorkbookSet(
            directory: out + "/" + year.year.description, ruleSet: inputs.ruleSet,
            schema: schema, sources: sources, profile: profiles[index], baseline: baseline))
      },
      each: { index, line in try sets[index].add(line) })
    let folder = try OutputFolder(path: out, names: ["plan.xlsx"])
    let first = result.years.first?.year.description ?? ""
    try PlanWorkbook.write(
      result, path: folder.stagedPath(for: "plan.xlsx"),
      temporaryDirectory: folder.temporaryDirectory,
      created: RunSources.creation(year: first, sourceDateEpoch: epoch).date,
      toolVersion: Apportion.configuration.version)
    var paths: [String] = []
    func finish(_ index: Int) throws {
      guard index < sets.count else {
        try folder.commit()
        paths.append(folder.finalPath(for: "plan.xlsx"))
        do { try report(result) } catch {
          folder.rollBack()
          throw error
        }
        return
      }
      paths += try sets[index].finish(result.years[index].summary) { _ in try finish(index + 1) }
    }
    try finish(0)
    folder.complete()
    return Written(
      paths: paths.suffix(1) + paths.dropLast(), warnings: sets.flatMap(\.warnings))
  }

  /// Creates the output folder if it is missing, so that every set's folder is made in it;
  /// true when it was created (and so is removed again after a failure).
  private static func createFolder(_ path: String) throws -> Bool {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return false }
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw OutputError("cannot create the folder \(path): \(error.localizedDescription)")
    }
    return true
  }
}
