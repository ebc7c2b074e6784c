import ApportionCore
import Foundation
import Testing
import Yams

@testable import ApportionIO

/// The plan examples of `Samples/plans/README.md`.
func planExamples() -> [ReadmeExample] { readmeExamples("Samples/plans/README.md") }

/// Where the README's examples are read as if they were files: beside the README, so that
/// `base: ../2016-17` resolves as it would for a user.
let planExampleFile = packagePath("Samples/plans/README-example.yaml")

@Suite("Samples/plans/README.md examples")
struct PlanReadmeTests {
  @Test("every example is a valid plan that runs", arguments: planExamples())
  func exampleRuns(_ example: ReadmeExample) throws {
    do {
      let runner = try PlanRunner.load(text: example.text, file: planExampleFile)
      let result = try runner.run()
      #expect(result.years.count == runner.plan.years.count)
      #expect(result.years.allSatisfy { $0.summary.partsAddUp })
    } catch {
      Issue.record("Samples/plans/README.md, example on line \(example.line):\n\(error)")
    }
  }

  @Test("the examples show every key of a plan")
  func examplesCoverEveryKey() throws {
    let examples = planExamples()
    let readme = try String(
      contentsOfFile: packagePath("Samples/plans/README.md"), encoding: .utf8)
    let marked = readme.split(separator: "\n").filter { $0.hasPrefix("# example:") }.count
    #expect(examples.count == marked)
    #expect(Set(examples.map(\.title)).count == examples.count, "titles must be unique")
    var used: [String: Set<String>] = [:]
    func keys(_ node: Node?) -> Set<String> {
      guard case .mapping(let mapping)? = node else { return [] }
      return Set(mapping.keys.compactMap(\.string))
    }
    func items(_ node: Node?) -> [Node] {
      if case .sequence(let list)? = node { return Array(list) }
      return []
    }
    for example in examples {
      let top = try Yams.compose(yaml: example.text)
      used["top", default: []].formUnion(keys(top))
      for item in items(top?["growth"]) { used["growth", default: []].formUnion(keys(item)) }
      for item in items(top?["events"]) { used["event", default: []].formUnion(keys(item)) }
      used["savings", default: []].formUnion(keys(top?["savings"]))
      let hosting = top?["hosting"]
      used["hosting", default: []].formUnion(keys(hosting))
      used["staff", default: []].formUnion(keys(hosting?["staff"]))
      for item in items(hosting?["clients"]) { used["client", default: []].formUnion(keys(item)) }
    }
    let expected: [String: [String]] = [
      "top": PlanKeys.top, "growth": PlanKeys.growth, "event": PlanKeys.event,
      "savings": PlanKeys.savings, "hosting": PlanKeys.hosting, "staff": PlanKeys.staff,
      "client": PlanKeys.client,
    ]
    for (part, keys) in expected {
      #expect(
        used[part] == Set(keys), "\(part): missing \(Set(keys).subtracting(used[part] ?? []))")
    }
    // Each row of the tables names a key that exists.
    for key in PlanKeys.top + PlanKeys.hosting {
      #expect(readme.contains("| `\(key)`") || readme.contains(", `\(key)`"), "\(key) documented")
    }
  }

  @Test("each sample plan runs", arguments: samplePlans())
  func sampleRuns(_ path: String) throws {
    let result = try PlanRunner.load(packagePath(path)).run()
    #expect(result.years.allSatisfy { $0.summary.partsAddUp })
  }

  @Test("the samples give the answers the README states")
  func sampleAnswers() throws {
    let five = try PlanRunner.load(packagePath("Samples/plans/five-years.yaml")).run()
    let brent = PartnerID("brent")
    func saving(_ year: Int, _ id: PartnerID) -> PartnerSaving? {
      let years = five.years[year]
      return years.summary.partners.firstIndex { $0.id == id }.map { years.savings[$0] }
    }
    #expect(saving(0, brent)?.saving == Money(pence: 165_807_263))
    #expect(saving(0, PartnerID("lewisham"))?.saving == Money(pence: 104_278_287))
    #expect(saving(1, brent)?.shortfall == Money(pence: 9_129_447))
    #expect(saving(2, brent)?.saving == Money(pence: 44_758_823))
    #expect(saving(2, brent)?.met == true)
    let runner = try PlanRunner.load(packagePath("Samples/plans/oneoracle-shared.yaml"))
    for (clients, net, brentEffect, lewishamEffect): (Int, Int64, Int64, Int64) in [
      (0, -73_962_157, -138_818_722, 212_780_879), (2, -6_512_557, -172_543_522, 179_056_079),
      (5, 94_661_843, -223_130_722, 128_468_879),
    ] {
      let result = try runner.run(clients: clients)
      #expect(result.breakEvenClients == 3)
      #expect(try Money.sum(result.hosting?.map(\.net) ?? []) == Money(pence: net))
      let effect = try result.cumulativeHostingEffect()
      #expect(effect?[brent] == Money(pence: brentEffect))
      #expect(effect?[PartnerID("lewisham")] == Money(pence: lewishamEffect))
    }
  }
}

/// The plan files shipped in `Samples/plans/`.
func samplePlans() -> [String] {
  let folder = packagePath("Samples/plans")
  let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
  return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "Samples/plans/\($0)" }
}
