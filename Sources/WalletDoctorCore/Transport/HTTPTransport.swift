import Foundation

/// One HTTP request as the chain clients describe it; the transport decides how to carry it.
public struct HTTPRequest: Sendable, Hashable {
  public enum Method: String, Sendable, Hashable { case get = "GET", post = "POST" }

  public var method: Method
  public var url: URL
  public var headers: [String: String]
  public var body: Data?
  /// The whole transfer, connect included, must finish within this.
  public var timeout: Duration
  /// Establishing the connection (DNS, TCP, TLS) must finish within this.
  public var connectTimeout: Duration
  /// Redirects to follow (same scheme only); 0 means a 3xx is returned as it is.
  public var maxRedirects: Int
  /// The body is abandoned (`too_large`) once more than this many decoded bytes arrive.
  public var maxBodyBytes: Int

  /// The response size cap that applies to every endpoint: 8 MiB of decoded bytes.
  public static let defaultMaxBodyBytes = 8 * 1024 * 1024

  public init(
    method: Method, url: URL, headers: [String: String] = [:], body: Data? = nil,
    timeout: Duration = .seconds(20), connectTimeout: Duration = .seconds(10),
    maxRedirects: Int = 0, maxBodyBytes: Int = HTTPRequest.defaultMaxBodyBytes
  ) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
    self.timeout = timeout
    self.connectTimeout = connectTimeout
    self.maxRedirects = maxRedirects
    self.maxBodyBytes = maxBodyBytes
  }

  /// A JSON POST, as JSON-RPC and TRON's HTTP API use. Never follows redirects.
  public static func jsonPost(
    _ url: URL, body: Data, headers: [String: String] = [:], timeout: Duration
  ) -> HTTPRequest {
    var allHeaders = ["Content-Type": "application/json", "Accept": "application/json"]
    allHeaders.merge(headers) { _, given in given }
    return HTTPRequest(
      method: .post, url: url, headers: allHeaders, body: body, timeout: timeout,
      connectTimeout: min(timeout, .seconds(10)))
  }

  /// A REST GET, as Esplora uses. Follows at most 3 same-scheme redirects.
  public static func get(_ url: URL, headers: [String: String] = [:], timeout: Duration) -> HTTPRequest {
    HTTPRequest(
      method: .get, url: url, headers: headers, timeout: timeout,
      connectTimeout: min(timeout, .seconds(10)), maxRedirects: 3)
  }
}

/// What came back: the final status, headers (names lower-cased) and the decoded body.
public struct HTTPResponse: Sendable, Hashable {
  public var status: Int
  public var headers: [String: String]
  public var body: Data
  /// Wall time from start to the last byte, as the transport measured it.
  public var latency: Duration

  public init(status: Int, headers: [String: String] = [:], body: Data, latency: Duration = .zero) {
    self.status = status
    self.headers = headers
    self.body = body
    self.latency = latency
  }

  public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Carries HTTP requests. The production one is ``CurlTransport``; tests inject fakes.
public protocol HTTPTransport: Sendable {
  /// Performs `request`. Throws ``TransportFailure`` for anything that is not an HTTP response.
  func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
