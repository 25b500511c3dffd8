/// Diagnoses a TRON transaction through TronGrid-compatible HTTP APIs.
///
/// Round trips: every endpoint gets its first wave at once (transaction, receipt, head block,
/// pending pool). A second wave — the sender's balance and resources and the live prices —
/// goes to the deciding endpoint only when the verdict needs it: a pending transaction, or one
/// that failed for lack of energy. Failed and lagging endpoints are recorded and ignored.
public struct TronChainProbe: ChainProbe {
  /// An endpoint further behind the best head than this is ignored as lagging (one minute).
  public static let maxLagBlocks: Int64 = 20

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
    let looks = await EndpointRace<TronLook>.firstLooks(
      endpoints: endpoints, required: required, maxLag: Self.maxLagBlocks, decide: Self.decider
    ) { endpoint in
      await TronHTTPClient(endpoint: endpoint, transport: transport)
        .firstLook(txid: txid, checkNetwork: !endpoint.isBuiltIn, deadline: deadline)
        .mapError { TransportFailure($0.kind, $0.message.scrubbed(endpoint.secrets)) }
    }
    let selection = FirstLookSelection(
      chain: chain, endpoints: endpoints, results: looks, maxLag: Self.maxLagBlocks, required: required,
      decide: Self.decider)
    let sources = selection.sources
    let endpointFindings = selection.findings
    guard let decider = selection.decider else {
      return ChainProbeResult(chain: chain, verdict: .undecided, sources: sources, endpointFindings: endpointFindings)
    }
    let result = { (verdict: ChainProbeResult.Verdict) in
      ChainProbeResult(chain: chain, verdict: verdict, sources: sources, endpointFindings: endpointFindings)
    }

    let look = decider.look
    let endpoint = decider.endpoint
    switch look.observation {
    case .absent:
      return result(.absent)
    case .mined:
      var verdict = TronMinedVerdict(
        chain: chain, txid: txid, transaction: look.transaction, info: look.info, head: look.head,
        endpoint: endpoint.displayURL)
      var warning: Finding?
      if verdict.failureName.map(ReasonCatalog.tronFailureCode) == .outOfEnergy, let owner = look.transaction?.fromHex {
        switch await TronHTTPClient(endpoint: endpoint, transport: transport).account(ownerHex: owner, deadline: deadline) {
        case .success(let (account, parameters)):
          verdict.account = account
          verdict.parameters = parameters
        case .failure(let failure):
          warning = accountUnavailable(failure, endpoint: endpoint)
        }
      }
      return result(.found(appending(warning, to: verdict.diagnose())))
    case .pending:
      let transaction = look.pending!
      var verdict = TronPendingVerdict(
        chain: chain, txid: txid, transaction: transaction, head: look.head, endpoint: endpoint.displayURL)
      var warning: Finding?
      // An expired transaction needs nothing more: the remedy is to send it again.
      if !TronPendingVerdict.isExpired(transaction, head: look.head), let owner = transaction.fromHex {
        switch await TronHTTPClient(endpoint: endpoint, transport: transport).account(ownerHex: owner, deadline: deadline) {
        case .success(let (account, parameters)):
          verdict.account = account
          verdict.parameters = parameters
        case .failure(let failure):
          warning = accountUnavailable(failure, endpoint: endpoint)
        }
      }
      return result(.found(appending(warning, to: verdict.diagnose())))
    }
  }

  /// Which endpoint decides: being in a block beats not (pools differ between nodes, and a node
  /// that has the transaction in its pool beats one that has nothing), unless a strictly fresher
  /// endpoint whose head already covers that block does not have it — then the freshest wins.
  static func decider(_ fresh: [(endpoint: EndpointSpec, look: TronLook)]) -> (endpoint: EndpointSpec, look: TronLook) {
    let ranked = fresh.sorted { ($0.look.observation, $0.look.head.number) > ($1.look.observation, $1.look.head.number) }
    let best = ranked[0]
    if best.look.observation == .mined, let block = best.look.info?.blockNumber {
      let contradicting = fresh.filter {
        $0.look.observation != .mined && $0.look.head.number > best.look.head.number && $0.look.head.number >= block
      }
      if let freshest = contradicting.max(by: { $0.look.head.number < $1.look.head.number }) { return freshest }
    }
    return best
  }

  private func appending(_ warning: Finding?, to diagnosis: Diagnosis) -> Diagnosis {
    guard let warning else { return diagnosis }
    var diagnosis = diagnosis
    diagnosis.findings.append(warning)
    diagnosis.findings.sort { $0.severity < $1.severity }
    return diagnosis
  }

  private func accountUnavailable(_ failure: TransportFailure, endpoint: EndpointSpec) -> Finding {
    Finding(
      .endpointsUnavailable, severity: .warning,
      message: LocalizedText(
        en: "The sender's balance, energy and the live prices could not be read (\(endpoint.displayURL): \(failure.message.english)); the TRX figures were not checked.",
        zh: "无法读取发送方的余额、能量和实时价格（\(endpoint.displayURL)：\(failure.message.simplifiedChinese)）；未核对 TRX 数额。"
      ).scrubbed(endpoint.secrets),
      evidence: ["endpoint": .string(endpoint.displayURL), "error_kind": .string(failure.kind.rawValue)])
  }
}
