/// The verdict on a transaction. Raw values are part of the JSON contract.
public enum DiagnosisStatus: String, Sendable, Codable, CaseIterable {
  case confirmed
  case failed
  case pending
  case replaced
  /// TRON only: past its expiration on the node's clock and not on chain; it can never confirm.
  case expired
  case notFound = "not_found"
  case unknown
}

/// How much a finding matters. Raw values are part of the JSON contract.
public enum Severity: String, Sendable, Codable, Comparable {
  case problem
  case warning
  case info

  private var rank: Int {
    switch self {
    case .problem: return 0
    case .warning: return 1
    case .info: return 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
