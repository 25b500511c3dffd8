extension ReasonCode {
  public static let endpointWrongChain = ReasonCode("endpoint_wrong_chain")
  public static let endpointDisagreement = ReasonCode("endpoint_disagreement")
  public static let endpointsUnavailable = ReasonCode("endpoints_unavailable")
  public static let singleSource = ReasonCode("single_source")

  /// Codes that qualify how far a verdict can be trusted, because of the endpoints behind it.
  public static let sourceCaveats: Set<ReasonCode> = [
    .endpointWrongChain, .endpointDisagreement, .endpointsUnavailable, .singleSource,
  ]
}

extension ReasonCatalog {
  /// Codes about the endpoints rather than the transaction; any chain.
  static let endpointEntries: [ReasonCatalogEntry] = [
    ReasonCatalogEntry(
      .endpointWrongChain, .warning, scope: "all",
      meaning: LocalizedText(
        en: "An endpoint serves a different chain than the one it was configured for; its answers were not used.",
        zh: "某个节点服务的链与其配置的链不同；其应答未被采用。"),
      trigger: LocalizedText(
        en: "`eth_chainId` differs from the chain's id; a Bitcoin Core node's `getblockchaininfo.chain` is not `main`; or the genesis block of an Esplora or TRON endpoint you gave is not mainnet's.",
        zh: "`eth_chainId` 与该链的链 ID 不一致；比特币核心节点的 `getblockchaininfo.chain` 不是 `main`；或您提供的 Esplora 或 TRON 节点的创世区块不是主网的。")),
    ReasonCatalogEntry(
      .endpointDisagreement, .warning, scope: "all",
      meaning: LocalizedText(
        en: "Healthy endpoints gave different answers; the one with the freshest head decided.",
        zh: "多个正常节点给出了不同的答案；以区块高度最新的节点为准。"),
      trigger: LocalizedText(
        en: "One usable endpoint has the transaction (or its receipt) and another does not.",
        zh: "一个可用节点查到了交易（或其回执），另一个没有。")),
    ReasonCatalogEntry(
      .endpointsUnavailable, .problem, scope: "all",
      meaning: LocalizedText(
        en: "No endpoint of a chain gave a usable answer, so nothing can be said about the transaction there.",
        zh: "某条链上没有任何节点给出可用的应答，因此无法判断交易在该链上的状态。"),
      trigger: LocalizedText(
        en: "Every endpoint of a chain in scope failed, timed out, lagged or served the wrong chain.",
        zh: "查询范围内某条链的所有节点都失败、超时、落后或服务于错误的链。")),
      ReasonCatalogEntry(
      .singleSource, .warning, scope: "all",
      meaning: LocalizedText(
        en: "An alarming verdict (not found, replaced, failed, expired) rests on fewer healthy endpoints than wanted; it may be one node's view.",
        zh: "一个令人担忧的结论（未找到、已替换、失败、已过期）所依据的正常节点少于要求的数量；可能只是单个节点的看法。"),
      trigger: LocalizedText(
        en: "Fewer than `--min-sources` healthy endpoints (default 2 when a chain has 2 or more) agree, and none contradicts it.",
        zh: "一致的正常节点少于 `--min-sources`（某链配置了 2 个及以上节点时默认为 2），且没有节点给出相反结论。")),
  ]
}
