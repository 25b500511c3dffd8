import Foundation

/// Reads an Esplora-compatible REST API (blockstream.info, mempool.space, a self-hosted electrs),
/// using mempool.space's extensions when the server has them.
struct EsploraClient: Sendable {
  let rest: RESTClient

  init(endpoint: EndpointSpec, transport: any HTTPTransport) {
    rest = RESTClient(base: endpoint.url, headers: endpoint.headers, transport: transport)
  }

  /// The first wave: seven GETs at once. `/tx/:txid` and `/blocks/tip/height` must answer; the
  /// market data and mempool.space's extensions are used when they do (a 404 means the server
  /// does not offer them). The RBF history is asked now because a replaced transaction is
  /// usually 404 on `/tx/:txid`, and asking later would cost a round trip. With `checkNetwork`
  /// (an endpoint the user gave) an eighth GET, `/block-height/0`, tells mainnet from a testnet.
  func firstLook(txid: String, checkNetwork: Bool, deadline: Deadline) async -> Result<BitcoinLook, TransportFailure> {
    let started = ContinuousClock.now
    async let transactionReply = fetch("/tx/\(txid)", deadline)
    async let tipReply = fetch("/blocks/tip/height", deadline)
    async let estimatesReply = fetch("/fee-estimates", deadline)
    async let mempoolReply = fetch("/mempool", deadline)
    async let projectedReply = fetch("/v1/fees/mempool-blocks", deadline)
    async let recommendedReply = fetch("/v1/fees/recommended", deadline)
    async let rbfReply = fetch("/v1/tx/\(txid)/rbf", deadline)
    async let genesisReply = checkNetwork ? fetch("/block-height/0", deadline) : nil
    let replies = await (
      transaction: transactionReply, tip: tipReply, estimates: estimatesReply, mempool: mempoolReply,
      projected: projectedReply, recommended: recommendedReply, rbf: rbfReply, genesis: genesisReply
    )

    do throws(TransportFailure) {
      let tip = try Self.tipHeight(replies.tip.get())
      let transaction = try Self.transaction(replies.transaction.get(), txid: txid)
      let projected = Self.projectedBlocks(replies.projected)
      let minimumFee = Self.json(replies.recommended)?["minimumFee"]?.doubleValue.flatMap(BitcoinFeeRate.init(satsPerVByte:))
      let market = BitcoinMarket(
        projectedBlocks: projected,
        feeEstimates: BitcoinMarket.sortedEstimates(Self.json(replies.estimates)),
        purgeRate: minimumFee.map { BitcoinSourcedRate(
            rate: $0, source: LocalizedText(en: "mempool.space minimumFee", zh: "mempool.space 的 minimumFee")) },
        incrementalRelayFee: nil,
        mempoolVSize: Self.json(replies.mempool)?["vsize"]?.int64Value,
        sourceKind: projected != nil || minimumFee != nil ? "mempool.space" : "Esplora")
      let replacement = Self.json(replies.rbf).flatMap { BitcoinReplacement(json: $0, asked: txid) }
      // A genesis lookup that fails leaves the network unconfirmed, not the endpoint unusable.
      var network: String?
      if case .success(let reply)? = replies.genesis, reply.isSuccess {
        network = GenesisNetwork.bitcoin(genesis: String(decoding: reply.body.prefix(200), as: UTF8.self))
      }
      return .success(
        BitcoinLook(
          tip: tip, transaction: transaction, replacement: replacement, market: market,
          latency: ContinuousClock.now - started, ancestorsKnown: false, network: network))
    } catch {
      return .failure(error)
    }
  }

  /// The second wave, for a pending transaction: each direct parent's status, fee and weight
  /// (all at once). Returns the unconfirmed parents' totals, or nil when every parent is mined.
  func unconfirmedParents(of parents: [String], deadline: Deadline) async -> Result<(package: BitcoinFeePackage?, count: Int), TransportFailure> {
    let replies = await withTaskGroup(of: Result<RESTClient.Reply, TransportFailure>.self) { group in
      for parent in parents {
        group.addTask { await fetch("/tx/\(parent)", deadline) }
      }
      var collected: [Result<RESTClient.Reply, TransportFailure>] = []
      for await reply in group { collected.append(reply) }
      return collected
    }
    var package: BitcoinFeePackage?
    var count = 0
    do throws(TransportFailure) {
      for reply in replies {
        let parentReply = try reply.get()
        // A parent the server no longer knows cannot be unconfirmed in its mempool.
        if parentReply.status == 404 { continue }
        guard let parent = try Self.transaction(parentReply, txid: nil) else { continue }
        guard parent.blockHeight == nil, let own = parent.own else { continue }
        package = package.map { $0 + own } ?? own
        count += 1
      }
    } catch {
      return .failure(error)
    }
    return .success((package, count))
  }

