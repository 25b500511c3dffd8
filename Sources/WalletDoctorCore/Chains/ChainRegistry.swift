import Foundation

/// The chains walletdoctor knows by name, plus any EVM chain by its CAIP-2 id (`eip155:<id>`).
public struct ChainRegistry: Sendable {
  public var chains: [Chain]

  public init(chains: [Chain]) {
    self.chains = chains
  }

  /// Looks a chain up by name (case-insensitive) or CAIP-2 id; nil when unknown.
  public func chain(named rawName: String) -> Chain? {
    let name = rawName.trimmingCharacters(in: .whitespaces).lowercased()
    if let known = chains.first(where: { $0.name == name }) { return known }
    guard name.hasPrefix("eip155:"), let id = UInt64(name.dropFirst("eip155:".count)), id > 0 else {
      return nil
    }
    // A built-in chain asked for by id keeps its own name, symbol and endpoints.
    if let known = chains.first(where: { $0.evmChainId == id }) { return known }
    return Chain(
      name: "eip155:\(id)", displayName: "EVM chain \(id)", family: .evm, evmChainId: id,
      nativeSymbol: "native coin", nativeDecimals: 18, blockTimeSeconds: 12, defaultEndpoints: [])
  }

  /// The chains of one family, in registry order.
  public func chains(of family: ChainFamily) -> [Chain] {
    chains.filter { $0.family == family }
  }

  /// The names accepted by `--chain`, for help and error messages.
  public var knownNames: [String] { chains.map(\.name) }
}

extension ChainRegistry {
  /// The built-in registry. Endpoints are public, keyless HTTPS services as documented by their
  /// operators (reviewed 2026-11); `walletdoctor endpoints --check` shows which answer today.
  public static let builtIn = ChainRegistry(chains: [
    Chain(
      name: "ethereum", displayName: "Ethereum", family: .evm, evmChainId: 1, nativeSymbol: "ETH",
      nativeDecimals: 18, blockTimeSeconds: 12,
      defaultEndpoints: urls("https://ethereum-rpc.publicnode.com", "https://eth.drpc.org", "https://1rpc.io/eth")),
    Chain(
      name: "bsc", displayName: "BNB Smart Chain", family: .evm, evmChainId: 56, nativeSymbol: "BNB",
      nativeDecimals: 18, blockTimeSeconds: 0.75,
      defaultEndpoints: urls(
        "https://bsc-dataseed.bnbchain.org", "https://bsc-rpc.publicnode.com", "https://bsc.drpc.org")),
    Chain(
      name: "polygon", displayName: "Polygon PoS", family: .evm, evmChainId: 137, nativeSymbol: "POL",
      nativeDecimals: 18, blockTimeSeconds: 2,
      defaultEndpoints: urls(
        "https://polygon-rpc.com", "https://polygon-bor-rpc.publicnode.com", "https://polygon.drpc.org")),
    Chain(
      name: "arbitrum", displayName: "Arbitrum One", family: .evm, evmChainId: 42161, nativeSymbol: "ETH",
      nativeDecimals: 18, blockTimeSeconds: 0.25,
      defaultEndpoints: urls("https://arb1.arbitrum.io/rpc", "https://arbitrum-one-rpc.publicnode.com")),
    Chain(
      name: "optimism", displayName: "OP Mainnet", family: .evm, evmChainId: 10, nativeSymbol: "ETH",
      nativeDecimals: 18, blockTimeSeconds: 2,
      defaultEndpoints: urls("https://mainnet.optimism.io", "https://optimism-rpc.publicnode.com")),
    Chain(
      name: "base", displayName: "Base", family: .evm, evmChainId: 8453, nativeSymbol: "ETH",
      nativeDecimals: 18, blockTimeSeconds: 2,
      defaultEndpoints: urls("https://mainnet.base.org", "https://base-rpc.publicnode.com")),
    // Esplora REST bases (mempool.space adds its fee-projection and RBF extensions).
    Chain(
      name: "bitcoin", displayName: "Bitcoin", family: .bitcoin, nativeSymbol: "BTC", nativeDecimals: 8,
      blockTimeSeconds: 600, defaultEndpoints: urls("https://mempool.space/api", "https://blockstream.info/api")),
    // java-tron HTTP APIs (`/wallet/*`); TronGrid takes an optional TRON-PRO-API-KEY.
    Chain(
      name: "tron", displayName: "TRON", family: .tron, nativeSymbol: "TRX", nativeDecimals: 6, blockTimeSeconds: 3,
      defaultEndpoints: urls("https://api.trongrid.io", "https://tron-rpc.publicnode.com")),
  ])

  private static func urls(_ strings: String...) -> [URL] {
    strings.map { URL(string: $0)! }
  }
}
