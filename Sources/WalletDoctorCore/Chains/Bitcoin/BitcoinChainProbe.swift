/// Diagnoses a Bitcoin transaction through Esplora REST APIs and Bitcoin Core nodes.
///
/// Round trips: every endpoint gets its first wave at once (seven concurrent GETs for Esplora,
/// one JSON-RPC batch for Core). Only a pending transaction seen through Esplora needs a second
/// wave: its direct parents, to learn whether they are unconfirmed (Core reports ancestors in
/// the first batch). Failed and lagging endpoints are recorded and ignored.
public struct BitcoinChainProbe: ChainProbe {
  /// An endpoint further behind the best tip than this is ignored as lagging (20 minutes).
  public static let maxLagBlocks: Int64 = 2
  /// At most this many parents are looked up (Bitcoin Core's default ancestor limit is 25).
  public static let maxParentLookups = 25

  public let transport: any HTTPTransport

  public init(transport: any HTTPTransport) {
    self.transport = transport
  }

  public func probe(
    _ reference: TransactionReference, chain: Chain, endpoints: [EndpointSpec], context: ProbeContext
  ) async -> ChainProbeResult {
    let deadline = context.deadline
    let txid = reference.hexDigits
    let looks = await withTaskGroup(of: (Int, Result<BitcoinLook, TransportFailure>).self) { group in
      for (index, endpoint) in endpoints.enumerated() {
        group.addTask { (index, await firstLook(txid: txid, endpoint: endpoint, deadline: deadline)) }
      }
      var results = [Result<BitcoinLook, TransportFailure>?](repeating: nil, count: endpoints.count)
      for await (index, result) in group { results[index] = result }
      return results.map { $0! }
    }

    var sources: [SourceReport] = []
    var usable: [(endpoint: EndpointSpec, look: BitcoinLook)] = []
    for (endpoint, result) in zip(endpoints, looks) {
      switch result {
      case .failure(let failure): sources.append(failedSource(endpoint, failure))
      case .success(let look): usable.append((endpoint, look))
      }
    }

    // Lagging endpoints may not have seen the block that mined the transaction.
    let bestTip = usable.map(\.look.tip).max() ?? 0
    var fresh: [(endpoint: EndpointSpec, look: BitcoinLook)] = []
    for candidate in usable {
      let behind = bestTip - candidate.look.tip
      if behind > Self.maxLagBlocks {
        let failure = TransportFailure(
          .lagging,
          LocalizedText(
            en: "lagging: \(behind) blocks behind the best endpoint (tip \(candidate.look.tip) vs \(bestTip))",
            zh: "同步落后：比最新节点落后 \(behind) 个区块（\(candidate.look.tip) 对 \(bestTip)）"))
        sources.append(failedSource(candidate.endpoint, failure, head: candidate.look.tip, latency: candidate.look.latency))
      } else {
        fresh.append(candidate)
      }
    }
    var endpointFindings = fresh.flatMap(\.look.notes)
    guard !fresh.isEmpty else {
      return ChainProbeResult(chain: chain, verdict: .undecided, sources: order(sources, endpoints), endpointFindings: endpointFindings)
    }
    for candidate in fresh {
      sources.append(
        SourceReport(
          chain: chain.name, endpoint: candidate.endpoint.displayURL, ok: true,
          latencyMilliseconds: milliseconds(candidate.look.latency), head: candidate.look.tip))
    }

    let decider = Self.decider(fresh)
    if Set(fresh.map(\.look.observation)).count > 1 {
      endpointFindings.append(disagreement(fresh, decider: decider.endpoint, chain: chain))
    }
    let look = decider.look
    let result = { (verdict: ChainProbeResult.Verdict) in
      ChainProbeResult(chain: chain, verdict: verdict, sources: order(sources, endpoints), endpointFindings: endpointFindings)
    }
    switch look.observation {
    case .absent:
      return result(.absent)
    case .confirmed:
      return result(.found(BitcoinSettledVerdicts.confirmed(chain: chain, transaction: look.transaction!, tip: look.tip)))
    case .replaced:
      return result(
        .found(
          BitcoinSettledVerdicts.replaced(
            chain: chain, txid: txid, transaction: look.transaction, replacement: look.replacement!, tip: look.tip)))
    case .pending:
      var transaction = look.transaction!
      var parentWarning: Finding?
      if !look.ancestorsKnown && !transaction.parentTxids.isEmpty {
        let parents = Array(transaction.parentTxids.prefix(Self.maxParentLookups))
        let client = EsploraClient(endpoint: decider.endpoint, transport: transport)
        switch await client.unconfirmedParents(of: parents, deadline: deadline) {
        case .success(let found):
          transaction.unconfirmedAncestors = found.package
          transaction.unconfirmedAncestorCount = found.count
          if transaction.parentTxids.count > parents.count {
            parentWarning = parentsUnchecked(
              LocalizedText(
                en: "only the first \(parents.count) of its \(transaction.parentTxids.count) parent transactions were checked",
                zh: "在其 \(transaction.parentTxids.count) 笔父交易中只检查了前 \(parents.count) 笔"),
              endpoint: decider.endpoint)
          }
        case .failure(let failure):
          parentWarning = parentsUnchecked(failure.message.scrubbed(decider.endpoint.secrets), endpoint: decider.endpoint)
        }
      }
      var diagnosis = BitcoinPendingVerdict(
        chain: chain, transaction: transaction, market: look.market, endpoint: decider.endpoint.displayURL, tip: look.tip
      ).diagnose()
      if let parentWarning {
        diagnosis.findings.append(parentWarning)
        diagnosis.findings.sort { $0.severity < $1.severity }
      }
      return result(.found(diagnosis))
    }
  }

