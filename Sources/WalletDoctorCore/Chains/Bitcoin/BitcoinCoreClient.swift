import Foundation

/// Reads a Bitcoin Core node over JSON-RPC (`--rpc bitcoin=core+http://USER:PASS@HOST:8332`).
///
/// One batch answers everything, the unconfirmed ancestors included (`getmempoolentry` carries
/// their totals), so Core never needs a second wave. `getblockchaininfo` gives the tip and the
/// network in one call (a testnet node is not asked twice), and the wallet's `gettransaction`
/// says whether the transaction was replaced, when it is one of the node's own wallet's.
struct BitcoinCoreClient: Sendable {
  let client: JSONRPCClient

  init(endpoint: EndpointSpec, transport: any HTTPTransport) {
    client = JSONRPCClient(url: endpoint.url, headers: endpoint.headers, transport: transport)
  }

  /// Core's error code for "no such transaction" (and "not in mempool"): RPC_INVALID_ADDRESS_OR_KEY.
  static let notFoundCode: Int64 = -5

  func firstLook(txid: String, deadline: Deadline) async -> Result<BitcoinLook, TransportFailure> {
    let calls = [
      JSONRPCCall("getrawtransaction", [.string(txid), true]),
      JSONRPCCall("getmempoolentry", [.string(txid)]),
      JSONRPCCall("getmempoolinfo"),
      JSONRPCCall("estimatesmartfee", [1]),
      JSONRPCCall("estimatesmartfee", [6]),
      JSONRPCCall("getblockchaininfo"),
      JSONRPCCall("gettransaction", [.string(txid)]),
    ]
    do throws(TransportFailure) {
      let (outcomes, latency) = try await client.send(calls, deadline: deadline)
      let info = try outcomes[5].value(of: "getblockchaininfo")
      guard let count = info["blocks"]?.int64Value, count >= 0, let network = info["chain"]?.stringValue else {
        throw TransportFailure.wrongShape("getblockchaininfo")
      }
      // Most nodes have no wallet, or not this transaction in it: any error means "no wallet view".
      let replacement = outcomes[6].result.flatMap { BitcoinReplacement(coreWalletTransaction: $0, asked: txid) }
      var notes: [Finding] = []
      var transaction: BitcoinTransaction?
      switch outcomes[0] {
      case .result(let raw):
        let entry: JSONValue?
        switch outcomes[1] {
        case .result(let value): entry = value
        case .error(let code, _) where code == Self.notFoundCode: entry = nil
        case .error(let code, let message): throw TransportFailure.rpcError("getmempoolentry", code: code, message: message)
        }
        guard let decoded = BitcoinTransaction(core: raw, mempoolEntry: entry, blockCount: count), decoded.txid == txid else {
          throw TransportFailure.wrongShape("getrawtransaction")
        }
        transaction = decoded
      case .error(let code, let message) where code == Self.notFoundCode:
        // An answer, not a failure: the node has no such transaction in its mempool (or index).
        if message.localizedCaseInsensitiveContains("txindex") {
          notes.append(
            Finding(
              .nodeWithoutTxindex,
              message: LocalizedText(
                en: "The Bitcoin Core node runs without -txindex, so it only sees its own mempool and wallet: a transaction confirmed in an older block looks “not found” there. Restart it with -txindex=1 (a one-time reindex) or ask an Esplora endpoint such as https://mempool.space/api.",
                zh: "该比特币核心节点未开启 -txindex，只能看到自己的内存池和钱包交易：已在较早区块中确认的交易在它那里会显示为“未找到”。请以 -txindex=1 重启（需要一次性重建索引），或改用 Esplora 节点，例如 https://mempool.space/api。"),
              evidence: ["error_code": .integer(code), "error": .string(String(message.prefix(200)))]))
        }
      case .error(let code, let message):
        throw TransportFailure.rpcError("getrawtransaction", code: code, message: message)
      }

      let mempool = outcomes[2].result
      var estimates: [BitcoinFeeEstimate] = []
      for outcome in outcomes[3...4] {
        guard let result = outcome.result, let blocks = result["blocks"]?.int64Value, blocks > 0,
          let rate = result["feerate"]?.doubleValue.flatMap(BitcoinFeeRate.init(bitcoinPerKilovByte:))
        else { continue }
        if !estimates.contains(where: { $0.target == Int(blocks) }) {
          estimates.append(BitcoinFeeEstimate(target: Int(blocks), rate: rate))
        }
      }
      let market = BitcoinMarket(
        projectedBlocks: nil, feeEstimates: estimates.sorted { $0.target < $1.target },
        purgeRate: mempool?["mempoolminfee"]?.doubleValue.flatMap(BitcoinFeeRate.init(bitcoinPerKilovByte:)).map {
          BitcoinSourcedRate(
            rate: $0, source: LocalizedText(en: "Bitcoin Core getmempoolinfo.mempoolminfee", zh: "比特币核心 getmempoolinfo.mempoolminfee"))
        },
        incrementalRelayFee: mempool?["incrementalrelayfee"]?.doubleValue.flatMap(BitcoinFeeRate.init(bitcoinPerKilovByte:)),
        mempoolVSize: mempool?["bytes"]?.int64Value, sourceKind: "Bitcoin Core")
      return .success(
        BitcoinLook(
          tip: count, transaction: transaction, replacement: replacement, market: market, latency: latency, notes: notes,
          ancestorsKnown: true, network: String(network.prefix(32))))
    } catch {
      return .failure(Self.explainAuthentication(error))
    }
  }

