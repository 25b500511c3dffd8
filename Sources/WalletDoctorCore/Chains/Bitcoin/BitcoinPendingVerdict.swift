import Foundation

/// The verdict on an unconfirmed Bitcoin transaction: where its fee rate stands in the market,
/// an ETA range, and the exact RBF and CPFP numbers.
struct BitcoinPendingVerdict {
  let chain: Chain
  let transaction: BitcoinTransaction
  let market: BitcoinMarket
  /// The endpoint (display form) the market numbers came from.
  let endpoint: String
  let tip: Int64

  /// The vsize assumed for a CPFP child: one P2WPKH input, one P2WPKH output.
  static let cpfpChildVSize: Int64 = 110
  /// A mempool holding more than this many blocks' worth is called congested.
  static let congestionBlocks: Int64 = 3
  static let blockVSize: Int64 = 1_000_000
  /// At or beyond this many blocks, a wait is "not any time soon" and remedies are offered.
  static let slowBlocks = 7

  /// The incremental relay fee r: the endpoint's live value, else Bitcoin Core's long-time
  /// default of 1 sat/vB (29.1 lowered it to 0.1, but many nodes still enforce 1).
  var incrementalRelayFee: BitcoinSourcedRate {
    if let live = market.incrementalRelayFee {
      return BitcoinSourcedRate(
        rate: live,
        source: LocalizedText(en: "Bitcoin Core getmempoolinfo.incrementalrelayfee", zh: "比特币核心 getmempoolinfo.incrementalrelayfee"))
    }
    return BitcoinSourcedRate(
      rate: .oneSatPerVByte,
      source: LocalizedText(
        en: "Bitcoin Core's long-time default; the endpoint does not publish its own", zh: "比特币核心的长期默认值；该节点未公布自己的数值"))
  }

