/// The JSON form of `walletdoctor endpoints` in one language: schema `walletdoctor.endpoints/1`.
/// Check fields are null when `--check` was not given.
public struct EndpointsDocument: Sendable, Encodable {
  public static let schemaName = "walletdoctor.endpoints/1"

  public struct EndpointDocument: Sendable, Encodable {
    public var endpoint: String
    public var origin: EndpointOrigin
    public var api: String
    /// Header names only; values are secrets.
    public var headers: [String]
    public var status: EndpointHealth.Status?
    public var ok: Bool?
    public var reportedNetwork: String?
    public var head: UInt64?
    public var lagBlocks: UInt64?
    public var latencyMilliseconds: Int?
    public var batch: Bool?
    public var rateLimit: [String: String]?
    public var error: String?
    public var errorKind: EndpointErrorKind?
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
      case endpoint, origin, api, headers, status, ok, head, batch, error, notes
      case reportedNetwork = "reported_network", lagBlocks = "lag_blocks", latencyMilliseconds = "latency_ms"
      case rateLimit = "rate_limit", errorKind = "error_kind"
    }

    public func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(endpoint, forKey: .endpoint)
      try container.encode(origin, forKey: .origin)
      try container.encode(api, forKey: .api)
      try container.encode(headers, forKey: .headers)
      try container.encode(status, forKey: .status)
      try container.encode(ok, forKey: .ok)
      try container.encode(reportedNetwork, forKey: .reportedNetwork)
      try container.encode(head, forKey: .head)
      try container.encode(lagBlocks, forKey: .lagBlocks)
      try container.encode(latencyMilliseconds, forKey: .latencyMilliseconds)
      try container.encode(batch, forKey: .batch)
      try container.encode(rateLimit, forKey: .rateLimit)
      try container.encode(error, forKey: .error)
      try container.encode(errorKind, forKey: .errorKind)
      try container.encode(notes, forKey: .notes)
    }
  }

  public struct ChainDocument: Sendable, Encodable {
    public var chain: String
    public var displayName: String
    public var family: ChainFamily
    public var chainId: UInt64?
    public var status: EndpointHealth.Status?
    public var healthyEndpoints: Int?
    public var requiredSources: Int?
    public var bestHead: UInt64?
    public var notes: [String]
    public var endpoints: [EndpointDocument]

    enum CodingKeys: String, CodingKey {
      case chain, family, status, notes, endpoints
      case displayName = "display_name", chainId = "chain_id", healthyEndpoints = "healthy_endpoints"
      case requiredSources = "required_sources", bestHead = "best_head"
    }

    public func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(chain, forKey: .chain)
      try container.encode(displayName, forKey: .displayName)
      try container.encode(family, forKey: .family)
      try container.encode(chainId, forKey: .chainId)
      try container.encode(status, forKey: .status)
      try container.encode(healthyEndpoints, forKey: .healthyEndpoints)
      try container.encode(requiredSources, forKey: .requiredSources)
      try container.encode(bestHead, forKey: .bestHead)
      try container.encode(notes, forKey: .notes)
      try container.encode(endpoints, forKey: .endpoints)
    }
  }

  public var schema = EndpointsDocument.schemaName
  public var checked: Bool
  /// Every chain has at least one healthy endpoint; null without `--check`.
  public var healthy: Bool?
  /// The config file read, if any.
  public var config: String?
  public var chains: [ChainDocument]

  /// The endpoints in effect, without checking them.
  public init(listing chains: [ChainEndpoints], configPath: String?) {
    checked = false
    healthy = nil
    config = configPath
    self.chains = chains.map { item in
      ChainDocument(
        chain: item.chain.name, displayName: item.chain.displayName, family: item.chain.family,
        chainId: item.chain.evmChainId, notes: [],
        endpoints: item.endpoints.map { Self.listed($0) })
    }
  }

  /// The result of `--check`.
  public init(checked health: [ChainHealth], configPath: String?, language: Language) {
    checked = true
    healthy = health.allSatisfy { $0.healthyCount > 0 }
    config = configPath
    chains = health.map { chain in
      ChainDocument(
        chain: chain.chain.name, displayName: chain.chain.displayName, family: chain.chain.family,
        chainId: chain.chain.evmChainId, status: chain.status, healthyEndpoints: chain.healthyCount,
        requiredSources: chain.requiredSources, bestHead: chain.bestHead, notes: chain.notes.map { $0(language) },
        endpoints: chain.endpoints.map { health in
          var document = Self.listed(health.endpoint)
          document.status = health.status
          document.ok = health.isHealthy
          document.reportedNetwork = health.reportedNetwork
          document.head = health.head
          document.lagBlocks = health.lagBlocks
          document.latencyMilliseconds = health.latency.map(milliseconds)
          document.batch = health.batchSupported
          document.rateLimit = health.rateLimit
          document.error = health.failure?.message(language)
          document.errorKind = health.failure?.kind
          document.notes = health.notes.map { $0(language) }
          return document
        })
    }
  }

  private static func listed(_ endpoint: SelectedEndpoint) -> EndpointDocument {
    EndpointDocument(
      endpoint: endpoint.spec.displayURL, origin: endpoint.origin, api: endpoint.spec.api.rawValue,
      headers: endpoint.spec.headers.keys.map { $0.lowercased() }.sorted(), notes: [])
  }

  enum CodingKeys: String, CodingKey {
    case schema, checked, healthy, config, chains
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(schema, forKey: .schema)
    try container.encode(checked, forKey: .checked)
    try container.encode(healthy, forKey: .healthy)
    try container.encode(config, forKey: .config)
    try container.encode(chains, forKey: .chains)
  }
}
