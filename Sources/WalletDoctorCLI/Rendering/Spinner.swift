import Foundation

/// A progress spinner on stderr, shown only when stderr is a terminal.
final class Spinner: @unchecked Sendable {
  private let message: String
  private var task: Task<Void, Never>?

  init(_ message: String) {
    self.message = message
  }

  func start() {
    guard Console.stderrIsTerminal else { return }
    let message = self.message
    task = Task.detached {
      let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
      var index = 0
      while !Task.isCancelled {
        Console.err("\r\(frames[index % frames.count]) \(message)")
        index += 1
        try? await Task.sleep(for: .milliseconds(100))
      }
    }
  }

  /// Stops the spinner and clears its line; waits for the last frame so none lands after the clear.
  func stop() async {
    guard let task else { return }
    task.cancel()
    await task.value
    self.task = nil
    Console.err("\r\u{1B}[2K")
  }
}
