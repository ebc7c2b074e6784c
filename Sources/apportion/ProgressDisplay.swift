import ApportionIO
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Progress of a long run on standard error, one line rewritten in place: what is being done,
/// lines so far, lines per second and an estimate of the time left.
///
///     apportion: checking the budget: 412,000 lines (41%), 980,000 lines/s, about 1 s left
///
/// Shown only when standard error is a terminal, and only once the run has taken about a
/// second (a short run shows nothing); the line is erased before anything else is printed.
/// `APPORTION_PROGRESS=1` shows it whatever standard error is (for tests), `0` never; and
/// `APPORTION_PROGRESS_DELAY` sets the silent first seconds (`0` for tests). Standard output
/// is never touched, so `--json` and pipes are unaffected.
final class ProgressDisplay: Sendable {
  /// When nothing is shown yet: the run's first second is silent.
  static let defaultDelay = 1.0
  /// The least time between two updates.
  static let interval = 0.25

  private struct State {
    var shown = false
    var lastUpdate = 0.0
    var workbooks = 0
  }

  private let start: Double
  private let delay: Double
  private let state = Mutex(State())
  /// A copy of standard error taken when the display starts: while a workbook is closed,
  /// standard error itself points at `/dev/null` (libxlsxwriter's own messages are hidden),
  /// and other workbooks, finished at the same time, still report through this copy.
  private let output: Int32

  private init(delay: Double) {
    start = Self.now()
    self.delay = delay
    let copy = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3)
    output = copy >= 0 ? copy : STDERR_FILENO
  }

  deinit {
    if output != STDERR_FILENO { close(output) }
  }

  /// A display for this run, or nil when progress is not shown (standard error is not a
  /// terminal, or `APPORTION_PROGRESS=0`).
  static func start() -> ProgressDisplay? {
    let environment = ProcessInfo.processInfo.environment
    let delay = environment["APPORTION_PROGRESS_DELAY"].flatMap(Double.init) ?? defaultDelay
    switch environment["APPORTION_PROGRESS"] {
    case "1": return ProgressDisplay(delay: delay)
    case "0": return nil
    default: return isatty(STDERR_FILENO) == 1 ? ProgressDisplay(delay: delay) : nil
    }
  }

  /// Runs one pass over the budget with its progress shown (if shown at all), erased when
  /// the pass ends, however it ends.
  static func around<T>(_ activity: String, _ body: (((Job.Progress) -> Void)?) throws -> T)
    rethrows -> T
  {
    let display = start()
    defer { display?.clear() }
    return try body(display?.reading(activity))
  }

  /// An observer for a pass over the budget (see `Job.stream`): `activity` says what the pass
  /// is for; `totalLines`, when known (from an earlier pass), gives the estimate, otherwise
  /// the bytes read of the budget's size do.
  func reading(_ activity: String, totalLines: Int? = nil) -> (Job.Progress) -> Void {
    let passStart = Self.now()
    return { [self] progress in
      let seconds = Self.now() - passStart
      let rate = seconds > 0 ? Double(progress.lines) / seconds : 0
      var fraction: Double?
      if let totalLines, totalLines > 0 {
        fraction = Double(progress.lines) / Double(totalLines)
      } else if let total = progress.totalBytes, total > 0 {
        fraction = Double(progress.bytes) / Double(total)
      }
      var text = "\(activity): \(Self.grouped(progress.lines)) lines"
      if let fraction { text += " (\(Int((min(fraction, 1) * 100).rounded(.down)))%)" }
      text += ", \(Self.grouped(Int(rate))) lines/s"
      if let fraction, fraction > 0.01, fraction < 1 {
        text += ", about \(Self.duration(seconds * (1 - fraction) / fraction)) left"
      }
      show(text)
    }
  }

  /// Says that a workbook is being finished (compressed and checked), given its file name
  /// as it starts, of `count` in all; it may be called from any thread.
  func writing(_ name: String, count: Int) {
    show(force: true) { state in
      state.workbooks += 1
      return "writing the workbooks: \(name) (\(state.workbooks) of \(count))"
    }
  }

  /// Rewrites the progress line with `text`, once the run has taken a second and at most
  /// every ``interval`` (`force`: whenever it has been shown or the second is up).
  private func show(_ text: String, force: Bool = false) {
    show(force: force) { _ in text }
  }

  /// ``show(_:force:)`` with the text made under the lock from the state (`text` may change
  /// it), and written under it too: workbooks are finished on several threads at once, and
  /// their lines must neither interleave nor be numbered out of order.
  private func show(force: Bool, _ text: (inout State) -> String) {
    let now = Self.now()
    state.withLock { state in
      let message = text(&state)
      guard now - start >= delay else { return }
      // Tests that set no delay see every update.
      guard force || now - state.lastUpdate >= min(Self.interval, delay) else { return }
      state.lastUpdate = now
      state.shown = true
      Self.emit("\r\u{1B}[Kapportion: \(message)", to: output)
    }
  }

  /// Erases the progress line, if one was shown, so that what follows starts on a clean line.
  func clear() {
    let shown = state.withLock { state -> Bool in
      defer { state.shown = false }
      return state.shown
    }
    if shown { Self.emit("\r\u{1B}[K", to: output) }
  }

  /// Writes to `descriptor` (standard error) unbuffered; a failure is ignored (nowhere to
  /// report it).
  private static func emit(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { bytes in
      guard let base = bytes.baseAddress else { return }
      var offset = 0
      while offset < bytes.count {
        let written = write(descriptor, base + offset, bytes.count - offset)
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return }
        offset += written
      }
    }
  }

  private static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// `1,234,567`.
  static func grouped(_ number: Int) -> String {
    let digits = Array(String(number))
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return out
  }

  /// `4 s`, `2 min 5 s`.
  static func duration(_ seconds: Double) -> String {
    let whole = max(1, Int(seconds.rounded(.up)))
    return whole < 60 ? "\(whole) s" : "\(whole / 60) min \(whole % 60) s"
  }
}
