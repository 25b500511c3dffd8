import Foundation

/// The protocol families walletdoctor knows how to query.
public enum ChainFamily: String, Sendable, Codable, CaseIterable {
  case evm
  case bitcoin
  case tron
}

/// A chain in scope for a diagnosis: identity, units, pace and default endpoints.
public struct Chain: Sendable, Hashable {
  /// The name users type and the JSON reports (`ethereum`, `bsc`, `eip155:43114`).
  public var name: String
  /// A human name for text output (`Ethereum`, `BNB Smart Chain`).
  public var displayName: String
  public var family: ChainFamily
  /// The EIP-155 chain id, for EVM chains.
  public var evmChainId: UInt64?
  /// Ticker of the native coin (ETH, BNB, POL, BTC, TRX).
  public var nativeSymbol: String
  /// Decimals of the native coin's smallest unit (18 for wei, 8 for sats, 6 for sun).
  public var nativeDecimals: Int
  /// Average time between blocks, for ETA ranges.
  public var blockTimeSeconds: Double
  /// Public endpoints that need no key, used when no `--rpc` is given.
  public var defaultEndpoints: [URL]

  public init(
    name: String, displayName: String, family: ChainFamily, evmChainId: UInt64? = nil, nativeSymbol: String,
    nativeDecimals: Int, blockTimeSeconds: Double, defaultEndpoints: [URL]
  ) {
    self.name = name
    self.displayName = displayName
    self.family = family
    self.evmChainId = evmChainId
    self.nativeSymbol = nativeSymbol
    self.nativeDecimals = nativeDecimals
    self.blockTimeSeconds = blockTimeSeconds
    self.defaultEndpoints = defaultEndpoints
  }
}
