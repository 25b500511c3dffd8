/// The whole graph of a flow for one wallet, in one language: schema `walletdoctor.flow/1`
/// (`recover FLOW --describe --json`).
public struct FlowDescription: Sendable, Encodable {
  public static let schemaName = "walletdoctor.flow/1"

  public struct Option: Sendable, Encodable {
    public var id: String
    public var label: String
    public var next: String
  }

  public struct Step: Sendable, Encodable {
    public var id: String
    public var kind: StepKind
    public var prompt: String?
    public var detail: String?
    public var expects: TextExpectation?
    public var auto: AutomaticAnswer?
    public var options: [Option]?
    public var next: String?
    public var title: String?
    public var summary: String?
    public var actions: [String]?
    public var sources: [String]?
  }

  public var schema = FlowDescription.schemaName
  public var id: String
  public var title: String
  public var summary: String
  public var wallet: WalletID
  public var start: String
  public var steps: [Step]

  /// The steps a walk with `wallet` can visit, routes resolved for that wallet.
  public init(flow: RecoveryFlow, wallet: WalletID, language: Language) {
    id = flow.id
    title = flow.title(language)
    summary = flow.summary(language)
    self.wallet = wallet
    start = flow.start.resolve(wallet: wallet)
    let reachable = Set(flow.reachableStepIDs(wallet: wallet))
    steps = flow.steps.filter { reachable.contains($0.id) }.map { step in
      Step(
        id: step.id, kind: step.kind, prompt: step.prompt?(language), detail: step.detail?(language),
        expects: step.expects, auto: step.automatic,
        options: step.options.isEmpty
          ? nil : step.options.map { Option(id: $0.id, label: $0.label(language), next: $0.next.resolve(wallet: wallet)) },
        next: step.next?.resolve(wallet: wallet), title: step.outcome?.title(language),
        summary: step.outcome?.summary(language), actions: step.outcome?.actions.map { $0(language) },
        sources: step.outcome?.sources)
    }
  }
}

/// `recover --list --json`: schema `walletdoctor.flow-list/1`.
public struct FlowListDocument: Sendable, Encodable {
  public static let schemaName = "walletdoctor.flow-list/1"

  public struct Entry: Sendable, Encodable {
    public var id: String
    public var title: String
    public var summary: String
  }

  public var schema = FlowListDocument.schemaName
  public var flows: [Entry]

  public init(flows: [RecoveryFlow], language: Language) {
    self.flows = flows.map { Entry(id: $0.id, title: $0.title(language), summary: $0.summary(language)) }
  }
}
