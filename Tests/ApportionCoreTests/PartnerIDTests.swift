import ApportionCore
import Testing

/// ``PartnerID/problem(with:)``: ids that can name a workbook file next to partnership.xlsx.
@Suite("PartnerID.problem: which ids can name a workbook")
struct PartnerIDTests {
  @Test(
    "accepted", arguments: ["brent", "Lewisham-2", "lb_01", "a", "9", "partnership-2", "cons"])
  func accepted(_ id: String) {
    #expect(PartnerID.problem(with: id) == nil)
  }

  @Test(
    "refused, with the reason",
    arguments: [
      ("", "a partner's id is empty"),
      ("a b", "partner id 'a b' has a space in it"),
      ("x.y", "partner id 'x.y' has '.' in it"),
      ("../evil", "partner id '../evil' has '.' in it"),
      ("a/b", "partner id 'a/b' has '/' in it"),
      ("hé", "partner id 'hé' has 'é' in it"),
      ("-a", "partner id '-a' starts with '-'"),
      ("a_", "partner id 'a_' ends with '_'"),
      (String(repeating: "x", count: 65), "is 65 characters long; the most is 64"),
      ("partnership", "partner id 'partnership' would take the file name of the partnership's"),
      ("Partnership", "partner id 'Partnership' would take the file name"),
      ("NUL", "partner id 'NUL' cannot be a file name on Windows"),
      ("com1", "partner id 'com1' cannot be a file name on Windows"),
    ])
  func refused(_ id: String, _ message: String) {
    let problem = PartnerID.problem(with: id)
    #expect(problem?.message.contains(message) == true, "\(problem?.message ?? "accepted")")
  }
}
