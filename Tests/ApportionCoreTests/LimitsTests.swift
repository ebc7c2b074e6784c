import Testing

@testable import ApportionCore

/// The limits that `Rules/README.md` ("Limits") states, one test each, and the tie order
/// it describes.
@Suite struct LimitsTests {
  let partners = Fixture.partners(["brent", "lewisham"])

  func ruleSet(_ basis: Basis, drivers: [Driver] = []) -> RuleSet {
    RuleSet(
      agreement: "t", year: "2016-17", partners: partners, drivers: drivers,
      rules: [Rule(name: "All", basis: basis)])
  }

  func messages(_ basis: Basis, drivers: [Driver] = []) -> [String] {
    Apportioner.check(ruleSet(basis, drivers: drivers)).map(\.message)
  }

  struct FigureCase: Sendable, CustomTestStringConvertible {
    let text: String
    let error: String?
    var testDescription: String { text }
  }

  /// Percentages, driver figures and carve-out fractions: at most 9 decimal places and at
  /// most 18 digits.
  @Test(arguments: [
    FigureCase(text: "0.123456789", error: nil),
    FigureCase(text: "0.1234567891", error: "'0.1234567891' has more than 9 decimal places"),
    FigureCase(text: "123456789.123456789", error: nil),
    FigureCase(text: "999999999999999999", error: nil),
    FigureCase(text: "99999999999999999999", error: "'99999999999999999999' is too large"),
  ])
  func figures(_ c: FigureCase) {
    do {
      _ = try ExactDecimal(parsing: c.text)
      #expect(c.error == nil)
    } catch {
      #expect(error.description == c.error)
    }
  }

  /// Figures of different decimal places and sizes in one table are fine, even when their
  /// total would not fit in 64 bits at the finest place (once an error).
  @Test func driverFiguresOfAnySizeTogether() throws {
    let driver = Driver(
      name: "size",
      values: [
        PartnerValue(PartnerID("brent"), ExactDecimal(units: 999_999_999_999_999_999, scale: 0)),
        PartnerValue(PartnerID("lewisham"), ExactDecimal(units: 1, scale: 9)),
      ])
    let (results, _) = try Fixture.run(
      ruleSet(.driver("size"), drivers: [driver]), [Fixture.line(0, 100_000_000_000)])
    #expect(results[0].parts.map(\.pence) == [100_000_000_000, 0])
    #expect(results[0].exactShare(of: 1).poundsText(digits: 30).hasPrefix("0.000000000000"))
  }

  /// A carve-out fraction in the rule file: at most 9 decimal places as a fraction (so 7 in
  /// a percentage: 12.3456789% is 0.123456789).
  @Test func constantCarveOutFractionDecimalPlaces() throws {
    let percent = try ExactDecimal.Written(parsing: "12.3456789%").fraction
    #expect(percent == ExactDecimal(units: 123_456_789, scale: 9))
    let fine = Basis.carve(
      fraction: .constant(percent), to: .direct(PartnerID("brent")), rest: .equal(among: nil))
    #expect(messages(fine).isEmpty)
    let (results, _) = try Fixture.run(ruleSet(fine), [Fixture.line(0, 1_000_000_000)])
    // 123,456,789p to Brent, the rest halved: 438,271,605.5 each.
    #expect(results[0].parts.map(\.pence) == [561_728_395, 438_271_605])

    let tooFine = Basis.carve(
      fraction: .constant(ExactDecimal(units: 1_234_567_891, scale: 10)),
      to: .direct(PartnerID("brent")), rest: .equal(among: nil))
    #expect(
      messages(tooFine) == [
        "rule 'All': the carve-out fraction 0.1234567891 has more than 9 decimal places"
      ])
  }

  struct CellCase: Sendable, CustomTestStringConvertible {
    let cell: String
    let error: String?
    var testDescription: String { "'\(cell)'" }
  }

  /// A carve-out fraction in a budget column: 0 to 1, at most 6 decimal places as a
  /// fraction (4 in a percentage), never empty.
  @Test(arguments: [
    CellCase(cell: "0.123456", error: nil),
    CellCase(cell: "12.3456%", error: nil),
    CellCase(cell: "1", error: nil),
    CellCase(
      cell: "0.1234567",
      error: "t.csv:2:5: error: line L0: '0.1234567' in column frac has more than 6 decimal "
        + "places as a fraction"),
    CellCase(
      cell: "12.34567%",
      error: "t.csv:2:5: error: line L0: '12.34567%' in column frac has more than 6 decimal "
        + "places as a fraction"),
    CellCase(
      cell: "1.5",
      error: "t.csv:2:5: error: line L0: '1.5' in column frac is more than the whole line"),
    CellCase(
      cell: "",
      error: "t.csv:2:5: error: line L0: column frac is empty, but the rule carves out the "
        + "fraction written there"),
  ])
  func columnFraction(_ c: CellCase) throws {
    let basis = Basis.carve(
      fraction: .column(ColumnRef("frac")), to: .direct(PartnerID("brent")),
      rest: .equal(among: nil))
    var engine = try Apportioner(ruleSet: ruleSet(basis), schema: Fixture.schema())
    do {
      _ = try engine.apportion(Fixture.line(0, 1_000_000, frac: c.cell))
      #expect(c.error == nil)
    } catch {
      #expect(error.description.components(separatedBy: "\n")[0] == c.error)
    }
  }

  /// Amounts and every total: within ±£92,233,720,368,547,758.07, the rule's running total
  /// and each partner's running share of it too.
  @Test func runningTotalsWithin64BitPence() throws {
    let limit = "beyond ±92,233,720,368,547,758.07"
    let nine = Int64(9_000_000_000_000_000_000)
    var equal = try Apportioner(ruleSet: ruleSet(.equal(among: nil)), schema: Fixture.schema())
    _ = try equal.apportion(Fixture.line(0, nine))
    #expect {
      _ = try equal.apportion(Fixture.line(1, nine))
    } throws: { error in
      "\(error)".contains(
        "line L1: the running total of rule 'All', or a partner's share of it, "
          + "would be \(limit)")
    }

    // The rule's total stays small, but Brent's share of it would not.
    let carve = Basis.carve(
      fraction: .column(ColumnRef("frac")), to: .direct(PartnerID("brent")),
      rest: .direct(PartnerID("lewisham")))
    var shares = try Apportioner(ruleSet: ruleSet(carve), schema: Fixture.schema())
    _ = try shares.apportion(Fixture.line(0, nine, frac: "1"))
    _ = try shares.apportion(Fixture.line(1, -nine, frac: "0"))
    #expect {
      _ = try shares.apportion(Fixture.line(2, nine, frac: "1"))
    } throws: { error in "\(error)".contains(limit) }
  }

  /// Ties go by the ids' character codes: `-`, digits, capitals, `_`, small letters.
  @Test func tieOrderIsByCharacterCode() throws {
    let ids = ["b", "_x", "a", "B", "2", "-"]
    let ruleSet = RuleSet(
      agreement: "t", year: "y", partners: Fixture.partners(ids),
      rules: [Rule(name: "All", basis: .equal(among: nil))])
    let lines = ids.indices.map { Fixture.line($0, 1) }
    let (results, _) = try Fixture.run(ruleSet, lines)
    let order = results.map { result in ids[result.parts.firstIndex(of: Money(pence: 1)) ?? 0] }
    #expect(order == ["-", "2", "B", "_x", "a", "b"])
  }
}