  // MARK: - Decoding

  private func fetch(_ path: String, _ deadline: Deadline) async -> Result<RESTClient.Reply, TransportFailure> {
    do throws(TransportFailure) {
      return .success(try await rest.get(path, deadline: deadline))
    } catch {
      return .failure(error)
    }
  }

  /// `/blocks/tip/height` is plain text: a number.
  static func tipHeight(_ reply: RESTClient.Reply) throws(TransportFailure) -> Int64 {
    guard reply.isSuccess else { throw reply.statusFailure }
    guard let height = Int64(reply.text), height > 0 else {
      if reply.text.hasPrefix("<") { throw JSONRPCClient.notJSON(HTTPResponse(status: reply.status, body: reply.body)) }
      throw TransportFailure(
        .malformed,
        LocalizedText(en: "/blocks/tip/height did not return a block height", zh: "/blocks/tip/height 没有返回区块高度"))
    }
    return height
  }

  /// `/tx/:txid`: the transaction, nil for the plain-text 404 "Transaction not found" (not JSON).
  /// A 404 that is an HTML page is not an answer: the base URL is probably wrong.
  static func transaction(_ reply: RESTClient.Reply, txid: String?) throws(TransportFailure) -> BitcoinTransaction? {
    if reply.status == 404 {
      if reply.text.hasPrefix("<") { throw reply.statusFailure }
      return nil
    }
    guard reply.isSuccess else { throw reply.statusFailure }
    let json = try reply.json()
    guard let transaction = BitcoinTransaction(esplora: json), txid == nil || transaction.txid == txid else {
      throw TransportFailure(
        .malformed, LocalizedText(en: "/tx/… returned a transaction of the wrong shape", zh: "/tx/… 返回的交易格式不正确"))
    }
    return transaction
  }

  /// mempool.space's projected blocks; nil when the server lacks the extension or has none.
  static func projectedBlocks(_ reply: Result<RESTClient.Reply, TransportFailure>) -> [BitcoinProjectedBlock]? {
    guard let items = json(reply)?.arrayValue, !items.isEmpty else { return nil }
    let blocks = items.compactMap { item -> BitcoinProjectedBlock? in
      guard let size = item["blockVSize"]?.doubleValue,
        let lowest = item["feeRange"]?[0]?.doubleValue.flatMap(BitcoinFeeRate.init(satsPerVByte:))
      else { return nil }
      return BitcoinProjectedBlock(blockVSize: size, minimumRate: lowest)
    }
    return blocks.count == items.count ? blocks : nil
  }

  /// The JSON of an optional request, nil for any failure (a 404 means the extension is absent).
  static func json(_ reply: Result<RESTClient.Reply, TransportFailure>) -> JSONValue? {
    guard case .success(let reply) = reply, reply.isSuccess else { return nil }
    return JSONValue.parse(reply.body)
  }
}

extension BitcoinTransaction {
  /// From Esplora's `/tx/:txid` JSON.
  init?(esplora json: JSONValue) {
    guard let txid = json["txid"]?.stringValue?.lowercased(), txid.count == 64,
      let weight = json["weight"]?.int64Value, Self.plausible(weight: weight)
    else { return nil }
    let fee = json["fee"]?.int64Value
    if let fee, !Self.plausible(fee: fee) { return nil }
    let inputs = json["vin"]?.arrayValue ?? []
    let sequences = inputs.compactMap { $0["sequence"]?.int64Value }
    let version = json["version"]?.int64Value
    let confirmed = json["status"]?["confirmed"]?.boolValue == true
    let height = json["status"]?["block_height"]?.int64Value
    if confirmed && height == nil { return nil }
    self.init(
      txid: txid, feeSats: fee, weight: weight, vsize: BitcoinUnits.vsize(weight: weight),
      rbfSignaled: sequences.isEmpty && version != 3 ? nil : (sequences.contains { $0 < 0xffff_fffe } || version == 3),
      blockHeight: confirmed ? height : nil,
      parentTxids: Self.distinctParents(inputs), unconfirmedAncestors: nil, unconfirmedAncestorCount: 0,
      replacedFeesSats: nil)
  }

  /// The distinct txids an input list spends from, coinbase excluded, in order.
  static func distinctParents(_ inputs: [JSONValue]) -> [String] {
    var seen: Set<String> = []
    var parents: [String] = []
    for input in inputs where input["is_coinbase"]?.boolValue != true && input["coinbase"] == nil {
      guard let parent = input["txid"]?.stringValue?.lowercased(), parent.isSixtyFourHexDigits, !seen.contains(parent)
      else { continue }
      seen.insert(parent)
      parents.append(parent)
    }
    return parents
  }
}
