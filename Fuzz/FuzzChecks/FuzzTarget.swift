/// A fuzz target: one input reader and the properties it must keep for every input.
///
/// The fuzz programs (`fuzz-amount`, `fuzz-csv`, `fuzz-rules`) hand libFuzzer's inputs to
/// ``check(_:)``, and so do the tests that replay the seed corpus and every crash found, so
/// that a property is written once.
///
/// ```swift
/// try FuzzTarget.csv.check(Array("id,description,amount\r\nA,\"x\",1.00\r\n".utf8))
/// ```
public enum FuzzTarget: String, CaseIterable, Sendable {
  /// `Money(parsing:)`, and `ExactDecimal.Written(parsing:)` that reads rule-file figures.
  case amount
  /// `CSVReader` at two chunk sizes, and `BudgetReader` over the same bytes.
  case csv
  /// `RuleFile.parse(_:file:)`.
  case rules

  /// Runs the reader over `bytes` and checks its properties.
  ///
  /// A reader may accept or reject any input; what it must not do is trap, hang, grow without
  /// bound, accept something wrong, or reject without saying where.
  ///
  /// - Throws: ``FuzzFailure`` naming the first property that does not hold.
  public func check(_ bytes: [UInt8]) throws(FuzzFailure) {
    switch self {
    case .amount: try AmountCheck.check(bytes)
    case .csv: try CSVCheck.check(bytes)
    case .rules: try RuleFileCheck.check(bytes)
    }
  }
}

/// A property that does not hold for some input: what was expected and what happened.
public struct FuzzFailure: Error, Sendable, CustomStringConvertible {
  public let description: String

  public init(_ description: String) { self.description = description }
}

/// At most `limit` characters of `text` for a failure message, with `…` if cut.
func excerpt(_ text: String, limit: Int = 120) -> String {
  let debug = String(text.debugDescription.dropFirst().dropLast())
  return debug.count <= limit ? debug : debug.prefix(limit) + "…"
}
