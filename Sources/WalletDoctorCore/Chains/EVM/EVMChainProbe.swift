/// Diagnoses an EVM transaction through one chain's JSON-RPC endpoints.
///
/// Round trips: every endpoint gets one batch at once (the first look); only a pending
/// transaction needs a second batch (nonces and balance), sent to the endpoint that decided.
/// Endpoints that fail, serve another chain, or lag more than ``maxLagBlocks`` behind the best
/// head are recorded and ignored; when usable endpoints disagree, the freshest head wins.
public struct EVMChainProbe: ChainProbe {
  /// An endpoint further behind the best head than this is ignored as lagging.
  public static let maxLagBlocks: UInt64 = 64

  public let transport: any HTTPTransport

  public init(transport: any HTTPTransport) {
    self.transport = transport
  }

  /// What one endpoint answered to the first batch.
  struct FirstLook: Sendable {
    var chainId: UInt64
    var transaction: EVMTransaction?
    var receipt: EVMReceipt?
    var head: EVMBlockHead
    var feeHistory: EVMFeeHistory?
    var maxPriorityFee: UInt128?
    var latency: Duration

    enum Observation: Int, Comparable {
      case absent = 0, pending = 1, mined = 2
      static func < (lhs: Observation, rhs: Observation) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    var observation: Observation {
      if receipt != nil { return .mined }
      return transaction != nil ? .pending : .absent
    }
  }

