import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What happens on `SIGINT` (Ctrl-C), `SIGTERM` and `SIGHUP`: every `OutputFolder` in progress
/// is rolled back (its staging folder removed, or the previous set put back), one line on
/// standard error says so, and the process exits with 128 + the signal's number (130, 143,
/// 129), as shells expect. `SIGPIPE` is ignored, so that a closed pipe shows up as a write
/// failing with `EPIPE`, which `StandardOutput` handles quietly.
///
/// The signal handler only writes the signal's number to a pipe, which is safe in a handler;
/// a thread waiting on the pipe does the rest. It takes each folder's lock, so a commit in
/// progress finishes before it is rolled back. `SIGKILL` cannot be caught: the next run for
/// the same folder cleans up (see `StagingMarker`).
///
/// ```swift
/// Interruption.install()  // once, at the start of a command
/// ```
public enum Interruption {
  /// Installs the handlers and starts the thread; later calls do nothing.
  public static func install() {
    registry.installOnce {
      var fds: [Int32] = [-1, -1]
      guard pipe(&fds) == 0 else { return }
      _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
      _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
      signalPipe = fds[1]
      let readEnd = fds[0]
      // Standard error as it is now: the writers point descriptor 2 elsewhere for a moment
      // at times (libxlsxwriter's own messages), and the message must not be lost.
      let errors = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3)
      let thread = Thread { waitForSignal(readEnd, errors: errors >= 0 ? errors : STDERR_FILENO) }
      thread.start()
      for signal in [SIGINT, SIGTERM, SIGHUP] { _ = Glibc.signal(signal, signalHandler) }
      _ = Glibc.signal(SIGPIPE, SIG_IGN)
    }
  }

  static func register(_ folder: OutputFolder) { registry.add(folder) }

  static func unregister(_ folder: OutputFolder) { registry.remove(folder) }

  /// The conventional names, for the message.
  static func name(_ signal: Int32) -> String {
    switch signal {
    case SIGINT: "SIGINT"
    case SIGTERM: "SIGTERM"
    case SIGHUP: "SIGHUP"
    default: "signal \(signal)"
    }
  }

  private static let registry = Registry()

  private static func waitForSignal(_ fd: Int32, errors: Int32) {
    var byte: UInt8 = 0
    while read(fd, &byte, 1) != 1 {
      if errno != EINTR { return }
    }
    let signal = Int32(byte)
    let folders = registry.folders
    for folder in folders { folder.rollBack() }
    var message = "apportion: interrupted by \(name(signal))"
    if !folders.isEmpty {
      message +=
        "; nothing was written to " + folders.map(\.path).joined(separator: ", ")
        + ", which is as it was"
    }
    try? SystemCalls.writeAll(errors, Array((message + "\n").utf8))
    _exit(128 + signal)
  }

  /// The output folders in progress, held weakly.
  private final class Registry: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Weak] = []
    private var installed = false

    struct Weak { weak var folder: OutputFolder? }

    func installOnce(_ body: () -> Void) {
      lock.lock()
      defer { lock.unlock() }
      guard !installed else { return }
      installed = true
      body()
    }

    func add(_ folder: OutputFolder) {
      lock.lock()
      defer { lock.unlock() }
      entries = entries.filter { $0.folder != nil } + [Weak(folder: folder)]
    }

    func remove(_ folder: OutputFolder) {
      lock.lock()
      defer { lock.unlock() }
      entries = entries.filter { $0.folder != nil && $0.folder !== folder }
    }

    var folders: [OutputFolder] {
      lock.lock()
      defer { lock.unlock() }
      return entries.compactMap(\.folder)
    }
  }
}

/// The write end of the pipe the signal handler writes to (set before the handler is).
nonisolated(unsafe) private var signalPipe: Int32 = -1

/// Writes the signal's number to the pipe: nothing else is safe in a signal handler.
private func signalHandler(_ signal: Int32) {
  var byte = UInt8(truncatingIfNeeded: signal)
  _ = write(signalPipe, &byte, 1)
}
