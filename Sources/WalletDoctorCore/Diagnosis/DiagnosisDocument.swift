/// The JSON form of a ``Diagnosis`` in one language: schema `walletdoctor.diagnosis/1`.
public struct DiagnosisDocument: Sendable, Encodable {
  public static let schemaName = "walletdoctor.diagnosis/1"

  public struct FindingDocument: Sendable, Encodable {
    public var code: ReasonCode
    public var severity: Severity
    public var message: String
    public var evidence: [String: JSONValue]
  }

  public struct RecommendationDocument: Sendable, Encodable {
    public var action: String
    public var message: String
    public var params: [String: JSONValue]
  }

  public struct SourceDocument: Sendable, Encodable {
    public var chain: String
    public var endpoint: String
    public var ok: Bool
    public var latencyMilliseconds: Int?
    public var head: Int64?
    public var error: String?
    public var errorKind: EndpointErrorKind?

    enum CodingKeys: String, CodingKey {
      case chain, endpoint, ok, head, error
      case latencyMilliseconds = "latency_ms"
      case errorKind = "error_kind"
    }

    public func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(chain, forKey: .chain)
      try container.encode(endpoint, forKey: .endpoint)
      try container.encode(ok, forKey: .ok)
      try container.encode(latencyMilliseconds, forKey: .latencyMilliseconds)
      try container.encode(head, forKey: .head)
      try container.encode(error, forKey: .error)
      try container.encode(errorKind, forKey: .errorKind)
    }
  }

  public var schema = DiagnosisDocument.schemaName
  public var query: String
  public var chain: String?
  public var status: DiagnosisStatus
  public var summary: String
  public var findings: [FindingDocument]
  public var eta: ETA?
  public var recommendations: [RecommendationDocument]
  public var transaction: TransactionDetails?
  public var sources: [SourceDocument]

  public init(_ diagnosis: Diagnosis, language: Language) {
    query = diagnosis.query
    chain = diagnosis.chain
    status = diagnosis.status
    summary = diagnosis.summary(language)
    findings = diagnosis.findings.map {
      FindingDocument(code: $0.code, severity: $0.severity, message: $0.message(language), evidence: $0.evidence)
    }
    eta = diagnosis.eta
    recommendations = diagnosis.recommendations.map {
      RecommendationDocument(action: $0.action, message: $0.message(language), params: $0.params)
    }
    transaction = diagnosis.transaction
    sources = diagnosis.sources.map {
      SourceDocument(
        chain: $0.chain, endpoint: $0.endpoint, ok: $0.ok, latencyMilliseconds: $0.latencyMilliseconds,
        head: $0.head, error: $0.error?(language), errorKind: $0.errorKind)
    }
  }

  enum CodingKeys: String, CodingKey {
    case schema, query, chain, status, summary, findings, eta, recommendations, transaction, sources
  }

  public func encode(to encoder: Encoder) throws {
    // Nullable keys are written as null rather than omitted: the schema lists them all.
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(schema, forKey: .schema)
    try container.encode(query, forKey: .query)
    try container.encode(chain, forKey: .chain)
    try container.encode(status, forKey: .status)
    try container.encode(summary, forKey: .summary)
    try container.encode(findings, forKey: .findings)
    try container.encode(eta, forKey: .eta)
    try container.encode(recommendations, forKey: .recommendations)
    try container.encode(transaction, forKey: .transaction)
    try container.encode(sources, forKey: .sources)
  }
}
