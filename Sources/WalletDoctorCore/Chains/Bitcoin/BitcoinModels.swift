import Foundation

/// A Bitcoin transaction as an endpoint described it (only what the rules use).
struct BitcoinTransaction: Sendable, Hashable {
  var txid: String
  /// Nil when the endpoint does not say (Bitcoin Core for a mined transaction).
  var feeSats: Int64?
  /// Nil when only a (possibly fractional) vsize is known, as in mempool.space's RBF tree.
  var weight: Int64?
  /// ⌈weight / 4⌉.
  var vsize: Int64
  /// BIP 125: an input with nSequence < 0xfffffffe, or version 3 (TRUC). Nil when unknown.
  var rbfSignaled: Bool?
  /// Set once mined.
  var blockHeight: Int64?
  /// Txids of the transactions whose outputs it spends (coinbase excluded), in input order.
  var parentTxids: [String]
  /// Fees and vsize of its unconfirmed ancestors (excluding itself); nil when it has none or
  /// they are not known yet.
  var unconfirmedAncestors: BitcoinFeePackage?
  var unconfirmedAncestorCount: Int
  /// Fees of everything a replacement would evict (itself and in-mempool descendants), when the
  /// endpoint says (Bitcoin Core); nil means just its own fee.
  var replacedFeesSats: Int64?

  /// Its own fee and size; nil when the fee is unknown.
  var own: BitcoinFeePackage? { feeSats.map { BitcoinFeePackage(feeSats: $0, vsize: vsize) } }

  /// Itself plus its unconfirmed ancestors.
  var package: BitcoinFeePackage? {
    guard let own else { return nil }
    return unconfirmedAncestors.map { own + $0 } ?? own
  }

  /// The rate miners see: a child is mined with its ancestors, so an unconfirmed parent paying
  /// less drags it down to the package rate; a parent paying more is mined on its own first and
  /// the child then competes at its own rate. Hence the lower of the two.
  var effective: BitcoinFeePackage? {
    guard let own else { return nil }
    guard let package, package != own else { return own }
    return package.paysLess(than: own) ? package : own
  }

  /// Whether a weight is plausible for one transaction (a block holds 4,000,000 weight units).
  static func plausible(weight: Int64) -> Bool { weight > 0 && weight <= 4_000_000 }
  static func plausible(fee: Int64) -> Bool { fee >= 0 && fee <= 2_100_000_000_000_000 }
}

/// One block of mempool.space's projection (`/v1/fees/mempool-blocks`).
struct BitcoinProjectedBlock: Sendable, Hashable {
  var blockVSize: Double
  /// The lowest fee rate in the block (`feeRange[0]`).
  var minimumRate: BitcoinFeeRate

  /// A projected block bigger than a real one: mempool.space's last entry holds the overflow.
  var overflows: Bool { blockVSize > 1_000_000 }
}

/// A fee estimate for one confirmation target.
struct BitcoinFeeEstimate: Sendable, Hashable {
  /// Blocks.
  var target: Int
  var rate: BitcoinFeeRate
}

/// A rate with the place it came from, for messages and evidence.
struct BitcoinSourcedRate: Sendable, Hashable {
  var rate: BitcoinFeeRate
  /// Where it came from, for messages (params and evidence carry the English form).
  var source: LocalizedText
}

/// What the fee market looked like to one endpoint.
struct BitcoinMarket: Sendable, Hashable {
  /// mempool.space's projected blocks, next block first; nil without that extension.
  var projectedBlocks: [BitcoinProjectedBlock]?
  /// Fee estimates sorted by target numerically.
  var feeEstimates: [BitcoinFeeEstimate]
  /// The rate below which the endpoint's nodes drop transactions.
  var purgeRate: BitcoinSourcedRate?
  /// Bitcoin Core's `incrementalrelayfee`; nil when the endpoint does not publish it.
  var incrementalRelayFee: BitcoinFeeRate?
  /// Total vsize of the mempool.
  var mempoolVSize: Int64?
  /// What kind of endpoint, for messages: "Esplora", "mempool.space", "Bitcoin Core".
  var sourceKind: String

  /// Fee-estimate keys as Esplora gives them (strings in arbitrary order, float noise in the
  /// values), sorted by target numerically.
  static func sortedEstimates(_ json: JSONValue?) -> [BitcoinFeeEstimate] {
    guard let object = json?.objectValue else { return [] }
    return object.compactMap { key, value -> BitcoinFeeEstimate? in
      guard let target = Int(key.trimmingCharacters(in: .whitespaces)), target > 0,
        let rate = value.doubleValue.flatMap(BitcoinFeeRate.init(satsPerVByte:))
      else { return nil }
      return BitcoinFeeEstimate(target: target, rate: rate)
    }.sorted { $0.target < $1.target }
  }

  /// The rate that gets into the next block: projected block 0's lowest rate when mempool.space
  /// projects blocks, else the estimate for the nearest target of at most 2 blocks.
  var nextBlockRate: BitcoinSourcedRate? {
    if let first = projectedBlocks?.first {
      return BitcoinSourcedRate(
        rate: first.minimumRate,
        source: LocalizedText(
          en: "the lowest rate in mempool.space's next projected block", zh: "mempool.space 下一个预测区块中的最低费率"))
    }
    if let estimate = feeEstimates.first(where: { $0.target <= 2 }) {
      return BitcoinSourcedRate(
        rate: estimate.rate,
        source: LocalizedText(
          en: "\(sourceKind) fee estimate for \(estimate.target) block\(estimate.target == 1 ? "" : "s")",
          zh: "\(sourceKind) 对 \(estimate.target) 个区块的费率估计"))
    }
    return nil
  }
}

