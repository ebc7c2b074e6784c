import Foundation
import FuzzChecks
import Testing

/// An input saved under `Fuzz/`: a seed of the corpus, or an input that once crashed a reader
/// (kept under `Fuzz/regressions/<target>/` after the fix).
struct SavedInput: Sendable, CustomTestStringConvertible {
  let target: FuzzTarget
  /// Relative to the package, e.g. `Fuzz/corpus/csv/crlf.csv`.
  let path: String
  var testDescription: String { path }
}

/// The package's root folder, from this file's place in it.
func packagePath(_ relative: String) -> String {
  var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
  parts.removeLast(3)  // Tests/FuzzChecksTests/<file>
  return parts.joined(separator: "/") + "/" + relative
}

/// Every file under `Fuzz/<kind>/<target>/` for each target.
func savedInputs(_ kind: String) -> [SavedInput] {
  FuzzTarget.allCases.flatMap { target in
    let folder = "Fuzz/\(kind)/\(target.rawValue)"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: packagePath(folder))) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map {
      SavedInput(target: target, path: folder + "/" + $0)
    }
  }
}

/// Reads a saved input and checks it as its fuzz target does.
func checkSaved(_ input: SavedInput) throws {
  let data = try #require(FileManager.default.contents(atPath: packagePath(input.path)))
  do { try input.target.check(Array(data)) } catch {
    Issue.record("\(input.path): \(error)")
  }
}

// A time limit here guards against a hang coming back (a test that would otherwise never
// end), not against slowness: each input takes milliseconds.
@Suite("Saved fuzz inputs", .timeLimit(.minutes(1)))
struct SavedInputTests {
  @Test("every seed of the corpus keeps the fuzz properties", arguments: savedInputs("corpus"))
  func seed(_ input: SavedInput) throws { try checkSaved(input) }

  @Test(
    "every input that once crashed keeps the fuzz properties", arguments: savedInputs("regressions")
  )
  func regression(_ input: SavedInput) throws { try checkSaved(input) }

  @Test("each target has a seed corpus", arguments: FuzzTarget.allCases)
  func corpusExists(_ target: FuzzTarget) {
    #expect(savedInputs("corpus").filter { $0.target == target }.count >= 10)
  }
}
