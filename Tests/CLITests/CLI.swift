import Foundation
import TestSupport
import Testing

/// What one run of the `apportion` executable did.
struct CLIResult: Sendable, CustomStringConvertible {
  let status: Int32
  let stdout: String
  let stderr: String
  /// Standard output as bytes, for byte-for-byte comparisons.
  let stdoutData: Data

  var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

enum CLITestError: Error, CustomStringConvertible {
  case notFound(String)
  var description: String {
    switch self {
    case .notFound(let what): return what
    }
  }
}

/// Runs the built `apportion` executable and finds the files the tests compare with.
enum CLI {
  /// The `apportion` executable the test target depends on.
  ///
  /// It sits in the products folder beside this target's resource bundle, which follows
  /// `--scratch-path` and the build configuration; `.build/debug` is the fallback.
  static func executable() throws -> URL {
    let candidates = [
      Bundle.module.bundleURL.deletingLastPathComponent(),
      packageRoot.appendingPathComponent(".build/debug"),
    ]
    for folder in candidates {
      let url = folder.appendingPathComponent("apportion")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    throw CLITestError.notFound(
      "no apportion executable in " + candidates.map(\.path).joined(separator: " or "))
  }

  /// A checked-in file under `Tests/CLITests/Fixtures` (from the test bundle's copy).
  static func fixture(_ name: String) throws -> Data {
    let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)
    guard let url = folder?.appendingPathComponent(name) else {
      throw CLITestError.notFound("no Fixtures folder in the test bundle")
    }
    return try Data(contentsOf: url)
  }

  /// Runs `apportion` with these arguments in `directory` (the package root by default),
  /// with `stdin` on a pipe as its standard input (none by default) and `environment` added
  /// to this process's.
  static func run(
    _ arguments: [String], in directory: URL? = nil, stdin: Data? = nil,
    environment: [String: String] = [:]
  ) throws -> CLIResult {
    let process = Process()
    process.executableURL = try executable()
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? packageRoot
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    // Files, not pipes: a large output cannot fill a pipe and stall the process.
    let scratch = try TemporaryFolder()
    defer { scratch.remove() }
    let out = scratch.url.appendingPathComponent("stdout")
    let err = scratch.url.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: out.path, contents: nil)
    FileManager.default.createFile(atPath: err.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: out)
    let errHandle = try FileHandle(forWritingTo: err)
    process.standardOutput = outHandle
    process.standardError = errHandle
    let input = stdin.map { _ in Pipe() }
    process.standardInput = input ?? FileHandle.nullDevice
    try process.run()
    if let input, let stdin {
      // A real pipe (not a file), written while the process reads, then closed.
      let writer = Thread {
        try? input.fileHandleForWriting.write(contentsOf: stdin)
        try? input.fileHandleForWriting.close()
      }
      writer.start()
    }
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    let stdout = try Data(contentsOf: out)
    let stderr = try Data(contentsOf: err)
    return CLIResult(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self), stdoutData: stdout)
  }
}
