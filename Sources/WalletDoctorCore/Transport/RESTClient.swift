import Foundation

/// Sends REST requests to one endpoint: Esplora's GETs and TRON's JSON POSTs.
///
/// Transport failures are classified the way ``JSONRPCClient`` classifies them; what an HTTP
/// status means (a 404 is an answer on Esplora) is left to the caller.
struct RESTClient: Sendable {
  let base: URL
  let headers: [String: String]
  let transport: any HTTPTransport

  /// What came back, with the time it took.
  struct Reply: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data
    var latency: Duration

    var isSuccess: Bool { (200..<300).contains(status) }

    /// The body as UTF-8 text, trimmed.
    var text: String { String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The body as JSON; throws a classified failure when it is not JSON.
    func json() throws(TransportFailure) -> JSONValue {
      guard let value = JSONValue.parse(body) else {
        throw JSONRPCClient.notJSON(HTTPResponse(status: status, body: body))
      }
      return value
    }

    /// A failure describing a status the caller did not expect.
    var statusFailure: TransportFailure {
      if (300..<400).contains(status) {
        // The transport follows up to 3 same-scheme redirects; a 3xx here means more, or a scheme change.
        return TransportFailure(
          .httpStatus,
          LocalizedText(
            en: "redirected (HTTP \(status)) too often or to another scheme",
            zh: "重定向（HTTP \(status)）次数过多或跳转到了其他协议"))
      }
      return JSONRPCClient.statusFailure(HTTPResponse(status: status, headers: headers, body: body))
        ?? TransportFailure(.httpStatus, LocalizedText(en: "answered HTTP \(status)", zh: "返回 HTTP \(status)"))
    }
  }

  /// `base` with `path` appended to its path; the base's query (an API key) is kept.
  func url(_ path: String) -> URL {
    guard var components = URLComponents(url: base, resolvingAgainstBaseURL: false) else { return base }
    var basePath = components.percentEncodedPath
    while basePath.hasSuffix("/") { basePath.removeLast() }
    // Paths carry values from endpoint answers (a parent txid): encode them, because setting
    // `percentEncodedPath` with characters it does not allow is a fatal error, not a thrown one.
    components.percentEncodedPath = basePath + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "")
    return components.url ?? base
  }

  func get(_ path: String, deadline: Deadline) async throws(TransportFailure) -> Reply {
    try await send(.get(url(path), headers: headers, timeout: deadline.requestTimeout), deadline: deadline)
  }

  func post(_ path: String, json: JSONValue, deadline: Deadline) async throws(TransportFailure) -> Reply {
    let body = (try? JSONOutput.encoder(pretty: false).encode(json)) ?? Data()
    return try await send(
      .jsonPost(url(path), body: body, headers: headers, timeout: deadline.requestTimeout), deadline: deadline)
  }

  private func send(_ request: HTTPRequest, deadline: Deadline) async throws(TransportFailure) -> Reply {
    guard !deadline.hasPassed else {
      throw TransportFailure(.timeout, LocalizedText(en: "the time limit ran out before asking", zh: "尚未发出请求就已超时"))
    }
    let started = ContinuousClock.now
    do {
      let response = try await transport.send(request)
      return Reply(
        status: response.status, headers: response.headers, body: response.body,
        latency: ContinuousClock.now - started)
    } catch let failure as TransportFailure {
      throw failure
    } catch is CancellationError {
      throw TransportFailure(.abandoned, LocalizedText(en: "the request was no longer needed", zh: "该请求已不再需要"))
    } catch {
      throw TransportFailure(.connect, LocalizedText(en: "the request failed: \(error)", zh: "请求失败：\(error)"))
    }
  }
}