  func diagnose() -> Diagnosis {
    let details = BitcoinTransactionDetails(transaction, tip: tip)
    guard let own = transaction.own, let effective = transaction.effective, own.vsize > 0 else {
      return Diagnosis(
        query: transaction.txid, chain: chain.name, status: .pending,
        summary: LocalizedText(
          en: "Pending on Bitcoin (unconfirmed), but the endpoint did not report its fee, so its chances cannot be judged.",
          zh: "在比特币上待确认，但节点没有返回其手续费，无法判断确认前景。"),
        transaction: .bitcoin(details))
    }
    var findings: [Finding] = []
    let nextBlock = market.nextBlockRate
    let belowNextBlock = nextBlock.map { effective.paysLess(than: $0.rate) } ?? false
    if let nextBlock, belowNextBlock {
      let (mine, needed) = BitcoinUnits.distinctRateTexts(effective.rate, nextBlock.rate.satsPerVByte)
      let packageNote = effective != own
        ? LocalizedText(en: " (the package rate with its unconfirmed parents)", zh: "（含未确认父交易的组合费率）") : LocalizedText(en: "", zh: "")
      findings.append(
        Finding(
          .feeRateBelowNextBlock,
          message: LocalizedText(
            en: "Its fee rate\(packageNote.english) is \(mine), below the \(needed) the next block takes (\(nextBlock.source.english)); miners fill blocks with better-paying transactions first.",
            zh: "其费率\(packageNote.simplifiedChinese)为 \(mine)，低于下一个区块的入块费率 \(needed)（\(nextBlock.source.simplifiedChinese)）；矿工会优先打包费率更高的交易。"),
          evidence: [
            "effective_fee_rate_sat_vb": .number(BitcoinUnits.oneDecimal(effective.rate)),
            "next_block_fee_rate_sat_vb": .number(nextBlock.rate.satsPerVByte), "source": .string(nextBlock.source.english),
            "endpoint": .string(endpoint),
          ]))
    }

    let purge = market.purgeRate
    let belowPurge = purge.map { effective.paysLess(than: $0.rate) } ?? false
    if let purge, belowPurge {
      let (mine, minimum) = BitcoinUnits.distinctRateTexts(effective.rate, purge.rate.satsPerVByte)
      findings.append(
        Finding(
          .belowMempoolMinFee,
          message: LocalizedText(
            en: "Its fee rate (\(mine)) is below the mempool minimum (\(minimum), \(purge.source.english)): many nodes will drop it or refuse to relay it. While it is not mined, the coins have not left the wallet.",
            zh: "其费率（\(mine)）低于内存池最低费率（\(minimum)，\(purge.source.simplifiedChinese)）：许多节点会丢弃或拒绝转发它。在被打包之前，币并没有离开钱包。"),
          evidence: [
            "effective_fee_rate_sat_vb": .number(BitcoinUnits.oneDecimal(effective.rate)),
            "mempool_min_fee_rate_sat_vb": .number(purge.rate.satsPerVByte), "source": .string(purge.source.english),
          ]))
    }

    if let ancestors = transaction.unconfirmedAncestors, let package = transaction.package {
      let count = transaction.unconfirmedAncestorCount
      findings.append(
        Finding(
          .unconfirmedParent,
          message: LocalizedText(
            en: "It spends coins from \(count) unconfirmed transaction\(count == 1 ? "" : "s"); miners take them together, so the package rate counts: (\(BitcoinUnits.grouped(package.feeSats)) sats) / (\(BitcoinUnits.grouped(package.vsize)) vB) = \(BitcoinUnits.rateText(package.rate)), against its own \(BitcoinUnits.rateText(own.rate)).",
            zh: "它花费的币来自 \(count) 笔未确认交易；矿工会把它们一起打包，因此以组合费率为准：（\(BitcoinUnits.grouped(package.feeSats)) sats）/（\(BitcoinUnits.grouped(package.vsize)) vB）= \(BitcoinUnits.rateText(package.rate))，其自身费率为 \(BitcoinUnits.rateText(own.rate))。"),
          evidence: [
            "unconfirmed_ancestors": .count(count), "ancestors_fee_sat": .count(ancestors.feeSats),
            "ancestors_vsize": .count(ancestors.vsize), "package_fee_sat": .count(package.feeSats),
            "package_vsize": .count(package.vsize), "package_fee_rate_sat_vb": .number(BitcoinUnits.oneDecimal(package.rate)),
          ]))
    }

    if transaction.rbfSignaled == true {
      findings.append(
        Finding(
          .rbfSignaled,
          message: LocalizedText(
            en: "It signals replace-by-fee (BIP 125), so the sender can speed it up by replacing it with a higher fee.",
            zh: "它声明了手续费替换（BIP 125），发送方可以用更高手续费的交易替换它来加速。")))
    }

    if let vsize = market.mempoolVSize, vsize > Self.congestionBlocks * Self.blockVSize {
      let blocks = Double(vsize) / Double(Self.blockVSize)
      findings.append(
        Finding(
          .congestion,
          message: LocalizedText(
            en: "The mempool is congested: \(BitcoinUnits.grouped(vsize)) vB waiting, about \(String(format: "%.1f", blocks)) blocks' worth.",
            zh: "内存池拥堵：有 \(BitcoinUnits.grouped(vsize)) vB 的交易在等待，约相当于 \(String(format: "%.1f", blocks)) 个区块。"),
          evidence: ["mempool_vsize": .count(vsize), "blocks_worth": .number((blocks * 10).rounded() / 10)]))
    }

    let blocks = belowPurge ? nil : expectedBlocks(effective)
    let eta = blocks.map(BitcoinBlockTiming.eta(blocks:))
    var recommendations: [Recommendation] = []
    let stuck = belowNextBlock || belowPurge || blocks == nil || blocks! >= Self.slowBlocks
    if let blocks, let eta, !stuck {
      recommendations.append(wait(blocks: blocks, eta: eta))
    }
    if stuck {
      recommendations.append(replaceByFee(own: own, target: nextBlock))
      if let nextBlock { recommendations.append(childPaysForParent(own: own, target: nextBlock)) }
    }
    if belowPurge { recommendations.append(letItDrop()) }

    findings.sort { $0.severity < $1.severity }
    return Diagnosis(
      query: transaction.txid, chain: chain.name, status: .pending,
      summary: summary(effective: effective, blocks: blocks, eta: eta, belowNextBlock: belowNextBlock, belowPurge: belowPurge),
      findings: findings, eta: eta, recommendations: recommendations, transaction: .bitcoin(details))
  }

