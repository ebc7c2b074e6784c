import Foundation
import TestSupport
import Testing
import XLSXInspection

/// Sheet order, frozen headers, filters and print setup.
@Suite struct StructureTests {
  @Test func sampleSheetsAreInOrderWithFrozenHeadersFiltersAndPrintSetup() throws {
    let folder = try TemporaryFolder().url
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runSample(in: folder)
    let partnership = try XLSXBook(path: run.partnershipPath)
    #expect(partnership.sheetNames == ["Summary", "Schedule", "Lines", "Rules", "Sources"])
    let brent = try XLSXBook(path: run.paths[1])
    #expect(brent.sheetNames == ["Brent", "Schedule", "Lines", "Sources"])
    #expect(
      try XLSXBook(path: run.paths[2]).sheetNames == ["Lewisham", "Schedule", "Lines", "Sources"])
    #expect(
      run.paths.map { ($0 as NSString).lastPathComponent }
        == ["partnership.xlsx", "brent.xlsx", "lewisham.xlsx"])

    for path in run.paths {
      let book = try XLSXBook(path: path)
      for sheet in book.sheetNames {
        let xml = try book.rawXML(part: book.partName(sheet: sheet))
        let place = "\((path as NSString).lastPathComponent) \(sheet)"
        // Lines and Rules are wide: landscape, one page wide; the summaries, the statement
        // and Sources portrait.
        let landscape = sheet == "Lines" || sheet == "Rules"
        #expect(
          xml.contains("orientation=\"\(landscape ? "landscape" : "portrait")\""), "\(place)")
        #expect(xml.contains("paperSize=\"9\""), "\(place): A4")
        #expect(xml.contains("<oddFooter>"), "\(place)")
        if sheet == "Lines" {
          #expect(xml.contains("fitToHeight=\"0\""), "\(place)")
          #expect(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"), "\(place)")
          #expect(
            xml.contains("<pane xSplit=\"1\" ySplit=\"2\" topLeftCell=\"B3\"")
              && xml.contains("state=\"frozen\""), "\(place)")
          let cells = try book.cells(sheet: sheet)
          let lastColumn = cells.keys.compactMap { rowAndColumn($0) }.map(\.column).max() ?? 0
          #expect(xml.contains("<autoFilter ref=\"A2:\(a1(106, lastColumn))\"/>"), "\(place)")
        }
      }
    }
    let core = try partnership.coreProperties()
    #expect(core["dcterms:created"] == "2016-04-01T00:00:00Z")
  }
}
