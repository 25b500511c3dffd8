import Foundation

/// What one endpoint answered to the health probe, before it is compared with its chain's others.
struct EndpointObservation: Sendable {
  /// Whether the endpoint serves the chain it was given for; nil when that could not be told.
  var servesChain: Bool?
  var reportedNetwork: String?
  var head: UInt64
  var latency: Duration
  var batchSupported: Bool?
  /// Why the network could not be confirmed, when `servesChain` is nil.
  var unconfirmedNetwork: LocalizedText?
}

/// The probes of `walletdoctor endpoints --check`, one per API, all through ``HTTPTransport``:
/// the same transport, size cap, error classification and deadline as a diagnosis.
struct EndpointHealthProbes: Sendable {
  let transport: any HTTPTransport

  /// Probes `spec`; the recorder sees every HTTP response, for rate-limit headers and batch support.
  func observe(_ spec: EndpointSpec, recorder: ResponseRecorder, deadline: Deadline) async throws(TransportFailure)
    -> EndpointObservation
  {
    switch spec.api {
    case .evmJSONRPC: return try await evm(spec, recorder: recorder, deadline: deadline)
    case .bitcoinCore: return try await bitcoinCore(spec, recorder: recorder, deadline: deadline)
    case .esplora: return try await esplora(spec, recorder: recorder, deadline: deadline)
    case .tronHTTP: return try await tron(spec, recorder: recorder, deadline: deadline)
    }
  }

  // MARK: - EVM JSON-RPC

  /// One batch of two calls: `eth_chainId` and `eth_blockNumber`. The client falls back to
  /// single calls when the batch is refused, which is what tells batch support.
  func evm(_ spec: EndpointSpec, recorder: ResponseRecorder, deadline: Deadline) async throws(TransportFailure)
    -> EndpointObservation
  {
    let client = JSONRPCClient(url: spec.url, headers: spec.headers, transport: recorder)
    let (outcomes, latency) = try await client.send(
      [JSONRPCCall("eth_chainId"), JSONRPCCall("eth_blockNumber")], deadline: deadline)
    guard let chainId = try outcomes[0].value(of: "eth_chainId").hexUInt64 else {
      throw TransportFailure.wrongShape("eth_chainId")
    }
    guard let head = try outcomes[1].value(of: "eth_blockNumber").hexUInt64 else {
      throw TransportFailure.wrongShape("eth_blockNumber")
    }
    return EndpointObservation(
      servesChain: spec.chain.evmChainId.map { $0 == chainId }, reportedNetwork: String(chainId), head: head,
      latency: latency, batchSupported: recorder.answeredWithArray)
  }

  // MARK: - Bitcoin

  /// Bitcoin Core: `getblockchaininfo` names the network (`main`, `test`, `signet`, `regtest`)
  /// and the height; `getblockcount` makes it a batch.
  func bitcoinCore(_ spec: EndpointSpec, recorder: ResponseRecorder, deadline: Deadline) async throws(TransportFailure)
    -> EndpointObservation
  {
    let client = JSONRPCClient(url: spec.url, headers: spec.headers, transport: recorder)
    let (outcomes, latency) = try await client.send(
      [JSONRPCCall("getblockchaininfo"), JSONRPCCall("getblockcount")], deadline: deadline)
    let info = try outcomes[0].value(of: "getblockchaininfo")
    guard let network = info["chain"]?.stringValue else { throw TransportFailure.wrongShape("getblockchaininfo") }
    let count = try outcomes[1].value(of: "getblockcount").int64Value ?? info["blocks"]?.int64Value
    guard let count, count >= 0 else { throw TransportFailure.wrongShape("getblockcount") }
    return EndpointObservation(
      servesChain: network == "main", reportedNetwork: network, head: UInt64(count), latency: latency,
      batchSupported: recorder.answeredWithArray)
  }

  /// Esplora: `GET /blocks/tip/height` for the head, `GET /block-height/0` for the genesis hash.
  func esplora(_ spec: EndpointSpec, recorder: ResponseRecorder, deadline: Deadline) async throws(TransportFailure)
    -> EndpointObservation
  {
    let started = ContinuousClock.now
    async let genesis = text(await get(spec, "block-height/0", recorder: recorder, deadline: deadline))
    let tipText = try text(await get(spec, "blocks/tip/height", recorder: recorder, deadline: deadline)).get()
    let latency = ContinuousClock.now - started
    guard let tip = UInt64(tipText) else {
      throw TransportFailure(
        .malformed, LocalizedText(en: "/blocks/tip/height did not return a block height", zh: "/blocks/tip/height 未返回区块高度"))
    }
    var observation = EndpointObservation(head: tip, latency: latency)
    switch await genesis {
    case .success(let hash):
      if let network = GenesisNetwork.bitcoin(genesis: hash) {
        observation.servesChain = network == GenesisNetwork.main
        observation.reportedNetwork = network == GenesisNetwork.main ? "mainnet" : network
      } else {
        observation.unconfirmedNetwork = LocalizedText(
          en: "the network could not be confirmed: /block-height/0 did not return a block hash",
          zh: "无法确认网络：/block-height/0 未返回区块哈希")
      }
    case .failure(let failure):
      observation.unconfirmedNetwork = LocalizedText(
        en: "the network could not be confirmed (/block-height/0: \(failure.message.english))",
        zh: "无法确认网络（/block-height/0：\(failure.message.simplifiedChinese)）")
    }
    return observation
  }

