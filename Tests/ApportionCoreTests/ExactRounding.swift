/// The largest remainder method as the rules describe it, written out again for the test:
/// every exact share rounded down; the pennies left over one each to the largest
/// remainders; equal remainders in the order of the partners' ids by character code,
/// starting at position `turn`.
func largestRemainder(_ exact: [BigFraction], total: Int64, ids: [String], turn: Int) -> [Int64] {
  let n = ids.count
  var parts = exact.map { Int64(String($0.floor)) ?? .max }
  let remainders = zip(exact, parts).map { $0 - BigFraction($1) }
  let sorted = ids.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  func key(_ p: Int) -> Int { ((sorted.firstIndex(of: ids[p]) ?? 0) - turn % n + n) % n }
  let order = ids.indices.sorted {
    remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : key($0) < key($1)
  }
  let leftover = Int(total - parts.reduce(0, &+))
  for p in order.prefix(max(0, leftover)) { parts[p] += 1 }
  return parts
}
