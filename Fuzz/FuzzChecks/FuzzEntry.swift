import Foundation

/// The two ways a fuzz program runs a ``FuzzTarget``: as libFuzzer's entry point, and as a
/// replayer of saved inputs.
public enum FuzzEntry {
  /// libFuzzer's `LLVMFuzzerTestOneInput`: checks one input and traps if a property fails,
  /// so that libFuzzer saves the input as a crash.
  public static func testOneInput(
    _ target: FuzzTarget, _ data: UnsafePointer<UInt8>?, _ size: Int
  ) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do { try target.check(bytes) } catch { fatalError("fuzz-\(target.rawValue): \(error)") }
    return 0
  }

  /// Checks every file named in `arguments` (every file inside a folder), printing one line
  /// for each; returns the exit status, 1 if any failed.
  public static func replay(_ target: FuzzTarget, arguments: [String]) -> Int32 {
    let paths = arguments.flatMap(files(at:))
    guard !paths.isEmpty else {
      print("usage: fuzz-\(target.rawValue) FILE|FOLDER... (replays saved inputs)")
      return 64
    }
    var failed = 0
    for path in paths {
      guard let data = FileManager.default.contents(atPath: path) else {
        print("\(path): cannot read")
        failed += 1
        continue
      }
      do {
        try target.check(Array(data))
        print("\(path): ok")
      } catch {
        print("\(path): FAILED: \(error)")
        failed += 1
      }
    }
    print("\(paths.count - failed) of \(paths.count) inputs ok")
    return failed == 0 ? 0 : 1
  }

  /// The path itself, or the files in a folder in name order (hidden files left out).
  public static func files(at path: String) -> [String] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder),
      isFolder.boolValue
    else { return [path] }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
  }
}