  /// Blocks until inclusion: the position of the rate among mempool.space's projected blocks
  /// (block i → i + 1 blocks), else the first estimate target whose rate it meets; nil when it
  /// meets none.
  func expectedBlocks(_ effective: BitcoinFeePackage) -> Int? {
    if let projected = market.projectedBlocks {
      for (index, block) in projected.enumerated() where !effective.paysLess(than: block.minimumRate) {
        // The last projected block holds the whole overflow; its position inside is unknown.
        if index == projected.count - 1 && block.overflows { break }
        return index + 1
      }
    }
    if let estimate = market.feeEstimates.first(where: { !effective.paysLess(than: $0.rate) }) {
      return estimate.target
    }
    if let projected = market.projectedBlocks, let last = projected.last, last.overflows,
      !effective.paysLess(than: last.minimumRate)
    {
      // Somewhere in the overflow: at worst at its end.
      return projected.count - 1 + Int((last.blockVSize / Double(Self.blockVSize)).rounded(.up))
    }
    return nil
  }

  private func summary(
    effective: BitcoinFeePackage, blocks: Int?, eta: ETA?, belowNextBlock: Bool, belowPurge: Bool
  ) -> LocalizedText {
    let rate = BitcoinUnits.rateText(effective.rate)
    if belowPurge {
      return LocalizedText(
        en: "Pending on Bitcoin and stuck: its fee rate (\(rate)) is below what many nodes keep, so it may never confirm as it is.",
        zh: "在比特币上待确认且已卡住：其费率（\(rate)）低于许多节点保留交易的最低费率，按现状可能永远不会确认。")
    }
    guard let blocks, let eta else {
      return LocalizedText(
        en: "Pending on Bitcoin: its fee rate (\(rate)) is below every current estimate; it will not confirm any time soon.",
        zh: "在比特币上待确认：其费率（\(rate)）低于当前所有费率估计，短期内不会确认。")
    }
    let english = range(eta, .english)
    let chinese = range(eta, .simplifiedChinese)
    if belowNextBlock || blocks >= Self.slowBlocks {
      return LocalizedText(
        en: "Pending on Bitcoin, slow: its fee rate (\(rate)) is below the next block's; expected in about \(blocks) blocks, likely \(english).",
        zh: "在比特币上待确认，较慢：其费率（\(rate)）低于下一个区块的入块费率；预计约 \(blocks) 个区块后确认，大概率需要 \(chinese)。")
    }
    return LocalizedText(
      en: "Pending on Bitcoin with an adequate fee rate (\(rate)): expected in \(blocks) block\(blocks == 1 ? "" : "s"), likely \(english).",
      zh: "在比特币上待确认，费率充足（\(rate)）：预计 \(blocks) 个区块内确认，大概率需要 \(chinese)。")
  }

  private func range(_ eta: ETA, _ language: Language) -> String {
    AmountFormatting.duration(seconds: eta.minSeconds, language: language) + "–"
      + AmountFormatting.duration(seconds: eta.maxSeconds, language: language)
  }

  // MARK: - Remedies

  private func wait(blocks: Int, eta: ETA) -> Recommendation {
    Recommendation(
      action: "wait",
      message: LocalizedText(
        en: "Waiting is enough: about \(blocks) block\(blocks == 1 ? "" : "s"), likely \(range(eta, .english)) (blocks come every 10 minutes on average, but irregularly). Do not send the payment again: if both confirm, you pay twice.",
        zh: "耐心等待即可：约 \(blocks) 个区块，大概率 \(range(eta, .simplifiedChinese))（平均每 10 分钟出一个区块，但间隔不固定）。不要重复付款：如果两笔都确认，您会付两次。"),
      params: ["blocks": .count(blocks), "min_seconds": .count(eta.minSeconds), "max_seconds": .count(eta.maxSeconds)])
  }

