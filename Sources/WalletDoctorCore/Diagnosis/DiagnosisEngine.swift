import Foundation

/// Diagnoses a transaction across every chain it may belong to, concurrently, and combines the
/// chains' answers into one honest verdict.
public struct DiagnosisEngine: TransactionDiagnosing {
  public let registry: ChainRegistry
  /// One probe per chain family; a family without a probe is never in scope.
  public let probes: [ChainFamily: any ChainProbe]
  /// TronGrid's API key, sent to the default TronGrid endpoint (see ``EndpointSpec/withTronGridKey(_:)``).
  public var tronGridKey: String?

  /// The engine with every chain family, its requests retried as ``RetryingTransport`` does.
  public init(
    transport: any HTTPTransport, registry: ChainRegistry = .builtIn, retryPolicy: RetryPolicy = .standard,
    tronGridKey: String? = nil
  ) {
    let retrying = RetryingTransport(base: transport, policy: retryPolicy)
    self.init(
      registry: registry,
      probes: [
        .evm: EVMChainProbe(transport: retrying), .bitcoin: BitcoinChainProbe(transport: retrying),
        .tron: TronChainProbe(transport: retrying),
      ], tronGridKey: tronGridKey)
  }

  public init(registry: ChainRegistry, probes: [ChainFamily: any ChainProbe], tronGridKey: String? = nil) {
    self.registry = registry
    self.probes = probes
    self.tronGridKey = tronGridKey
  }

  /// One chain to ask and the endpoints to ask there.
  public struct PlannedChain: Sendable {
    public var chain: Chain
    public var endpoints: [EndpointSpec]
  }

  /// Decides which chains and endpoints a request involves, without contacting anything.
  /// Throws for requests the contract calls usage errors (exit 64).
  public func plan(_ request: DiagnoseRequest) throws(InputError) -> [PlannedChain] {
    let reference = request.reference
    var named: [Chain] = []
    for name in request.chainNames {
      guard let chain = registry.chain(named: name) else {
        throw EndpointSpec.unknownChain(name, registry: registry)
      }
      if !named.contains(chain) { named.append(chain) }
    }

    // The families a hash of this form can belong to: a 0x hash is EVM only.
    let families: Set<ChainFamily> =
      reference.kind == .evmHash ? [.evm] : Set(ChainFamily.allCases).intersection(probes.keys)
    for chain in named where !families.contains(chain.family) {
      throw InputError(
        LocalizedText(
          en: "A 0x… hash is an EVM transaction hash; it cannot belong to \(chain.name). Give the hash without 0x for Bitcoin or TRON.",
          zh: "0x… 哈希是 EVM 交易哈希，不可能属于 \(chain.name)。比特币或波场交易请输入不带 0x 的哈希。"))
    }
    if let hint = reference.chainHint, let linked = registry.chain(named: hint), !named.isEmpty, !named.contains(linked) {
      throw InputError(
        LocalizedText(
          en: "The explorer link is for \(linked.name), but --chain asks for \(named.map(\.name).joined(separator: ", ")).",
          zh: "浏览器链接属于 \(linked.name)，但 --chain 指定的是 \(named.map(\.name).joined(separator: ", "))。"))
    }

    var candidates: [Chain]
    if let hint = reference.chainHint, let linked = registry.chain(named: hint) {
      candidates = [linked]
    } else if !named.isEmpty {
      candidates = named
    } else if !request.endpoints.isEmpty {
      candidates = []
      for endpoint in request.endpoints where !candidates.contains(endpoint.chain) {
        candidates.append(endpoint.chain)
      }
    } else {
      candidates = registry.chains.filter { families.contains($0.family) }
    }
    candidates = candidates.filter { probes[$0.family] != nil && families.contains($0.family) }

    if request.endpoints.isEmpty {
      return candidates.map { chain in
        PlannedChain(chain: chain, endpoints: chain.defaultEndpoints.map { defaultEndpoint(chain, $0) })
      }
    }
    // With --rpc, only those endpoints are contacted: no defaults, no other chains.
    var planned: [PlannedChain] = []
    for chain in candidates {
      let endpoints = request.endpoints.filter { $0.chain == chain }
      if endpoints.isEmpty {
        if !named.isEmpty || reference.chainHint != nil {
          throw InputError(
            LocalizedText(
              en: "No --rpc endpoint was given for \(chain.name); when --rpc is used, only those endpoints are contacted. Add --rpc \(chain.name)=URL.",
              zh: "没有为 \(chain.name) 指定 --rpc 节点；使用 --rpc 时只会联系这些节点。请添加 --rpc \(chain.name)=URL。"))
        }
        continue
      }
      planned.append(PlannedChain(chain: chain, endpoints: endpoints))
    }
    if planned.isEmpty {
      throw InputError(
        LocalizedText(
          en: "None of the --rpc endpoints is for a chain this hash can belong to.",
          zh: "所有 --rpc 节点都不属于该哈希可能所在的链。"))
    }
    return planned
  }

