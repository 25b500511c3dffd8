/// What every chain family's first look tells the shared endpoint logic.
protocol ProbeFirstLook: Sendable {
  associatedtype Observation: Comparable & Hashable & Sendable
  /// The endpoint's head (latest block height).
  var height: Int64 { get }
  /// What it says about the transaction; the family ranks them (a receipt beats nothing).
  var observation: Observation { get }
  var latency: Duration { get }
  /// Whether the endpoint has the transaction at all (for "seen by N of M").
  var knowsTransaction: Bool { get }
  /// Whether this answer, if it decided, would alarm a user (not found, replaced, failed,
  /// expired): such a verdict needs the agreement of `--min-sources` endpoints.
  var isAlarming: Bool { get }
  /// What this endpoint said, for the disagreement finding.
  var said: LocalizedText { get }
  /// The network the endpoint says it serves (`main` for mainnet), when its answers name one;
  /// an answer from another network is never used (see ``WrongNetwork``).
  var network: String? { get }
}

extension ProbeFirstLook {
  var network: String? { nil }
}

/// Sorts a chain's first looks into sources, fresh usable answers and the one that decides,
/// with the findings every family shares: wrong network, lagging, disagreement, single source.
struct FirstLookSelection<Look: ProbeFirstLook> {
  typealias Candidate = (endpoint: EndpointSpec, look: Look)

  /// One entry per endpoint asked, in the order the endpoints were given.
  private(set) var sources: [SourceReport] = []
  /// Usable answers within `maxLag` of the best head.
  private(set) var fresh: [Candidate] = []
  /// The answer the verdict follows; nil when no endpoint gave a usable answer.
  private(set) var decider: Candidate?
  /// Endpoint findings for the final result.
  var findings: [Finding] = []

  /// - Parameters:
  ///   - misfit: why an answer cannot be used although it arrived (another chain), with the
  ///     finding that says so; nil when it fits. Another network than the look's `network` says
  ///     is always a misfit.
  ///   - decide: which fresh answer decides (each family ranks its observations).
  init(
    chain: Chain, endpoints: [EndpointSpec], results: [Result<Look, TransportFailure>?], maxLag: Int64,
    required: Int, misfit: (Look, EndpointSpec) -> (TransportFailure, Finding)? = { _, _ in nil },
    decide: ([Candidate]) -> Candidate
  ) {
    var usable: [Candidate] = []
    var reports: [Int: SourceReport] = [:]
    for (index, (endpoint, result)) in zip(endpoints, results).enumerated() {
      switch result {
      case nil:
        continue  // never asked: the race settled before it was needed
      case .failure(let failure):
        reports[index] = Self.failedSource(endpoint, failure)
      case .success(let look):
        if let (failure, finding) = misfit(look, endpoint)
          ?? WrongNetwork.misfit(reported: look.network, endpoint: endpoint, chain: chain)
        {
          reports[index] = Self.failedSource(endpoint, failure, head: look.height, latency: look.latency)
          findings.append(finding)
        } else {
          usable.append((endpoint, look))
        }
      }
    }
    let best = usable.map(\.look.height).max() ?? 0
    for candidate in usable {
      let index = endpoints.firstIndex(of: candidate.endpoint) ?? 0
      let behind = best - candidate.look.height
      if behind > maxLag {
        let failure = TransportFailure(
          .lagging,
          LocalizedText(
            en: "lagging: \(behind) blocks behind the best endpoint (head \(candidate.look.height) vs \(best))",
            zh: "同步落后：比最新节点落后 \(behind) 个区块（\(candidate.look.height) 对 \(best)）"))
        reports[index] = Self.failedSource(candidate.endpoint, failure, head: candidate.look.height, latency: candidate.look.latency)
      } else {
        fresh.append(candidate)
        reports[index] = SourceReport(
          chain: chain.name, endpoint: candidate.endpoint.displayURL, ok: true,
          latencyMilliseconds: milliseconds(candidate.look.latency), head: candidate.look.height)
      }
    }
    sources = reports.sorted { $0.key < $1.key }.map(\.value)
    guard !fresh.isEmpty else { return }
    let decider = decide(fresh)
    self.decider = decider
    if Set(fresh.map(\.look.observation)).count > 1 {
      findings.append(Self.disagreement(fresh, decider: decider.endpoint, chain: chain))
    } else if decider.look.isAlarming, fresh.count < required {
      findings.append(Self.singleSource(decider.endpoint, chain: chain, agreeing: fresh.count, required: required))
    }
  }

