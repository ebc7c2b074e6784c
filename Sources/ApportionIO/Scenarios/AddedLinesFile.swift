import ApportionCore

/// Reads the lines a scenario adds from a CSV file (`add lines: { file: extra.csv }`): a
/// header row naming columns of the budget, then one line per row.
enum AddedLinesFile {
  /// Every row as an ``AddedLine`` whose fields keep their places in the file.
  ///
  /// - Throws: ``Diagnostic`` when the file cannot be read or is not valid CSV.
  static func read(path: String) throws(Diagnostic) -> [AddedLine] {
    let csv: CSVReader
    do { csv = try CSVReader(path: path) } catch {
      throw Diagnostic(
        at: SourceLocation(file: path), "cannot open the lines file: \(error.message)")
    }
    func located(_ error: CSVError) -> Diagnostic {
      Diagnostic(
        at: SourceLocation(file: path, line: error.line, column: error.column), error.message,
        hint: error.hint)
    }
    let header: CSVRecord?
    do { header = try csv.next() } catch { throw located(error) }
    guard let header else {
      throw Diagnostic(
        at: SourceLocation(file: path), "the lines file is empty",
        hint: "the first row must name the budget's columns: id,description,amount,...")
    }
    var lines: [AddedLine] = []
    while true {
      let record: CSVRecord?
      do { record = try csv.next() } catch { throw located(error) }
      guard let record else { break }
      guard record.fields.count == header.fields.count else {
        throw Diagnostic(
          at: SourceLocation(file: path, line: record.line, column: 1),
          "the row has \(record.fields.count) fields but the header has \(header.fields.count)")
      }
      let fields = record.fields.indices.map { index in
        AddedLine.Field(
          column: BudgetLine.trimmed(header.fields[index]), value: record.fields[index],
          location: SourceLocation(
            file: path, line: record.lines[index], column: record.columns[index]))
      }
      lines.append(
        AddedLine(
          fields: fields, location: SourceLocation(file: path, line: record.line, column: 1)))
    }
    return lines
  }
}
