import Foundation

/// A support request ready to render: every user-typed field already redacted, every
/// transaction diagnosed (or recorded offline). Rendering it cannot leak what it does not hold.
public struct SupportReport: Sendable {
  /// One `--tx`, with its diagnosis unless the report was made offline.
  public struct Transaction: Sendable {
    public var reference: TransactionReference
    public var diagnosis: Diagnosis?

    public init(reference: TransactionReference, diagnosis: Diagnosis?) {
      self.reference = reference
      self.diagnosis = diagnosis
    }

    /// The hash as support should look it up (`0x…` for EVM, bare for Bitcoin/TRON).
    public var hash: String { diagnosis?.query ?? reference.normalized }
  }

  public var caseID: CaseID
  public var createdAt: Date
  public var language: Language
  public var wallet: WalletChannels?
  public var category: ReportCategory
  public var problem: String?
  public var contact: String?
  public var appVersion: String?
  public var device: String?
  public var transactions: [Transaction]
  public var offline: Bool
  public var recovery: ReportRecovery?
  public var environment: ReportEnvironment
  /// What redaction replaced, by kind.
  public var redactions: [String: Int]

  /// `walletdoctor-report-20261126-173005-WD-7K3F-9Q2M`
  public var directoryName: String {
    "walletdoctor-report-\(UTCTime.compact(createdAt))-\(caseID.value)"
  }

  /// The networks the transactions were found on, as people name them.
  public var networks: [String] {
    var names: [String] = []
    for transaction in transactions {
      guard let chainName = transaction.diagnosis?.chain else { continue }
      let display = ChainRegistry.builtIn.chain(named: chainName)?.displayName ?? chainName
      if !names.contains(display) { names.append(display) }
    }
    return names
  }

  /// Where the request goes: the wallet's support e-mail, if it publishes one for support.
  public var supportEmail: String? { wallet?.supportEmail?.value }

  /// Where the request goes when there is no e-mail: the ticket form, else the help center.
  public var requestForm: ChannelEntry? { wallet?.requestForm }

  /// The subject line: case id, wallet, category, networks.
  public func subject(_ language: Language) -> String {
    let walletName = wallet?.name ?? LocalizedText(en: "Wallet", zh: "钱包")(language)
    var subject = "[\(caseID.value)] \(walletName)"
    subject += language == .english ? ": " : "："
    subject += category.label(language)
    if !networks.isEmpty {
      subject += language == .english ? " (\(networks.joined(separator: ", ")))" : "（\(networks.joined(separator: "、"))）"
    }
    return subject
  }
}
