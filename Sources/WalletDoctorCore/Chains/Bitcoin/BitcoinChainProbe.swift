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
    let required = context.requiredAgreement(endpointCount: endpoints.count)
    let looks = await EndpointRace<BitcoinLook>.firstLooks(
      endpoints: endpoints, required: required, maxLag: Self.maxLagBlocks, decide: Self.decider
    ) { endpoint in await firstLook(txid: txid, endpoint: endpoint, deadline: deadline) }
    let selection = FirstLookSelection(
      chain: chain, endpoints: endpoints, results: looks, maxLag: Self.maxLagBlocks, required: required,
      decide: Self.decider)
    let sources = selection.sources
    // Remarks about individual answers (a node without -txindex) come first.
    let endpointFindings = selection.fresh.flatMap(\.look.notes) + selection.findings
    guard let decider = selection.decider else {
      return ChainProbeResult(chain: chain, verdict: .undecided, sources: sources, endpointFindings: endpointFindings)
    }
    let result = { (verdict: ChainProbeResult.Verdict) in
      ChainProbeResult(chain: chain, verdict: verdict, sources: sources, endpointFindings: endpointFindings)
    }
    let look = decider.look
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
      result = await EsploraClient(endpoint: endpoint, transport: transport).firstLook(
        txid: txid, checkNetwork: !endpoint.isBuiltIn, deadline: deadline)
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
}
