import Foundation

/// One endpoint to query for one chain, as `--rpc NAME=URL`, the config file or the registry gave it.
public struct EndpointSpec: Sendable, Hashable {
  /// The API an endpoint speaks.
  public enum API: String, Sendable, Hashable {
    /// Ethereum JSON-RPC over HTTP(S).
    case evmJSONRPC = "evm-jsonrpc"
    /// An Esplora-compatible REST base (mempool.space, blockstream.info).
    case esplora
    /// Bitcoin Core's JSON-RPC (`core+http://user:pass@host:8332`).
    case bitcoinCore = "bitcoin-core"
    /// TronGrid-compatible HTTP API.
    case tronHTTP = "tron-http"
  }

  public var chain: Chain
  public var api: API
  /// The URL requests go to, credentials included (never displayed).
  public var url: URL
  /// Extra headers (API keys); never displayed.
  public var headers: [String: String]

  public init(chain: Chain, api: API, url: URL, headers: [String: String] = [:]) {
    self.chain = chain
    self.api = api
    self.url = url
    self.headers = headers
  }

  /// The URL as output shows it, credentials masked.
  public var displayURL: String { URLMasking.display(url) }

  /// Strings that must never appear in output: passwords, user names, header values, key-like segments.
  public var secrets: [String] {
    var values = Array(headers.values)
    if let components = URLComponents(url: url, resolvingAgainstBaseURL: false) {
      values += [components.user, components.password, components.query].compactMap { $0 }
      values += components.path.split(separator: "/").filter(URLMasking.looksLikeKey).map(String.init)
    }
    return values.filter { !$0.isEmpty }
  }

  /// This endpoint with TronGrid's API key (`TRON_PRO_API_KEY`) as the `TRON-PRO-API-KEY`
  /// header, never replacing a key the endpoint already has. Only TronGrid's own hosts get it,
  /// so the user's key does not go to a third party — unless the user named this endpoint
  /// explicitly with `--rpc` (`anyHost`), as the command contract says.
  public func withTronGridKey(_ key: String?, anyHost: Bool = false) -> EndpointSpec {
    guard api == .tronHTTP, let key, !key.isEmpty, let host = url.host?.lowercased(),
      anyHost || host == "trongrid.io" || host.hasSuffix(".trongrid.io"),
      !headers.keys.contains(where: { $0.lowercased() == "tron-pro-api-key" })
    else { return self }
    var keyed = self
    keyed.headers["TRON-PRO-API-KEY"] = key
    return keyed
  }

  /// Whether this is one of the chain's built-in endpoints, whose network is known. Any other
  /// (from `--rpc` or the config file) has its network checked in the first wave when its API
  /// does not name the network in an answer it already gives.
  public var isBuiltIn: Bool { chain.defaultEndpoints.contains(url) }

  /// Whether the host is this machine or a private network (where plain `http://` is acceptable).
  public var isLocalOrPrivate: Bool { Self.isLocalOrPrivate(host: url.host ?? "") }

  static func isLocalOrPrivate(host rawHost: String) -> Bool {
    let host = rawHost.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
    if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" || host.hasSuffix(".local") { return true }
    let octets = host.split(separator: ".").compactMap { UInt8($0) }
    guard octets.count == 4 else { return host.hasPrefix("fd") || host.hasPrefix("fe80:") }
    switch (octets[0], octets[1]) {
    case (127, _), (10, _), (192, 168), (169, 254): return true
    case (172, let second) where (16...31).contains(second): return true
    case (100, let second) where (64...127).contains(second): return true  // CGNAT, Tailscale
    default: return false
    }
  }

  /// Parses `NAME=URL` from `--rpc`. The chain decides the API; for `bitcoin`, a `core+` prefix
  /// selects Bitcoin Core RPC instead of Esplora.
  public static func parse(_ argument: String, registry: ChainRegistry) throws(InputError) -> EndpointSpec {
    guard let equals = argument.firstIndex(of: "=") else {
      throw InputError(
        LocalizedText(
          en: "--rpc takes NAME=URL, e.g. --rpc ethereum=https://ethereum-rpc.publicnode.com",
          zh: "--rpc 的格式为 名称=URL，例如 --rpc ethereum=https://ethereum-rpc.publicnode.com"))
    }
    let name = String(argument[..<equals]).trimmingCharacters(in: .whitespaces)
    let urlText = String(argument[argument.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
    guard let chain = registry.chain(named: name) else {
      throw unknownChain(name, registry: registry)
    }
    return try make(chain: chain, urlText: urlText)
  }

  /// An endpoint for `chain` from a URL as the user wrote it (`--rpc` or the config file). The
  /// chain decides the API; for `bitcoin`, a `core+` prefix selects Bitcoin Core RPC instead of
  /// Esplora. Plain `http://` is accepted only for this machine and private networks.
  public static func make(
    chain: Chain, urlText rawText: String, headers: [String: String] = [:]
  ) throws(InputError) -> EndpointSpec {
    var urlText = rawText
    var api = defaultAPI(for: chain)
    if urlText.lowercased().hasPrefix("core+") {
      guard chain.family == .bitcoin else {
        throw InputError(
          LocalizedText(
            en: "The core+ prefix is only for Bitcoin Core endpoints (--rpc bitcoin=core+http://USER:PASS@HOST:8332).",
            zh: "core+ 前缀仅用于比特币核心节点（--rpc bitcoin=core+http://用户名:密码@主机:8332）。"))
      }
      api = .bitcoinCore
      urlText.removeFirst("core+".count)
    }
    guard let url = URL(string: urlText), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
      let host = url.host, !host.isEmpty
    else {
      throw InputError(
        LocalizedText(
          en: "The endpoint for \(chain.name) needs an http:// or https:// URL with a host.",
          zh: "\(chain.name) 的节点地址需要是带主机名的 http:// 或 https:// URL。"))
    }
    let spec = EndpointSpec(chain: chain, api: api, url: url, headers: headers)
    if scheme == "http" && !spec.isLocalOrPrivate {
      throw InputError(
        LocalizedText(
          en: "Plain http:// is only allowed for this machine or a private network; use https:// for \(spec.displayURL).",
          zh: "明文 http:// 仅允许用于本机或私有网络；请对 \(spec.displayURL) 使用 https://。"))
    }
    return spec
  }

  /// The API a chain's endpoints speak unless told otherwise.
  public static func defaultAPI(for chain: Chain) -> API {
    switch chain.family {
    case .evm: return .evmJSONRPC
    case .bitcoin: return .esplora
    case .tron: return .tronHTTP
    }
  }

  /// One of the registry's built-in endpoints for `chain`.
  public static func builtIn(_ url: URL, for chain: Chain) -> EndpointSpec {
    EndpointSpec(chain: chain, api: defaultAPI(for: chain), url: url)
  }

  /// The usage error for a chain name the registry does not know, listing the known ones.
  public static func unknownChain(_ name: String, registry: ChainRegistry) -> InputError {
    let known = registry.knownNames.joined(separator: ", ")
    return InputError(
      LocalizedText(
        en: "Unknown chain '\(name)'. Known chains: \(known), or any EVM chain as eip155:<chain id>.",
        zh: "未知的链「\(name)」。支持的链：\(known)，或以 eip155:<链 ID> 指定任意 EVM 链。"))
  }
}