  /// Core answers wrong credentials with HTTP 401 and an empty body; say what that means.
  private static func explainAuthentication(_ failure: TransportFailure) -> TransportFailure {
    guard failure.kind == .httpStatus, failure.message.english.contains("HTTP 401") || failure.message.english.contains("HTTP 403")
    else { return failure }
    return TransportFailure(
      .httpStatus,
      LocalizedText(
        en: "the node refused the RPC user name or password (\(failure.message.english)); check rpcuser/rpcpassword or rpcauth and rpcallowip",
        zh: "节点拒绝了 RPC 用户名或密码（\(failure.message.simplifiedChinese)）；请检查 rpcuser/rpcpassword 或 rpcauth 以及 rpcallowip"))
  }
}

extension BitcoinReplacement {
  /// From the wallet's `gettransaction(txid)`: `replaced_by_txid` names the replacement (Core
  /// sets it on the sender's side); a negative `confirmations` means a conflicting transaction was
  /// mined that many blocks ago, and `walletconflicts` names it. Only the negative count tells
  /// "mined": before Core 28, `walletconflicts` also listed conflicts still in the mempool.
  init?(coreWalletTransaction wallet: JSONValue, asked txid: String) {
    guard wallet["txid"]?.stringValue?.lowercased() == txid else { return nil }
    let conflicts = (wallet["walletconflicts"]?.arrayValue ?? []).compactMap { $0.stringValue?.lowercased() }
      .filter { $0.isSixtyFourHexDigits && $0 != txid }
    let confirmations = wallet["confirmations"]?.int64Value ?? 0
    let named = wallet["replaced_by_txid"]?.stringValue?.lowercased()
    if let named, named.isSixtyFourHexDigits, named != txid {
      replacedBy = named
    } else if confirmations < 0, let mined = conflicts.first {
      replacedBy = mined
    } else {
      return nil
    }
    replacementMined = confirmations < 0
    replacementFeeSats = nil
    replacementVSize = nil
    // `fee` is negative and in BTC, present for the sender's side only.
    originalFeeSats = wallet["fee"]?.doubleValue.flatMap { BitcoinUnits.sats(bitcoin: abs($0)) }
    originalVSize = nil
    let signal = wallet["bip125-replaceable"]?.stringValue
    originalSignaledRBF = signal == "yes" ? true : signal == "no" ? false : nil
    fullRBF = signal == "no"
  }
}

extension BitcoinTransaction {
  /// From `getrawtransaction(txid, true)` and, when it is unconfirmed, its `getmempoolentry`.
  /// Amounts arrive in BTC and are rounded to the nearest sat.
  init?(core raw: JSONValue, mempoolEntry entry: JSONValue?, blockCount: Int64) {
    guard let txid = raw["txid"]?.stringValue?.lowercased(), txid.count == 64 else { return nil }
    let weight = raw["weight"]?.int64Value ?? entry?["weight"]?.int64Value
    if let weight, !Self.plausible(weight: weight) { return nil }
    guard let vsize = weight.map(BitcoinUnits.vsize(weight:)) ?? raw["vsize"]?.int64Value, vsize > 0 else { return nil }
    let inputs = raw["vin"]?.arrayValue ?? []
    let sequences = inputs.compactMap { $0["sequence"]?.int64Value }
    let version = raw["version"]?.int64Value

    var blockHeight: Int64?
    if let confirmations = raw["confirmations"]?.int64Value, confirmations > 0, raw["blockhash"]?.stringValue != nil {
      blockHeight = blockCount - confirmations + 1
    }
    // Fees: `fees.base` (BTC) since Core 0.21; older nodes have `fee` (BTC) and `ancestorfees` (sats).
    var fee: Int64?
    var ancestors: BitcoinFeePackage?
    var ancestorCount = 0
    var replacedFees: Int64?
    if let entry, blockHeight == nil {
      fee = (entry["fees"]?["base"] ?? entry["fee"])?.doubleValue.flatMap(BitcoinUnits.sats(bitcoin:))
      guard let fee, Self.plausible(fee: fee) else { return nil }
      let entryVSize = entry["vsize"]?.int64Value ?? entry["size"]?.int64Value ?? vsize
      if let count = entry["ancestorcount"]?.int64Value, count > 1,
        let size = entry["ancestorsize"]?.int64Value,
        let total = entry["fees"]?["ancestor"]?.doubleValue.flatMap(BitcoinUnits.sats(bitcoin:)) ?? entry["ancestorfees"]?.int64Value,
        size > entryVSize, total >= fee
      {
        ancestors = BitcoinFeePackage(feeSats: total - fee, vsize: size - entryVSize)
        ancestorCount = Int(count - 1)
      }
      if let count = entry["descendantcount"]?.int64Value, count > 1,
        let total = entry["fees"]?["descendant"]?.doubleValue.flatMap(BitcoinUnits.sats(bitcoin:)) ?? entry["descendantfees"]?.int64Value,
        total > fee
      {
        replacedFees = total
      }
    } else if blockHeight == nil {
      // In the node's view, not mined, yet not in its mempool: the batch raced a block.
      return nil
    }
    self.init(
      txid: txid, feeSats: fee, weight: weight, vsize: vsize,
      rbfSignaled: sequences.isEmpty && version != 3 ? nil : (sequences.contains { $0 < 0xffff_fffe } || version == 3),
      blockHeight: blockHeight, parentTxids: Self.distinctParents(inputs), unconfirmedAncestors: ancestors,
      unconfirmedAncestorCount: ancestorCount, replacedFeesSats: replacedFees)
  }
}
