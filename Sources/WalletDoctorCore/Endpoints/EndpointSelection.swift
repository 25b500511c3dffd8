/// Where an endpoint in effect came from. Raw values are part of the JSON contract.
public enum EndpointOrigin: String, Sendable, Codable, Hashable {
  /// The registry's built-in public endpoints.
  case builtIn = "default"
  /// The config file's `[endpoints]`.
  case config
  /// `--rpc NAME=URL`.
  case commandLine = "command_line"
}

/// One endpoint in effect and where it came from.
public struct SelectedEndpoint: Sendable, Hashable {
  public var spec: EndpointSpec
  public var origin: EndpointOrigin

  public init(_ spec: EndpointSpec, origin: EndpointOrigin) {
    self.spec = spec
    self.origin = origin
  }
}

/// The endpoints in effect for one chain.
public struct ChainEndpoints: Sendable, Hashable {
  public var chain: Chain
  public var endpoints: [SelectedEndpoint]

  public init(chain: Chain, endpoints: [SelectedEndpoint]) {
    self.chain = chain
    self.endpoints = endpoints
  }
}

/// Decides which endpoints are in effect: `--rpc` alone when any is given (no defaults, no other
/// chains); otherwise, per chain, the config file's endpoints instead of the built-in ones.
public enum EndpointSelection {
  /// Every chain in scope with its endpoints: the registry's chains in order, then chains only
  /// the config (or `--rpc`) names, such as `eip155:43114`.
  public static func resolve(
    registry: ChainRegistry, configured: [EndpointSpec], commandLine: [EndpointSpec]
  ) -> [ChainEndpoints] {
    if !commandLine.isEmpty {
      return group(commandLine.map { SelectedEndpoint($0, origin: .commandLine) })
    }
    var result = registry.chains.map { chain in
      let fromConfig = configured.filter { $0.chain == chain }
      let endpoints =
        fromConfig.isEmpty
        ? chain.defaultEndpoints.map { SelectedEndpoint(.builtIn($0, for: chain), origin: .builtIn) }
        : fromConfig.map { SelectedEndpoint($0, origin: .config) }
      return ChainEndpoints(chain: chain, endpoints: endpoints)
    }
    let extra = configured.filter { endpoint in !registry.chains.contains(endpoint.chain) }
    result += group(extra.map { SelectedEndpoint($0, origin: .config) })
    return result
  }

  /// The endpoint list a diagnosis request carries: `--rpc` as given; nothing when the config
  /// names no endpoint (the engine then uses its defaults); otherwise every chain's endpoints in
  /// effect, so a chain the config names uses those and the others keep their defaults.
  public static func requestEndpoints(
    registry: ChainRegistry, configured: [EndpointSpec], commandLine: [EndpointSpec]
  ) -> [EndpointSpec] {
    if !commandLine.isEmpty { return commandLine }
    if configured.isEmpty { return [] }
    return resolve(registry: registry, configured: configured, commandLine: [])
      .flatMap { $0.endpoints.map(\.spec) }
  }

  private static func group(_ endpoints: [SelectedEndpoint]) -> [ChainEndpoints] {
    var result: [ChainEndpoints] = []
    for endpoint in endpoints {
      if let index = result.firstIndex(where: { $0.chain == endpoint.spec.chain }) {
        result[index].endpoints.append(endpoint)
      } else {
        result.append(ChainEndpoints(chain: endpoint.spec.chain, endpoints: [endpoint]))
      }
    }
    return result
  }
}
