import ApportionCore

extension BudgetReader {
  /// A line added by a scenario, checked like a line of the budget: its columns must be the
  /// budget's, its id new and its amount valid. Columns it leaves out are empty.
  ///
  /// - Throws: ``Diagnostic`` at the field in the scenario (or its CSV file) that is wrong.
  public func line(from added: AddedLine) throws(Diagnostic) -> BudgetLine {
    var fields = Array(repeating: "", count: schema.columns.count)
    var lines = Array(repeating: added.location.line, count: schema.columns.count)
    var columns = Array(repeating: added.location.column, count: schema.columns.count)
    for field in added.fields {
      guard let position = schema.position(of: field.column) else {
        throw Diagnostic(
          at: field.location, "the budget has no column '\(field.column)'",
          hint: DidYouMean.hint(for: field.column, in: schema.columns)
            + "an added line uses the budget's columns: "
            + schema.columns.joined(separator: ", "))
      }
      fields[position] = field.value
      lines[position] = field.location.line
      columns[position] = field.location.column
    }
    let record = CSVRecord(
      fields: fields, line: added.location.line, columns: columns, lines: lines)
    return try line(from: record, file: added.location.file, added: true)
  }
}
