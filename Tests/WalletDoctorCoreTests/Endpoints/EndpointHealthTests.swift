import Foundation
import TestSupport
import Testing

@testable import WalletDoctorCore

/// `endpoints --check` against local servers through libcurl: each kind of endpoint trouble is
/// named, and a chain is healthy only with an endpoint whose answers a diagnosis would use.
@Suite("Endpoint health check")
struct EndpointHealthTests {
  static let bitcoinGenesis = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f"
  static let testnetGenesis = "000000000933ea01ad0ee984209779baaec3ced90fa3f408719526f8d77f4943"
  static let tronGenesis = "00000000000000001ebf88508a03865c71d452e25f4d51194196a1d22b6653dc"

  /// An EVM node at `head` serving `chainId`, optionally refusing batches or adding headers.
  static func evmNode(
    chainId: UInt64 = 1, head: UInt64 = 1_000, batch: JSONRPCNode.BatchSupport = .supported,
    headers: [String: String] = [:], delayMilliseconds: Int = 0
  ) throws -> TestHTTPServer {
    let node = JSONRPCNode(
      results: ["eth_chainId": "\"0x\(String(chainId, radix: 16))\"", "eth_blockNumber": "\"0x\(String(head, radix: 16))\""],
      batchSupport: batch, delayMilliseconds: delayMilliseconds)
    return try TestHTTPServer { request in
      guard case .response(let status, var all, let body, let delay) = node.reply(to: request) else { return node.reply(to: request) }
      all.merge(headers) { _, given in given }
      return .response(status: status, headers: all, body: body, delayMilliseconds: delay)
    }
  }

  func chain(_ name: String, _ servers: [any HasBaseURL], prefix: String = "") throws -> ChainEndpoints {
    let registry = ChainRegistry.builtIn
    let specs = try servers.map { try EndpointSpec.parse("\(name)=\(prefix)\($0.baseURL.absoluteString)", registry: registry) }
    return ChainEndpoints(chain: specs[0].chain, endpoints: specs.map { SelectedEndpoint($0, origin: .commandLine) })
  }

  /// Generous by default: under a full parallel test run on 2 cores, tasks can wait seconds for a
  /// thread, and a tight deadline would turn healthy endpoints into timeouts. Time bounds are
  /// tested on the binary instead (`DeadlineAndMemoryTests`).
  func check(_ chains: [ChainEndpoints], minimumSources: Int? = nil, timeout: Duration = .seconds(60)) async -> [ChainHealth] {
    await EndpointHealthChecker(transport: CurlTransport.shared).check(
      chains, deadline: Deadline(after: timeout), minimumSources: minimumSources)
  }

  @Test func evmEndpointsAreJudgedAgainstEachOther() async throws {
    let good = try Self.evmNode(head: 1_000, headers: ["X-RateLimit-Remaining": "99", "X-RateLimit-Limit": "100"])
    let slightlyBehind = try Self.evmNode(head: 990)
    let lagging = try Self.evmNode(head: 900)
    let wrongChain = try Self.evmNode(chainId: 56, head: 5_000)
    let noBatch = try Self.evmNode(head: 1_000, batch: .httpError)
    let down = try ClosedPort()

    let health = await check([try chain("ethereum", [good, slightlyBehind, lagging, wrongChain, noBatch, down])])
    let ethereum = try #require(health.first)
    let byPosition = ethereum.endpoints

    #expect(ethereum.bestHead == 1_000, "a wrong-chain head must not count as the best")
    #expect(ethereum.healthyCount == 3)
    #expect(ethereum.status == .warning)

    #expect(byPosition[0].status == .ok)
    #expect(byPosition[0].head == 1_000 && byPosition[0].lagBlocks == 0)
    #expect(byPosition[0].batchSupported == true)
    #expect(byPosition[0].reportedNetwork == "1")
    #expect(byPosition[0].rateLimit == ["x-ratelimit-remaining": "99", "x-ratelimit-limit": "100"])
    #expect(byPosition[0].latency != nil)

    #expect(byPosition[1].status == .ok)
    #expect(byPosition[1].lagBlocks == 10)

    #expect(byPosition[2].failure?.kind == .lagging)
    #expect(byPosition[2].lagBlocks == 100)

    #expect(byPosition[3].failure?.kind == .wrongChain)
    #expect(byPosition[3].reportedNetwork == "56")
    #expect(byPosition[3].failure?.message.english.contains("not ethereum (chain id 1)") == true)

    #expect(byPosition[4].isHealthy)
    #expect(byPosition[4].batchSupported == false)
    #expect(byPosition[4].status == .warning)
    #expect(byPosition[4].notes.first?.english.contains("batch") == true)

    #expect(byPosition[5].failure?.kind == .connect)
    #expect(byPosition[5].head == nil)
  }

