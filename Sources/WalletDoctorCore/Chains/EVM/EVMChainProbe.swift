/// Diagnoses an EVM transaction through one chain's JSON-RPC endpoints.
///
/// Round trips: every endpoint gets one batch at once (the first look); only a pending
/// transaction needs a second batch (nonces and balance), sent to the endpoint that decided.
/// Endpoints that fail, serve another chain, or lag more than ``maxLagBlocks`` behind the best
/// head are recorded and ignored; when usable endpoints disagree, the freshest head wins.
public struct EVMChainProbe: ChainProbe {
  /// An endpoint further behind the best head than this is ignored as lagging.
  public static let maxLagBlocks: Int64 = 64

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
    let looks = await EndpointRace<FirstLook>.firstLooks(
      endpoints: endpoints, required: required, maxLag: Self.maxLagBlocks,
      fits: { chain.evmChainId == nil || $0.chainId == chain.evmChainId }, decide: Self.decide
    ) { endpoint in await firstLook(hash: hash, endpoint: endpoint, deadline: deadline) }
    let selection = FirstLookSelection(
      chain: chain, endpoints: endpoints, results: looks, maxLag: Self.maxLagBlocks, required: required,
      misfit: { look, endpoint in Self.wrongChain(look, endpoint: endpoint, chain: chain) }, decide: Self.decide)
    var endpointFindings = selection.findings
    let sources = selection.sources
    guard let decider = selection.decider else {
      return ChainProbeResult(chain: chain, verdict: .undecided, sources: sources, endpointFindings: endpointFindings)
    }
    let ranked = selection.fresh.sorted { Self.rank($0.look) > Self.rank($1.look) }

    let query = reference.evmHash
    switch decider.look.observation {
    case .absent:
      return ChainProbeResult(chain: chain, verdict: .absent, sources: sources, endpointFindings: endpointFindings)
    case .mined:
      let diagnosis = EVMMinedVerdict.diagnose(
        chain: chain, query: query, transaction: decider.look.transaction, receipt: decider.look.receipt!,
        head: decider.look.head.number)
      return ChainProbeResult(chain: chain, verdict: .found(diagnosis), sources: sources, endpointFindings: endpointFindings)
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
      return ChainProbeResult(chain: chain, verdict: .found(diagnosis), sources: sources, endpointFindings: endpointFindings)
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
      let chainId = try outcomes[0].value(of: "eth_chainId").hexUInt64
      guard let chainId else { throw TransportFailure.wrongShape("eth_chainId") }
      let transactionJSON = try outcomes[1].value(of: "eth_getTransactionByHash")
      let receiptJSON = try outcomes[2].value(of: "eth_getTransactionReceipt")
      guard let head = EVMBlockHead(try outcomes[3].value(of: "eth_getBlockByNumber")) else {
        throw TransportFailure.wrongShape("eth_getBlockByNumber")
      }
      var transaction: EVMTransaction?
      if !transactionJSON.isNull {
        guard let decoded = EVMTransaction(transactionJSON) else { throw TransportFailure.wrongShape("eth_getTransactionByHash") }
        transaction = decoded
      }
      var receipt: EVMReceipt?
      if !receiptJSON.isNull {
        guard let decoded = EVMReceipt(receiptJSON) else { throw TransportFailure.wrongShape("eth_getTransactionReceipt") }
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
      guard let confirmed = try outcomes[0].value(of: "eth_getTransactionCount").hexUInt64,
        let pending = try outcomes[1].value(of: "eth_getTransactionCount").hexUInt64,
        let balance = try outcomes[2].value(of: "eth_getBalance").hexUInt128
      else { throw TransportFailure.wrongShape("eth_getTransactionCount/eth_getBalance") }
      return .success(EVMAccountState(confirmedNonce: confirmed, pendingNonce: pending, balance: balance))
    } catch {
      return .failure(TransportFailure(error.kind, error.message.scrubbed(endpoint.secrets)))
    }
  }

  // MARK: - Agreement

  /// The freshest head decides; on a tie, positive evidence (a receipt, then the transaction) wins.
  static func rank(_ look: FirstLook) -> (UInt64, FirstLook.Observation) { (look.head.number, look.observation) }

  static func decide(_ fresh: [FirstLookSelection<FirstLook>.Candidate]) -> FirstLookSelection<FirstLook>.Candidate {
    fresh.max { rank($0.look) < rank($1.look) }!
  }

  /// An endpoint that serves another chain: its answers are unusable, and the user should know.
  static func wrongChain(_ look: FirstLook, endpoint: EndpointSpec, chain: Chain) -> (TransportFailure, Finding)? {
    guard let expected = chain.evmChainId, look.chainId != expected else { return nil }
    let failure = TransportFailure(
      .wrongChain,
      LocalizedText(
        en: "serves chain id \(look.chainId), not \(chain.name) (\(expected)); its answers were not used",
        zh: "服务的链 ID 为 \(look.chainId)，而不是 \(chain.name)（\(expected)）；其应答未被采用"))
    let finding = Finding(
      .endpointWrongChain,
      message: LocalizedText(
        en: "\(endpoint.displayURL) was given for \(chain.name) (chain id \(expected)) but serves chain id \(look.chainId); its answers were ignored.",
        zh: "\(endpoint.displayURL) 被指定用于 \(chain.name)（链 ID \(expected)），但实际服务链 ID \(look.chainId)；其应答已被忽略。"),
      evidence: [
        "endpoint": .string(endpoint.displayURL), "expected_chain_id": .count(expected),
        "reported_chain_id": .count(look.chainId),
      ])
    return (failure, finding)
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
    return agreeing < required
      ? FirstLookSelection<FirstLook>.singleSource(decidedBy, chain: chain, agreeing: agreeing, required: required) : nil
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

}

func milliseconds(_ duration: Duration) -> Int {
  let (seconds, attoseconds) = duration.components
  return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
}

extension EVMChainProbe.FirstLook: ProbeFirstLook {
  var height: Int64 { Int64(clamping: head.number) }
  var knowsTransaction: Bool { observation != .absent }
  /// Not found, or failed: verdicts that need agreement before they are said plainly.
  var isAlarming: Bool { observation == .absent || receipt?.succeeded == false }
  var said: LocalizedText {
    switch observation {
    case .mined: return LocalizedText(en: "mined (receipt)", zh: "已打包（有回执）")
    case .pending: return LocalizedText(en: "pending (no receipt)", zh: "待处理（无回执）")
    case .absent: return LocalizedText(en: "no such transaction", zh: "查无此交易")
    }
  }
}
