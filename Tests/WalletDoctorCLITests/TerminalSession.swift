import Foundation
import TestSupport

/// Runs the built binary inside a pseudo-terminal (util-linux `script`), so stdin and stderr
/// are a real TTY: the test reads what the user would see and types answers after each prompt.
final class TerminalSession: @unchecked Sendable {
  struct Timeout: Error, CustomStringConvertible {
    var waitingFor: String
    var screen: String
    var description: String { "timed out waiting for \(waitingFor.debugDescription); screen so far:\n\(screen)" }
  }

  static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/script") }

  private let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private let condition = NSCondition()
  private var buffer = Data()
  private var cursor = 0
  private var finished = false

  init(_ arguments: [String], environment: [String: String]) throws {
    let command = ([CommandRunner.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
      .joined(separator: " ")
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    // -q quiet, -f flush at once, -e exit with the child's status, -c the command.
    process.arguments = ["-qfec", command, "/dev/null"]
    var base = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": NSTemporaryDirectory(), "SHELL": "/bin/sh", "TERM": "dumb"]
    base.merge(environment) { _, given in given }
    process.environment = base
    process.standardInput = input
    process.standardOutput = output
    process.standardError = output
    try process.run()
    Thread.detachNewThread { [self] in
      while true {
        let data = output.fileHandleForReading.availableData
        condition.lock()
        if data.isEmpty { finished = true } else { buffer.append(data) }
        condition.broadcast()
        condition.unlock()
        if data.isEmpty { return }
      }
    }
  }

  /// Everything shown so far.
  var screen: String {
    condition.lock()
    defer { condition.unlock() }
    return String(decoding: buffer, as: UTF8.self)
  }

  /// Waits until `text` appears after what earlier waits consumed; returns the new output.
  ///
  /// The wait blocks a thread of its own, never the cooperative pool, and the caller's
  /// expectations stay in the test's task (issues recorded on another thread have no test).
  @discardableResult
  func waitFor(_ text: String, seconds: Double = 30) async throws -> String {
    try await onDedicatedThread { try self.blockingWaitFor(text, seconds: seconds) }
  }

  private func blockingWaitFor(_ text: String, seconds: Double) throws -> String {
    let deadline = Date().addingTimeInterval(seconds)
    let needle = Data(text.utf8)
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let range = buffer.range(of: needle, in: cursor..<buffer.count) {
        let seen = String(decoding: buffer[cursor..<range.upperBound], as: UTF8.self)
        cursor = range.upperBound
        return seen
      }
      if finished || !condition.wait(until: deadline) {
        throw Timeout(waitingFor: text, screen: String(decoding: buffer, as: UTF8.self))
      }
    }
  }

  /// Types `line` and Enter.
  func type(_ line: String) {
    input.fileHandleForWriting.write(Data((line + "\n").utf8))
  }

  /// Sends raw bytes (e.g. "\u{03}" for Ctrl-C).
  func send(_ bytes: String) {
    input.fileHandleForWriting.write(Data(bytes.utf8))
  }

  /// Closes the keyboard (end of input) and waits for the program to end; returns its exit
  /// status. Wait for the program's reaction to the last keys first: closing the input right
  /// after Ctrl-C sends an end-of-input that can reach the program before the signal does.
  func finish(seconds: Double = 30) async throws -> Int32 {
    try await onDedicatedThread { try self.blockingFinish(seconds: seconds) }
  }

  private func blockingFinish(seconds: Double) throws -> Int32 {
    try? input.fileHandleForWriting.close()
    let deadline = Date().addingTimeInterval(seconds)
    condition.lock()
    while !finished {
      if !condition.wait(until: deadline) {
        condition.unlock()
        // SIGKILL: children of the test inherit a thread's blocked signal mask, so SIGTERM may wait.
        kill(process.processIdentifier, SIGKILL)
        throw Timeout(waitingFor: "exit", screen: screen)
      }
    }
    condition.unlock()
    process.waitUntilExit()
    return process.terminationStatus
  }
}
