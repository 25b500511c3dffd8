import Foundation
import TestSupport

extension CommandRunner {
  /// Runs the binary on a thread of its own: `run` blocks until the child exits, and blocking a
  /// thread of the (small) cooperative pool would stall every other async test, whose deadlines
  /// would then expire.
  static func runOnOwnThread(
    _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil
  ) async throws -> Outcome {
    try await withCheckedThrowingContinuation { continuation in
      Thread {
        continuation.resume(with: Result { try run(arguments, environment: environment, stdin: stdin) })
      }.start()
    }
  }
}
