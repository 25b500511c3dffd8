import Foundation

/// One JSON-RPC method call.
public struct JSONRPCCall: Sendable, Hashable {
  public var method: String
  public var params: [JSONValue]

  public init(_ method: String, _ params: [JSONValue] = []) {
    self.method = method
    self.params = params
  }
}

/// The answer to one call: a result (possibly `null`), or the node's JSON-RPC error.
public enum JSONRPCOutcome: Sendable, Hashable {
  case result(JSONValue)
  case error(code: Int64, message: String)

  public var result: JSONValue? {
    if case .result(let value) = self { return value }
    return nil
  }

  /// The result, or the node's error as an `rpc_error` failure that names the method.
  public func value(of method: String) throws(TransportFailure) -> JSONValue {
    switch self {
    case .result(let value): return value
    case .error(let code, let message): throw TransportFailure.rpcError(method, code: code, message: message)
    }
  }
}

extension TransportFailure {
  /// A JSON-RPC error answer, worded with the method (the node's message shortened).
  public static func rpcError(_ method: String, code: Int64, message: String) -> TransportFailure {
    let shown = String(message.prefix(200))
    return TransportFailure(
      .rpcError,
      LocalizedText(en: "\(method) returned JSON-RPC error \(code): \(shown)", zh: "\(method) 返回 JSON-RPC 错误 \(code)：\(shown)"))
  }

  /// A result that is JSON but not of the shape the method promises.
  public static func wrongShape(_ method: String) -> TransportFailure {
    TransportFailure(
      .malformed, LocalizedText(en: "\(method) returned a result of the wrong shape", zh: "\(method) 返回的结果格式不正确"))
  }
}

/// Sends JSON-RPC calls to one endpoint, as one batch when the endpoint allows it.
///
/// Answers are matched by `id`, never by position. When the endpoint refuses batches (an HTTP 4xx
/// other than 429, or one error object instead of an array), the calls are sent again as
/// concurrent single requests.
public struct JSONRPCClient: Sendable {
  public let url: URL
  public let headers: [String: String]
  public let transport: any HTTPTransport

  public init(url: URL, headers: [String: String] = [:], transport: any HTTPTransport) {
    self.url = url
    self.headers = headers
    self.transport = transport
  }

  /// The outcome of each call, in the order of `calls`, and the time it took.
  public func send(_ calls: [JSONRPCCall], deadline: Deadline) async throws(TransportFailure) -> (
    outcomes: [JSONRPCOutcome], latency: Duration
  ) {
    let started = ContinuousClock.now
    let body = Self.encodeBatch(calls)
    let response = try await post(body, deadline: deadline)
    if let failure = Self.statusFailure(response), !Self.refusesBatch(response) {
      throw failure
    }
    if Self.refusesBatch(response) {
      let outcomes = try await sendSingly(calls, deadline: deadline)
      return (outcomes, ContinuousClock.now - started)
    }
    guard let json = JSONValue.parse(response.body) else { throw Self.notJSON(response) }
    switch json {
    case .array(let items):
      var outcomes = try Self.matchByID(items, count: calls.count)
      // An id the node left out is asked once more on its own.
      let missing = outcomes.indices.filter { outcomes[$0] == nil }
      if !missing.isEmpty {
        let retried = try await sendSingly(missing.map { calls[$0] }, deadline: deadline)
        for (index, outcome) in zip(missing, retried) { outcomes[index] = outcome }
      }
      return (outcomes.map { $0! }, ContinuousClock.now - started)
    case .object(let object) where object["error"] != nil && object["id"].map(\.isNull) ?? true:
      // One error object for the whole batch: this endpoint does not take batches.
      let outcomes = try await sendSingly(calls, deadline: deadline)
      return (outcomes, ContinuousClock.now - started)
    default:
      throw TransportFailure(
        .malformed,
        LocalizedText(en: "answered a batch request with something that is not a batch", zh: "对批量请求的应答不是批量格式"))
    }
  }

  /// Sends each call as its own request, concurrently.
  private func sendSingly(_ calls: [JSONRPCCall], deadline: Deadline) async throws(TransportFailure) -> [JSONRPCOutcome] {
    let results = await withTaskGroup(of: (Int, Result<JSONRPCOutcome, TransportFailure>).self) { group in
      for (index, call) in calls.enumerated() {
        group.addTask {
          do {
            return (index, .success(try await sendSingle(call, deadline: deadline)))
          } catch let failure as TransportFailure {
            return (index, .failure(failure))
          } catch {
            return (index, .failure(TransportFailure(.connect, LocalizedText(en: "\(error)", zh: "\(error)"))))
          }
        }
      }
      var collected = [Result<JSONRPCOutcome, TransportFailure>?](repeating: nil, count: calls.count)
      for await (index, result) in group { collected[index] = result }
      return collected.map { $0! }
    }
    var outcomes: [JSONRPCOutcome] = []
    for result in results {
      switch result {
      case .success(let outcome): outcomes.append(outcome)
      case .failure(let failure): throw failure
      }
    }
    return outcomes
  }

