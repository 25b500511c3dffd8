import Foundation

/// When and how long to wait before asking an endpoint again.
public struct RetryPolicy: Sendable {
  /// Attempts per request, the first included.
  public var maxAttempts: Int
  /// The first backoff; it doubles with each attempt ("full jitter": a random wait up to it).
  public var baseDelay: Duration
  /// Picks the actual wait in `0...ceiling`; injected so tests can make it deterministic.
  public var jitter: @Sendable (Duration) -> Duration

  public init(
    maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(250),
    jitter: @escaping @Sendable (Duration) -> Duration = RetryPolicy.fullJitter
  ) {
    self.maxAttempts = maxAttempts
    self.baseDelay = baseDelay
    self.jitter = jitter
  }

  public static let standard = RetryPolicy()

  /// A uniformly random duration between zero and `ceiling`.
  public static let fullJitter: @Sendable (Duration) -> Duration = { ceiling in
    let milliseconds = max(0, Int64(ceiling.components.seconds * 1000) + ceiling.components.attoseconds / 1_000_000_000_000_000)
    return .milliseconds(Int64.random(in: 0...milliseconds))
  }

  /// The backoff ceiling before attempt `attempt + 1` (attempt counts from 1).
  func ceiling(after attempt: Int) -> Duration {
    baseDelay * (1 << min(attempt - 1, 16))
  }
}

/// Retries reads that failed for reasons that may pass: connection errors, 5xx, 408 and 429
/// (honouring `Retry-After` in seconds or as an HTTP date). Never retries other 4xx. A wait that
/// would pass the request's time limit is not taken: the last answer is returned at once, so the
/// caller fails over to another endpoint.
public struct RetryingTransport: HTTPTransport {
  public let base: any HTTPTransport
  public let policy: RetryPolicy
  /// "Now" for HTTP-date `Retry-After` values.
  public let wallClock: @Sendable () -> Date

  public init(base: any HTTPTransport, policy: RetryPolicy = .standard, wallClock: @escaping @Sendable () -> Date = { Date() }) {
    self.base = base
    self.policy = policy
    self.wallClock = wallClock
  }

  public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    let deadline = Deadline(after: request.timeout)
    var attempt = 1
    // What the last attempt got, so that a wait cut short (the answer is no longer needed)
    // still reports the real problem rather than just "abandoned".
    var lastOutcome: Result<HTTPResponse, TransportFailure>?
    while true {
      var attemptRequest = request
      attemptRequest.timeout = deadline.requestTimeout
      attemptRequest.connectTimeout = min(request.connectTimeout, attemptRequest.timeout)
      let wait: Duration
      do {
        let response = try await base.send(attemptRequest)
        guard Self.isRetryable(status: response.status), attempt < policy.maxAttempts else { return response }
        if let retryAfter = retryAfter(response) {
          // A server that asks for more time than is left has answered for this run.
          guard retryAfter < deadline.remaining else { return response }
          wait = retryAfter
        } else {
          wait = policy.jitter(policy.ceiling(after: attempt))
        }
        guard wait < deadline.remaining else { return response }
        lastOutcome = .success(response)
      } catch let failure as TransportFailure {
        guard Self.isRetryable(failure.kind), attempt < policy.maxAttempts else { throw failure }
        wait = policy.jitter(policy.ceiling(after: attempt))
        guard wait < deadline.remaining else { throw failure }
        lastOutcome = .failure(failure)
      } catch {
        // Cancelled mid-retry: the earlier attempt's outcome is the truthful one to report.
        if let lastOutcome { return try lastOutcome.get() }
        throw error
      }
      do {
        try await Task.sleep(for: wait)
      } catch {
        if let lastOutcome { return try lastOutcome.get() }
        throw error
      }
      attempt += 1
    }
  }

  static func isRetryable(status: Int) -> Bool {
    status == 408 || status == 429 || (500..<600).contains(status)
  }

  /// Failures where the same request may well succeed a moment later.
  static func isRetryable(_ kind: EndpointErrorKind) -> Bool {
    kind == .connect || kind == .interrupted
  }

  /// The `Retry-After` header as a wait: delta-seconds, or an HTTP date relative to now.
  func retryAfter(_ response: HTTPResponse) -> Duration? {
    guard let value = response.header("retry-after")?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
      return nil
    }
    if let seconds = Int(value) { return .seconds(max(0, seconds)) }
    guard let date = Self.httpDate(value) else { return nil }
    let milliseconds = Int64((date.timeIntervalSince(wallClock()) * 1000).rounded(.up))
    return .milliseconds(max(0, milliseconds))
  }

  /// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the form RFC 9110 requires.
  static func httpDate(_ text: String) -> Date? {
    imfFixdate().date(from: text)
  }

  private static func imfFixdate() -> DateFormatter {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    return formatter
  }

  /// The same format, for tests that build `Retry-After` dates.
  static var httpDateFormatterForTests: DateFormatter { imfFixdate() }
}
