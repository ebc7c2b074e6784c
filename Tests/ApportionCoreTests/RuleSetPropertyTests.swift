import BigInt
import Foundation
import TestSupport
import Testing

@testable import ApportionCore

/// The engine's promises, checked on random rule sets and budgets (``RandomRuleSet``)
/// against exact fractions worked out in the test:
///
/// - every valid rule set runs, however fine its figures;
/// - every line's parts add up to the line, and each is within 2p of its exact share;
/// - within each rule, each partner's total is within 1p of its exact share, and is the
///   largest-remainder rounding of it (ties by id in character-code order, from the rule's
///   turn) — so the totals per rule do not depend on the order of the budget's lines;
/// - the results do not depend on the order the partners are listed in.
///
/// 10,000 cases by default. `APPORTION_PROPERTY_CASES=1000000 swift test --filter
/// RuleSetPropertyTests` runs a million; a failure prints the case's seed, and
/// `APPORTION_PROPERTY_SEED=<seed> APPORTION_PROPERTY_CASES=1` runs that case alone.
@Suite struct RuleSetPropertyTests {
  static let environment = ProcessInfo.processInfo.environment
  static let cases = environment["APPORTION_PROPERTY_CASES"].flatMap { Int($0) } ?? 10_000
  /// The first case's seed; case `i` has `seed + i × 0x9E3779B97F4A7C15`.
  static let seed =
    environment["APPORTION_PROPERTY_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 0...(.max))
  /// The cases are split into chunks that run in parallel.
  static let chunks = 8

  @Test(arguments: 0..<chunks)
  func randomRuleSetsAreExactAndFair(chunk: Int) {
    let indices = (Self.cases * chunk / Self.chunks)..<(Self.cases * (chunk + 1) / Self.chunks)
    var wideRules = 0
    defer {
      // The generator must reach the arbitrary-precision path, not only the 64-bit one.
      if indices.count >= 500 { #expect(wideRules > 0) }
    }
    for index in indices {
      let seed = Self.seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15
      do { wideRules += try check(RandomRuleSet(seed: seed), seed: seed) } catch {
        let rerun =
          "APPORTION_PROPERTY_SEED=\(seed) APPORTION_PROPERTY_CASES=1 swift test --filter "
          + "RuleSetPropertyTests"
        Issue.record("case seed \(seed): \(error)\nrerun it alone: \(rerun)")
        return
      }
    }
  }

  struct Violation: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }

  /// Checks one case; returns how many of its rules needed arbitrary precision.
  func check(_ c: RandomRuleSet, seed: UInt64) throws -> Int {
    let ids = c.ruleSet.partners.map(\.id.rawValue)
    let (results, summary, wideRules) = try run(c.ruleSet, c.lines)
    guard results.count == c.lines.count else { throw Violation("a line was not taken") }

    // Per rule, the amounts of lines shared alike, added up: the rule's exact shares are
    // these sums times the lines' weights.
    var amountsByRule = Array(repeating: [Int: Int64](), count: c.ruleSet.rules.count)
    var totalByRule = Array(repeating: Int64(0), count: c.ruleSet.rules.count)
    for (index, result) in results.enumerated() {
      let line = result.line
      guard result.ruleIndex == c.ruleOf[index] else {
        throw Violation("line \(line.id) went to rule \(result.ruleIndex)")
      }
      guard try Money.sum(result.parts) == line.amount else {
        throw Violation("line \(line.id): parts \(result.parts) do not add up to \(line.amount)")
      }
      let amount = BigInt(line.amount.pence)
      for (p, weight) in c.weights[index].enumerated() {
        // |part − amount × n / d| < 2, that is |part × d − amount × n| < 2d.
        let gap = BigInt(result.parts[p].pence) * weight.denominator - amount * weight.numerator
        guard gap.magnitude < 2 * weight.denominator.magnitude else {
          throw Violation(
            "line \(line.id) partner \(ids[p]): \(result.parts[p]) for \(amount)p × \(weight)")
        }
      }
      amountsByRule[result.ruleIndex][c.weightKey[index], default: 0] += line.amount.pence
      totalByRule[result.ruleIndex] += line.amount.pence
    }
    let exactByRule = amountsByRule.map { amounts in
      amounts.reduce(Array(repeating: BigFraction.zero, count: ids.count)) { sums, entry in
        zip(sums, c.weights[entry.key]).map { $0 + BigFraction(entry.value) * $1 }
      }
    }
    for rule in c.ruleSet.rules.indices {
      let got = summary.byRule[rule].map(\.pence)
      for p in ids.indices {
        guard (BigFraction(got[p]) - exactByRule[rule][p]).isWithinOne else {
          throw Violation("rule \(rule) partner \(ids[p]): \(got[p])p for \(exactByRule[rule][p])p")
        }
      }
      let expected = largestRemainder(
        exactByRule[rule], total: totalByRule[rule], ids: ids, turn: rule)
      guard got == expected else {
        throw Violation("rule \(rule): totals \(got), largest remainder gives \(expected)")
      }
    }

    // The same parts, line by line, whatever order the partners are listed in.
    var rng = SeededGenerator(seed: seed)
    var reordered = c.ruleSet
    reordered.partners.shuffle(using: &rng)
    if reordered.partners == c.ruleSet.partners { reordered.partners.reverse() }
    let (again, _, _) = try run(reordered, c.lines)
    for (first, second) in zip(results, again) {
      let a = Dictionary(uniqueKeysWithValues: zip(ids, first.parts))
      let b = Dictionary(
        uniqueKeysWithValues: zip(reordered.partners.map(\.id.rawValue), second.parts))
      guard a == b else { throw Violation("line \(first.line.id): \(a) but reordered \(b)") }
    }

    // The same totals per rule whatever order the budget's lines come in.
    let (_, shuffled, _) = try run(c.ruleSet, c.lines.shuffled(using: &rng))
    guard shuffled.byRule == summary.byRule, shuffled.partnerTotals == summary.partnerTotals
    else {
      throw Violation("totals \(summary.byRule) but \(shuffled.byRule) with the lines shuffled")
    }
    return wideRules
  }

  /// The results, the totals, and how many rules needed arbitrary precision.
  func run(_ ruleSet: RuleSet, _ lines: [BudgetLine]) throws -> ([LineResult], Summary, Int) {
    var engine = try Apportioner(ruleSet: ruleSet, schema: RandomRuleSet.schema())
    var results: [LineResult] = []
    for line in lines {
      if let result = try engine.apportion(line) { results.append(result) }
    }
    let wide = engine.rules.filter { $0.basis.narrowDenominator == nil }.count
    return (results, try engine.finish(), wide)
  }
}