  /// RBF: min_new_fee = replaced fees + ⌈r × vsize⌉; new_fee = max(min_new_fee, ⌈target × vsize⌉),
  /// and, with unconfirmed parents, enough that the package also reaches the target.
  func replaceByFee(own: BitcoinFeePackage, target: BitcoinSourcedRate?) -> Recommendation {
    let relay = incrementalRelayFee
    let replacedFees = transaction.replacedFeesSats ?? own.feeSats
    let minimumFee = replacedFees + relay.rate.fee(forVSize: own.vsize)
    var newFee = minimumFee
    var params: [String: JSONValue] = [
      "old_fee_sat": .count(own.feeSats), "vsize": .count(own.vsize), "min_new_fee_sat": .count(minimumFee),
      "incremental_relay_fee_sat_vb": .number(relay.rate.satsPerVByte), "incremental_relay_fee_source": .string(relay.source.english),
      "endpoint": .string(endpoint),
    ]
    if replacedFees != own.feeSats { params["replaced_fees_sat"] = .count(replacedFees) }
    if let target {
      var targetFee = target.rate.fee(forVSize: own.vsize)
      if let ancestors = transaction.unconfirmedAncestors {
        targetFee = max(targetFee, target.rate.fee(forVSize: own.vsize + ancestors.vsize) - ancestors.feeSats)
      }
      newFee = max(minimumFee, targetFee)
      params["target_fee_rate_sat_vb"] = .number(target.rate.satsPerVByte)
      params["target_source"] = .string(target.source.english)
    }
    let newRate = Double(newFee) / Double(own.vsize)
    params["new_fee_sat"] = .count(newFee)
    params["new_fee_rate_sat_vb"] = .number(BitcoinUnits.oneDecimal(newRate))
    let signalNote: LocalizedText
    if transaction.rbfSignaled == false {
      signalNote = LocalizedText(
        en: " It did not signal RBF: nodes on Bitcoin Core 28 or later accept the replacement anyway (full RBF), but your wallet may not offer “Speed up” for it — then use CPFP.",
        zh: "它没有声明 RBF：比特币核心 28 及以上版本的节点仍会接受替换（全额替换），但钱包可能不为它提供「加速」——那时请用 CPFP。")
    } else {
      signalNote = LocalizedText(en: "", zh: "")
    }
    let descendantsNote = replacedFees != own.feeSats
      ? LocalizedText(
        en: " It has unconfirmed children, which the replacement evicts, so it must pay their fees too (\(BitcoinUnits.satsText(replacedFees)) in all).",
        zh: "它有未确认的子交易，替换会把它们一并移除，因此还需覆盖它们的手续费（合计 \(BitcoinUnits.satsText(replacedFees))）。")
      : LocalizedText(en: "", zh: "")
    let targetText = target.map {
      LocalizedText(
        en: " to reach the next block's \(BitcoinUnits.preciseRateText($0.rate))",
        zh: "，以达到下一个区块的 \(BitcoinUnits.preciseRateText($0.rate))")
    } ?? LocalizedText(en: "", zh: "")
    return Recommendation(
      action: "rbf",
      message: LocalizedText(
        en: "Speed up by replacement (RBF), if you are the sender: in imToken open the pending Bitcoin transfer and tap “Speed up”, then set the fee to \(BitcoinUnits.satsText(newFee)) (\(BitcoinUnits.rateText(newRate)) for its \(own.vsize) vB)\(targetText.english). Nodes accept no less than \(BitcoinUnits.satsText(minimumFee)): the old fee \(BitcoinUnits.satsText(replacedFees)) + \(BitcoinUnits.rateText(relay.rate.satsPerVByte)) × \(own.vsize) vB (incremental relay fee: \(relay.source.english)). These numbers assume the replacement has the same size.\(descendantsNote.english)\(signalNote.english) Afterwards, never rebroadcast the old transaction.",
        zh: "如果您是发送方，可通过替换（RBF）加速：在 imToken 中打开这笔待确认的比特币转账，点击「加速」，把手续费设为 \(BitcoinUnits.satsText(newFee))（其 \(own.vsize) vB 对应 \(BitcoinUnits.rateText(newRate))）\(targetText.simplifiedChinese)。节点接受的最低值为 \(BitcoinUnits.satsText(minimumFee))：原手续费 \(BitcoinUnits.satsText(replacedFees)) + \(BitcoinUnits.rateText(relay.rate.satsPerVByte)) × \(own.vsize) vB（增量转发费率：\(relay.source.simplifiedChinese)）。以上数字假设替换交易大小不变。\(descendantsNote.simplifiedChinese)\(signalNote.simplifiedChinese)替换之后，切勿重新广播旧交易。"),
      params: params)
  }

