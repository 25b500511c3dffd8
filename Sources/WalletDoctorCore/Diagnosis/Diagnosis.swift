/// The outcome of diagnosing one transaction, with every sentence in both languages.
///
/// This is the core's value; ``DiagnosisDocument`` is its JSON form in one language
/// (schema `walletdoctor.diagnosis/1`).
public struct Diagnosis: Sendable, Hashable {
  /// The hash as normalized (lower-case; `0x`-prefixed for EVM).
  public var query: String
  /// The chain name as given (`bsc`, `eip155:43114`); nil when not found anywhere.
  public var chain: String?
  public var status: DiagnosisStatus
  public var summary: LocalizedText
  public var findings: [Finding]
  public var eta: ETA?
  public var recommendations: [Recommendation]
  public var transaction: TransactionDetails?
  public var sources: [SourceReport]

  public init(
    query: String, chain: String?, status: DiagnosisStatus, summary: LocalizedText,
    findings: [Finding] = [], eta: ETA? = nil, recommendations: [Recommendation] = [],
    transaction: TransactionDetails? = nil, sources: [SourceReport] = []
  ) {
    self.query = query
    self.chain = chain
    self.status = status
    self.summary = summary
    self.findings = findings
    self.eta = eta
    self.recommendations = recommendations
    self.transaction = transaction
    self.sources = sources
  }

  /// The process exit code the contract assigns to this verdict.
  public var exitCode: Int32 {
    switch status {
    case .confirmed, .failed, .pending, .replaced, .expired: return 0
    case .notFound: return 1
    case .unknown: return 2
    }
  }
}

/// One observation about the transaction, keyed by a stable reason code.
public struct Finding: Sendable, Hashable {
  public var code: ReasonCode
  public var severity: Severity
  public var message: LocalizedText
  public var evidence: [String: JSONValue]

  public init(_ code: ReasonCode, severity: Severity? = nil, message: LocalizedText, evidence: [String: JSONValue] = [:]) {
    self.code = code
    self.severity = severity ?? code.defaultSeverity
    self.message = message
    self.evidence = evidence
  }
}

/// Something the user can do, with the exact numbers in `params`.
public struct Recommendation: Sendable, Hashable {
  /// `speed_up`, `cancel`, `unblock_nonce`, `wait`, `top_up`, `contact_support`, `rbf`, `cpfp`, …
  public var action: String
  public var message: LocalizedText
  public var params: [String: JSONValue]

  public init(action: String, message: LocalizedText, params: [String: JSONValue] = [:]) {
    self.action = action
    self.message = message
    self.params = params
  }
}

/// An expected wait, always a range.
public struct ETA: Sendable, Hashable, Codable {
  public var minSeconds: Int
  public var maxSeconds: Int

  public init(minSeconds: Int, maxSeconds: Int) {
    self.minSeconds = minSeconds
    self.maxSeconds = max(minSeconds, maxSeconds)
  }

  enum CodingKeys: String, CodingKey {
    case minSeconds = "min_seconds"
    case maxSeconds = "max_seconds"
  }
}

/// What one endpoint contributed. `endpoint` is already masked for display.
public struct SourceReport: Sendable, Hashable, Codable {
  public var chain: String
  public var endpoint: String
  public var ok: Bool
  public var latencyMilliseconds: Int?
  public var head: Int64?
  public var error: LocalizedText?
  public var errorKind: EndpointErrorKind?

  public init(
    chain: String, endpoint: String, ok: Bool, latencyMilliseconds: Int? = nil, head: Int64? = nil,
    error: LocalizedText? = nil, errorKind: EndpointErrorKind? = nil
  ) {
    self.chain = chain
    self.endpoint = endpoint
    self.ok = ok
    self.latencyMilliseconds = latencyMilliseconds
    self.head = head
    self.error = error
    self.errorKind = errorKind
  }
}
