import ApportionCore
import ApportionIO

/// What must hold for any text read as a rule file.
///
/// - It is read, or rejected with at least one error, every one of which names the file
///   (and, wherever the problem has a place, its line and column).
/// - A rule file that is read has partners and rules, and its warnings name the file.
enum RuleFileCheck {
  /// The rule file's name in messages.
  static let file = "fuzz.yaml"

  static func check(_ bytes: [UInt8]) throws(FuzzFailure) {
    let text = String(decoding: bytes, as: UTF8.self)
    do {
      let contents = try RuleFile.parse(text, file: file)
      guard !contents.ruleSet.partners.isEmpty, !contents.ruleSet.rules.isEmpty else {
        throw FuzzFailure(
          "a rule file was read with \(contents.ruleSet.partners.count) partners and "
            + "\(contents.ruleSet.rules.count) rules")
      }
      for warning in contents.warnings where warning.location?.file != file {
        throw FuzzFailure("a warning without its file: \(warning)")
      }
    } catch let failure as FuzzFailure {
      throw failure
    } catch let list as DiagnosticList {
      guard !list.diagnostics.isEmpty else {
        throw FuzzFailure("the rule file was rejected without a reason")
      }
      for diagnostic in list.diagnostics
      where diagnostic.location?.file != file || diagnostic.severity != .error
        || diagnostic.message.isEmpty
      {
        throw FuzzFailure("a rule-file error without its file: \(diagnostic)")
      }
    } catch {
      throw FuzzFailure("RuleFile.parse threw \(type(of: error)): \(error)")
    }
  }
}