  // MARK: - TRON

  /// TRON's HTTP API: `/wallet/getnowblock` for the head, block 0 for the network.
  func tron(_ spec: EndpointSpec, recorder: ResponseRecorder, deadline: Deadline) async throws(TransportFailure)
    -> EndpointObservation
  {
    let started = ContinuousClock.now
    async let genesis = json(await post(spec, "wallet/getblockbynum", body: #"{"num":0}"#, recorder: recorder, deadline: deadline))
    let now = try json(await post(spec, "wallet/getnowblock", body: "{}", recorder: recorder, deadline: deadline)).get()
    let latency = ContinuousClock.now - started
    guard let number = now["block_header"]?["raw_data"]?["number"]?.int64Value, number >= 0 else {
      throw TransportFailure.wrongShape("/wallet/getnowblock")
    }
    var observation = EndpointObservation(head: UInt64(number), latency: latency)
    switch await genesis {
    case .success(let block):
      if let network = block["blockID"]?.stringValue.flatMap(GenesisNetwork.tron(genesis:)) {
        observation.servesChain = network == GenesisNetwork.main
        observation.reportedNetwork = network == GenesisNetwork.main ? "mainnet" : network
      } else {
        observation.unconfirmedNetwork = LocalizedText(
          en: "the network could not be confirmed: block 0 has no blockID", zh: "无法确认网络：0 号区块没有 blockID")
      }
    case .failure(let failure):
      observation.unconfirmedNetwork = LocalizedText(
        en: "the network could not be confirmed (/wallet/getblockbynum: \(failure.message.english))",
        zh: "无法确认网络（/wallet/getblockbynum：\(failure.message.simplifiedChinese)）")
    }
    return observation
  }

  // MARK: - Requests

  func get(_ spec: EndpointSpec, _ path: String, recorder: ResponseRecorder, deadline: Deadline) async -> Result<
    HTTPResponse, TransportFailure
  > {
    await send(.get(spec.url.appendingPathComponent(path), headers: spec.headers, timeout: deadline.requestTimeout), recorder, deadline)
  }

  func post(_ spec: EndpointSpec, _ path: String, body: String, recorder: ResponseRecorder, deadline: Deadline) async
    -> Result<HTTPResponse, TransportFailure>
  {
    await send(
      .jsonPost(spec.url.appendingPathComponent(path), body: Data(body.utf8), headers: spec.headers, timeout: deadline.requestTimeout),
      recorder, deadline)
  }

  private func send(_ request: HTTPRequest, _ recorder: ResponseRecorder, _ deadline: Deadline) async -> Result<
    HTTPResponse, TransportFailure
  > {
    guard !deadline.hasPassed else {
      return .failure(TransportFailure(.timeout, LocalizedText(en: "the time limit ran out before asking", zh: "尚未发出请求就已超时")))
    }
    do {
      let response = try await recorder.send(request)
      if let failure = JSONRPCClient.statusFailure(response) { return .failure(failure) }
      return .success(response)
    } catch let failure as TransportFailure {
      return .failure(failure)
    } catch is CancellationError {
      return .failure(TransportFailure(.abandoned, LocalizedText(en: "the request was no longer needed", zh: "该请求已不再需要")))
    } catch {
      return .failure(TransportFailure(.connect, LocalizedText(en: "the request failed: \(error)", zh: "请求失败：\(error)")))
    }
  }

  /// A plain-text answer (Esplora), trimmed; HTML and empty bodies are classified as not JSON would be.
  func text(_ result: Result<HTTPResponse, TransportFailure>) -> Result<String, TransportFailure> {
    result.flatMap { response in
      let text = String(decoding: response.body.prefix(4096), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      if text.isEmpty || text.hasPrefix("<") { return .failure(JSONRPCClient.notJSON(response)) }
      return .success(text)
    }
  }

  func json(_ result: Result<HTTPResponse, TransportFailure>) -> Result<JSONValue, TransportFailure> {
    result.flatMap { response in
      guard let value = JSONValue.parse(response.body) else { return .failure(JSONRPCClient.notJSON(response)) }
      return .success(value)
    }
  }

  // MARK: - Results

}

/// Passes requests to the real transport and keeps every response, so the health check can read
/// headers and tell whether a batch was answered as one, without changing the JSON-RPC client.
final class ResponseRecorder: HTTPTransport, @unchecked Sendable {
  private let transport: any HTTPTransport
  private let lock = NSLock()
  private var recorded: [HTTPResponse] = []

  init(_ transport: any HTTPTransport) {
    self.transport = transport
  }

  func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    let response = try await transport.send(request)
    lock.withLock { recorded.append(response) }
    return response
  }

  var responses: [HTTPResponse] { lock.withLock { recorded } }

  /// Whether any answer was a JSON array, i.e. a batch answered as a batch.
  var answeredWithArray: Bool {
    responses.contains { JSONValue.parse($0.body)?.arrayValue != nil }
  }

  /// Rate-limit headers of every response; a later response's value wins.
  var rateLimitHeaders: [String: String] {
    var headers: [String: String] = [:]
    for response in responses {
      for (name, value) in response.headers
      where name.hasPrefix("x-ratelimit-") || name.hasPrefix("ratelimit") || name == "retry-after"
        || name.hasPrefix("x-rate-limit-")
      {
        headers[name] = value
      }
    }
    return headers
  }
}
