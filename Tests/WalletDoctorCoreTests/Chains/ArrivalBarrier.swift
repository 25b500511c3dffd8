import Foundation

/// Holds server replies until a set of requests has arrived, which proves those requests were in
/// flight together: had the client sent them one after another, the first would wait for a
/// reply that never comes and the barrier would time out.
///
/// This replaces timing thresholds, which a busy machine (or a starved task pool) can break.
final class ArrivalBarrier: @unchecked Sendable {
  private let condition = NSCondition()
  private var arrived: Set<String> = []
  private var timedOut = false
  private let expected: Set<String>
  private let timeout: TimeInterval

  /// - Parameters:
  ///   - expected: the keys (paths, server names) that must all arrive.
  ///   - timeout: how long a held reply waits before the barrier gives up (and records it).
  init(expecting expected: Set<String>, timeout: TimeInterval = 8) {
    self.expected = expected
    self.timeout = timeout
  }

  /// Records `key`; if it is one of the expected keys, waits until all of them have arrived.
  func arrive(_ key: String) {
    condition.lock()
    defer { condition.unlock() }
    guard expected.contains(key) else { return }
    arrived.insert(key)
    condition.broadcast()
    let deadline = Date(timeIntervalSinceNow: timeout)
    while !expected.isSubset(of: arrived) {
      if !condition.wait(until: deadline) {
        timedOut = true
        return
      }
    }
  }

  /// Whether every expected key arrived while the others were held.
  var allArrivedTogether: Bool {
    condition.lock()
    defer { condition.unlock() }
    return !timedOut && expected.isSubset(of: arrived)
  }
}
