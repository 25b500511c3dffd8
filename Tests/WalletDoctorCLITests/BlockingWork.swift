import Foundation
import TestSupport

/// Runs blocking work (a child process) on a thread of its own and awaits it, so waiting for
/// the child does not hold one of the few cooperative threads (two on a 2-core machine) that
/// the rest of the suite's async tests need to meet their deadlines.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    Thread { continuation.resume(with: Result { try work() }) }.start()
  }
}

/// `CommandRunner.run` (which already waits off the cooperative pool).
func runCommand(
  _ arguments: [String], environment: [String: String] = [:]
) async throws -> CommandRunner.Outcome {
  try await CommandRunner.run(arguments, environment: environment)
}
