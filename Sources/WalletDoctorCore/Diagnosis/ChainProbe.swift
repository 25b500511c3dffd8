/// Asks one chain's endpoints about a transaction. One implementation per chain family; a new
/// family is a new folder with a type conforming to this protocol.
public protocol ChainProbe: Sendable {
  func probe(
    _ reference: TransactionReference, chain: Chain, endpoints: [EndpointSpec], deadline: Deadline
  ) async -> ChainProbeResult
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
