/// What a request is about, as help-center forms ask for it. Raw values are in
/// `form-fields.json` and `report.json`.
public enum ReportCategory: String, Sendable, Hashable, Codable, CaseIterable {
  case security
  case walletAccess = "wallet_access"
  case transferPending = "transfer_pending"
  case transferFailed = "transfer_failed"
  case transferNotFound = "transfer_not_found"
  case transfer
  case general

  public var label: LocalizedText {
    switch self {
    case .security: return LocalizedText(en: "Security: funds stolen or wallet compromised", zh: "安全：资产被盗或钱包泄露")
    case .walletAccess: return LocalizedText(en: "Wallet access: password or recovery phrase", zh: "钱包访问：密码或助记词")
    case .transferPending: return LocalizedText(en: "Transfer pending", zh: "转账未确认")
    case .transferFailed: return LocalizedText(en: "Transfer failed", zh: "转账失败")
    case .transferNotFound: return LocalizedText(en: "Transfer not found", zh: "找不到转账")
    case .transfer: return LocalizedText(en: "Transfer question", zh: "转账问题")
    case .general: return LocalizedText(en: "Other question", zh: "其他问题")
    }
  }

  /// The short phrase a public post uses ("my transfer is stuck").
  var publicPhrase: LocalizedText {
    switch self {
    case .security: return LocalizedText(en: "a security problem with my wallet", zh: "钱包遇到安全问题")
    case .walletAccess: return LocalizedText(en: "trouble getting into my wallet", zh: "无法进入钱包")
    case .transferPending: return LocalizedText(en: "a transfer that is stuck", zh: "有一笔转账卡住了")
    case .transferFailed: return LocalizedText(en: "a transfer that failed", zh: "有一笔转账失败了")
    case .transferNotFound: return LocalizedText(en: "a transfer I cannot find", zh: "有一笔转账查不到")
    case .transfer: return LocalizedText(en: "a question about a transfer", zh: "有一笔转账需要咨询")
    case .general: return LocalizedText(en: "a question about my wallet", zh: "钱包使用遇到问题")
    }
  }

  /// The category a recovery flow and the diagnoses point to; the most serious wins.
  static func decide(recoveryFlow: String?, statuses: [DiagnosisStatus], hasTransactions: Bool) -> ReportCategory {
    if let flow = recoveryFlow?.lowercased() {
      if flow.contains("stolen") || flow.contains("compromis") || flow.contains("approval") { return .security }
      if flow.contains("password") || flow.contains("phrase") || flow.contains("passcode") || flow.contains("pin") {
        return .walletAccess
      }
    }
    if statuses.contains(.failed) { return .transferFailed }
    if statuses.contains(.pending) { return .transferPending }
    if statuses.contains(.notFound) { return .transferNotFound }
    if hasTransactions || recoveryFlow != nil && recoveryFlow!.contains("transfer") { return .transfer }
    return .general
  }
}
