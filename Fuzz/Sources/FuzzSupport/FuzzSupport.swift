import CFuzzDriver
import Foundation
import WalletDoctorCore

/// Starts libFuzzer with `test` as the function under test. SwiftPM renames an executable's
/// `main` to `<Target>_main`; each target defines that symbol and calls this.
public func runFuzzer(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
  _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt {
  var count = argc
  var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
  return LLVMFuzzerRunDriver(&count, &arguments, test)
}

/// Runs async code to completion from libFuzzer's synchronous entry point.
///
/// The work runs on the calling thread through a task executor that child tasks inherit: no
/// hop to Swift's thread pool (whose wake-ups cost milliseconds per input), and the same
/// interleaving on every run of an input.
public func runBlocking(_ body: @escaping @Sendable () async -> Void) {
  if #available(macOS 15.0, *) {
    let executor = InlineTaskExecutor()
    let finished = Flag()
    Task(executorPreference: executor) {
      await body()
      finished.set()
      executor.wake()
    }
    executor.run(until: finished.isSet)
  } else {
    let done = DispatchSemaphore(value: 0)
    Task {
      await body()
      done.signal()
    }
    done.wait()
  }
}

/// A thread-safe boolean.
final class Flag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false
  func set() { lock.withLock { value = true } }
  var isSet: Bool { lock.withLock { value } }
}

/// Runs every job enqueued on it on the thread that calls ``run(until:)``.
@available(macOS 15.0, *)
final class InlineTaskExecutor: TaskExecutor, @unchecked Sendable {
  private let condition = NSCondition()
  private var jobs: [UnownedJob] = []

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    condition.withLock {
      jobs.append(job)
      condition.signal()
    }
  }

  func wake() {
    condition.withLock { condition.signal() }
  }

  func run(until isDone: @autoclosure () -> Bool) {
    while true {
      let next: UnownedJob? = condition.withLock {
        while jobs.isEmpty {
          if isDone() { return nil }
          condition.wait()
        }
        return jobs.removeFirst()
      }
      guard let next else { return }
      next.runSynchronously(on: asUnownedTaskExecutor())
    }
  }
}

/// The fuzz input split into HTTP answers at each `\n--\n` (at most 16). An answer may begin
/// with header lines: `@TEXT` answers only requests whose method, URL or body contain TEXT (so
/// seeds can aim at one call); `!NNN` sets the status (default 200).
public struct FuzzAnswers: Sendable {
  public struct Answer: Sendable {
    public var selector: [UInt8]?
    public var status: Int
    public var body: Data
  }

  public var answers: [Answer]

  public static let separator = Array("\n--\n".utf8)
  public static let maxAnswers = 16

  public init(_ bytes: [UInt8]) {
    var parts: [ArraySlice<UInt8>] = []
    var start = 0
    var index = 0
    while index < bytes.count {
      if parts.count < Self.maxAnswers - 1, bytes[index...].starts(with: Self.separator) {
        parts.append(bytes[start..<index])
        index += Self.separator.count
        start = index
      } else {
        index += 1
      }
    }
    parts.append(bytes[start..<bytes.count])
    answers = parts.map(Self.answer)
  }

  private static func answer(_ part: ArraySlice<UInt8>) -> Answer {
    var answer = Answer(selector: nil, status: 200, body: Data())
    var rest = part
    for _ in 0..<2 {
      guard let first = rest.first, first == UInt8(ascii: "@") || first == UInt8(ascii: "!"),
        let newline = rest.firstIndex(of: 0x0A)
      else { break }
      let line = rest[rest.index(after: rest.startIndex)..<newline]
      if first == UInt8(ascii: "@") {
        answer.selector = Array(line)
      } else if let status = Int(String(decoding: line, as: UTF8.self)),
        // Only statuses that never make a client wait before retrying.
        [200, 204, 301, 400, 401, 403, 404, 405].contains(status)
      {
        answer.status = status
      }
      rest = rest[rest.index(after: newline)...]
    }
    answer.body = Data(rest)
    return answer
  }

  /// The answer for a request described by `text`: the first whose selector it contains, else
  /// one of those without a selector chosen by the request's hash (deterministic whatever order
  /// concurrent requests come in).
  public func answer(for text: [UInt8]) -> Answer {
    if let aimed = answers.first(where: { $0.selector.map { !$0.isEmpty && text.contains($0) } ?? false }) {
      return aimed
    }
    let general = answers.filter { $0.selector == nil }
    let pool = general.isEmpty ? answers : general
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
    for byte in text { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return pool[Int(hash % UInt64(pool.count))]
  }
}

/// A transport that answers every request from the fuzz input, without a network.
public struct FuzzTransport: HTTPTransport {
  public let answers: FuzzAnswers

  public init(_ answers: FuzzAnswers) {
    self.answers = answers
  }

  public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    let text = Array("\(request.method.rawValue) \(request.url.absoluteString)\n".utf8) + Array(request.body ?? Data())
    let answer = answers.answer(for: text)
    guard answer.body.count <= request.maxBodyBytes else {
      throw TransportFailure(.tooLarge, LocalizedText(en: "too large", zh: "过大"))
    }
    return HTTPResponse(status: answer.status, headers: ["content-type": "application/json"], body: answer.body)
  }
}

extension Array where Element == UInt8 {
  /// Whether `needle` occurs in the array.
  func contains(_ needle: [UInt8]) -> Bool {
    guard needle.count <= count else { return false }
    return (0...(count - needle.count)).contains { self[$0..<($0 + needle.count)].elementsEqual(needle) }
  }
}

/// Fails the run (a crash libFuzzer records) when an invariant of the code under test breaks.
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
  if !condition() {
    fatalError("invariant broken: \(message())")
  }
}

/// Checks what every diagnosis must satisfy, whatever the endpoints said.
public func checkInvariants(_ diagnosis: Diagnosis) {
  if diagnosis.status == .notFound {
    require(diagnosis.chain == nil && diagnosis.transaction == nil, "not_found carries no chain or transaction")
  }
  require(!diagnosis.summary.english.isEmpty && !diagnosis.summary.simplifiedChinese.isEmpty, "a summary in both languages")
  for language in Language.allCases {
    let document = DiagnosisDocument(diagnosis, language: language)
    require((try? JSONOutput.string(document)) != nil, "the diagnosis encodes as JSON")
  }
}
