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
  /// The manifest file, when it was read from one.
  public var file: String?

  public init(rules: String? = nil, budget: String? = nil, file: String? = nil) {
    self.rules = rules
    self.budget = budget
    self.file = file
  }

  /// The manifest's file name inside a sample folder.
  public static let fileName = "manifest.yaml"

  /// Whether a file's name is a manifest's (`manifest.yaml` or `manifest.yml`, any case).
  public static func isManifestName(_ name: String) -> Bool {
    ["manifest.yaml", "manifest.yml"].contains(name.lowercased())
  }

  /// The error for a manifest that does not name a file the command needs.
  ///
  /// - Parameter key: `rules` or `budget`.
  public func missing(_ key: String) -> Diagnostic {
    let flag = key == "rules" ? "--rules" : "--budget"
    let example = key == "rules" ? "rules: ../../Rules/brent-lewisham.yaml" : "budget: budget.csv"
    return Diagnostic(
      at: SourceLocation(file: file ?? Self.fileName, line: 1, column: 1),
      "the manifest does not name \(key == "rules" ? "a rule file" : "a budget")",
      hint: "add a line such as '\(example)' (relative to the manifest), or give \(flag)")
  }

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
    if isDirectory.boolValue, !FileManager.default.fileExists(atPath: file) {
      throw DiagnosticList([
        Diagnostic(
          at: SourceLocation(file: path), "the folder has no \(fileName)",
          hint: "a sample folder needs a manifest.yaml naming its rules and budget; or use "
            + "--rules and --budget")
      ])
    }
    let text = try RuleFile.readText(file, what: "the manifest", limit: InputLimits.manifestBytes)
    var reader = YAMLReader(file: file, what: "the manifest")
    var manifest = Manifest(file: file)
    if let root = reader.root(text),
      let fields = reader.fields(root, what: "the manifest", allowed: ["rules", "budget"])
    {
      let base = (file as NSString).deletingLastPathComponent
      func resolve(_ value: String) -> String {
        // A manifest named without a folder (`manifest.yaml`) is in the current folder.
        value.hasPrefix("/") || base.isEmpty ? value : normalisedPath(base + "/" + value)
      }
      func path(_ key: String) -> String? {
        guard let node = fields[key]?.value, let value = reader.text(node, what: "'\(key)'")
        else { return nil }
        guard !BudgetLine.trimmed(value).isEmpty else {
          reader.error(
            node, "'\(key)' names no file",
            hint:
              "write a path, e.g. \(key == "rules" ? "../../Rules/brent-lewisham.yaml" : "budget.csv")"
          )
          return nil
        }
        return resolve(value)
      }
      manifest.rules = path("rules")
      manifest.budget = path("budget")
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