  /// Whether the answers so far settle the verdict (see ``EndpointRace``): an alarming verdict
  /// waits until `required` fresh endpoints agree; a reassuring one settles after the grace period.
  static func settlement(
    _ results: [Result<Look, TransportFailure>?], endpoints: [EndpointSpec], maxLag: Int64, required: Int,
    fits: (Look) -> Bool = { _ in true }, decide: ([Candidate]) -> Candidate
  ) -> EndpointRace<Look>.Settlement {
    var usable: [Candidate] = []
    for (endpoint, result) in zip(endpoints, results) {
      if case .success(let look)? = result, fits(look), WrongNetwork.fits(look.network) {
        usable.append((endpoint, look))
      }
    }
    guard let best = usable.map(\.look.height).max() else { return .open }
    let fresh = usable.filter { best - $0.look.height <= maxLag }
    let decider = decide(fresh)
    guard decider.look.isAlarming else { return .afterGrace }
    return fresh.filter { $0.look.observation == decider.look.observation }.count >= required ? .settled : .open
  }

  // MARK: - Shared findings and sources

  static func singleSource(_ endpoint: EndpointSpec, chain: Chain, agreeing: Int, required: Int) -> Finding {
    Finding(
      .singleSource,
      message: LocalizedText(
        en: "On \(chain.name) this rests on \(agreeing) endpoint\(agreeing == 1 ? "" : "s") (\(endpoint.displayURL)); \(required) were wanted, and the others did not answer usably. Check again later before acting on it.",
        zh: "在 \(chain.name) 上，这一结论仅基于 \(agreeing) 个节点（\(endpoint.displayURL)）；需要 \(required) 个节点一致，其他节点未给出可用应答。采取行动前请稍后再查一次。"),
      evidence: [
        "chain": .string(chain.name), "endpoint": .string(endpoint.displayURL), "agreeing": .count(agreeing),
        "required": .count(required),
      ])
  }

  static func disagreement(_ fresh: [Candidate], decider: EndpointSpec, chain: Chain) -> Finding {
    let seenBy = fresh.filter(\.look.knowsTransaction).count
    let english = fresh.map { "\($0.endpoint.displayURL) at block \($0.look.height): \($0.look.said.english)" }
    let chinese = fresh.map { "\($0.endpoint.displayURL)（区块 \($0.look.height)）：\($0.look.said.simplifiedChinese)" }
    return Finding(
      .endpointDisagreement,
      message: LocalizedText(
        en: "Endpoints for \(chain.name) disagree (seen by \(seenBy) of \(fresh.count)) — \(english.joined(separator: "; ")). \(decider.displayURL) decided.",
        zh: "\(chain.name) 的节点结果不一致（\(fresh.count) 个中有 \(seenBy) 个查到）——\(chinese.joined(separator: "；"))。以 \(decider.displayURL) 为准。"),
      evidence: [
        "decided_by": .string(decider.displayURL),
        "answers": .array(
          fresh.map {
            [
              "endpoint": .string($0.endpoint.displayURL), "head": .count($0.look.height),
              "observation": .string($0.look.said.english),
            ]
          }),
      ])
  }

  static func failedSource(
    _ endpoint: EndpointSpec, _ failure: TransportFailure, head: Int64? = nil, latency: Duration? = nil
  ) -> SourceReport {
    SourceReport(
      chain: endpoint.chain.name, endpoint: endpoint.displayURL, ok: false,
      latencyMilliseconds: latency.map(milliseconds), head: head, error: failure.message.scrubbed(endpoint.secrets),
      errorKind: failure.kind)
  }
}

extension EndpointRace where Look: ProbeFirstLook {
  /// The first looks of one chain, raced with the shared settlement rule.
  static func firstLooks(
    endpoints: [EndpointSpec], required: Int, maxLag: Int64, fits: @escaping @Sendable (Look) -> Bool = { _ in true },
    decide: @escaping @Sendable ([FirstLookSelection<Look>.Candidate]) -> FirstLookSelection<Look>.Candidate,
    look: @escaping @Sendable (EndpointSpec) async -> Result<Look, TransportFailure>
  ) async -> [Result<Look, TransportFailure>?] {
    await EndpointRace(
      endpoints: endpoints, initialWidth: required, look: look,
      settlement: { results in
        FirstLookSelection<Look>.settlement(
          results, endpoints: endpoints, maxLag: maxLag, required: required, fits: fits, decide: decide)
      },
      latency: \.latency
    ).run()
  }
}
