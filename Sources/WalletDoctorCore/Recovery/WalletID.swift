/// The wallets whose own steps and channels walletdoctor knows. Raw values are the `--wallet`
/// names and part of the contract.
public enum WalletID: String, Sendable, Codable, CaseIterable, Comparable {
  case imtoken
  case metamask
  case trust
  case tokenpocket
  case okx
  case coinbase
  case ledger
  case trezor

  /// The wallet assumed when none is named: most users of this tool use imToken.
  public static let defaultWallet = WalletID.imtoken

  /// The product name as the wallet writes it.
  public var displayName: String {
    switch self {
    case .imtoken: return "imToken"
    case .metamask: return "MetaMask"
    case .trust: return "Trust Wallet"
    case .tokenpocket: return "TokenPocket"
    case .okx: return "OKX Wallet"
    case .coinbase: return "Coinbase Wallet"
    case .ledger: return "Ledger"
    case .trezor: return "Trezor"
    }
  }

  /// Parses a `--wallet` value case-insensitively.
  public init?(name: String) {
    self.init(rawValue: name.lowercased())
  }

  public static func < (lhs: WalletID, rhs: WalletID) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }

  /// "imtoken, metamask, …" for usage messages.
  public static var namesList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