  /// CPFP: child_fee = ⌈target × (package vsize + 110)⌉ − package fee, for a one-input
  /// one-output P2WPKH child of about 110 vB; never less than the child's own share.
  func childPaysForParent(own: BitcoinFeePackage, target: BitcoinSourcedRate) -> Recommendation {
    let package = transaction.package ?? own
    let childVSize = Self.cpfpChildVSize
    let childFee = max(
      target.rate.fee(forVSize: package.vsize + childVSize) - package.feeSats, target.rate.fee(forVSize: childVSize))
    let childRate = Double(childFee) / Double(childVSize)
    return Recommendation(
      action: "cpfp",
      message: LocalizedText(
        en: "Or child-pays-for-parent (CPFP), by whoever controls one of its outputs — the receiver, or you through the change output: spend that output in a new transaction paying \(BitcoinUnits.satsText(childFee)) in fees (\(BitcoinUnits.rateText(childRate))). That lifts the pair to the next block's \(BitcoinUnits.preciseRateText(target.rate)): ⌈\(BitcoinUnits.preciseRateText(target.rate)) × (\(package.vsize) + \(childVSize)) vB⌉ − \(BitcoinUnits.satsText(package.feeSats)) already paid. Assumption: the child has one P2WPKH input and one output, about \(childVSize) vB; a larger child needs proportionally more.",
        zh: "或者由控制其某个输出的一方使用“子为父付”（CPFP）——收款方，或通过找零输出由您自己：用一笔新交易花费该输出，支付 \(BitcoinUnits.satsText(childFee)) 手续费（\(BitcoinUnits.rateText(childRate))）。这样两笔合计可达到下一个区块的 \(BitcoinUnits.preciseRateText(target.rate))：⌈\(BitcoinUnits.preciseRateText(target.rate)) × (\(package.vsize) + \(childVSize)) vB⌉ − 已付 \(BitcoinUnits.satsText(package.feeSats))。假设：子交易为一个 P2WPKH 输入、一个输出，约 \(childVSize) vB；子交易更大则需按比例多付。"),
      params: [
        "child_fee_sat": .count(childFee), "child_vsize_assumed": .count(childVSize),
        "child_fee_rate_sat_vb": .number(BitcoinUnits.oneDecimal(childRate)), "parent_vsize": .count(package.vsize),
        "parent_fee_sat": .count(package.feeSats), "target_fee_rate_sat_vb": .number(target.rate.satsPerVByte),
        "target_source": .string(target.source.english), "endpoint": .string(endpoint),
      ])
  }

  private func letItDrop() -> Recommendation {
    Recommendation(
      action: "let_it_drop",
      message: LocalizedText(
        en: "If you do nothing, nodes will drop it (when their mempool is full, or after 14 days at the latest) and the coins become spendable in your wallet again — nothing is lost. If you replace it, never rebroadcast the old transaction afterwards.",
        zh: "如果不做处理，节点会丢弃它（内存池满时，最迟 14 天后），币会重新在您的钱包中可用——不会有任何损失。如果您替换了它，之后切勿重新广播旧交易。"))
  }
}