/// A transaction's replacement, reduced to what the verdict needs: from mempool.space's RBF
/// history, or from a Bitcoin Core wallet's conflict information.
struct BitcoinReplacement: Sendable, Hashable {
  /// The newest transaction of the replacement tree (the root), which replaced the one asked.
  var replacedBy: String
  /// Whether the replacement has been mined.
  var replacementMined: Bool
  var replacementFeeSats: Int64?
  var replacementVSize: Double?
  /// The asked transaction as the tree describes it (fee and fractional vsize).
  var originalFeeSats: Int64?
  var originalVSize: Double?
  var originalSignaledRBF: Bool?
  /// Whether the replacement happened without a BIP 125 signal (full RBF).
  var fullRBF: Bool

  /// Reads `/v1/tx/:txid/rbf`: `{replacements: tree|null, replaces: [txid]|null}`. The tree's root
  /// is the newest transaction; the asked one was replaced only when the root is another txid.
  init?(json: JSONValue, asked txid: String) {
    guard let tree = json["replacements"], let root = tree["tx"], let rootTxid = root["txid"]?.stringValue?.lowercased()
    else { return nil }
    guard rootTxid != txid else { return nil }
    replacedBy = rootTxid
    replacementMined = root["mined"]?.boolValue ?? false
    replacementFeeSats = root["fee"]?.int64Value
    replacementVSize = root["vsize"]?.doubleValue
    fullRBF = tree["fullRbf"]?.boolValue ?? root["fullRbf"]?.boolValue ?? false
    let original = Self.node(txid, in: tree)
    originalFeeSats = original?["fee"]?.int64Value
    originalVSize = original?["vsize"]?.doubleValue
    originalSignaledRBF = original?["rbf"]?.boolValue
  }

  /// The `tx` object of `txid` anywhere in the tree.
  private static func node(_ txid: String, in tree: JSONValue, depth: Int = 0) -> JSONValue? {
    guard depth < 64 else { return nil }
    if tree["tx"]?["txid"]?.stringValue?.lowercased() == txid { return tree["tx"] }
    for child in tree["replaces"]?.arrayValue ?? [] {
      if let found = node(txid, in: child, depth: depth + 1) { return found }
    }
    return nil
  }

  /// The original as a transaction, from the tree (a replaced transaction is usually 404 on
  /// `/tx/:txid`). Its vsize is fractional there (weight / 4), so weight = 4 × vsize.
  func originalTransaction(txid: String) -> BitcoinTransaction {
    let weight = originalVSize.map { Int64(($0 * 4).rounded()) }
    return BitcoinTransaction(
      txid: txid, feeSats: originalFeeSats, weight: weight,
      vsize: weight.map(BitcoinUnits.vsize(weight:)) ?? 0, rbfSignaled: originalSignaledRBF, blockHeight: nil,
      parentTxids: [], unconfirmedAncestors: nil, unconfirmedAncestorCount: 0, replacedFeesSats: nil)
  }
}

/// What one Bitcoin endpoint answered to the first wave.
struct BitcoinLook: Sendable {
  enum Observation: Int, Comparable, Sendable {
    case absent = 0, pending = 1, replaced = 2, confirmed = 3
    static func < (lhs: Observation, rhs: Observation) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  var tip: Int64
  /// The transaction, when the endpoint has it (in its mempool or a block).
  var transaction: BitcoinTransaction?
  var replacement: BitcoinReplacement?
  var market: BitcoinMarket
  var latency: Duration
  /// Remarks about this endpoint's answer (a node without `-txindex`).
  var notes: [Finding] = []
  /// Whether the unconfirmed ancestors are already known (Core) or need the second wave (Esplora).
  var ancestorsKnown: Bool
  /// The network the endpoint serves (Bitcoin Core's `main`, `test`, `testnet4`, `signet`…): Core
  /// names it; an Esplora endpoint the user gave is told by its genesis block. Nil when unknown
  /// (a built-in Esplora endpoint, or the genesis lookup failed).
  var network: String? = nil

  var observation: Observation {
    if transaction?.blockHeight != nil { return .confirmed }
    if replacement != nil { return .replaced }
    return transaction != nil ? .pending : .absent
  }
}

extension BitcoinLook: ProbeFirstLook {
  var height: Int64 { tip }
  var knowsTransaction: Bool { observation != .absent }
  /// Not found, or replaced: verdicts that need agreement before they are said plainly.
  var isAlarming: Bool { observation == .absent || observation == .replaced }
  var said: LocalizedText {
    switch observation {
    case .confirmed:
      let height = transaction?.blockHeight ?? 0
      return LocalizedText(en: "confirmed in block \(height)", zh: "已在第 \(height) 号区块确认")
    case .replaced:
      let replacement = replacement?.replacedBy ?? "?"
      return LocalizedText(en: "replaced by \(replacement)", zh: "已被 \(replacement) 替换")
    case .pending: return LocalizedText(en: "unconfirmed, in its mempool", zh: "未确认，在其内存池中")
    case .absent: return LocalizedText(en: "no such transaction", zh: "查无此交易")
    }
  }
}
