/// What the user gave `walletdoctor report`, before redaction. Every free-text field here is
/// untrusted: it may hold a pasted recovery phrase or key, and is redacted before use.
public struct ReportInput: Sendable {
  /// The wallet, from `--wallet` or the recovery session; nil when unknown.
  public var wallet: WalletChannels?
  public var transactions: [TransactionReference]
  public var problem: String?
  public var contact: String?
  public var appVersion: String?
  public var device: String?
  public var language: Language
  /// Record the hashes only; contact no endpoint.
  public var offline: Bool
  /// `--rpc` endpoints passed through to diagnosis.
  public var endpoints: [EndpointSpec]
  public var timeout: Duration
  public var recovery: ReportRecovery?

  public init(
    wallet: WalletChannels? = nil, transactions: [TransactionReference] = [], problem: String? = nil,
    contact: String? = nil, appVersion: String? = nil, device: String? = nil, language: Language = .english,
    offline: Bool = false, endpoints: [EndpointSpec] = [], timeout: Duration = .seconds(20),
    recovery: ReportRecovery? = nil
  ) {
    self.wallet = wallet
    self.transactions = transactions
    self.problem = problem
    self.contact = contact
    self.appVersion = appVersion
    self.device = device
    self.language = language
    self.offline = offline
    self.endpoints = endpoints
    self.timeout = timeout
    self.recovery = recovery
  }
}

/// The tool and system a report was made with (injected so tests are deterministic).
public struct ReportEnvironment: Sendable, Hashable, Codable {
  public var toolVersion: String
  public var operatingSystem: String

  public init(toolVersion: String, operatingSystem: String) {
    self.toolVersion = toolVersion
    self.operatingSystem = operatingSystem
  }

  enum CodingKeys: String, CodingKey {
    case toolVersion = "tool_version"
    case operatingSystem = "os"
  }
}

/// A saved recovery session as a report uses it: the `walletdoctor.recovery/1` object for
/// `report.json`, and what the user already tried, in both languages, for the request text.
public struct ReportRecovery: Sendable, Hashable {
  public var sessionID: String
  /// The flow id (`stuck-transfer`, `forgot-password`, …); decides the report's category.
  public var flow: String
  /// The wallet the session was about (a directory id), if any.
  public var walletID: String?
  /// The `walletdoctor.recovery/1` object in the report's language.
  public var document: JSONValue
  /// The flow's title, for "What I already tried".
  public var flowTitle: LocalizedText
  /// One line per answered step: "question: answer".
  public var tried: [LocalizedText]
  /// The outcome the walk reached, if any.
  public var outcome: LocalizedText?
  /// Transaction hashes the session recorded as such (answers to "paste the transaction hash",
  /// the hash it diagnosed), as 64 lower-case hex digits: like `--tx`, they are not keys.
  public var transactionHashes: [String]

  public init(
    sessionID: String, flow: String, walletID: String?, document: JSONValue, flowTitle: LocalizedText,
    tried: [LocalizedText], outcome: LocalizedText?, transactionHashes: [String] = []
  ) {
    self.sessionID = sessionID
    self.flow = flow
    self.walletID = walletID
    self.document = document
    self.flowTitle = flowTitle
    self.tried = tried
    self.outcome = outcome
    self.transactionHashes = transactionHashes
  }
}
