import Foundation

/// Ctrl-C during an interactive walk: the handler only raises a flag, and installing it without
/// `SA_RESTART` makes the blocked `read` return `EINTR`, so the prompter notices at once and
/// the walk is saved before the process exits.
enum InterruptFlag {
  nonisolated(unsafe) private static var raisedValue: Int32 = 0

  static var isRaised: Bool { raisedValue != 0 }

  static func install() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in InterruptFlag.raisedValue = 1 }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
  }
}
