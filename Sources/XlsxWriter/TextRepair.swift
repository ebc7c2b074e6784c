/// A text the wrapper had to change so that the workbook could hold it (see `WorkbookText`).
///
/// ```swift
/// try sheet.writeString(row: 1, column: 1, "Rent\u{1}")
/// book.textRepairs.first?.description  // "U+0001 in cell Lines!B2, stored as an _xHHHH_ escape"
/// ```
public struct TextRepair: Hashable, Sendable, CustomStringConvertible {
  /// What was done to the characters.
  public enum Treatment: Hashable, Sendable {
    /// Stored as Excel's `_xHHHH_` escapes in cell text: Excel shows the characters.
    case escaped
    /// Replaced with U+FFFD: the text shows `�` where they were.
    case replaced
  }

  /// Where the text went: `cell Lines!B2`, `sheet name "Br�ent"`, `document title`,
  /// `header of "Lines"`, `chart title`.
  public let place: String
  /// The characters, each once, in order of first appearance.
  public let characters: [Unicode.Scalar]
  public let treatment: Treatment

  public init(place: String, characters: [Unicode.Scalar], treatment: Treatment) {
    self.place = place
    self.characters = characters
    self.treatment = treatment
  }

  /// `U+0001, U+FFFE in cell Lines!B2, stored as _xHHHH_ escapes`.
  public var description: String {
    let names = characters.map(WorkbookText.name).joined(separator: ", ")
    let how =
      switch treatment {
      case .escaped: characters.count == 1 ? "an _xHHHH_ escape" : "_xHHHH_ escapes"
      case .replaced: "U+FFFD"
      }
    return "\(names) in \(place), " + (treatment == .escaped ? "stored as " : "replaced with ")
      + how
  }
}

/// Every `TextRepair` of one workbook: the first ``limit`` kept, all counted (a budget can
/// put a control character in every one of a million descriptions).
public struct TextRepairLog: Sendable {
  /// How many repairs are kept.
  public static let limit = 100
  /// The first repairs, in the order they were made.
  public private(set) var repairs: [TextRepair] = []
  /// How many texts had characters escaped, including those not kept.
  public private(set) var escapedCount = 0
  /// How many texts had characters replaced, including those not kept.
  public private(set) var replacedCount = 0
  /// How many repairs there were, including those not kept.
  public var count: Int { escapedCount + replacedCount }

  public init() {}

  mutating func record(_ stored: WorkbookText.Stored, place: @autoclosure () -> String) {
    if !stored.escaped.isEmpty { record(place(), stored.escaped, .escaped) }
    if !stored.replaced.isEmpty { record(place(), stored.replaced, .replaced) }
  }

  private mutating func record(
    _ place: String, _ characters: [Unicode.Scalar], _ treatment: TextRepair.Treatment
  ) {
    switch treatment {
    case .escaped: escapedCount += 1
    case .replaced: replacedCount += 1
    }
    if repairs.count < Self.limit {
      repairs.append(TextRepair(place: place, characters: characters, treatment: treatment))
    }
  }
}
