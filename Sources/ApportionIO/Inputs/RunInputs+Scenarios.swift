import ApportionCore
import Foundation
import Yams

extension RunInputs {
  /// Loads `path`; `visiting` holds the scenario files that build on it, to catch cycles.
  static func load(_ path: String, visiting: [String]) throws(DiagnosticList) -> RunInputs {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw DiagnosticList([
        Diagnostic(
          at: SourceLocation(file: path), "no such file or folder",
          hint: "name a sample folder (with a manifest.yaml), a manifest or a scenario file, "
            + "or use --rules and --budget")
      ])
    }
    if try isScenario(path) {
      return try loadScenario(path, visiting: visiting)
    }
    if PlanRunner.isPlan(path) {
      throw DiagnosticList([
        Diagnostic(
          at: SourceLocation(file: path), "this is a plan, not a sample or a scenario",
          hint: "run it with 'apportion plan \(path)', or one of its years with --year")
      ])
    }
    let manifest = try Manifest.load(path)
    guard let rules = manifest.rules else {
      let file =
        isDirectory.boolValue ? (path as NSString).appendingPathComponent(Manifest.fileName) : path
      throw DiagnosticList([
        Diagnostic(
          at: SourceLocation(file: file, line: 1, column: 1), "the manifest names no rule file",
          hint: "add 'rules: path/to/rules.yaml'")
      ])
    }
    var inputs = try RunInputs(rules: rules, budget: manifest.budget)
    inputs.name = stem(of: path)
    inputs.source = path
    return inputs
  }

  /// True for a YAML file whose top level has `changes:` (a scenario, not a manifest or a
  /// sample folder).
  public static func isScenario(_ path: String) throws(DiagnosticList) -> Bool {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      !isDirectory.boolValue
    else { return false }
    guard let text = try? String(contentsOfFile: path, encoding: .utf8),
      let root = try? Yams.compose(yaml: text), case .mapping(let mapping) = root
    else { return false }
    return mapping.keys.contains { $0.scalar?.string == "changes" }
  }

  /// A scenario file over its base.
  static func loadScenario(_ path: String, visiting: [String]) throws(DiagnosticList)
    -> RunInputs
  {
    let key = canonical(path)
    if let start = visiting.firstIndex(of: key) {
      let chain = (visiting[start...] + [key]).joined(separator: " → ")
      throw DiagnosticList([
        Diagnostic(
          at: SourceLocation(file: path), "the scenario builds on itself: \(chain)",
          hint: "a scenario's base must not lead back to it")
      ])
    }
    return try scenario(text: try read(path), file: path, visiting: visiting + [key])
  }

  /// A scenario whose text is given, as if read from `file` (its base and any files it
  /// names are found relative to `file`'s folder).
  static func scenario(text: String, file path: String, visiting: [String] = [])
    throws(DiagnosticList) -> RunInputs
  {
    var parser = ScenarioFileParser(file: path)
    let header = try readHeader(text, parser: &parser)
    guard let base = header.base else {
      throw DiagnosticList([
        Diagnostic(
          at: SourceLocation(file: path, line: 1, column: 1), "the scenario names no base",
          hint: "add 'base: ../2016-17' (a sample folder, manifest or scenario), "
            + "or apply it with --scenario over --rules and --budget")
      ])
    }
    var inputs: RunInputs
    switch base {
    case .path(let basePath, _): inputs = try load(basePath, visiting: visiting)
    case .files(let rules, let budget): inputs = try RunInputs(rules: rules, budget: budget)
    }
    try inputs.apply(path, parser: &parser, header: header)
    inputs.source = path
    return inputs
  }

  /// Applies a scenario file's changes over these inputs, ignoring its own base (for
  /// `--scenario`, which layers scenarios over whatever the command names).
  public mutating func layer(scenario path: String) throws(DiagnosticList) {
    var parser = ScenarioFileParser(file: path)
    let header = try Self.readHeader(try Self.read(path), parser: &parser)
    try apply(path, parser: &parser, header: header)
  }

  private static func read(_ path: String) throws(DiagnosticList) -> String {
    do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
      throw DiagnosticList([
        Diagnostic(
          at: SourceLocation(file: path), "cannot read the scenario",
          hint: "check that it is readable UTF-8 text")
      ])
    }
  }

  private static func readHeader(_ text: String, parser: inout ScenarioFileParser)
    throws(DiagnosticList) -> ScenarioFileParser.Header
  {
    guard let root = parser.rules.reader.root(text), let header = parser.header(root),
      !parser.hasErrors
    else { throw DiagnosticList(parser.diagnostics.filter { $0.severity == .error }) }
    return header
  }

  private mutating func apply(
    _ path: String, parser: inout ScenarioFileParser, header: ScenarioFileParser.Header
  ) throws(DiagnosticList) {
    if baseBox == nil { baseBox = BaseBox(self) }
    var ruleSet = self.ruleSet
    let changes = header.changes.map { parser.changes($0, applyingTo: &ruleSet) } ?? []
    if parser.hasErrors {
      throw DiagnosticList(parser.diagnostics.filter { $0.severity == .error })
    }
    // What only the whole set can tell (percentages add up, drivers exist…), now that the
    // scenario has changed it.
    let problems = Apportioner.check(ruleSet)
    let errors = problems.filter { $0.severity == .error }
    if !errors.isEmpty { throw DiagnosticList(errors) }
    self.ruleSet = ruleSet
    warnings += problems.filter { $0.severity == .warning }
    lineChanges += changes.filter(\.change.actsOnLines)
    scenarioPaths.append(path)
    name = header.title ?? Self.stem(of: path)
  }

  /// A path with symbolic links and `..` resolved, to recognise a file named two ways.
  static func canonical(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
