import ApportionCore
import Foundation
import Testing

@testable import ApportionIO

/// A complete rule file shown in `Rules/README.md`: a ```yaml block whose first line is
/// `# example: <title>`.
struct ReadmeExample: Sendable, CustomTestStringConvertible {
  let title: String
  let text: String
  /// The line of the README where the block's text starts.
  let line: Int
  var testDescription: String { title }
}

/// Every marked example in a README of the package (`Rules/README.md` unless named), in
/// order.
func readmeExamples(_ readmePath: String = "Rules/README.md") -> [ReadmeExample] {
  let path = packagePath(readmePath)
  guard let readme = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
  var examples: [ReadmeExample] = []
  var block: [Substring]?
  var start = 0
  for (index, line) in readme.split(separator: "\n", omittingEmptySubsequences: false)
    .enumerated()
  {
    if block == nil, line == "```yaml" {
      block = []
      start = index + 2
    } else if let lines = block, line == "```" {
      if let first = lines.first, first.hasPrefix("# example:") {
        let title = first.dropFirst("# example:".count).trimmingCharacters(in: .whitespaces)
        examples.append(
          ReadmeExample(title: title, text: lines.joined(separator: "\n") + "\n", line: start))
      }
      block = nil
    } else {
      block?.append(line)
    }
  }
  return examples
}

/// Each basis kind a rule set uses, carve-outs looked into.
func basisKinds(_ basis: Basis) -> Set<String> {
  switch basis {
  case .equal(nil): return ["equal"]
  case .equal: return ["equal among"]
  case .percentages: return ["percentages"]
  case .driver: return ["driver"]
  case .direct: return ["direct"]
  case .directByColumn: return ["direct by column"]
  case .carve(let fraction, let to, let rest):
    let kind: String
    switch fraction {
    case .constant: kind = "carve constant"
    case .column: kind = "carve column"
    }
    return basisKinds(to).union(basisKinds(rest)).union([kind])
  }
}

/// Each condition form a condition uses.
func conditionKinds(_ condition: Condition) -> Set<String> {
  switch condition {
  case .always: return ["always"]
  case .all(let parts): return parts.reduce(["all"]) { $0.union(conditionKinds($1)) }
  case .any(let parts): return parts.reduce(["any"]) { $0.union(conditionKinds($1)) }
  case .column(_, let test):
    switch test {
    case .oneOf: return ["one of"]
    case .noneOf: return ["not"]
    case .prefix: return ["prefix"]
    case .contains: return ["contains"]
    case .empty: return ["empty"]
    }
  }
}

@Suite("Rules/README.md examples")
struct RuleFileReadmeTests {
  @Test("every example is a valid rule file with no warnings", arguments: readmeExamples())
  func exampleParses(_ example: ReadmeExample) {
    do {
      let file = try RuleFile.parse(example.text, file: "README.md example")
      #expect(file.warnings.isEmpty, "README.md line \(example.line): \(file.warnings)")
    } catch {
      Issue.record("Rules/README.md, example starting on line \(example.line):\n\(error)")
    }
  }

  @Test("the examples show every basis and every condition form")
  func examplesCoverTheLanguage() throws {
    let examples = readmeExamples()
    // Every `# example:` line in the README opens an example that was read.
    let readme = try String(contentsOfFile: packagePath("Rules/README.md"), encoding: .utf8)
    let marked = readme.split(separator: "\n").filter { $0.hasPrefix("# example:") }.count
    #expect(marked >= 10)
    #expect(examples.count == marked)
    #expect(Set(examples.map(\.title)).count == examples.count, "titles must be unique")
    var bases: Set<String> = []
    var conditions: Set<String> = []
    for example in examples {
      let file = try RuleFile.parse(example.text, file: "README.md example")
      for rule in file.ruleSet.rules {
        bases.formUnion(basisKinds(rule.basis))
        conditions.formUnion(conditionKinds(rule.condition))
      }
    }
    #expect(
      bases == [
        "equal", "equal among", "percentages", "driver", "direct", "direct by column",
        "carve constant", "carve column",
      ])
    #expect(
      conditions == ["always", "all", "any", "one of", "not", "prefix", "contains", "empty"])
  }
}
