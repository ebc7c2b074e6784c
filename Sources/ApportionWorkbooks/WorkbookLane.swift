import Dispatch

/// A thread of work for one workbook: what is given to it runs in order, one piece at a
/// time, off the calling thread, so that several workbooks are written (and compressed, and
/// checked) at once while the budget is still being read.
///
/// Each workbook is only ever touched by its own lane, so its bytes are the same as when the
/// workbooks are written one after another. A piece that throws stops the lane: later pieces
/// are skipped, and `wait()` returns the error. At most `depth` pieces wait, so a slow lane
/// holds the reader back instead of letting lines pile up in memory.
///
/// ```swift
/// let lane = WorkbookLane(label: "partnership.xlsx", worker: WorkbookLane.workers(for: 1)[0])
/// lane.submit { try book.add(batch) }
/// if let error = lane.wait() { throw error }
/// ```
final class WorkbookLane: @unchecked Sendable {
  private let queue: DispatchQueue
  private let slots: DispatchSemaphore
  /// The first error, read and written only on `queue`.
  private var failure: (any Error)?
  /// Whether a piece has failed; read from any thread (a hint that saves the next submits).
  private let failed = Flag()

  /// A lane whose pieces run on `worker` (a serial queue several lanes may share, which
  /// bounds the threads and the workbooks closing at once), after the lane's earlier pieces.
  init(label: String, worker: DispatchQueue, depth: Int = 2) {
    queue = DispatchQueue(label: "apportion.workbook." + label, target: worker)
    slots = DispatchSemaphore(value: depth)
  }

  /// The serial queues that `count` lanes share: one per lane up to `limit` (a thread each),
  /// then lanes take turns. Each workbook closing keeps a few more files open, so a set of
  /// many workbooks must not close them all at once (see `OpenFiles`).
  static func workers(for count: Int, limit: Int = 4) -> [DispatchQueue] {
    (0..<max(1, min(count, limit))).map { DispatchQueue(label: "apportion.workbooks.\($0)") }
  }

  /// Whether a piece has failed (the error comes from `wait()`).
  var hasFailed: Bool { failed.isSet }

  /// Runs `work` after the pieces already given; waits first while `depth` are waiting.
  func submit(_ work: @escaping @Sendable () throws -> Void) {
    slots.wait()
    queue.async {
      defer { self.slots.signal() }
      guard self.failure == nil else { return }
      do { try work() } catch {
        self.failure = error
        self.failed.set()
      }
    }
  }

  /// Waits for every piece given so far; returns the first error, if any.
  func wait() -> (any Error)? {
    queue.sync { failure }
  }
}

/// A flag set once, read from any thread.
private final class Flag: @unchecked Sendable {
  private let lock = DispatchSemaphore(value: 1)
  private var value = false

  var isSet: Bool {
    lock.wait()
    defer { lock.signal() }
    return value
  }

  func set() {
    lock.wait()
    value = true
    lock.signal()
  }
}

/// A value handed to a lane whose type the compiler cannot see to be safe to send: a
/// workbook, which only its own lane ever touches.
struct LaneBound<Value>: @unchecked Sendable {
  let value: Value
}
