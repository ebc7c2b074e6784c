import Testing

@testable import ApportionCore

@Suite struct LargestRemainderTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let numerators: [Int128]
    let denominator: Int128
    let total: Int64
    let turn: Int
    let expected: [Int64]
    var testDescription: String { "\(numerators)/\(denominator) turn \(turn)" }
  }

  // The table in LargestRemainder's doc comment.
  @Test(arguments: [
    Case(numerators: [101, 101], denominator: 2, total: 101, turn: 1, expected: [50, 51]),
    Case(numerators: [101, 101], denominator: 2, total: 101, turn: 2, expected: [51, 50]),
    Case(
      numerators: [100, 100, 100], denominator: 3, total: 100, turn: 0, expected: [34, 33, 33]),
    Case(numerators: [-1, -1], denominator: 2, total: -1, turn: 0, expected: [0, -1]),
    Case(numerators: [7, 0], denominator: 1, total: 7, turn: 5, expected: [7, 0]),
    Case(numerators: [250, 350, 400], denominator: 1000, total: 1, turn: 0, expected: [0, 0, 1]),
  ])
  func documentedTable(_ c: Case) {
    let rank = Array(c.numerators.indices)
    let result = LargestRemainder.round(
      c.numerators, denominator: c.denominator, total: c.total, sortedRank: rank, turn: c.turn)
    #expect(result == c.expected)
  }

  @Test func refusesNumeratorsThatDoNotAddUp() {
    #expect(
      LargestRemainder.round([1, 1], denominator: 2, total: 5, sortedRank: [0, 1], turn: 0) == nil)
  }

  @Test func tieKeysRotate() {
    #expect((0..<4).map { LargestRemainder.tieKey(0, turn: $0, n: 3) } == [0, 2, 1, 0])
  }
}
