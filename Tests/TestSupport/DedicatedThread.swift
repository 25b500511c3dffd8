import Foundation

/// Runs blocking test code (waiting on a pseudo-terminal, a pipe or a child process) on a thread
/// of its own and suspends the caller until it finishes.
///
/// Swift's cooperative pool has one thread per core (two here). A test that blocks one of them
/// for seconds stalls every other test queued behind it, and when it lets go they all start at
/// once, so the tests that measure time see a machine far busier than it is. Blocking work goes
/// here instead.
public func onDedicatedThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    Thread { continuation.resume(with: Result { try body() }) }.start()
  }
}