  @Test func aChainWithoutAHealthyEndpointIsAProblem() async throws {
    let wrongChain = try Self.evmNode(chainId: 137)
    let down = try ClosedPort()
    let health = await check([try chain("bsc", [wrongChain, down]), try chain("ethereum", [try Self.evmNode()])])
    #expect(health.map(\.status) == [.problem, .ok])
    #expect(health[0].healthyCount == 0)
    #expect(health[0].notes.first?.english.contains("cannot check transactions") == true)
  }

  @Test func tooFewHealthyEndpointsToAgreeIsAWarning() async throws {
    let down = try ClosedPort()
    let health = await check([try chain("ethereum", [try Self.evmNode(), down])])
    #expect(health[0].requiredSources == 2)
    #expect(health[0].status == .warning)
    #expect(health[0].notes.first?.english.contains("single_source") == true)

    let single = await check([try chain("ethereum", [try Self.evmNode()])])
    #expect(single[0].requiredSources == 1 && single[0].status == .ok)
    let demanding = await check([try chain("ethereum", [try Self.evmNode()])], minimumSources: 2)
    #expect(demanding[0].status == .warning)
  }

  @Test func anEmptyChainIsAProblem() async {
    let chain = ChainRegistry.builtIn.chain(named: "eip155:43114")!
    let health = await check([ChainEndpoints(chain: chain, endpoints: [])])
    #expect(health[0].status == .problem)
    #expect(health[0].notes.first?.english.contains("--rpc eip155:43114=URL") == true)
  }

