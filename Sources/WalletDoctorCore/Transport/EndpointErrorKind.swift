/// Why an endpoint's answer could not be used. The raw values are part of the JSON contract
/// (`sources[].error_kind`).
public enum EndpointErrorKind: String, Sendable, Codable, CaseIterable {
  /// The host name did not resolve.
  case dns
  /// Refused or reset before any answer.
  case connect
  /// The connection closed in the middle of the body.
  case interrupted
  /// The TLS handshake or certificate check failed.
  case tls
  /// No complete answer within the time allowed.
  case timeout
  /// An HTTP status that is not success, redirects included.
  case httpStatus = "http_status"
  /// HTTP 429 (or a `Retry-After` beyond the deadline).
  case rateLimited = "rate_limited"
  /// The body is not JSON (often an HTML block or captive-portal page).
  case notJSON = "not_json"
  /// JSON of the wrong shape: truncated, duplicate ids, a result of the wrong type.
  case malformed
  /// The body exceeded the size cap.
  case tooLarge = "too_large"
  /// The endpoint answered with a JSON-RPC error.
  case rpcError = "rpc_error"
  /// The endpoint serves another chain than the one it was given for.
  case wrongChain = "wrong_chain"
  /// The endpoint's head is too far behind the others.
  case lagging
  /// A hedged request that was no longer needed.
  case abandoned
}

/// A classified failure of one endpoint, worded for a person.
public struct TransportFailure: Error, Sendable, Hashable {
  public var kind: EndpointErrorKind
  public var message: LocalizedText

  public init(_ kind: EndpointErrorKind, _ message: LocalizedText) {
    self.kind = kind
    self.message = message
  }
}
