// libFuzzer's entry point when built by Fuzz/run (-DFUZZING); otherwise a program that
// replays saved inputs: fuzz-amount FILE|FOLDER...
import Foundation
import FuzzChecks

#if FUZZING
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzEntry.testOneInput(.amount, data, size)
  }
#else
  @main
  enum Replay {
    static func main() {
      exit(FuzzEntry.replay(.amount, arguments: Array(CommandLine.arguments.dropFirst())))
    }
  }
#endif