  public func probe(
    _ reference: TransactionReference, chain: Chain, endpoints: [EndpointSpec], context: ProbeContext
  ) async -> ChainProbeResult {
    let hash = reference.evmHash
    let deadline = context.deadline
    let required = context.requiredAgreement(endpointCount: endpoints.count)
    let race = EndpointRace<FirstLook>(
      endpoints: endpoints, initialWidth: required,
      look: { endpoint in await firstLook(hash: hash, endpoint: endpoint, deadline: deadline) },
      settlement: { results in Self.settlement(results, chain: chain, required: required) },
      latency: \.latency)
    let looks = await race.run()

    var sources: [SourceReport] = []
    var endpointFindings: [Finding] = []
    var usable: [(endpoint: EndpointSpec, look: FirstLook)] = []
    for (endpoint, result) in zip(endpoints, looks) {
      switch result {
      case nil:
        continue  // never asked: the race settled before it was needed
      case .failure(let failure):
        sources.append(failedSource(endpoint, failure))
      case .success(let look) where chain.evmChainId != nil && look.chainId != chain.evmChainId:
        let failure = TransportFailure(
          .wrongChain,
          LocalizedText(
            en: "serves chain id \(look.chainId), not \(chain.name) (\(chain.evmChainId!)); its answers were not used",
            zh: "服务的链 ID 为 \(look.chainId)，而不是 \(chain.name)（\(chain.evmChainId!)）；其应答未被采用"))
        sources.append(failedSource(endpoint, failure, head: Int64(look.head.number), latency: look.latency))
        endpointFindings.append(
          Finding(
            .endpointWrongChain,
            message: LocalizedText(
              en: "\(endpoint.displayURL) was given for \(chain.name) (chain id \(chain.evmChainId!)) but serves chain id \(look.chainId); its answers were ignored.",
              zh: "\(endpoint.displayURL) 被指定用于 \(chain.name)（链 ID \(chain.evmChainId!)），但实际服务链 ID \(look.chainId)；其应答已被忽略。"),
            evidence: [
              "endpoint": .string(endpoint.displayURL), "expected_chain_id": .count(chain.evmChainId!),
              "reported_chain_id": .count(look.chainId),
            ]))
      case .success(let look):
        usable.append((endpoint, look))
      }
    }

    // Lagging endpoints may not have seen the block that mined the transaction.
    let bestHead = usable.map(\.look.head.number).max() ?? 0
    var fresh: [(endpoint: EndpointSpec, look: FirstLook)] = []
    for candidate in usable {
      let behind = bestHead - candidate.look.head.number
      if behind > Self.maxLagBlocks {
        let failure = TransportFailure(
          .lagging,
          LocalizedText(
            en: "lagging: \(behind) blocks behind the best endpoint (head \(candidate.look.head.number) vs \(bestHead))",
            zh: "同步落后：比最新节点落后 \(behind) 个区块（\(candidate.look.head.number) 对 \(bestHead)）"))
        sources.append(failedSource(candidate.endpoint, failure, head: Int64(candidate.look.head.number), latency: candidate.look.latency))
      } else {
        fresh.append(candidate)
      }
    }
    guard !fresh.isEmpty else {
      return ChainProbeResult(chain: chain, verdict: .undecided, sources: order(sources, endpoints), endpointFindings: endpointFindings)
    }
    for candidate in fresh {
      sources.append(
        SourceReport(
          chain: chain.name, endpoint: candidate.endpoint.displayURL, ok: true,
          latencyMilliseconds: milliseconds(candidate.look.latency), head: Int64(candidate.look.head.number)))
    }

    // The freshest head decides; on a tie, positive evidence (a receipt, then the transaction) wins.
    let ranked = fresh.sorted {
      ($0.look.head.number, $0.look.observation) > ($1.look.head.number, $1.look.observation)
    }
    let decider = ranked[0]
    let observations = Set(fresh.map(\.look.observation))
    if observations.count > 1 {
      endpointFindings.append(disagreement(fresh, decider: decider.endpoint, chain: chain))
    } else if Self.isAlarming(decider.look), fresh.count < required {
      endpointFindings.append(singleSource(decider.endpoint, chain: chain, agreeing: fresh.count, required: required))
    }

    let query = reference.evmHash
    switch decider.look.observation {
    case .absent:
      return ChainProbeResult(chain: chain, verdict: .absent, sources: order(sources, endpoints), endpointFindings: endpointFindings)
    case .mined:
      let diagnosis = EVMMinedVerdict.diagnose(
        chain: chain, query: query, transaction: decider.look.transaction, receipt: decider.look.receipt!,
        head: decider.look.head.number)
      return ChainProbeResult(chain: chain, verdict: .found(diagnosis), sources: order(sources, endpoints), endpointFindings: endpointFindings)
    case .pending:
      let transaction = decider.look.transaction!
      // The second look goes to the decider; if it fails, to the next fresh endpoint that also saw it.
      var account: EVMAccountState?
      var accountEndpoint: EndpointSpec?
      var accountFailure: (EndpointSpec, TransportFailure)?
      for candidate in ranked where candidate.look.observation == .pending {
        switch await secondLook(address: transaction.from, endpoint: candidate.endpoint, deadline: deadline) {
        case .success(let state):
          account = state
          accountEndpoint = candidate.endpoint
        case .failure(let failure):
          accountFailure = (candidate.endpoint, failure)
          continue
        }
        break
      }
      let facts = pendingFacts(decider.look, endpoint: decider.endpoint, account: account)
      var diagnosis = EVMPendingVerdict(chain: chain, query: query, transaction: transaction, facts: facts).diagnose()
      if account == nil, let (endpoint, failure) = accountFailure {
        diagnosis.findings.append(
          Finding(
            .accountStateUnavailable,
            message: LocalizedText(
              en: "The sender's nonces and balance could not be read (\(endpoint.displayURL): \(failure.message.english)); nonce and balance problems were not checked.",
              zh: "无法读取发送方的 nonce 和余额（\(endpoint.displayURL)：\(failure.message.simplifiedChinese)）；未检查 nonce 与余额问题。"
            ).scrubbed(endpoint.secrets),
            evidence: ["endpoint": .string(endpoint.displayURL), "error_kind": .string(failure.kind.rawValue)]))
      }
      if diagnosis.status == .replaced, let accountEndpoint, required > 1 {
        let others = ranked.map(\.endpoint).filter { $0 != accountEndpoint }.prefix(required - 1)
        let finding = await corroborateReplacement(
          nonce: transaction.nonce, address: transaction.from, decidedBy: accountEndpoint, others: Array(others),
          chain: chain, required: required, deadline: deadline)
        if let finding { endpointFindings.append(finding) }
      }
      return ChainProbeResult(chain: chain, verdict: .found(diagnosis), sources: order(sources, endpoints), endpointFindings: endpointFindings)
    }
  }

  // MARK: - The two looks

