import ApportionCore
import ApportionIO

/// One line's result with what every workbook writes about it worked out once, for all of
/// them: how many lines its description wraps to, its budget columns as cells, each
/// partner's rounding and share, and its basis in words.
///
/// Made on the thread that reads the budget, then read (never changed) by the workbooks'
/// writers, each on its own thread.
struct PreparedLine: Sendable {
  /// A budget column's value as a Lines sheet shows it.
  enum Value: Sendable {
    /// A plain number, with the width of its text.
    case number(Double, width: Int)
    case text(String)
  }

  let result: LineResult
  /// How many lines the description takes at the Lines sheets' description width.
  let descriptionLines: Int
  /// The budget's columns after id, description and amount, in the Lines sheets' order.
  let values: [Value]
  /// Each partner's rounding in pence (part − exact share).
  let rounding: [Double]
  /// Each partner's exact share of the line, as a fraction of 1.
  let shares: [Double]
  /// The line's basis in words, and how many lines they take on a statement's Lines sheet.
  let words: String
  let wordsLines: Int
}

/// Makes `PreparedLine`s for one run's workbooks.
struct LinePreparer {
  /// The budget columns the Lines sheets show after id and description (before amount), by
  /// position in the budget, and whether each is numeric.
  let columns: [(position: Int, isNumeric: Bool)]
  let basis: LineBasis
  let partnerCount: Int

  init(ruleSet: RuleSet, schema: BudgetSchema, profile: BudgetProfile) {
    let own = [schema.idColumn, schema.descriptionColumn, schema.amountColumn]
    columns = schema.columns.indices.filter { !own.contains($0) }.map {
      (position: $0, isNumeric: profile.isNumeric(position: $0))
    }
    basis = LineBasis(ruleSet: ruleSet, schema: schema)
    partnerCount = ruleSet.partners.count
  }

  func prepare(_ result: LineResult) -> PreparedLine {
    let line = result.line
    let values = columns.map { column -> PreparedLine.Value in
      let value = line.value(at: column.position)
      if column.isNumeric, let number = BudgetProfile.plainNumber(value) {
        return .number(number, width: BudgetLine.trimmed(value).count)
      }
      return .text(value)
    }
    let words = basis.describe(result)
    let partners = 0..<min(partnerCount, result.parts.count)
    return PreparedLine(
      result: result,
      descriptionLines: SheetWriter.lineCount(
        line.description, width: LinesSheets.shownWidth(LinesSheets.descriptionWidth)),
      values: values,
      rounding: partners.map { result.roundingPence(of: $0) },
      shares: partners.map { LineBasis.share(result, partner: $0) },
      words: words,
      wordsLines: SheetWriter.lineCount(
        words, width: LinesSheets.shownWidth(PartnerWorkbook.wordsWidth)))
  }
}
