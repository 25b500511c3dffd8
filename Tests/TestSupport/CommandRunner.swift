import Foundation

/// Runs the built `walletdoctor` binary the way a user would, capturing stdout, stderr and the
/// exit status. Pipes are drained concurrently, so a chatty child never deadlocks the test.
public struct CommandRunner: Sendable {
  public struct Outcome: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// Wall time from launch to exit, measured on the thread that waited for the child (not on
    /// the cooperative pool, whose scheduling delays would distort it).
    public var elapsed: Duration = .zero
  }

  /// The binary next to the test bundle (`swift test` builds every product into the same folder).
  public static var binary: URL {
    let testExecutable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = testExecutable.deletingLastPathComponent()
    // On macOS the test binary sits inside X.xctest/Contents/MacOS.
    while folder.pathComponents.count > 1, !FileManager.default.fileExists(atPath: folder.appendingPathComponent("walletdoctor").path) {
      folder = folder.deletingLastPathComponent()
    }
    return folder.appendingPathComponent("walletdoctor")
  }

  /// Runs the binary under GNU time and returns its own peak resident memory in KiB (from
  /// `/usr/bin/time -f %M`, which measures exactly this child) along with the outcome.
  public static func runMeasuringPeakMemory(_ arguments: [String]) async throws -> (Outcome, kibibytes: Int?) {
    var outcome = try await run(arguments, wrapper: ["/usr/bin/time", "-f", "walletdoctor-peak-rss-kib=%M"])
    let marker = "walletdoctor-peak-rss-kib="
    let line = outcome.stderr.split(separator: "\n").last { $0.hasPrefix(marker) }
    outcome.stderr = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix(marker) }.joined(separator: "\n")
    return (outcome, line.flatMap { Int($0.dropFirst(marker.count)) })
  }

  /// Runs `walletdoctor arguments…` with a minimal, predictable environment plus `environment`.
  ///
  /// Async on purpose: waiting for the child happens on a Dispatch thread, never on Swift's
  /// cooperative pool (2 threads here), which a blocking wait would starve for every other test.
  public static func run(
    _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
    currentDirectory: URL? = nil, wrapper: [String] = []
  ) async throws -> Outcome {
    try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global().async {
        continuation.resume(
          with: Result {
            try runBlocking(
              arguments, environment: environment, stdin: stdin, currentDirectory: currentDirectory, wrapper: wrapper)
          })
      }
    }
  }

  private static func runBlocking(
    _ arguments: [String], environment: [String: String], stdin: String?, currentDirectory: URL?, wrapper: [String]
  ) throws -> Outcome {
    let process = Process()
    if let launcher = wrapper.first {
      process.executableURL = URL(fileURLWithPath: launcher)
      process.arguments = Array(wrapper.dropFirst()) + [binary.path] + arguments
    } else {
      process.executableURL = binary
      process.arguments = arguments
    }
    var base = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": NSTemporaryDirectory()]
    base.merge(environment) { _, given in given }
    process.environment = base
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let output = Pipe()
    let errors = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = input
    let launched = ContinuousClock.now
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try? input.fileHandleForWriting.close()
    let collected = Collected()
    let group = DispatchGroup()
    for (pipe, isOutput) in [(output, true), (errors, false)] {
      group.enter()
      DispatchQueue.global().async {
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        collected.store(data, isOutput: isOutput)
        group.leave()
      }
    }
    group.wait()
    process.waitUntilExit()
    let elapsed = ContinuousClock.now - launched
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: collected.stdout, as: UTF8.self),
      stderr: String(decoding: collected.stderr, as: UTF8.self), elapsed: elapsed)
  }

  private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var stdout = Data()
    private(set) var stderr = Data()
    func store(_ data: Data, isOutput: Bool) {
      lock.withLock { if isOutput { stdout = data } else { stderr = data } }
    }
  }
}
