/// "Did you mean" suggestions: the known name nearest to a misspelt one.
///
/// ```swift
/// DidYouMean.nearest(to: "lewsham", in: ["brent", "lewisham"])  // "lewisham"
/// DidYouMean.nearest(to: "croydon", in: ["brent", "lewisham"])  // nil: nothing close
/// ```
public enum DidYouMean {
  /// Names longer than this get no suggestion: the edit distance takes time in the product of
  /// the two lengths, and a name that long is not a typing slip.
  public static let longestCompared = 200

  /// The candidate nearest to `word` (case-insensitively), if one is within a few edits:
  /// at most 2, or a third of the word's length for longer words.
  public static func nearest(to word: String, in candidates: [String]) -> String? {
    guard word.count <= longestCompared else { return nil }
    let target = Array(word.lowercased())
    var best: (String, Int)?
    for candidate in candidates where candidate.count <= longestCompared {
      let limit = max(2, target.count / 3)
      guard abs(candidate.count - target.count) <= limit else { continue }
      let distance = editDistance(target, Array(candidate.lowercased()))
      if distance <= limit, distance < (best?.1 ?? .max) {
        best = (candidate, distance)
      }
    }
    return best?.0
  }

  /// The hint `did you mean 'x'? ` for a misspelt name, or an empty string.
  public static func hint(for word: String, in candidates: [String]) -> String {
    nearest(to: word, in: candidates).map { "did you mean '\($0)'? " } ?? ""
  }

  /// Levenshtein distance.
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1] + Array(repeating: 0, count: b.count)
      for (j, y) in b.enumerated() {
        current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