  private func sendSingle(_ call: JSONRPCCall, deadline: Deadline) async throws(TransportFailure) -> JSONRPCOutcome {
    let response = try await post(Self.encodeSingle(call, id: 1), deadline: deadline)
    if let failure = Self.statusFailure(response) { throw failure }
    guard let json = JSONValue.parse(response.body) else { throw Self.notJSON(response) }
    guard case .object = json, let outcome = Self.outcome(of: json) else {
      throw TransportFailure(
        .malformed, LocalizedText(en: "answered with JSON that is not a JSON-RPC response", zh: "应答不是 JSON-RPC 格式"))
    }
    return outcome
  }

  private func post(_ body: Data, deadline: Deadline) async throws(TransportFailure) -> HTTPResponse {
    guard !deadline.hasPassed else {
      throw TransportFailure(.timeout, LocalizedText(en: "the time limit ran out before asking", zh: "尚未发出请求就已超时"))
    }
    do {
      return try await transport.send(.jsonPost(url, body: body, headers: headers, timeout: deadline.requestTimeout))
    } catch let failure as TransportFailure {
      throw failure
    } catch is CancellationError {
      throw TransportFailure(.abandoned, LocalizedText(en: "the request was no longer needed", zh: "该请求已不再需要"))
    } catch {
      throw TransportFailure(.connect, LocalizedText(en: "the request failed: \(error)", zh: "请求失败：\(error)"))
    }
  }

  // MARK: - Encoding and decoding

  static func encodeSingle(_ call: JSONRPCCall, id: Int) -> Data {
    let object: JSONValue = [
      "jsonrpc": "2.0", "id": .integer(Int64(id)), "method": .string(call.method), "params": .array(call.params),
    ]
    return (try? JSONOutput.encoder(pretty: false).encode(object)) ?? Data()
  }

  static func encodeBatch(_ calls: [JSONRPCCall]) -> Data {
    let items: [JSONValue] = calls.enumerated().map { index, call in
      ["jsonrpc": "2.0", "id": .integer(Int64(index + 1)), "method": .string(call.method), "params": .array(call.params)]
    }
    return (try? JSONOutput.encoder(pretty: false).encode(JSONValue.array(items))) ?? Data()
  }

  /// Places each answer by its id (1-based index of the call). Duplicate ids make the answer malformed.
  static func matchByID(_ items: [JSONValue], count: Int) throws(TransportFailure) -> [JSONRPCOutcome?] {
    var outcomes = [JSONRPCOutcome?](repeating: nil, count: count)
    for item in items {
      guard let id = item["id"]?.int64Value ?? item["id"]?.stringValue.flatMap({ Int64($0) }),
        id >= 1, id <= count, let outcome = outcome(of: item)
      else {
        throw TransportFailure(
          .malformed, LocalizedText(en: "the batch answer has an entry with an unknown id", zh: "批量应答中有未知 id 的条目"))
      }
      guard outcomes[Int(id) - 1] == nil else {
        throw TransportFailure(
          .malformed, LocalizedText(en: "the batch answer repeats id \(id)", zh: "批量应答中 id \(id) 重复出现"))
      }
      outcomes[Int(id) - 1] = outcome
    }
    return outcomes
  }

  static func outcome(of item: JSONValue) -> JSONRPCOutcome? {
    if let error = item["error"], !error.isNull {
      return .error(code: error["code"]?.int64Value ?? 0, message: error["message"]?.stringValue ?? "")
    }
    guard let object = item.objectValue, object.keys.contains("result") else { return nil }
    return .result(object["result"] ?? .null)
  }

  /// Whether the endpoint refused the batch form itself (and single calls may work).
  static func refusesBatch(_ response: HTTPResponse) -> Bool {
    (400..<500).contains(response.status) && response.status != 429 && response.status != 408
  }

  static func statusFailure(_ response: HTTPResponse) -> TransportFailure? {
    switch response.status {
    case 200..<300:
      return nil
    case 429:
      let wait = response.header("retry-after").map { " (Retry-After: \($0))" } ?? ""
      return TransportFailure(
        .rateLimited, LocalizedText(en: "rate limited: HTTP 429\(wait)", zh: "请求过于频繁被限流：HTTP 429\(wait)"))
    case 300..<400:
      return TransportFailure(
        .httpStatus,
        LocalizedText(
          en: "redirected (HTTP \(response.status)); JSON-RPC requests are not re-sent elsewhere",
          zh: "被重定向（HTTP \(response.status)）；JSON-RPC 请求不会跟随重定向"))
    default:
      return TransportFailure(
        .httpStatus, LocalizedText(en: "answered HTTP \(response.status)", zh: "返回 HTTP \(response.status)"))
    }
  }

  static func notJSON(_ response: HTTPResponse) -> TransportFailure {
    let start = String(decoding: response.body.prefix(512), as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    if start.hasPrefix("<") {
      return TransportFailure(
        .notJSON,
        LocalizedText(
          en: "returned an HTML page instead of JSON — a captive portal or block page?",
          zh: "返回了 HTML 网页而不是 JSON——可能是网络登录页或拦截页？"))
    }
    if start.hasPrefix("{") || start.hasPrefix("[") {
      return TransportFailure(
        .malformed, LocalizedText(en: "returned truncated or invalid JSON", zh: "返回的 JSON 不完整或无效"))
    }
    if response.body.isEmpty {
      return TransportFailure(.notJSON, LocalizedText(en: "returned an empty answer", zh: "返回了空应答"))
    }
    return TransportFailure(
      .notJSON, LocalizedText(en: "returned something that is not JSON", zh: "返回的内容不是 JSON"))
  }
}
