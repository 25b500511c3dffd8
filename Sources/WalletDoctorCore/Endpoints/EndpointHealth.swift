/// What a health check found about one endpoint.
public struct EndpointHealth: Sendable, Hashable {
  /// The marker a person sees: usable, usable with a caveat, or not usable.
  public enum Status: String, Sendable, Codable, Comparable {
    case ok, warning, problem

    private var rank: Int {
      switch self {
      case .ok: return 0
      case .warning: return 1
      case .problem: return 2
      }
    }

    public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rank < rhs.rank }
  }

  public var endpoint: SelectedEndpoint
  /// The network the endpoint says it serves: the EVM chain id, Bitcoin Core's `chain`, or
  /// `mainnet` when a genesis block matched.
  public var reportedNetwork: String?
  /// The newest block the endpoint knows.
  public var head: UInt64?
  /// Blocks behind the best endpoint of the same chain.
  public var lagBlocks: UInt64?
  public var latency: Duration?
  /// Whether the endpoint answered a JSON-RPC batch; nil for APIs without batches.
  public var batchSupported: Bool?
  /// Rate-limit headers it sent (`x-ratelimit-*`, `ratelimit-*`, `retry-after`), names lower-cased.
  public var rateLimit: [String: String]
  /// Why its answers would not be used (down, wrong chain, lagging); nil when healthy.
  public var failure: TransportFailure?
  /// Caveats of a healthy endpoint: no batch support, slow, rate limit reached.
  public var notes: [LocalizedText]

  public init(
    endpoint: SelectedEndpoint, reportedNetwork: String? = nil, head: UInt64? = nil, lagBlocks: UInt64? = nil,
    latency: Duration? = nil, batchSupported: Bool? = nil, rateLimit: [String: String] = [:],
    failure: TransportFailure? = nil, notes: [LocalizedText] = []
  ) {
    self.endpoint = endpoint
    self.reportedNetwork = reportedNetwork
    self.head = head
    self.lagBlocks = lagBlocks
    self.latency = latency
    self.batchSupported = batchSupported
    self.rateLimit = rateLimit
    self.failure = failure
    self.notes = notes
  }

  /// Whether `diagnose` would use this endpoint's answers.
  public var isHealthy: Bool { failure == nil }

  public var status: Status {
    if failure != nil { return .problem }
    return notes.isEmpty ? .ok : .warning
  }
}

/// What a health check found about one chain: each endpoint, and whether enough are healthy.
public struct ChainHealth: Sendable, Hashable {
  public var chain: Chain
  public var endpoints: [EndpointHealth]
  /// The newest head among the endpoints serving the right chain.
  public var bestHead: UInt64?
  /// Healthy endpoints that must agree on an alarming verdict (`--min-sources` or its default).
  public var requiredSources: Int

  public init(chain: Chain, endpoints: [EndpointHealth], bestHead: UInt64?, requiredSources: Int) {
    self.chain = chain
    self.endpoints = endpoints
    self.bestHead = bestHead
    self.requiredSources = requiredSources
  }

  public var healthyCount: Int { endpoints.filter(\.isHealthy).count }

  /// Problem without a healthy endpoint; warning when some endpoint is not fine or too few are
  /// healthy to agree; ok when every endpoint is fine.
  public var status: EndpointHealth.Status {
    if healthyCount == 0 { return .problem }
    if healthyCount < requiredSources { return .warning }
    return endpoints.allSatisfy { $0.status == .ok } ? .ok : .warning
  }

  /// Why the chain is not simply ok, for a person.
  public var notes: [LocalizedText] {
    if endpoints.isEmpty {
      return [
        LocalizedText(
          en: "No endpoint is in effect for \(chain.name); add one with --rpc \(chain.name)=URL or in the config file.",
          zh: "\(chain.name) 没有可用的节点配置；请用 --rpc \(chain.name)=URL 或在配置文件中添加。")
      ]
    }
    if healthyCount == 0 {
      return [
        LocalizedText(
          en: "No endpoint of \(chain.name) is usable, so walletdoctor cannot check transactions there (status unknown, exit 2).",
          zh: "\(chain.name) 没有可用节点，因此 walletdoctor 无法查询该链上的交易（状态为 unknown，退出码 2）。")
      ]
    }
    if healthyCount < requiredSources {
      return [
        LocalizedText(
          en: "Only \(healthyCount) healthy endpoint\(healthyCount == 1 ? "" : "s"), but \(requiredSources) must agree: alarming verdicts (not found, replaced, failed, expired) will carry a single_source warning.",
          zh: "只有 \(healthyCount) 个健康节点，但需要 \(requiredSources) 个一致：警示性结论（未找到、已被替换、失败、已过期）将附带 single_source 警告。")
      ]
    }
    return []
  }

  /// The default number of endpoints that must agree: 2 when the chain has 2 or more.
  public static func defaultRequiredSources(endpointCount: Int) -> Int {
    endpointCount >= 2 ? 2 : 1
  }
}
