import Foundation

/// Ctrl-C during an interactive walk. The signal may be delivered to any thread, not the one
/// blocked reading the terminal, so the handler raises a flag and writes a byte to a pipe (the
/// self-pipe trick); the prompter waits on the terminal and that pipe together and returns
/// "interrupted" at once, and the walk is saved before the process exits.
enum InterruptFlag {
  nonisolated(unsafe) private static var raisedValue: Int32 = 0
  nonisolated(unsafe) private static var wakeWrite: Int32 = -1
  /// Readable once Ctrl-C was pressed.
  nonisolated(unsafe) private(set) static var wakeRead: Int32 = -1

  static var isRaised: Bool { raisedValue != 0 }

  static func install() {
    guard wakeRead < 0 else { return }
    var descriptors: [Int32] = [-1, -1]
    guard pipe(&descriptors) == 0 else { return }
    _ = fcntl(descriptors[1], F_SETFL, fcntl(descriptors[1], F_GETFL) | O_NONBLOCK)
    wakeRead = descriptors[0]
    wakeWrite = descriptors[1]
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in
      // Only async-signal-safe work here: a store and a write(2).
      InterruptFlag.raisedValue = 1
      var byte: UInt8 = 1
      _ = write(InterruptFlag.wakeWrite, &byte, 1)
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
  }
}