  /// The first batch: chain id, the transaction, its receipt, the head block, fee history, tip.
  func firstLook(hash: String, endpoint: EndpointSpec, deadline: Deadline) async -> Result<FirstLook, TransportFailure> {
    let client = JSONRPCClient(url: endpoint.url, headers: endpoint.headers, transport: transport)
    let calls = [
      JSONRPCCall("eth_chainId"),
      JSONRPCCall("eth_getTransactionByHash", [.string(hash)]),
      JSONRPCCall("eth_getTransactionReceipt", [.string(hash)]),
      JSONRPCCall("eth_getBlockByNumber", ["latest", false]),
      JSONRPCCall("eth_feeHistory", [10, "latest", [10, 50, 90]]),
      JSONRPCCall("eth_maxPriorityFeePerGas"),
    ]
    do throws(TransportFailure) {
      let (outcomes, latency) = try await client.send(calls, deadline: deadline)
      // The first four are required; a node that cannot answer them cannot be trusted for a verdict.
      let chainId = try required(outcomes[0], "eth_chainId").hexUInt64
      guard let chainId else { throw malformed("eth_chainId") }
      let transactionJSON = try required(outcomes[1], "eth_getTransactionByHash")
      let receiptJSON = try required(outcomes[2], "eth_getTransactionReceipt")
      guard let head = EVMBlockHead(try required(outcomes[3], "eth_getBlockByNumber")) else {
        throw malformed("eth_getBlockByNumber")
      }
      var transaction: EVMTransaction?
      if !transactionJSON.isNull {
        guard let decoded = EVMTransaction(transactionJSON) else { throw malformed("eth_getTransactionByHash") }
        transaction = decoded
      }
      var receipt: EVMReceipt?
      if !receiptJSON.isNull {
        guard let decoded = EVMReceipt(receiptJSON) else { throw malformed("eth_getTransactionReceipt") }
        receipt = decoded
      }
      return .success(
        FirstLook(
          chainId: chainId, transaction: transaction, receipt: receipt, head: head,
          feeHistory: outcomes[4].result.flatMap(EVMFeeHistory.init),
          maxPriorityFee: outcomes[5].result?.hexUInt128, latency: latency))
    } catch {
      return .failure(TransportFailure(error.kind, error.message.scrubbed(endpoint.secrets)))
    }
  }

  /// The second batch, for a pending transaction: the sender's nonces and balance.
  func secondLook(address: String, endpoint: EndpointSpec, deadline: Deadline) async -> Result<EVMAccountState, TransportFailure> {
    let client = JSONRPCClient(url: endpoint.url, headers: endpoint.headers, transport: transport)
    let calls = [
      JSONRPCCall("eth_getTransactionCount", [.string(address), "latest"]),
      JSONRPCCall("eth_getTransactionCount", [.string(address), "pending"]),
      JSONRPCCall("eth_getBalance", [.string(address), "latest"]),
    ]
    do throws(TransportFailure) {
      let (outcomes, _) = try await client.send(calls, deadline: deadline)
      guard let confirmed = try required(outcomes[0], "eth_getTransactionCount").hexUInt64,
        let pending = try required(outcomes[1], "eth_getTransactionCount").hexUInt64,
        let balance = try required(outcomes[2], "eth_getBalance").hexUInt128
      else { throw malformed("eth_getTransactionCount/eth_getBalance") }
      return .success(EVMAccountState(confirmedNonce: confirmed, pendingNonce: pending, balance: balance))
    } catch {
      return .failure(TransportFailure(error.kind, error.message.scrubbed(endpoint.secrets)))
    }
  }

  private func required(_ outcome: JSONRPCOutcome, _ method: String) throws(TransportFailure) -> JSONValue {
    switch outcome {
    case .result(let value):
      return value
    case .error(let code, let message):
      let shown = String(message.prefix(200))
      throw TransportFailure(
        .rpcError,
        LocalizedText(
          en: "\(method) returned JSON-RPC error \(code): \(shown)", zh: "\(method) 返回 JSON-RPC 错误 \(code)：\(shown)"))
    }
  }

  private func malformed(_ method: String) -> TransportFailure {
    TransportFailure(
      .malformed, LocalizedText(en: "\(method) returned a result of the wrong shape", zh: "\(method) 返回的结果格式不正确"))
  }

  // MARK: - Agreement

  /// Whether the first looks so far settle the verdict (see ``EndpointRace``). Alarming verdicts
  /// (not found, failed) wait for `required` fresh endpoints to agree; reassuring ones settle after
  /// the grace period for partners still in flight.
  static func settlement(
    _ results: [Result<FirstLook, TransportFailure>?], chain: Chain, required: Int
  ) -> EndpointRace<FirstLook>.Settlement {
    let looks = results.compactMap { result -> FirstLook? in
      guard case .success(let look)? = result, chain.evmChainId == nil || look.chainId == chain.evmChainId else {
        return nil
      }
      return look
    }
    guard let best = looks.map(\.head.number).max() else { return .open }
    let fresh = looks.filter { best - $0.head.number <= maxLagBlocks }
    guard let decider = fresh.max(by: { ($0.head.number, $0.observation) < ($1.head.number, $1.observation) }) else {
      return .open
    }
    if isAlarming(decider) {
      return fresh.filter { $0.observation == decider.observation }.count >= required ? .settled : .open
    }
    return .afterGrace
  }

  /// Verdicts that could alarm a user: not found, or failed.
  static func isAlarming(_ look: FirstLook) -> Bool {
    look.observation == .absent || look.receipt?.succeeded == false
  }

