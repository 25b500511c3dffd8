import Foundation
import Testing

@testable import WalletDoctorCore

@Suite("Retries with an injected transport")
struct RetryingTransportTests {
  let request = HTTPRequest.jsonPost(URL(string: "https://node.example")!, body: Data("{}".utf8), timeout: .seconds(60))
  let instant = RetryPolicy(jitter: { _ in .milliseconds(1) })

  /// Answers from a list, one per attempt, and counts attempts.
  final class Script: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [Result<HTTPResponse, TransportFailure>]
    private(set) var attempts = 0
    init(_ steps: [Result<HTTPResponse, TransportFailure>]) { self.steps = steps }
    func next() throws -> HTTPResponse {
      let step: Result<HTTPResponse, TransportFailure> = lock.withLock {
        attempts += 1
        return steps.count > 1 ? steps.removeFirst() : steps[0]
      }
      return try step.get()
    }
  }

  func transport(_ script: Script, policy: RetryPolicy? = nil, now: Date = Date()) -> RetryingTransport {
    RetryingTransport(base: FakeTransport { _ in try script.next() }, policy: policy ?? instant, wallClock: { now })
  }

  static let ok = HTTPResponse(status: 200, body: Data("[]".utf8))
  static let refused = TransportFailure(.connect, LocalizedText(en: "refused", zh: "拒绝"))

  @Test func connectionErrorsAreRetriedUntilOneSucceeds() async throws {
    let script = Script([.failure(Self.refused), .failure(Self.refused), .success(Self.ok)])
    let response = try await transport(script).send(request)
    #expect(response.status == 200)
    #expect(script.attempts == 3)
  }

  @Test func atMostThreeAttempts() async {
    let script = Script([.failure(Self.refused)])
    await #expect { try await transport(script).send(request) } throws: { ($0 as? TransportFailure)?.kind == .connect }
    #expect(script.attempts == 3)
  }

  @Test(arguments: [EndpointErrorKind.dns, .tls, .tooLarge, .timeout])
  func failuresThatWillNotPassAreNotRetried(kind: EndpointErrorKind) async {
    let script = Script([.failure(TransportFailure(kind, LocalizedText(en: "x", zh: "x")))])
    await #expect(throws: TransportFailure.self) { try await transport(script).send(request) }
    #expect(script.attempts == 1)
  }

  @Test(arguments: [408, 429, 500, 502, 503])
  func retryableStatusesAreRetried(status: Int) async throws {
    let script = Script([.success(HTTPResponse(status: status, body: Data())), .success(Self.ok)])
    #expect(try await transport(script).send(request).status == 200)
    #expect(script.attempts == 2)
  }

  @Test(arguments: [400, 401, 403, 404, 405])
  func otherClientErrorsAreReturnedAtOnce(status: Int) async throws {
    let script = Script([.success(HTTPResponse(status: status, body: Data())), .success(Self.ok)])
    #expect(try await transport(script).send(request).status == status)
    #expect(script.attempts == 1)
  }

  @Test func retryAfterAsAnHTTPDateBeyondTheDeadlineGivesUpAtOnce() async throws {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let later = RetryingTransport.httpDateFormatterForTests.string(from: now.addingTimeInterval(3600))
    let script = Script([.success(HTTPResponse(status: 429, headers: ["retry-after": later], body: Data())), .success(Self.ok)])
    #expect(try await transport(script, now: now).send(request).status == 429)
    #expect(script.attempts == 1)
  }

  @Test func retryAfterParsesSecondsAndIMFDates() {
    let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT
    let retrying = RetryingTransport(base: FakeTransport { _ in Self.ok }, wallClock: { now })
    #expect(retrying.retryAfter(HTTPResponse(status: 429, headers: ["retry-after": "7"], body: Data())) == .seconds(7))
    #expect(
      retrying.retryAfter(HTTPResponse(status: 429, headers: ["retry-after": "Sun, 06 Nov 1994 08:50:37 GMT"], body: Data()))
        == .seconds(60))
    #expect(retrying.retryAfter(HTTPResponse(status: 429, headers: ["retry-after": "soon"], body: Data())) == nil)
  }

  @Test func backoffDoublesFromTheBase() {
    let policy = RetryPolicy()
    #expect(policy.ceiling(after: 1) == .milliseconds(250))
    #expect(policy.ceiling(after: 2) == .milliseconds(500))
    #expect(policy.ceiling(after: 3) == .milliseconds(1000))
    for _ in 0..<100 {
      let wait = RetryPolicy.fullJitter(.milliseconds(250))
      #expect(wait >= .zero && wait <= .milliseconds(250))
    }
  }
}
