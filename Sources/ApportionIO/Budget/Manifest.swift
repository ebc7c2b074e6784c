import ApportionCore
import Foundation
import Yams

/// A sample folder's `manifest.yaml`: which rules and budget it runs, so that
/// `apportion run Samples/2016-17` works. Paths are relative to the manifest.
///
/// ```yaml
/// rules: ../../Rules/brent-lewisham.yaml
/// budget: budget.csv
/// ```
public struct Manifest: Sendable {
  public var rules: String?
  public var budget: String?

  public init(rules: String? = nil, budget: String? = nil) {
    self.rules = rules
    self.budget = budget
  }

  /// The manifest's file name inside a sample folder.
  public static let fileName = "manifest.yaml"

  /// Reads a manifest from a folder (its `manifest.yaml`) or a manifest file.
  public static func load(_ path: String) throws(DiagnosticList) -> Manifest {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw DiagnosticList([
        Diagnostic(
          at: SourceLocation(file: path), "no such file or folder",
          hint: "name a sample folder with a manifest.yaml, or use --rules and --budget")
      ])
    }
    let file = isDirectory.boolValue ? (path as NSString).appendingPathComponent(fileName) : path
    let text: String
    do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
      throw DiagnosticList([
        Diagnostic(
          at: SourceLocation(file: file), "cannot read the manifest",
          hint: "a sample folder needs a manifest.yaml naming 'rules' and 'budget'")
      ])
    }
    var reader = YAMLReader(file: file)
    var manifest = Manifest()
    if let root = reader.root(text),
      let fields = reader.fields(root, what: "the manifest", allowed: ["rules", "budget"])
    {
      let base = (file as NSString).deletingLastPathComponent
      func resolve(_ value: String) -> String {
        value.hasPrefix("/") ? value : normalisedPath(base + "/" + value)
      }
      manifest.rules = fields["rules"].flatMap { reader.text($0.value, what: "rules") }.map(resolve)
      manifest.budget = fields["budget"].flatMap { reader.text($0.value, what: "budget") }
        .map(resolve)
    }
    let errors = reader.diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty { throw DiagnosticList(errors) }
    return manifest
  }
}

/// A path with `.` and `x/..` removed textually: `Samples/2016-17/../../Rules/a.yaml` →
/// `Rules/a.yaml`. Leading `..` that cannot be removed are kept.
func normalisedPath(_ path: String) -> String {
  var parts: [Substring] = []
  for part in path.split(separator: "/", omittingEmptySubsequences: true) {
    if part == "." { continue }
    if part == "..", let last = parts.last, last != ".." {
      parts.removeLast()
    } else {
      parts.append(part)
    }
  }
  let joined = parts.joined(separator: "/")
  return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
}
