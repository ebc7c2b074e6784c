import XlsxWriter

/// The defined names of one workbook (`Lines_Amount`, `Check_Total`…), each made valid and
/// unique as Excel requires, so that formulas can say what they add up.
final class DefinedNames {
  private let workbook: Workbook
  /// Lower-cased: Excel compares names without case.
  private var taken: Set<String> = []
  /// Every name defined, in order, with what it refers to.
  private(set) var defined: [(name: String, range: RangeReference)] = []

  init(_ workbook: Workbook) { self.workbook = workbook }

  /// Defines a name as close to `wanted` as Excel allows (characters other than letters,
  /// digits, `_` and `.` become `_`; a name that reads as a cell reference gets a leading
  /// `_`; a taken one a `_2` suffix) and returns it.
  @discardableResult
  func define(_ wanted: String, _ range: RangeReference) throws -> String {
    let base = Self.valid(wanted)
    var candidate = base
    var counter = 2
    while taken.contains(candidate.lowercased()) {
      candidate = "\(base)_\(counter)"
      counter += 1
    }
    try workbook.defineName(candidate, refersTo: range)
    taken.insert(candidate.lowercased())
    defined.append((candidate, range))
    return candidate
  }

  /// `wanted` as a valid defined name (see ``define(_:_:)``).
  static func valid(_ wanted: String) -> String {
    var name = ""
    for scalar in wanted.unicodeScalars {
      let ok =
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "."
      let next: Character = ok ? Character(scalar) : "_"
      if next == "_" && name.hasSuffix("_") { continue }
      name.append(next)
    }
    while name.count > 1 && name.hasSuffix("_") { name.removeLast() }
    name = String(name.prefix(200))
    if name.isEmpty { name = "_" }
    if Workbook.validateDefinedName(name) != nil { name = "_" + name }
    return name
  }
}
