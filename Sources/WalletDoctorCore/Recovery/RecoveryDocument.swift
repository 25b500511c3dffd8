/// The JSON result of a walk in one language: schema `walletdoctor.recovery/1`.
///
/// The contract's keys are `schema, session_id, flow, wallet, lang, status, path, outcome,
/// warnings`; `next_step` (when incomplete), `solved`, `report_command` and `diagnosis` are
/// added for scripts and for the report.
public struct RecoveryDocument: Sendable, Encodable {
  public static let schemaName = "walletdoctor.recovery/1"

  public struct PathEntry: Sendable, Encodable {
    public var step: String
    public var question: String
    /// The answer as given: an option id, `true`, or the text.
    public var answer: JSONValue
    /// The chosen option's label (or the text) in the document's language.
    public var answerLabel: String

    enum CodingKeys: String, CodingKey {
      case step, question, answer
      case answerLabel = "answer_label"
    }
  }

  public struct Outcome: Sendable, Encodable {
    public var id: String
    public var title: String
    public var summary: String
    public var actions: [String]
    public var sources: [String]
  }

  public struct NextStep: Sendable, Encodable {
    public struct Option: Sendable, Encodable {
      public var id: String
      public var label: String
    }

    public var id: String
    public var kind: StepKind
    public var prompt: String
    public var detail: String?
    public var expects: TextExpectation?
    public var options: [Option]
  }

  public struct DiagnosisSummary: Sendable, Encodable {
    public var query: String
    public var chain: String?
    public var status: DiagnosisStatus
    public var summary: String
    public var recommendations: [String]
    /// Caveats about the endpoints behind the verdict (`single_source`, disagreement, failures).
    public var cautions: [String]

    public func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(query, forKey: .query)
      try container.encode(chain, forKey: .chain)
      try container.encode(status, forKey: .status)
      try container.encode(summary, forKey: .summary)
      try container.encode(recommendations, forKey: .recommendations)
      try container.encode(cautions, forKey: .cautions)
    }

    enum CodingKeys: String, CodingKey { case query, chain, status, summary, recommendations, cautions }
  }

  public var schema = RecoveryDocument.schemaName
  public var sessionID: String
  public var flow: String
  public var wallet: WalletID
  public var language: Language
  public var status: RecoverySession.Status
  public var path: [PathEntry]
  public var outcome: Outcome?
  public var warnings: [String]
  public var nextStep: NextStep?
  public var solved: Bool?
  public var reportCommand: String?
  public var diagnosis: DiagnosisSummary?

  /// The document for `session` of `flow` in `language`; `extraWarnings` are this run's
  /// problems that were not saved (a failed save).
  public init(session: RecoverySession, flow: RecoveryFlow, language: Language, extraWarnings: [LocalizedText] = []) {
    sessionID = session.sessionID
    self.flow = session.flow
    wallet = session.wallet
    self.language = language
    status = session.status
    path = session.path.map { entry in
      let step = flow.step(entry.step)
      let label: String
      if let optionID = entry.answer.stringValue, let option = step?.option(optionID) {
        label = option.label(language)
      } else if entry.answer == .bool(true) {
        label = LocalizedText(en: "Done", zh: "已完成")(language)
      } else {
        label = entry.answer.stringValue ?? ""
      }
      return PathEntry(step: entry.step, question: step?.prompt?(language) ?? entry.step, answer: entry.answer, answerLabel: label)
    }
    if let outcomeID = session.outcome, let step = flow.step(outcomeID), let outcome = step.outcome {
      self.outcome = Outcome(
        id: outcomeID, title: outcome.title(language), summary: outcome.summary(language),
        actions: outcome.actions.map { $0(language) }, sources: outcome.sources)
    }
    warnings = (session.warnings + extraWarnings).map { $0(language) }
    if session.status == .incomplete, let stepID = session.currentStep, let step = flow.step(stepID) {
      nextStep = NextStep(
        id: step.id, kind: step.kind, prompt: step.prompt?(language) ?? "", detail: step.detail?(language),
        expects: step.expects, options: step.options.map { NextStep.Option(id: $0.id, label: $0.label(language)) })
    }
    solved = session.solved
    if session.status == .completed && session.solved != true {
      reportCommand = "walletdoctor report --recovery \(session.sessionID)"
    }
    diagnosis = session.diagnosis.map {
      DiagnosisSummary(
        query: $0.query, chain: $0.chain, status: $0.status, summary: $0.summary(language),
        recommendations: $0.recommendations.map { $0(language) }, cautions: $0.cautions.map { $0(language) })
    }
  }

  enum CodingKeys: String, CodingKey {
    case schema, flow, wallet, status, path, outcome, warnings, solved, diagnosis
    case sessionID = "session_id"
    case language = "lang"
    case nextStep = "next_step"
    case reportCommand = "report_command"
  }

  public func encode(to encoder: Encoder) throws {
    // Nullable keys are written as null rather than omitted, as in the diagnosis schema.
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(schema, forKey: .schema)
    try container.encode(sessionID, forKey: .sessionID)
    try container.encode(flow, forKey: .flow)
    try container.encode(wallet, forKey: .wallet)
    try container.encode(language, forKey: .language)
    try container.encode(status, forKey: .status)
    try container.encode(path, forKey: .path)
    try container.encode(outcome, forKey: .outcome)
    try container.encode(warnings, forKey: .warnings)
    try container.encode(nextStep, forKey: .nextStep)
    try container.encode(solved, forKey: .solved)
    try container.encode(reportCommand, forKey: .reportCommand)
    try container.encode(diagnosis, forKey: .diagnosis)
  }
}
