import ApportionCore
import Foundation

/// Everything one run reads: the rule set (with any scenarios' changes applied), the budget,
/// the changes to its lines, and the files they came from.
///
/// A sample folder, a manifest, a scenario file, or `--rules`/`--budget` with scenarios
/// layered on top all resolve to one of these; ``Job`` runs it. So a scenario is another
/// input to the one calculation path, never a second engine.
///
/// ```swift
/// let inputs = try RunInputs.load("Samples/scenarios/southwark-joins.yaml")
/// let job = Job(inputs)
/// ```
public struct RunInputs: Sendable {
  /// A short name for comparisons and output folders: the scenario's title, or the sample
  /// folder's name.
  public var name: String
  /// The file or folder the inputs were named by.
  public var source: String
  public var ruleSet: RuleSet
  /// Warnings from reading the rule file.
  public var warnings: [Diagnostic]
  public var rulesPath: String
  /// The SHA-256 of the rule file's bytes, as read.
  public var rulesSHA256: String
  public var budgetPath: String?
  /// The scenario files applied, base first.
  public var scenarioPaths: [String] = []
  /// The changes that act on budget lines (added, scaled or removed), in order.
  public var lineChanges: [LocatedChange] = []
  /// What the first scenario was applied to (a sample or rule file and budget), for
  /// comparing a scenario's figures with its base; nil when no scenario is applied.
  public var base: RunInputs? { baseBox?.inputs }
  var baseBox: BaseBox?

  /// Holds the base (a struct cannot hold a value of its own type directly).
  final class BaseBox: Sendable {
    let inputs: RunInputs
    init(_ inputs: RunInputs) { self.inputs = inputs }
  }

  /// Inputs from a rule file and (optionally) a budget.
  public init(rules rulesPath: String, budget budgetPath: String?) throws(DiagnosticList) {
    let file = try RuleFile.load(path: rulesPath)
    self.name = Self.stem(
      of: budgetPath.map { ($0 as NSString).deletingLastPathComponent }
        ?? rulesPath)
    self.source = rulesPath
    self.ruleSet = file.ruleSet
    self.warnings = file.warnings
    self.rulesPath = rulesPath
    self.rulesSHA256 = file.sha256
    self.budgetPath = budgetPath
  }

  /// Inputs named by one path: a sample folder (its `manifest.yaml`), a manifest file, or a
  /// scenario file (which names its own base).
  public static func load(_ path: String) throws(DiagnosticList) -> RunInputs {
    try load(path, visiting: [])
  }

  /// A short name for what a path names: a folder's name (`Samples/2016-17` → `2016-17`,
  /// `.` → the working folder's name), a manifest's folder's name
  /// (`Samples/2016-17/manifest.yaml` → `2016-17`), a file's name without its extension
  /// (`southwark-joins.yaml` → `southwark-joins`); `base` when there is none (`/`).
  public static func stem(of path: String) -> String {
    var url = URL(fileURLWithPath: path).standardizedFileURL
    var isFolder: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
    if !isFolder.boolValue && Manifest.isManifestName(url.lastPathComponent) {
      url.deleteLastPathComponent()
    } else if !(exists && isFolder.boolValue) {
      url.deletePathExtension()
    }
    let stem = url.lastPathComponent
    return stem.isEmpty || stem == "/" || stem == "." ? "base" : stem
  }
}
