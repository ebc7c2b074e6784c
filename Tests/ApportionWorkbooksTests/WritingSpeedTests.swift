import TestSupport
import Testing

@testable import ApportionWorkbooks

/// The shortcuts taken to write a million lines quickly give what the plain ways give.
struct WritingSpeedTests {
  /// `lineCount` the plain way: split into paragraphs and words, greedy wrap.
  static func plainLineCount(_ text: String, width: Double) -> Int {
    let perLine = max(1, Int(width * 1.2) - 1)
    var lines = 0
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var used = 0
      lines += 1
      for word in paragraph.split(separator: " ") {
        let length = word.unicodeScalars.count
        if used > 0 && used + 1 + length > perLine {
          lines += 1
          used = 0
        }
        used += (used > 0 ? 1 : 0) + length
        while used > perLine {
          lines += 1
          used -= perLine
        }
      }
    }
    return max(1, lines)
  }

  @Test func asciiLineCountIsThePlainOne() {
    var random = SeededGenerator(seed: 11)
    let pieces = ["a", "word", "longerwordthanmost", " ", "  ", "\n", "\r\n", "\r", "x"]
    for _ in 0..<5_000 {
      let text = (0..<Int.random(in: 0...60, using: &random)).map { _ in
        pieces.randomElement(using: &random)!
      }.joined()
      let width = Double(Int.random(in: 1...40, using: &random))
      #expect(
        SheetWriter.lineCount(text, width: width) == Self.plainLineCount(text, width: width),
        "\(text.debugDescription) at width \(width)")
    }
  }
}
