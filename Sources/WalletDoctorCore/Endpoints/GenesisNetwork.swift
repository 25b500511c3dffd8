import Foundation

/// Tells which network an endpoint serves from its genesis block, for APIs that do not name it
/// (Esplora, java-tron's HTTP API). Names follow Bitcoin Core's `getblockchaininfo.chain`, so a
/// Core node's own answer and a genesis lookup read the same.
enum GenesisNetwork {
  /// The name every chain family uses for its main network here.
  static let main = "main"

  static let bitcoinMainnetGenesis = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f"
  static let tronMainnetGenesis = "00000000000000001ebf88508a03865c71d452e25f4d51194196a1d22b6653dc"

  /// Bitcoin's networks by genesis hash (from Bitcoin Core's chainparams).
  private static let bitcoinNetworks: [String: String] = [
    bitcoinMainnetGenesis: main,
    "000000000933ea01ad0ee984209779baaec3ced90fa3f408719526f8d77f4943": "test",
    "00000000da84f2bafbbc53dee25a72ae507ff4914b867c565be350b0da8bf043": "testnet4",
    "00000008819873e925422c1ff0f99f7cc9bbb232af63a077a480a3633bee1ef6": "signet",
    "0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206": "regtest",
  ]

  /// The Bitcoin network whose genesis block is `hash`; an unknown one is named by its hash.
  /// Nil when `hash` is not a block hash at all (the network could not be told).
  static func bitcoin(genesis hash: String) -> String? {
    let hash = hash.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    guard hash.isSixtyFourHexDigits else { return nil }
    return bitcoinNetworks[hash] ?? unknown(hash)
  }

  /// TRON mainnet, or another network (Nile, Shasta, a private chain) named by its genesis id.
  static func tron(genesis blockID: String) -> String? {
    let id = blockID.lowercased()
    guard id.isSixtyFourHexDigits else { return nil }
    return id == tronMainnetGenesis ? main : unknown(id)
  }

  private static func unknown(_ hash: String) -> String { "genesis " + hash.prefix(16) + "…" }
}