  @Test(arguments: [
    (TestHTTPServer.Reply.text("<html><body>Sign in to the Wi-Fi</body></html>", contentType: "text/html"), EndpointErrorKind.notJSON),
    (.text("slow down", status: 429, headers: ["Retry-After": "30"]), .rateLimited),
    (.text("oops", status: 503), .httpStatus),
    (.json(#"{"jsonrpc":"2.0","id":1,"result":"0x1"}"#), .malformed),
    (.json(#"[{"jsonrpc":"2.0","id":1,"result":"0x1"},{"jsonrpc":"2.0","id":2,"error":{"code":-32000,"message":"header not found"}}]"#), .rpcError),
    (.script([.send(Data("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n[{\"id\":1".utf8)), .close]), .interrupted),
  ])
  func brokenAnswersAreClassified(reply: TestHTTPServer.Reply, kind: EndpointErrorKind) async throws {
    let server = try TestHTTPServer { _ in reply }
    let health = await check([try chain("ethereum", [server])])
    #expect(health[0].endpoints[0].failure?.kind == kind, "\(String(describing: health[0].endpoints[0].failure))")
    if kind == .rateLimited {
      #expect(health[0].endpoints[0].rateLimit["retry-after"] == "30")
    }
  }

  @Test func anExhaustedRateLimitIsACaveat() async throws {
    let server = try Self.evmNode(headers: ["RateLimit-Remaining": "0", "RateLimit-Reset": "12"])
    let health = await check([try chain("ethereum", [server])])
    #expect(health[0].endpoints[0].isHealthy)
    #expect(health[0].endpoints[0].notes.contains { $0.english.contains("rate limit reached (ratelimit-remaining: 0) (ratelimit-reset: 12)") })
  }

  @Test func aHangingEndpointIsATimeoutWhileTheOtherIsHealthy() async throws {
    let hanging = try TestHTTPServer { _ in .script([.hang]) }
    defer { hanging.stop() }
    let health = await check([try chain("ethereum", [hanging, try Self.evmNode()])], timeout: .seconds(15))
    #expect(health[0].endpoints[0].failure?.kind == .timeout)
    #expect(health[0].endpoints[1].isHealthy)
  }

  @Test func secretsInTheURLNeverReachTheReport() async throws {
    let key = "0123456789abcdef0123456789abcdef"
    let server = try TestHTTPServer { request in
      .text("invalid key \(request.path) for \(request.header("x-api-key") ?? "")", status: 401)
    }
    let spec = EndpointSpec(
      chain: ChainRegistry.builtIn.chain(named: "ethereum")!, api: .evmJSONRPC,
      url: URL(string: "\(server.baseURL.absoluteString)/v3/\(key)")!, headers: ["x-api-key": "header-secret-value"])
    let health = await check([ChainEndpoints(chain: spec.chain, endpoints: [SelectedEndpoint(spec, origin: .config)])])
    let document = try JSONOutput.string(EndpointsDocument(checked: health, configPath: nil, language: .english))
    #expect(health[0].endpoints[0].failure?.kind == .httpStatus)
    #expect(!document.contains(key))
    #expect(!document.contains("header-secret-value"))
    #expect(document.contains("/v3/***"))
  }

  // MARK: - Bitcoin and TRON

  static func esplora(tip: String = "840000", genesis: String = bitcoinGenesis) throws -> TestHTTPServer {
    try TestHTTPServer { request in
      switch request.path {
      case "/api/blocks/tip/height": return .text(tip)
      case "/api/block-height/0": return .text(genesis)
      default: return .text("Not found", status: 404)
      }
    }
  }

  @Test func esploraEndpointsAreCheckedByTipAndGenesis() async throws {
    let main = try Self.esplora(tip: "840000")
    let behind = try Self.esplora(tip: "839990")
    let testnet = try Self.esplora(tip: "2500000", genesis: Self.testnetGenesis)
    let noGenesis = try Self.esplora(tip: "840000", genesis: "<html>blocked</html>")
    let health = await check([try chain("bitcoin", [main, behind, testnet, noGenesis], prefix: "")].map { item in
      var adjusted = item
      adjusted.endpoints = item.endpoints.map { endpoint in
        var spec = endpoint.spec
        spec.url = spec.url.appendingPathComponent("api")
        return SelectedEndpoint(spec, origin: endpoint.origin)
      }
      return adjusted
    })
    let endpoints = health[0].endpoints
    #expect(health[0].bestHead == 840_000)
    #expect(endpoints[0].status == .ok && endpoints[0].reportedNetwork == "mainnet" && endpoints[0].batchSupported == nil)
    #expect(endpoints[1].failure?.kind == .lagging && endpoints[1].lagBlocks == 10)
    #expect(endpoints[2].failure?.kind == .wrongChain)
    #expect(endpoints[3].isHealthy && endpoints[3].status == .warning)
    #expect(endpoints[3].notes.first?.english.contains("could not be confirmed") == true)
  }

  @Test func bitcoinCoreEndpointsReportTheirNetwork() async throws {
    func core(_ network: String, blocks: Int) throws -> TestHTTPServer {
      let node = JSONRPCNode(results: [
        "getblockchaininfo": #"{"chain":"\#(network)","blocks":\#(blocks),"headers":\#(blocks)}"#, "getblockcount": "\(blocks)",
      ])
      return try TestHTTPServer { node.reply(to: $0) }
    }
    let main = try core("main", blocks: 840_000)
    let regtest = try core("regtest", blocks: 120)
    let health = await check([try chain("bitcoin", [main, regtest], prefix: "core+")])
    #expect(health[0].endpoints.map(\.endpoint.spec.api) == [.bitcoinCore, .bitcoinCore])
    #expect(health[0].endpoints[0].status == .ok && health[0].endpoints[0].head == 840_000)
    #expect(health[0].endpoints[0].batchSupported == true)
    #expect(health[0].endpoints[1].failure?.kind == .wrongChain)
    #expect(health[0].endpoints[1].reportedNetwork == "regtest")
  }

  @Test func tronEndpointsAreCheckedByNowBlockAndGenesis() async throws {
    let tron = Chain(
      name: "tron", displayName: "TRON", family: .tron, nativeSymbol: "TRX", nativeDecimals: 6, blockTimeSeconds: 3,
      defaultEndpoints: [])
    func node(number: Int, genesis: String) throws -> TestHTTPServer {
      try TestHTTPServer { request in
        switch request.path {
        case "/wallet/getnowblock": return .json(#"{"blockID":"00","block_header":{"raw_data":{"number":\#(number),"timestamp":1}}}"#)
        case "/wallet/getblockbynum": return .json(#"{"blockID":"\#(genesis)","block_header":{"raw_data":{}}}"#)
        default: return .text("", status: 404)
        }
      }
    }
    let main = try node(number: 70_000_000, genesis: Self.tronGenesis)
    let nile = try node(number: 60_000_000, genesis: "0000000000000000d698d4192c56cb6be724a558448e2684802de4d6cd8690dc")
    let specs = [main, nile].map { EndpointSpec(chain: tron, api: .tronHTTP, url: $0.baseURL) }
    let health = await check([ChainEndpoints(chain: tron, endpoints: specs.map { SelectedEndpoint($0, origin: .builtIn) })])
    #expect(health[0].endpoints[0].status == .ok && health[0].endpoints[0].head == 70_000_000)
    #expect(health[0].endpoints[0].reportedNetwork == "mainnet")
    #expect(health[0].endpoints[1].failure?.kind == .wrongChain)
  }
}

