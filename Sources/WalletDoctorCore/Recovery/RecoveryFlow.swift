/// A guided walkthrough for one problem, loaded from a bundled JSON file: a graph of steps that
/// ends in outcomes. The walk engine (``RecoveryWalker``) follows it; nothing about a specific
/// problem lives in code.
public struct RecoveryFlow: Sendable, Hashable {
  /// The stable id users type (`forgot-password`); part of the contract.
  public var id: String
  public var title: LocalizedText
  /// One sentence on when to choose this flow, shown in the menu and `--list`.
  public var summary: LocalizedText
  public var start: Route
  /// Steps in file order (the order `--describe` and the docs show).
  public var steps: [FlowStep]

  public init(id: String, title: LocalizedText, summary: LocalizedText, start: Route, steps: [FlowStep]) {
    self.id = id
    self.title = title
    self.summary = summary
    self.start = start
    self.steps = steps
  }

  /// The step with `id`; nil when there is none (the validator guarantees every route has one).
  public func step(_ id: String) -> FlowStep? {
    steps.first { $0.id == id }
  }

  /// The ids of the steps a walk can visit with `wallet`, in file order.
  public func reachableStepIDs(wallet: WalletID?) -> [String] {
    var seen: Set<String> = []
    var queue = start.targets(wallet: wallet)
    while let next = queue.popLast() {
      guard seen.insert(next).inserted, let step = step(next) else { continue }
      queue += step.routes.flatMap { $0.targets(wallet: wallet) }
    }
    return steps.map(\.id).filter(seen.contains)
  }
}

/// The kinds of step; raw values are part of the `walletdoctor.flow/1` contract.
public enum StepKind: String, Sendable, Codable, CaseIterable {
  /// Numbered options, each leading somewhere.
  case choice
  /// A yes/no question.
  case confirm
  /// Free text (a transaction hash, an app version); screened for secrets first.
  case text
  /// "Do this, then confirm": the answer is `true` once done.
  case instruction
  /// Terminal: what it means, what to do next, and the sources it rests on.
  case outcome
}

/// What a `text` step asks for.
public enum TextExpectation: String, Sendable, Codable {
  /// A transaction hash or explorer link; parsed and, in `stuck-transfer`, diagnosed.
  case transactionHash = "tx_hash"
  /// Any short text.
  case text
}

/// A step answered by the tool itself rather than the user.
public enum AutomaticAnswer: String, Sendable, Codable {
  /// A `choice` whose options are diagnosis verdicts: the engine diagnoses the hash given in
  /// the previous `tx_hash` step and takes the option named after the verdict.
  case diagnosisVerdict = "diagnosis_verdict"
}

/// Where a step leads: one step, or a step per wallet with a default.
public enum Route: Sendable, Hashable {
  case step(String)
  case byWallet(default: String, cases: [WalletID: String])

  /// The step for `wallet` (the default when the wallet has no case or none is given).
  public func resolve(wallet: WalletID?) -> String {
    switch self {
    case .step(let id): return id
    case .byWallet(let fallback, let cases): return wallet.flatMap { cases[$0] } ?? fallback
    }
  }

  /// Every step the route can lead to: for `nil`, all wallets' targets.
  public func targets(wallet: WalletID?) -> [String] {
    switch self {
    case .step(let id): return [id]
    case .byWallet(let fallback, let cases):
      guard wallet == nil else { return [resolve(wallet: wallet)] }
      return [fallback] + cases.keys.sorted().map { cases[$0]! }
    }
  }
}

/// One option of a `choice` step.
public struct FlowOption: Sendable, Hashable {
  /// The id scripted answers use; stable.
  public var id: String
  public var label: LocalizedText
  public var next: Route

  public init(id: String, label: LocalizedText, next: Route) {
    self.id = id
    self.label = label
    self.next = next
  }
}

/// What an `outcome` step says.
public struct FlowOutcome: Sendable, Hashable {
  public var title: LocalizedText
  public var summary: LocalizedText
  public var actions: [LocalizedText]
  /// URLs of the public pages the outcome rests on.
  public var sources: [String]

  public init(title: LocalizedText, summary: LocalizedText, actions: [LocalizedText], sources: [String]) {
    self.title = title
    self.summary = summary
    self.actions = actions
    self.sources = sources
  }
}

/// One step of a flow.
public struct FlowStep: Sendable, Hashable {
  public var id: String
  public var kind: StepKind
  /// The question or instruction; nil only for outcomes.
  public var prompt: LocalizedText?
  /// Explanation shown before the prompt (why this matters, what to look for).
  public var detail: LocalizedText?
  /// `choice`: the options in display order. `confirm`: yes then no (ids `yes`, `no`).
  public var options: [FlowOption]
  /// `text` and `instruction`: where to go next.
  public var next: Route?
  /// `text`: what the answer must be.
  public var expects: TextExpectation?
  /// Set when the tool answers the step itself.
  public var automatic: AutomaticAnswer?
  /// `outcome` only.
  public var outcome: FlowOutcome?

  public init(
    id: String, kind: StepKind, prompt: LocalizedText? = nil, detail: LocalizedText? = nil,
    options: [FlowOption] = [], next: Route? = nil, expects: TextExpectation? = nil,
    automatic: AutomaticAnswer? = nil, outcome: FlowOutcome? = nil
  ) {
    self.id = id
    self.kind = kind
    self.prompt = prompt
    self.detail = detail
    self.options = options
    self.next = next
    self.expects = expects
    self.automatic = automatic
    self.outcome = outcome
  }

  /// Every route out of the step.
  public var routes: [Route] {
    options.map(\.next) + (next.map { [$0] } ?? [])
  }

  /// The option with `id`.
  public func option(_ id: String) -> FlowOption? {
    options.first { $0.id == id }
  }

  /// The option ids a confirm step uses for yes and no.
  public static let yesOptionID = "yes"
  public static let noOptionID = "no"
}
