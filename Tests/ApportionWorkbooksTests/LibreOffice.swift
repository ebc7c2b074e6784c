import Foundation
import TestSupport

/// LibreOffice, headless: recalculates a workbook as a person opening it in LibreOffice
/// Calc would see it (Gnumeric 1.12 has no `SUBTOTAL(109, …)` and ignores hidden rows, so
/// what a filter does to the totals is checked here).
enum LibreOffice {
  static let soffice: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/soffice" }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// Every sheet of `path`, recalculated on opening, as a grid of values by sheet name.
  static func recalculate(_ path: String) throws -> [String: [[String]]] {
    guard let soffice else { throw TestFailure("soffice (LibreOffice) is not installed") }
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    // A profile that recalculates every formula on loading (LibreOffice's default keeps the
    // values stored with them).
    let user = folder.appendingPathComponent("profile/user")
    try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
    let item = { (name: String) in
      "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\"><prop oor:name=\"\(name)\" "
        + "oor:op=\"fuse\"><value>0</value></prop></item>"
    }
    let registry =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><oor:items "
      + "xmlns:oor=\"http://openoffice.org/2001/registry\" "
      + "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
      + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
      + item("OOXMLRecalcMode") + item("ODFRecalcMode") + "</oor:items>"
    try Data(registry.utf8).write(to: user.appendingPathComponent("registrymodifications.xcu"))
    let out = folder.appendingPathComponent("out")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: soffice)
    process.arguments = [
      "-env:UserInstallation=" + folder.appendingPathComponent("profile").absoluteString,
      "--headless", "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      "--outdir", out.path, path,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    var sheets: [String: [[String]]] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
    where name.hasPrefix(stem + "-") && name.hasSuffix(".csv") {
      let sheet = String(name.dropFirst(stem.count + 1).dropLast(4))
      let data = try Data(contentsOf: out.appendingPathComponent(name))
      sheets[sheet] = Gnumeric.parseCSV(String(decoding: data, as: UTF8.self))
    }
    guard !sheets.isEmpty else {
      throw TestFailure("LibreOffice wrote no CSV for \(path) (exit \(process.terminationStatus))")
    }
    return sheets
  }
}
