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
    let looks = await withTaskGroup(of: (Int, Result<TronLook, TransportFailure>).self) { group in
      for (index, endpoint) in endpoints.enumerated() {
        group.addTask {
          let result = await TronHTTPClient(endpoint: endpoint, transport: transport).firstLook(txid: txid, deadline: deadline)
          return (index, result.mapError { TransportFailure($0.kind, $0.message.scrubbed(endpoint.secrets)) })
        }
      }
      var results = [Result<TronLook, TransportFailure>?](repeating: nil, count: endpoints.count)
      for await (index, result) in group { results[index] = result }
      return results.map { $0! }
    }

    var sources: [SourceReport] = []
    var usable: [(endpoint: EndpointSpec, look: TronLook)] = []
    for (endpoint, result) in zip(endpoints, looks) {
      switch result {
      case .failure(let failure): sources.append(failedSource(endpoint, failure))
      case .success(let look): usable.append((endpoint, look))
      }
    }
    let bestHead = usable.map(\.look.head.number).max() ?? 0
    var fresh: [(endpoint: EndpointSpec, look: TronLook)] = []
    for candidate in usable {
      let behind = bestHead - candidate.look.head.number
      if behind > Self.maxLagBlocks {
        let failure = TransportFailure(
          .lagging,
          LocalizedText(
            en: "lagging: \(behind) blocks behind the best endpoint (head \(candidate.look.head.number) vs \(bestHead))",
            zh: "同步落后：比最新节点落后 \(behind) 个区块（\(candidate.look.head.number) 对 \(bestHead)）"))
        sources.append(
          failedSource(candidate.endpoint, failure, head: candidate.look.head.number, latency: candidate.look.latency))
      } else {
        fresh.append(candidate)
      }
    }
    var endpointFindings: [Finding] = []
    guard !fresh.isEmpty else {
      return ChainProbeResult(chain: chain, verdict: .undecided, sources: order(sources, endpoints))
    }
    for candidate in fresh {
      sources.append(
        SourceReport(
          chain: chain.name, endpoint: candidate.endpoint.displayURL, ok: true,
          latencyMilliseconds: milliseconds(candidate.look.latency), head: candidate.look.head.number))
    }
    let decider = Self.decider(fresh)
    if Set(fresh.map(\.look.observation)).count > 1 {
      endpointFindings.append(disagreement(fresh, decider: decider.endpoint, chain: chain))
    }
    let result = { (verdict: ChainProbeResult.Verdict) in
      ChainProbeResult(chain: chain, verdict: verdict, sources: order(sources, endpoints), endpointFindings: endpointFindings)
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

  private func disagreement(
    _ fresh: [(endpoint: EndpointSpec, look: TronLook)], decider: EndpointSpec, chain: Chain
  ) -> Finding {
    func said(_ look: TronLook) -> (String, String) {
      switch look.observation {
      case .mined:
        let block = look.info?.blockNumber.map(String.init) ?? "?"
        return ("in block \(block)", "在第 \(block) 号区块")
      case .pending: return ("in its pending pool", "在其待处理交易池中")
      case .absent: return ("no such transaction", "查无此交易")
      }
    }
    let english = fresh.map { "\($0.endpoint.displayURL) at block \($0.look.head.number): \(said($0.look).0)" }
    let chinese = fresh.map { "\($0.endpoint.displayURL)（区块 \($0.look.head.number)）：\(said($0.look).1)" }
    return Finding(
      .endpointDisagreement,
      message: LocalizedText(
        en: "Endpoints for \(chain.name) disagree — \(english.joined(separator: "; ")). \(decider.displayURL) decided.",
        zh: "\(chain.name) 的节点结果不一致——\(chinese.joined(separator: "；"))。以 \(decider.displayURL) 为准。"),
      evidence: [
        "decided_by": .string(decider.displayURL),
        "answers": .array(
          fresh.map {
            ["endpoint": .string($0.endpoint.displayURL), "head": .count($0.look.head.number), "observation": .string(said($0.look).0)]
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

  private func order(_ sources: [SourceReport], _ endpoints: [EndpointSpec]) -> [SourceReport] {
    endpoints.compactMap { endpoint in sources.first { $0.endpoint == endpoint.displayURL && $0.chain == endpoint.chain.name } }
  }
}
