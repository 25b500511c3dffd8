import Foundation

/// What the user gave `diagnose`: a transaction hash, possibly with the chain an explorer link named.
public struct TransactionReference: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// `0x` + 64 hex: an EVM transaction hash.
    case evmHash
    /// 64 hex without `0x`: a Bitcoin or TRON txid, or an EVM hash typed without its prefix.
    case bareHash
  }

  public var kind: Kind
  /// 64 lower-case hex digits, without any prefix.
  public var hexDigits: String
  /// The chain an explorer link named (`ethereum`, `bitcoin`, `tron`, …); nil for a bare hash.
  public var chainHint: String?

  public init(kind: Kind, hexDigits: String, chainHint: String? = nil) {
    self.kind = kind
    self.hexDigits = hexDigits
    self.chainHint = chainHint
  }

  /// The hash as the JSON `query` shows it: `0x…` for EVM, bare for Bitcoin/TRON and bare input.
  public var normalized: String {
    kind == .evmHash ? "0x" + hexDigits : hexDigits
  }

  /// The hash as an EVM node expects it.
  public var evmHash: String { "0x" + hexDigits }

  /// What a valid input looks like, for usage errors.
  public static let expectedForm = LocalizedText(
    en: """
      Expected a transaction hash (0x followed by 64 hex digits for Ethereum/BSC/Polygon/Arbitrum/Optimism/Base, \
      or 64 hex digits for Bitcoin/TRON) or an explorer link such as https://etherscan.io/tx/0x…, \
      https://mempool.space/tx/… or https://tronscan.org/#/transaction/….
      """,
    zh: """
      需要交易哈希（以太坊/BSC/Polygon/Arbitrum/Optimism/Base 为 0x 加 64 位十六进制字符，\
      比特币/波场为 64 位十六进制字符），或区块浏览器链接，例如 https://etherscan.io/tx/0x…、\
      https://mempool.space/tx/… 或 https://tronscan.org/#/transaction/…。
      """)

  /// Parses a hash or explorer link. Surrounding whitespace (a trailing newline from a paste)
  /// is ignored and upper-case hex is accepted.
  public static func parse(_ input: String) throws(InputError) -> TransactionReference {
    let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
    if let hash = hexHash(text) { return hash }
    if text.contains("://") || text.contains("/tx/") || text.contains("/transaction/") {
      return try explorerLink(text)
    }
    throw InputError(expectedForm)
  }

  /// `0x` + 64 hex, or 64 hex.
  static func hexHash(_ text: String) -> TransactionReference? {
    var digits = Substring(text)
    var kind = Kind.bareHash
    if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
      digits = digits.dropFirst(2)
      kind = .evmHash
    }
    guard digits.utf8.count == 64, digits.utf8.allSatisfy(\.isHexDigit) else { return nil }
    return TransactionReference(kind: kind, hexDigits: digits.lowercased())
  }

  /// Explorer hosts and the chain each names. Testnet hosts are listed so they get a clear "not
  /// supported" instead of a generic error.
  private static let evmExplorers: [String: String] = [
    "etherscan.io": "ethereum", "bscscan.com": "bsc", "polygonscan.com": "polygon",
    "arbiscan.io": "arbitrum", "basescan.org": "base", "optimistic.etherscan.io": "optimism",
  ]
  private static let testnetExplorerHosts: Set<String> = [
    "sepolia.etherscan.io", "holesky.etherscan.io", "hoodi.etherscan.io", "goerli.etherscan.io",
    "testnet.bscscan.com", "amoy.polygonscan.com", "sepolia.arbiscan.io", "sepolia.basescan.org",
    "sepolia-optimism.etherscan.io", "nile.tronscan.org", "shasta.tronscan.org",
  ]
  private static let bitcoinExplorers: Set<String> = ["mempool.space", "blockstream.info"]
  private static let bitcoinTestnetPaths: Set<String> = ["testnet", "testnet4", "signet", "liquid", "liquidtestnet"]

  static func explorerLink(_ text: String) throws(InputError) -> TransactionReference {
    let withScheme = text.contains("://") ? text : "https://" + text
    guard let components = URLComponents(string: withScheme), var host = components.host?.lowercased() else {
      throw InputError(expectedForm)
    }
    if host.hasPrefix("www.") { host.removeFirst(4) }
    let pathParts = components.path.split(separator: "/").map(String.init)
    // tronscan puts the route in the fragment: https://tronscan.org/#/transaction/<hash>
    let fragmentParts = (components.fragment ?? "").split(separator: "/").map(String.init)

    if testnetExplorerHosts.contains(host) {
      throw unsupportedNetwork
    }
    if let chain = evmExplorers[host] {
      guard let index = pathParts.firstIndex(of: "tx"), index + 1 < pathParts.count,
        let hash = hexHash(pathParts[index + 1]), hash.kind == .evmHash
      else { throw InputError(expectedForm) }
      return TransactionReference(kind: .evmHash, hexDigits: hash.hexDigits, chainHint: chain)
    }
    if bitcoinExplorers.contains(host) {
      guard let index = pathParts.firstIndex(of: "tx"), index + 1 < pathParts.count else {
        throw InputError(expectedForm)
      }
      if pathParts[..<index].contains(where: { bitcoinTestnetPaths.contains($0.lowercased()) }) {
        throw unsupportedNetwork
      }
      guard let hash = hexHash(pathParts[index + 1]), hash.kind == .bareHash else { throw InputError(expectedForm) }
      return TransactionReference(kind: .bareHash, hexDigits: hash.hexDigits, chainHint: "bitcoin")
    }
    if host == "tronscan.org" || host == "tronscan.io" {
      let parts = fragmentParts.isEmpty ? pathParts : fragmentParts
      guard let index = parts.firstIndex(of: "transaction"), index + 1 < parts.count,
        let hash = hexHash(parts[index + 1]), hash.kind == .bareHash
      else { throw InputError(expectedForm) }
      return TransactionReference(kind: .bareHash, hexDigits: hash.hexDigits, chainHint: "tron")
    }
    throw InputError(
      LocalizedText.joined([
        LocalizedText(en: "This explorer is not one walletdoctor reads.", zh: "walletdoctor 不支持该区块浏览器链接。"),
        expectedForm,
      ]))
  }

  private static let unsupportedNetwork = InputError(
    LocalizedText(
      en: "This link is for a test network, which walletdoctor does not support; only main networks are diagnosed.",
      zh: "该链接属于测试网络，walletdoctor 不支持；仅诊断主网交易。"))
}

extension UInt8 {
  var isHexDigit: Bool {
    (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
  }
}

extension String {
  /// Exactly 64 hex digits: the shape of a Bitcoin or TRON txid (an EVM hash without `0x`).
  var isSixtyFourHexDigits: Bool { utf8.count == 64 && utf8.allSatisfy(\.isHexDigit) }
}
