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
  /// `--min-sources` (or the config file's) passed through to diagnosis; nil for the default rule.
  public var minimumSources: Int?
  public var recovery: ReportRecovery?

  public init(
    wallet: WalletChannels? = nil, transactions: [TransactionReference] = [], problem: String? = nil,
    contact: String? = nil, appVersion: String? = nil, device: String? = nil, language: Language = .english,
    offline: Bool = false, endpoints: [EndpointSpec] = [], timeout: Duration = .seconds(20),
    minimumSources: Int? = nil, recovery: ReportRecovery? = nil
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
    self.minimumSources = minimumSources
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
