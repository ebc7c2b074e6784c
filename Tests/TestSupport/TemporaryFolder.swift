import Foundation

/// A new empty folder for one test's files, under a folder of this test process that is
/// removed when the process exits.
///
/// ```swift
/// let folder = try TemporaryFolder()
/// let rules = try folder.write("rules.yaml", "…")
/// ```
///
/// A test that leaves large files behind can remove its folder sooner with ``remove()``, or
/// use ``with(_:)``, which removes it however the body ends.
public struct TemporaryFolder: Sendable {
  /// The folder.
  public let url: URL
  /// The folder's path.
  public var path: String { url.path }

  /// Creates a new empty folder.
  public init() throws {
    url = try TestProcessFolder.root
      .appendingPathComponent(UUID().uuidString, isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// Runs `body` with a new folder and removes the folder afterwards.
  public static func with<T>(_ body: (TemporaryFolder) throws -> T) throws -> T {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    return try body(folder)
  }

  /// A path inside the folder.
  public func appending(_ name: String) -> URL { url.appendingPathComponent(name) }

  /// Writes a file into the folder; returns its path.
  @discardableResult
  public func write(_ name: String, _ text: String) throws -> String {
    let file = url.appendingPathComponent(name)
    try Data(text.utf8).write(to: file)
    return file.path
  }

  /// Removes the folder and everything in it.
  public func remove() { try? FileManager.default.removeItem(at: url) }
}

/// The folder that holds this process's temporary folders, removed at exit.
private enum TestProcessFolder {
  static let root: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "apportion-tests-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)
    try? FileManager.default.removeItem(at: url)
    atexit { try? FileManager.default.removeItem(at: TestProcessFolder.root) }
    return url
  }()
}

/// The package root: the nearest folder above this file holding `Package.swift`.
public let packageRoot: URL = {
  var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  while url.path != "/" {
    if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
      return url
    }
    url.deleteLastPathComponent()
  }
  return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
}()
