import Foundation

/// A scripted JSON-RPC 2.0 node: answers single calls and batches from a method table,
/// the way go-ethereum and Bitcoin Core shape their envelopes.
public struct JSONRPCNode: Sendable {
  /// What one method answers: a raw JSON `result`, or a JSON-RPC error.
  public enum Answer: Sendable {
    case result(String)
    case error(code: Int, message: String)
  }

  /// How the node treats a batch (a JSON array) request.
  public enum BatchSupport: Sendable {
    case supported
    /// Answers a batch with HTTP 400, as some gateways do.
    case httpError
    /// Answers a batch with one JSON-RPC error object instead of an array.
    case singleErrorObject
  }

  public var answers: @Sendable (_ method: String, _ params: [Any]) -> Answer?
  public var batchSupport: BatchSupport
  public var delayMilliseconds: Int

  public init(
    batchSupport: BatchSupport = .supported, delayMilliseconds: Int = 0,
    answers: @escaping @Sendable (_ method: String, _ params: [Any]) -> Answer?
  ) {
    self.answers = answers
    self.batchSupport = batchSupport
    self.delayMilliseconds = delayMilliseconds
  }

  /// A node answering from a fixed table (method → raw JSON result); unknown methods get -32601.
  public init(
    results: [String: String], batchSupport: BatchSupport = .supported, delayMilliseconds: Int = 0
  ) {
    self.init(batchSupport: batchSupport, delayMilliseconds: delayMilliseconds) { method, _ in
      results[method].map { .result($0) }
    }
  }

  public func reply(to request: TestHTTPServer.Request) -> TestHTTPServer.Reply {
    guard let json = request.json else {
      return .json(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}"#)
    }
    if let batch = json as? [[String: Any]] {
      switch batchSupport {
      case .httpError:
        return .text("batch requests are not supported", status: 400)
      case .singleErrorObject:
        return .json(
          #"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"batch requests are not supported"}}"#)
      case .supported:
        let items = batch.map(answer).joined(separator: ",")
        return .json("[\(items)]", delayMilliseconds: delayMilliseconds)
      }
    }
    if let call = json as? [String: Any] {
      return .json(answer(call), delayMilliseconds: delayMilliseconds)
    }
    return .json(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Invalid Request"}}"#)
  }

  /// The methods named in a request body, in order (for asserting what was asked).
  public static func methods(in request: TestHTTPServer.Request) -> [String] {
    if let batch = request.json as? [[String: Any]] { return batch.compactMap { $0["method"] as? String } }
    if let call = request.json as? [String: Any], let method = call["method"] as? String { return [method] }
    return []
  }

  private func answer(_ call: [String: Any]) -> String {
    let id = Self.encodeID(call["id"])
    let method = call["method"] as? String ?? ""
    let params = call["params"] as? [Any] ?? []
    switch answers(method, params) {
    case .result(let raw):
      return #"{"jsonrpc":"2.0","id":\#(id),"result":\#(raw)}"#
    case .error(let code, let message):
      return #"{"jsonrpc":"2.0","id":\#(id),"error":{"code":\#(code),"message":"\#(message)"}}"#
    case nil:
      return #"{"jsonrpc":"2.0","id":\#(id),"error":{"code":-32601,"message":"the method \#(method) does not exist/is not available"}}"#
    }
  }

  private static func encodeID(_ id: Any?) -> String {
    switch id {
    case let number as NSNumber: return number.stringValue
    case let text as String: return "\"\(text)\""
    default: return "null"
    }
  }
}
