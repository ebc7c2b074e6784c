/// The keys each part of a scenario file takes (see `Samples/scenarios/README.md`).
enum ScenarioKeys {
  static let top = ["scenario", "description", "base", "changes"]
  static let base = ["rules", "budget"]
  /// Each change is a mapping with exactly one of these keys.
  static let changes = [
    "year", "agreement", "add partner", "remove partner", "rename partner", "joins", "leaves",
    "insert rule", "replace rule", "remove rule", "change rule", "drivers", "profiles", "add lines",
    "scale lines", "remove lines",
  ]
  static let addPartner = ["id", "name", "short_name", "host", "joins", "leaves"]
  static let renamePartner = ["id", "to", "name", "short_name"]
  static let insertRule = RuleKeys.rule + ["before", "after"]
  static let replaceRule = ["name", "with"]
  static let changeRule = ["name", "when", "basis", "carve", "rest", "profile"]
  static let addLinesFile = ["file"]
  static let scaleLines = ["when", "by"]
  static let removeLines = ["when"]
}
