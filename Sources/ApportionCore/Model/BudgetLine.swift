/// The columns of a budget, by name, shared by all its lines.
///
/// Names compare without regard to case or surrounding spaces, so a rule's `council` finds a
/// column headed `Council`.
public struct BudgetSchema: Sendable {
  /// The header as written.
  public let columns: [String]
  /// Where each header cell is, for messages.
  public let locations: [SourceLocation]
  private let index: [String: Int]

  /// - Throws: ``Diagnostic`` for a missing `id`, `description` or `amount` column, or a
  ///   column named twice.
  public init(columns: [String], locations: [SourceLocation]) throws(Diagnostic) {
    self.columns = columns
    self.locations = locations
    var index: [String: Int] = [:]
    for (position, name) in columns.enumerated() {
      let key = Self.key(name)
      let location = position < locations.count ? locations[position] : nil
      if key.isEmpty {
        throw Diagnostic(
          at: location, "column \(position + 1) has no name in the header row",
          hint: "name every column, or remove the empty one (a comma too many?)")
      }
      if let earlier = index[key] {
        throw Diagnostic(
          at: location, "column '\(name)' appears twice in the header row",
          hint: "the first is column \(earlier + 1); rename one of them")
      }
      index[key] = position
    }
    self.index = index
    idColumn = index["id"] ?? 0
    descriptionColumn = index["description"] ?? 0
    amountColumn = index["amount"] ?? 0
    for required in ["id", "description", "amount"] where index[required] == nil {
      // The header row as a whole: its first line, first column.
      throw Diagnostic(
        at: locations.first.map { SourceLocation(file: $0.file, line: $0.line, column: 1) },
        "the budget has no '\(required)' column",
        hint: "the header row must name id, description and amount; it has: "
          + columns.joined(separator: ", "))
    }
  }

  /// The position of a named column, if the budget has it.
  public func position(of name: String) -> Int? { index[Self.key(name)] }

  static func key(_ name: String) -> String { BudgetLine.trimmed(name).lowercased() }

  /// The positions of the required columns (looked up once: they are read for every line).
  public let idColumn: Int
  public let descriptionColumn: Int
  public let amountColumn: Int
}

/// One line of a budget: its id, description and amount, and every other column as text.
public struct BudgetLine: Sendable {
  /// Unique within the budget.
  public let id: String
  public let description: String
  public let amount: Money
  /// Every field of the row, in header order (including id, description and amount as
  /// written).
  public let values: [String]
  /// Where the row starts in the budget file.
  public let location: SourceLocation
  /// The column of each field on its line, for messages about one field.
  public let columns: [Int]
  /// The line each field starts on, for messages about one field: after a quoted field that
  /// spans lines, the fields that follow it are on a later line than the row's start.
  public let lines: [Int]

  /// - Parameters:
  ///   - columns: each field's column, for messages (none: the row's place is used).
  ///   - lines: each field's line, when the row spans several (none: the row's line).
  public init(
    id: String, description: String, amount: Money, values: [String],
    location: SourceLocation, columns: [Int] = [], lines: [Int] = []
  ) {
    self.id = id
    self.description = description
    self.amount = amount
    self.values = values
    self.location = location
    self.columns = columns
    self.lines = lines
  }

  /// A field as ids, descriptions and column names are read: without surrounding white space.
  public static func trimmed(_ field: String) -> String {
    // Fast path: plain ASCII ends that are not white space need no trimming (a character
    // whose first or last scalar is not white space is not blank).
    if let first = field.utf8.first, let last = field.utf8.last, first > 32, first < 128,
      last > 32, last < 128
    {
      return field
    }
    return String(Substring(field).trimmingSpaces())
  }

  /// The location of one field, for messages.
  public func location(ofField position: Int) -> SourceLocation {
    var place = location
    if position < columns.count { place.column = columns[position] }
    if position < lines.count { place.line = lines[position] }
    return place
  }

  /// The field at a column position, or "" when the row is short.
  public func value(at position: Int) -> String {
    position < values.count ? values[position] : ""
  }
}