  /// Which endpoint decides. Mempools differ between nodes, so knowing the transaction beats not
  /// knowing it, and a replacement beats a plain pending view. A confirmation decides unless a
  /// strictly fresher endpoint, whose tip already covers that block, does not have it (a reorg):
  /// then the freshest wins.
  static func decider(_ fresh: [(endpoint: EndpointSpec, look: BitcoinLook)]) -> (endpoint: EndpointSpec, look: BitcoinLook) {
    let ranked = fresh.sorted { ($0.look.observation, $0.look.tip) > ($1.look.observation, $1.look.tip) }
    let best = ranked[0]
    if best.look.observation == .confirmed, let height = best.look.transaction?.blockHeight {
      let contradicting = fresh.filter {
        $0.look.observation != .confirmed && $0.look.tip > best.look.tip && $0.look.tip >= height
      }
      if let freshest = contradicting.max(by: { ($0.look.tip, $0.look.observation) < ($1.look.tip, $1.look.observation) }) {
        return freshest
      }
    }
    return best
  }

  private func firstLook(txid: String, endpoint: EndpointSpec, deadline: Deadline) async -> Result<BitcoinLook, TransportFailure> {
    let result: Result<BitcoinLook, TransportFailure>
    switch endpoint.api {
    case .bitcoinCore:
      result = await BitcoinCoreClient(endpoint: endpoint, transport: transport).firstLook(txid: txid, deadline: deadline)
    default:
      result = await EsploraClient(endpoint: endpoint, transport: transport).firstLook(txid: txid, deadline: deadline)
    }
    return result.mapError { TransportFailure($0.kind, $0.message.scrubbed(endpoint.secrets)) }
  }

  private func parentsUnchecked(_ reason: LocalizedText, endpoint: EndpointSpec) -> Finding {
    Finding(
      .endpointsUnavailable, severity: .warning,
      message: LocalizedText(
        en: "Its parent transactions could not all be checked (\(endpoint.displayURL): \(reason.english)); an unconfirmed parent paying a low fee would slow it down further.",
        zh: "未能检查全部父交易（\(endpoint.displayURL)：\(reason.simplifiedChinese)）；若有低手续费的未确认父交易，它会更慢。"
      ).scrubbed(endpoint.secrets),
      evidence: ["endpoint": .string(endpoint.displayURL)])
  }

  private func disagreement(
    _ fresh: [(endpoint: EndpointSpec, look: BitcoinLook)], decider: EndpointSpec, chain: Chain
  ) -> Finding {
    func said(_ look: BitcoinLook) -> (String, String) {
      switch look.observation {
      case .confirmed: return ("confirmed in block \(look.transaction?.blockHeight ?? 0)", "已在第 \(look.transaction?.blockHeight ?? 0) 号区块确认")
      case .replaced: return ("replaced by \(look.replacement?.replacedBy ?? "?")", "已被 \(look.replacement?.replacedBy ?? "?") 替换")
      case .pending: return ("unconfirmed, in its mempool", "未确认，在其内存池中")
      case .absent: return ("no such transaction", "查无此交易")
      }
    }
    let seenBy = fresh.filter { $0.look.observation != .absent }.count
    let english = fresh.map { "\($0.endpoint.displayURL) at tip \($0.look.tip): \(said($0.look).0)" }
    let chinese = fresh.map { "\($0.endpoint.displayURL)（区块 \($0.look.tip)）：\(said($0.look).1)" }
    return Finding(
      .endpointDisagreement,
      message: LocalizedText(
        en: "Endpoints for \(chain.name) disagree (seen by \(seenBy) of \(fresh.count)) — \(english.joined(separator: "; ")). \(decider.displayURL) decided.",
        zh: "\(chain.name) 的节点结果不一致（\(fresh.count) 个中有 \(seenBy) 个查到）——\(chinese.joined(separator: "；"))。以 \(decider.displayURL) 为准。"),
      evidence: [
        "decided_by": .string(decider.displayURL),
        "answers": .array(
          fresh.map {
            ["endpoint": .string($0.endpoint.displayURL), "head": .count($0.look.tip), "observation": .string(said($0.look).0)]
          }),
      ])
  }

  private func failedSource(
    _ endpoint: EndpointSpec, _ failure: TransportFailure, head: Int64? = nil, latency: Duration? = nil
  ) -> SourceReport {
    SourceReport(
      chain: endpoint.chain.name, endpoint: endpoint.displayURL, ok: false,
      latencyMilliseconds: latency.map(milliseconds), head: head, error: failure.message.scrubbed(endpoint.secrets),
      errorKind: failure.kind)
  }

  /// Sources in the order the endpoints were given, so output is deterministic.
  private func order(_ sources: [SourceReport], _ endpoints: [EndpointSpec]) -> [SourceReport] {
    endpoints.compactMap { endpoint in sources.first { $0.endpoint == endpoint.displayURL && $0.chain == endpoint.chain.name } }
  }
}
