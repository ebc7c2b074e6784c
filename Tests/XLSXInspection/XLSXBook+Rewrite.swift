import Foundation
import ZIPFoundation

extension XLSXBook {
  /// Copies the workbook at `path` to `destination` with the text of one XML part changed by
  /// `edit`, as a person editing the file would change it (to see what the formulas make of
  /// the change once a spreadsheet recalculates).
  ///
  /// ```swift
  /// try XLSXBook.rewrite(path, to: edited, part: "xl/worksheets/sheet2.xml") {
  ///   $0.replacingOccurrences(of: "<v>3</v>", with: "<v>1</v>")
  /// }
  /// ```
  public static func rewrite(
    _ path: String, to destination: String, part: String, _ edit: (String) throws -> String
  ) throws {
    let source: Archive
    let target: Archive
    do {
      source = try Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil)
      target = try Archive(
        url: URL(fileURLWithPath: destination), accessMode: .create, pathEncoding: nil)
    } catch {
      throw XLSXInspectionError.notAZip(path)
    }
    var found = false
    for entry in source where entry.type == .file {
      var data = Data()
      _ = try source.extract(entry, skipCRC32: false) { data.append($0) }
      if entry.path == part {
        found = true
        data = Data(try edit(String(decoding: data, as: UTF8.self)).utf8)
      }
      let bytes = data
      try target.addEntry(
        with: entry.path, type: .file, uncompressedSize: Int64(bytes.count),
        compressionMethod: .deflate
      ) { position, size in
        bytes.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    if !found { throw XLSXInspectionError.missingPart(part) }
  }
}
