import ApportionCore
import Foundation
import Testing
import Yams

@testable import ApportionIO

/// The scenario examples of `Samples/scenarios/README.md`.
func scenarioExamples() -> [ReadmeExample] { readmeExamples("Samples/scenarios/README.md") }

/// Where the README's examples are read as if they were files: beside the README, so that
/// `base: ../2016-17` and `file: southwark-lines.csv` resolve as they would for a user.
let scenarioExampleFile = packagePath("Samples/scenarios/README-example.yaml")

@Suite("Samples/scenarios/README.md examples")
struct ScenarioReadmeTests {
  @Test("every example is a valid scenario that runs over its base", arguments: scenarioExamples())
  func exampleRuns(_ example: ReadmeExample) throws {
    do {
      let inputs = try RunInputs.scenario(text: example.text, file: scenarioExampleFile)
      let summary = try Job(inputs).run { _ in }
      #expect(summary.partsAddUp)
      #expect(summary.lineCount > 0)
    } catch {
      Issue.record("Samples/scenarios/README.md, example on line \(example.line):\n\(error)")
    }
  }

  @Test("the examples show every change")
  func examplesCoverEveryChange() throws {
    let examples = scenarioExamples()
    let readme = try String(
      contentsOfFile: packagePath("Samples/scenarios/README.md"), encoding: .utf8)
    let marked = readme.split(separator: "\n").filter { $0.hasPrefix("# example:") }.count
    #expect(examples.count == marked)
    #expect(Set(examples.map(\.title)).count == examples.count, "titles must be unique")
    var used: Set<String> = []
    for example in examples {
      guard case .mapping(let top)? = try Yams.compose(yaml: example.text),
        case .sequence(let changes)? = top["changes"]
      else {
        Issue.record("example on line \(example.line) has no list of changes")
        continue
      }
      for change in changes {
        if case .mapping(let mapping) = change {
          for key in mapping.keys { if let text = key.string { used.insert(text) } }
        }
      }
    }
    #expect(
      used == Set(ScenarioKeys.changes), "missing: \(Set(ScenarioKeys.changes).subtracting(used))")
  }

  @Test("each sample scenario runs", arguments: sampleScenarios())
  func sampleRuns(_ path: String) throws {
    let inputs = try RunInputs.load(packagePath(path))
    let summary = try Job(inputs).run { _ in }
    #expect(summary.partsAddUp)
    #expect(inputs.scenarioPaths.count == 1)
  }
}

/// The scenario files shipped in `Samples/scenarios/`.
func sampleScenarios() -> [String] {
  let folder = packagePath("Samples/scenarios")
  let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
  return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "Samples/scenarios/\($0)" }
}