  private func defaultEndpoint(_ chain: Chain, _ url: URL) -> EndpointSpec {
    switch chain.family {
    case .evm: return EndpointSpec(chain: chain, api: .evmJSONRPC, url: url)
    case .bitcoin: return EndpointSpec(chain: chain, api: .esplora, url: url)
    case .tron: return EndpointSpec(chain: chain, api: .tronHTTP, url: url).withTronGridKey(tronGridKey)
    }
  }

  public func diagnose(_ request: DiagnoseRequest) async -> Diagnosis {
    let query = request.reference.normalized
    let planned: [PlannedChain]
    do {
      planned = try plan(request)
    } catch {
      return Diagnosis(query: query, chain: nil, status: .unknown, summary: error.message)
    }
    let context = ProbeContext(deadline: Deadline(after: request.timeout), minimumSources: request.minimumSources)
    let results = await withTaskGroup(of: (Int, ChainProbeResult).self) { group in
      for (index, item) in planned.enumerated() {
        guard let probe = probes[item.chain.family] else { continue }
        group.addTask {
          (index, await probe.probe(request.reference, chain: item.chain, endpoints: item.endpoints, context: context))
        }
      }
      var collected: [(Int, ChainProbeResult)] = []
      for await result in group { collected.append(result) }
      return collected.sorted { $0.0 < $1.0 }.map(\.1)
    }
    return combine(results, query: query)
  }