  private func singleSource(_ endpoint: EndpointSpec, chain: Chain, agreeing: Int, required: Int) -> Finding {
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

  /// Asks other endpoints whether the nonce is really used before calling a transaction replaced.
  private func corroborateReplacement(
    nonce: UInt64, address: String, decidedBy: EndpointSpec, others: [EndpointSpec], chain: Chain, required: Int,
    deadline: Deadline
  ) async -> Finding? {
    let answers = await withTaskGroup(of: (EndpointSpec, EVMAccountState?).self) { group in
      for endpoint in others {
        group.addTask {
          if case .success(let state) = await secondLook(address: address, endpoint: endpoint, deadline: deadline) {
            return (endpoint, state)
          }
          return (endpoint, nil)
        }
      }
      var collected: [(EndpointSpec, EVMAccountState?)] = []
      for await answer in group { collected.append(answer) }
      return collected
    }
    let contradicting = answers.filter { $0.1.map { nonce >= $0.confirmedNonce } ?? false }.map(\.0)
    if !contradicting.isEmpty {
      let names = contradicting.map(\.displayURL).joined(separator: ", ")
      return Finding(
        .endpointDisagreement,
        message: LocalizedText(
          en: "Endpoints for \(chain.name) disagree on nonce \(nonce): \(decidedBy.displayURL) counts it as used, \(names) do not. The endpoint with the freshest head decided.",
          zh: "\(chain.name) 的节点对 nonce \(nonce) 的判断不一致：\(decidedBy.displayURL) 认为已被使用，\(names) 认为没有。以区块最新的节点为准。"),
        evidence: ["decided_by": .string(decidedBy.displayURL), "nonce": .count(nonce)])
    }
    let agreeing = 1 + answers.filter { $0.1.map { nonce < $0.confirmedNonce } ?? false }.count
    return agreeing < required ? singleSource(decidedBy, chain: chain, agreeing: agreeing, required: required) : nil
  }

  // MARK: - Assembling

  private func pendingFacts(_ look: FirstLook, endpoint: EndpointSpec, account: EVMAccountState?) -> EVMPendingFacts {
    let baseFee: (UInt128, String)
    if let history = look.feeHistory {
      baseFee = (history.nextBaseFee, "eth_feeHistory")
    } else if let projected = look.head.projectedNextBaseFee {
      baseFee = (projected, "latest block (EIP-1559 projection)")
    } else {
      baseFee = (0, "none (chain without base fee)")
    }
    let tip: (UInt128, String)
    if let maxPriorityFee = look.maxPriorityFee {
      tip = (maxPriorityFee, "eth_maxPriorityFeePerGas")
    } else if let reward = look.feeHistory?.latestMedianReward {
      tip = (reward, "eth_feeHistory p50 of the latest block")
    } else {
      tip = (0, "none")
    }
    return EVMPendingFacts(
      nextBaseFee: baseFee.0, nextBaseFeeSource: baseFee.1, marketTip: tip.0, marketTipSource: tip.1,
      feeHistory: look.feeHistory, head: look.head.number, endpoint: endpoint.displayURL, account: account)
  }

  private func disagreement(_ fresh: [(endpoint: EndpointSpec, look: FirstLook)], decider: EndpointSpec, chain: Chain) -> Finding {
    func said(_ look: FirstLook) -> (String, String) {
      switch look.observation {
      case .mined: return ("mined (receipt)", "已打包（有回执）")
      case .pending: return ("pending (no receipt)", "待处理（无回执）")
      case .absent: return ("no such transaction", "查无此交易")
      }
    }
    let english = fresh.map { "\($0.endpoint.displayURL) at block \($0.look.head.number): \(said($0.look).0)" }
    let chinese = fresh.map { "\($0.endpoint.displayURL)（区块 \($0.look.head.number)）：\(said($0.look).1)" }
    return Finding(
      .endpointDisagreement,
      message: LocalizedText(
        en: "Endpoints for \(chain.name) disagree — \(english.joined(separator: "; ")). The freshest, \(decider.displayURL), decided.",
        zh: "\(chain.name) 的节点结果不一致——\(chinese.joined(separator: "；"))。以区块最新的 \(decider.displayURL) 为准。"),
      evidence: [
        "decided_by": .string(decider.displayURL),
        "answers": .array(
          fresh.map {
            [
              "endpoint": .string($0.endpoint.displayURL), "head": .count($0.look.head.number),
              "observation": .string(said($0.look).0),
            ]
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

func milliseconds(_ duration: Duration) -> Int {
  let (seconds, attoseconds) = duration.components
  return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
}
