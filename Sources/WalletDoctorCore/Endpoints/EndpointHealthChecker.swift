/// Probes every endpoint in effect, concurrently, and judges each against its chain's others:
/// right chain, head and lag behind the best, latency, batch support and rate-limit headers.
/// The doctor behind `walletdoctor endpoints --check`.
public struct EndpointHealthChecker: Sendable {
  public let transport: any HTTPTransport

  /// An answer slower than this is reported as a caveat.
  public static let slowLatency: Duration = .seconds(2)

  public init(transport: any HTTPTransport) {
    self.transport = transport
  }

  /// The most blocks an endpoint may be behind the best one before its answers are ignored; the
  /// same limits a diagnosis applies.
  public static func maxLagBlocks(for family: ChainFamily) -> UInt64 {
    switch family {
    case .evm: return UInt64(EVMChainProbe.maxLagBlocks)
    case .bitcoin: return UInt64(BitcoinChainProbe.maxLagBlocks)  // 20 minutes
    case .tron: return UInt64(TronChainProbe.maxLagBlocks)  // 1 minute at 3 s blocks
    }
  }

  /// Checks every endpoint of `chains` within `deadline`. `minimumSources` is `--min-sources`
  /// (nil: 2 for a chain with 2 or more endpoints, else 1).
  public func check(_ chains: [ChainEndpoints], deadline: Deadline, minimumSources: Int? = nil) async -> [ChainHealth] {
    let probes = EndpointHealthProbes(transport: transport)
    let jobs = chains.enumerated().flatMap { chainIndex, item in
      item.endpoints.enumerated().map { (chainIndex, $0, $1) }
    }
    let results = await withTaskGroup(of: (Int, Int, EndpointHealth, UInt64?).self) { group in
      for (chainIndex, endpointIndex, endpoint) in jobs {
        group.addTask {
          let (health, comparableHead) = await probe(endpoint, probes: probes, deadline: deadline)
          return (chainIndex, endpointIndex, health, comparableHead)
        }
      }
      var collected: [(Int, Int, EndpointHealth, UInt64?)] = []
      for await result in group { collected.append(result) }
      return collected
    }

    return chains.enumerated().map { chainIndex, item in
      let ofChain = results.filter { $0.0 == chainIndex }.sorted { $0.1 < $1.1 }
      let bestHead = ofChain.compactMap(\.3).max()
      let maxLag = Self.maxLagBlocks(for: item.chain.family)
      let endpoints = ofChain.map { _, _, health, comparableHead -> EndpointHealth in
        var judged = health
        guard let head = comparableHead, let bestHead else { return judged }
        let behind = bestHead - head
        judged.lagBlocks = behind
        if behind > maxLag {
          judged.failure = TransportFailure(
            .lagging,
            LocalizedText(
              en: "\(behind) blocks behind the best endpoint (head \(head) vs \(bestHead)); its answers would be ignored",
              zh: "比最新节点落后 \(behind) 个区块（\(head) 对 \(bestHead)）；其应答将被忽略"))
        }
        return judged
      }
      return ChainHealth(
        chain: item.chain, endpoints: endpoints, bestHead: bestHead,
        requiredSources: minimumSources ?? ChainHealth.defaultRequiredSources(endpointCount: item.endpoints.count))
    }
  }

  /// One endpoint's health, and its head when it may be compared with the others (it answered
  /// for the right chain).
  private func probe(_ endpoint: SelectedEndpoint, probes: EndpointHealthProbes, deadline: Deadline) async -> (
    EndpointHealth, UInt64?
  ) {
    let spec = endpoint.spec
    let recorder = ResponseRecorder(transport)
    var health = EndpointHealth(endpoint: endpoint)
    let observation: EndpointObservation
    do throws(TransportFailure) {
      observation = try await probes.observe(spec, recorder: recorder, deadline: deadline)
    } catch {
      health.rateLimit = recorder.rateLimitHeaders
      health.failure = TransportFailure(error.kind, error.message.scrubbed(spec.secrets))
      return (health, nil)
    }
    health.rateLimit = recorder.rateLimitHeaders.mapValues { URLMasking.scrub($0, secrets: spec.secrets) }
    health.reportedNetwork = observation.reportedNetwork
    health.head = observation.head
    health.latency = observation.latency
    health.batchSupported = observation.batchSupported

    if observation.servesChain == false {
      health.failure = TransportFailure(
        .wrongChain,
        LocalizedText(
          en: "serves another network (\(observation.reportedNetwork ?? "?")), not \(spec.chain.name)\(spec.chain.evmChainId.map { " (chain id \($0))" } ?? ""); its answers would be ignored",
          zh: "服务的是另一个网络（\(observation.reportedNetwork ?? "?")），而不是 \(spec.chain.name)\(spec.chain.evmChainId.map { "（链 ID \($0)）" } ?? "")；其应答将被忽略"))
      return (health, nil)
    }
    if let unconfirmed = observation.unconfirmedNetwork {
      health.notes.append(unconfirmed.scrubbed(spec.secrets))
    }
    if observation.batchSupported == false {
      health.notes.append(
        LocalizedText(
          en: "does not accept batch requests: a lookup costs several requests instead of one (slower, rate-limited sooner)",
          zh: "不支持批量请求：每次查询需要多个请求而不是一个（更慢，也更容易被限流）"))
    }
    if observation.latency > Self.slowLatency {
      health.notes.append(
        LocalizedText(
          en: "slow: answered in \(Self.seconds(observation.latency)) s", zh: "响应慢：用时 \(Self.seconds(observation.latency)) 秒"))
    }
    if let exhausted = health.rateLimit.first(where: { $0.key.hasSuffix("remaining") && $0.value.trimmingCharacters(in: .whitespaces) == "0" }) {
      let reset = health.rateLimit.first { $0.key.hasSuffix("reset") }.map { " (\($0.key): \($0.value))" } ?? ""
      health.notes.append(
        LocalizedText(
          en: "rate limit reached (\(exhausted.key): 0)\(reset): further requests may be refused for a while",
          zh: "已达到请求频率上限（\(exhausted.key): 0）\(reset)：接下来一段时间的请求可能被拒绝"))
    }
    return (health, observation.head)
  }

  static func seconds(_ duration: Duration) -> String {
    let tenths = (Double(milliseconds(duration)) / 100).rounded()
    return String(tenths / 10)
  }
}
