/// The ids of a budget read so far, as fingerprints: about 6 bytes a line, not the ids.
///
/// Each id (case-folded, as ids compare) is hashed to 64 bits with a per-process random key
/// (`Hasher`, so a budget cannot be made to collide on purpose). The top 16 bits pick one of
/// 65,536 buckets and the bucket keeps the low 32 bits: 48 bits tell ids apart. A new id
/// whose fingerprint is already there is only *maybe* a duplicate: the reader then reads the
/// budget again from the start to find the line that first used it (see
/// ``BudgetReader``), which also gives the message its line number and spelling. With a
/// million lines a false alarm (an extra read of the budget) happens about once in 500 runs.
///
/// Memory: 4 bytes a line in the buckets, with up to half as much again of room to grow, and
/// about 2.5 MB of buckets whatever the budget (at 1,000,000 lines, about 8 MB in all, where
/// a dictionary of the ids took about 110 MB).
struct IDFingerprints {
  private static let bucketBits = 16
  private var buckets: [[UInt32]] = Array(repeating: [], count: 1 << IDFingerprints.bucketBits)
  private(set) var count = 0

  /// Adds an id (case-folded here: ASCII ids from their bytes, others by `lowercased()`);
  /// false when its fingerprint was already there (the id may have been used before).
  mutating func insert(_ id: String) -> Bool {
    var hasher = Hasher()
    var id = id
    let ascii = id.withUTF8 { bytes -> Bool in
      guard bytes.count <= 256, bytes.allSatisfy({ $0 < 0x80 }) else { return false }
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { folded in
        for index in bytes.indices {
          let byte = bytes[index]
          folded[index] = byte >= 65 && byte <= 90 ? byte + 32 : byte
        }
        hasher.combine(bytes: UnsafeRawBufferPointer(folded))
      }
      return true
    }
    if !ascii {
      var key = id.lowercased()
      key.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
    let value = UInt64(UInt(bitPattern: hasher.finalize()))
    let bucket = Int(truncatingIfNeeded: value >> UInt64(64 - Self.bucketBits))
    let tag = UInt32(truncatingIfNeeded: value)
    if buckets[bucket].contains(tag) { return false }
    buckets[bucket].append(tag)
    count += 1
    return true
  }
}