  /// One verdict from every chain's answer: a chain that has the transaction decides; `not_found`
  /// only when every chain in scope answered; otherwise `unknown`.
  func combine(_ results: [ChainProbeResult], query: String) -> Diagnosis {
    let sources = results.flatMap(\.sources)
    let endpointFindings = results.flatMap(\.endpointFindings)
    let found = results.compactMap { result -> Diagnosis? in
      if case .found(let diagnosis) = result.verdict { return diagnosis }
      return nil
    }
    if var diagnosis = found.first {
      diagnosis.sources = sources
      let decidedChain = diagnosis.chain
      // Endpoint findings of other chains matter only when they could change the verdict; keep
      // the deciding chain's and every wrong-chain warning (a misconfiguration to fix).
      let relevant = results.filter { $0.chain.name == decidedChain }.flatMap(\.endpointFindings)
        + results.filter { $0.chain.name != decidedChain }.flatMap(\.endpointFindings).filter { $0.code == .endpointWrongChain }
      diagnosis.findings = (diagnosis.findings + relevant).sorted { $0.severity < $1.severity }
      return diagnosis
    }

    let undecided = results.filter {
      if case .undecided = $0.verdict { return true }
      return false
    }
    let checked = results.map(\.chain.name).joined(separator: ", ")
    if undecided.isEmpty {
      return Diagnosis(
        query: query, chain: nil, status: .notFound,
        summary: LocalizedText(
          en: "Not found on any chain checked (\(checked)). Check the hash, or wait a minute if it was just sent: a transaction the network never received cannot confirm.",
          zh: "在所有已查询的链（\(checked)）上都没有找到。请核对哈希；如果刚刚发送，请稍等一分钟：网络从未收到的交易不可能被确认。"),
        findings: endpointFindings.sorted { $0.severity < $1.severity },
        recommendations: notFoundAdvice(), sources: sources)
    }
    let silent = undecided.map(\.chain.name).joined(separator: ", ")
    var findings = endpointFindings
    let allSources = results.flatMap(\.sources)
    let unreachableKinds: Set<EndpointErrorKind> = [.dns, .connect, .tls, .timeout]
    if undecided.count == results.count, undecided.count > 1, !allSources.isEmpty,
      allSources.allSatisfy({ !$0.ok && $0.errorKind.map(unreachableKinds.contains) == true })
    {
      // Nothing answered at all, for the same kind of reason: the network, not the chains.
      findings.append(
        Finding(
          .endpointsUnavailable,
          message: LocalizedText(
            en: "None of the \(allSources.count) endpoints of \(silent) could be reached (name lookup, connection or TLS failed, or no answer in time). This computer may be offline, or public blockchain endpoints may be blocked on this network: try another network, or a proxy (HTTPS_PROXY / --proxy).",
            zh: "\(silent) 的 \(allSources.count) 个节点均无法连接（域名解析、连接或 TLS 失败，或未及时应答）。这台电脑可能未联网，或所在网络屏蔽了公共区块链节点：请换一个网络，或使用代理（HTTPS_PROXY / --proxy）。"),
          evidence: [
            "chains": .array(undecided.map { .string($0.chain.name) }), "endpoints": .count(allSources.count),
          ]))
      return unknown(query: query, results: results, silent: silent, undecidedCount: undecided.count, findings: findings, sources: sources)
    }
    for result in undecided {
      findings.append(
        Finding(
          .endpointsUnavailable,
          message: LocalizedText(
            en: "No endpoint of \(result.chain.name) gave a usable answer (see sources), so the transaction may be there.",
            zh: "\(result.chain.name) 的节点均未给出可用应答（见来源列表），交易可能就在该链上。"),
          evidence: ["chain": .string(result.chain.name), "endpoints": .count(result.sources.count)]))
    }
    return unknown(query: query, results: results, silent: silent, undecidedCount: undecided.count, findings: findings, sources: sources)
  }

  private func unknown(
    query: String, results: [ChainProbeResult], silent: String, undecidedCount: Int, findings: [Finding],
    sources: [SourceReport]
  ) -> Diagnosis {
    let othersAnswered = results.count > undecidedCount
    return Diagnosis(
      query: query, chain: results.count == 1 ? results[0].chain.name : nil, status: .unknown,
      summary: LocalizedText(
        en: "Could not decide: no endpoint of \(silent) gave a usable answer\(othersAnswered ? ", and the transaction was not found on the other chains" : ""). This says nothing about the transaction itself.",
        zh: "无法判断：\(silent) 的节点均未给出可用应答\(othersAnswered ? "，其他链上也未找到该交易" : "")。这并不说明交易本身有问题。"),
      findings: findings.sorted { $0.severity < $1.severity },
      recommendations: [
        Recommendation(
          action: "retry_later",
          message: LocalizedText(
            en: "Try again in a few minutes, or name a working endpoint with --rpc CHAIN=URL (or a proxy via HTTPS_PROXY if public endpoints are blocked on your network).",
            zh: "请几分钟后重试，或用 --rpc 链名=URL 指定可用节点（如果所在网络屏蔽了公共节点，可通过 HTTPS_PROXY 使用代理）。"))
      ],
      sources: sources)
  }

  private func notFoundAdvice() -> [Recommendation] {
    [
      Recommendation(
        action: "check_hash",
        message: LocalizedText(
          en: "Copy the hash again from the wallet's transaction details (not the address). If the wallet shows the transfer as failed or it never left “pending” before this, it may never have been broadcast: the funds are still in the wallet.",
          zh: "请从钱包的交易详情中重新复制哈希（不是地址）。如果钱包显示转账失败，或一直处于「等待中」，它可能从未被广播出去：资金仍在钱包里。"))
    ]
  }
}
