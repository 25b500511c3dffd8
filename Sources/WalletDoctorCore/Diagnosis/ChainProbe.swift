/// Asks one chain's endpoints about a transaction. One implementation per chain family; a new
/// family is a new folder with a type conforming to this protocol.
public protocol ChainProbe: Sendable {
  func probe(
    _ reference: TransactionReference, chain: Chain, endpoints: [EndpointSpec], context: ProbeContext
  ) async -> ChainProbeResult
}

/// What every probe of one diagnosis shares: the time limit and how much agreement an alarming
/// verdict needs.
public struct ProbeContext: Sendable {
  public var deadline: Deadline
  /// `--min-sources`; nil means the default (2 when a chain has at least 2 endpoints, else 1).
  public var minimumSources: Int?

  public init(deadline: Deadline, minimumSources: Int? = nil) {
    self.deadline = deadline
    self.minimumSources = minimumSources
  }

  /// How many healthy endpoints must agree before `not_found`, `replaced`, `failed` or `expired`
  /// is said without the `single_source` warning.
  public func requiredAgreement(endpointCount: Int) -> Int {
    max(1, minimumSources ?? (endpointCount >= 2 ? 2 : 1))
  }
}

/// What one chain said about the transaction.
public struct ChainProbeResult: Sendable {
  public enum Verdict: Sendable {
    /// The chain knows the transaction; the diagnosis has no sources yet (the engine adds them).
    case found(Diagnosis)
    /// Every usable endpoint answered, and none knows the transaction.
    case absent
    /// No endpoint gave a usable answer.
    case undecided
  }

  public var chain: Chain
  public var verdict: Verdict
  /// One entry per endpoint contacted.
  public var sources: [SourceReport]
  /// Findings about the endpoints (wrong chain, disagreement) that belong in the final result
  /// whichever chain decides it.
  public var endpointFindings: [Finding]

  public init(chain: Chain, verdict: Verdict, sources: [SourceReport], endpointFindings: [Finding] = []) {
    self.chain = chain
    self.verdict = verdict
    self.sources = sources
    self.endpointFindings = endpointFindings
  }
}

extension LocalizedText {
  /// The same text with every secret (API key, password) replaced, in both languages.
  public func scrubbed(_ secrets: [String]) -> LocalizedText {
    guard !secrets.isEmpty else { return self }
    return LocalizedText(
      en: URLMasking.scrub(english, secrets: secrets), zh: URLMasking.scrub(simplifiedChinese, secrets: secrets))
  }
}
