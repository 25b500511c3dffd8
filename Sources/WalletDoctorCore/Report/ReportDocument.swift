/// `report.json`: schema `walletdoctor.report/1`, the whole report for machines, in the
/// report's language.
public struct ReportDocument: Sendable, Encodable {
  public static let schemaName = "walletdoctor.report/1"

  public struct Wallet: Sendable, Encodable {
    public var id: String
    public var name: String
  }

  /// Where to send the request: the support e-mail, else the ticket form.
  public struct OfficialChannel: Sendable, Encodable {
    public var email: String?
    public var ticketForm: String?
    public var helpCenter: String?

    enum CodingKeys: String, CodingKey {
      case email
      case ticketForm = "ticket_form"
      case helpCenter = "help_center"
    }

    public func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(email, forKey: .email)
      try container.encode(ticketForm, forKey: .ticketForm)
      try container.encode(helpCenter, forKey: .helpCenter)
    }
  }

  public var schema = ReportDocument.schemaName
  public var caseID: CaseID
  public var createdAt: String
  public var language: Language
  public var wallet: Wallet?
  public var category: ReportCategory
  public var subject: String
  public var problem: String?
  public var contact: String?
  public var appVersion: String?
  public var device: String?
  public var offline: Bool
  public var transactionHashes: [String]
  public var networks: [String]
  public var diagnoses: [DiagnosisDocument]
  public var recovery: JSONValue?
  public var officialChannel: OfficialChannel?
  public var environment: ReportEnvironment
  public var redactions: [String: Int]

  public init(_ report: SupportReport) {
    caseID = report.caseID
    createdAt = UTCTime.iso8601(report.createdAt)
    language = report.language
    wallet = report.wallet.map { Wallet(id: $0.id, name: $0.name) }
    category = report.category
    subject = report.subject(report.language)
    problem = report.problem
    contact = report.contact
    appVersion = report.appVersion
    device = report.device
    offline = report.offline
    transactionHashes = report.transactions.map(\.hash)
    networks = report.networks
    diagnoses = report.transactions.compactMap { $0.diagnosis.map { DiagnosisDocument($0, language: report.language) } }
    recovery = report.recovery?.document(report.language)
    officialChannel = report.wallet.map {
      OfficialChannel(email: $0.supportEmail?.value, ticketForm: $0.ticketForm?.value, helpCenter: $0.helpCenter?.value)
    }
    environment = report.environment
    redactions = report.redactions
  }

  enum CodingKeys: String, CodingKey {
    case schema, language = "lang", wallet, category, subject, problem, contact, device, offline, networks
    case diagnoses, recovery, environment, redactions
    case caseID = "case_id"
    case createdAt = "created_at"
    case appVersion = "app_version"
    case transactionHashes = "tx_hashes"
    case officialChannel = "official_channel"
  }

  public func encode(to encoder: Encoder) throws {
    // Every key is always present (null when empty) so consumers see one shape.
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(schema, forKey: .schema)
    try container.encode(caseID, forKey: .caseID)
    try container.encode(createdAt, forKey: .createdAt)
    try container.encode(language, forKey: .language)
    try container.encode(wallet, forKey: .wallet)
    try container.encode(category, forKey: .category)
    try container.encode(subject, forKey: .subject)
    try container.encode(problem, forKey: .problem)
    try container.encode(contact, forKey: .contact)
    try container.encode(appVersion, forKey: .appVersion)
    try container.encode(device, forKey: .device)
    try container.encode(offline, forKey: .offline)
    try container.encode(transactionHashes, forKey: .transactionHashes)
    try container.encode(networks, forKey: .networks)
    try container.encode(diagnoses, forKey: .diagnoses)
    try container.encode(recovery, forKey: .recovery)
    try container.encode(officialChannel, forKey: .officialChannel)
    try container.encode(environment, forKey: .environment)
    try container.encode(redactions, forKey: .redactions)
  }
}

/// `manifest.json`: the case id, each other file's SHA-256 and size, and the redaction counts,
/// so support (or the user) can tell the files were not changed after they were written.
public struct ReportManifest: Sendable, Codable, Hashable {
  public struct File: Sendable, Codable, Hashable {
    public var name: String
    public var sha256: String
    public var size: Int
  }

  public var caseID: CaseID
  public var files: [File]
  public var redactions: [String: Int]

  enum CodingKeys: String, CodingKey {
    case files, redactions
    case caseID = "case_id"
  }
}

/// `form-fields.json`: the request mapped to the fields help-center forms ask for.
public struct ReportFormFields: Sendable, Codable, Hashable {
  public var subject: String
  public var description: String
  /// The contact address, or empty.
  public var email: String
  public var category: String
  public var txHashes: [String]
  /// The networks, comma-separated (forms have one field for it).
  public var network: String
  public var appVersion: String
  public var device: String

  enum CodingKeys: String, CodingKey {
    case subject, description, email, category, network, device
    case txHashes = "tx_hashes"
    case appVersion = "app_version"
  }
}
