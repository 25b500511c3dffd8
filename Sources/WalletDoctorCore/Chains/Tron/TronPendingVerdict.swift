/// The verdict on a TRON transaction in a node's pool but in no block: pending, or expired once
/// the node's head block is past its expiration. TRON has no fee bump; an expired transaction is
/// simply sent again.
struct TronPendingVerdict {
  let chain: Chain
  let txid: String
  let transaction: TronTransaction
  let head: TronHead
  var account: TronAccountState?
  var parameters: TronChainParameters?
  let endpoint: String

  /// TRON produces a block every 3 seconds.
  static let blockSeconds = 3
  /// A pooled transaction normally lands within a few blocks.
  static let usualWaitSeconds = 15

  /// Expired when the node's head block time has reached the expiration: java-tron rejects a
  /// transaction whose expiration is not after the block's time. The local clock is never used.
  static func isExpired(_ transaction: TronTransaction, head: TronHead) -> Bool {
    guard let expiration = transaction.expiration else { return false }
    return head.timestamp >= expiration
  }

  func diagnose() -> Diagnosis {
    let details = TronTransactionDetails(txid: txid, transaction: transaction, info: nil, head: head)
    if Self.isExpired(transaction, head: head) { return expired(details) }

    var findings: [Finding] = []
    var recommendations: [Recommendation] = []
    if transaction.isUSDTTransfer, let price = parameters?.energyPriceSun {
      let plan = TronEnergyPlan(
        energyPriceSun: price, bandwidthBytes: TronEnergyPlan.typicalBandwidthBytes,
        bandwidthPriceSun: parameters?.bandwidthPriceSun ?? TronEnergyPlan.defaultBandwidthPriceSun, account: account)
      if let limit = transaction.feeLimitSun, limit < plan.minimumFeeLimitSun {
        let affordable = limit / price
        let stake = account?.energyAvailable ?? 0
        // Staked energy counts too, but the fee limit still caps the total the call may use.
        if stake < plan.energyNeeded {
          findings.append(
            Finding(
              .feeLimitTooLow,
              message: LocalizedText(
                en: "Its fee limit (\(TronUnits.trxText(limit))) buys at most \(TronUnits.grouped(affordable)) energy at \(price) sun each, less than the \(TronUnits.grouped(plan.energyNeeded)) a USDT transfer may need (\(TronUnits.grouped(TronEnergyPlan.usdtEnergyRecipientHolds)) if the recipient already holds USDT); it may fail with out of energy.",
                zh: "其手续费上限（\(TronUnits.trxText(limit))）按每能量 \(price) sun 最多能买 \(TronUnits.grouped(affordable)) 能量，少于一笔 USDT 转账可能需要的 \(TronUnits.grouped(plan.energyNeeded))（收款方已持有 USDT 时为 \(TronUnits.grouped(TronEnergyPlan.usdtEnergyRecipientHolds))）；它可能因能量不足而失败。"),
              evidence: [
                "fee_limit_sun": .count(limit), "energy_price_sun": .count(price), "energy_affordable": .count(affordable),
                "energy_needed": .count(plan.energyNeeded),
              ]))
        }
      }
      if let insufficient = plan.insufficientTRXFinding() {
        findings.append(insufficient)
        recommendations.append(
          Recommendation(
            action: "top_up",
            message: LocalizedText(
              en: "If it fails, add at least \(TronUnits.trxText(plan.shortfallSun ?? 0)) to \(transaction.from ?? "the sender") (or rent energy) before sending again.",
              zh: "如果它失败了，请先向 \(transaction.from ?? "发送方") 至少转入 \(TronUnits.trxText(plan.shortfallSun ?? 0))（或租用能量）再重新发送。"),
            params: plan.params.merging(
              ["address": .string(transaction.from ?? ""), "min_amount_sun": .count(plan.shortfallSun ?? 0),
               "min_amount_trx": .string(TronUnits.trx(plan.shortfallSun ?? 0))]) { _, new in new }))
      }
    }

    let left = transaction.expiration.map { max(0, Int(($0 - head.timestamp) / 1000)) }
    let eta = ETA(minSeconds: Self.blockSeconds, maxSeconds: max(Self.blockSeconds, min(Self.usualWaitSeconds, left ?? Self.usualWaitSeconds)))
    let expiry = left.map {
      LocalizedText(
        en: " If no block takes it within \($0) s (its expiration, by the node's clock), it expires harmlessly and must be sent again.",
        zh: "如果 \($0) 秒内（按节点时钟计的过期时间）没有区块打包它，它会无害地过期，需要重新发送。")
    } ?? LocalizedText(en: "", zh: "")
    recommendations.insert(
      Recommendation(
        action: "wait",
        message: LocalizedText(
          en: "Wait a few seconds and check again: TRON makes a block every 3 s.\(expiry.english) Do not send it again while it is pending — both could go through.",
          zh: "请等待几秒后再查询：波场每 3 秒出一个区块。\(expiry.simplifiedChinese)在待处理期间不要重复发送——两笔都可能成功。"),
        params: ["min_seconds": .count(eta.minSeconds), "max_seconds": .count(eta.maxSeconds)]
          .merging(left.map { ["seconds_until_expiration": .count($0)] } ?? [:]) { _, new in new }),
      at: 0)
    findings.sort { $0.severity < $1.severity }
    return Diagnosis(
      query: txid, chain: chain.name, status: .pending,
      summary: LocalizedText(
        en: "Pending on TRON: in the node's pool, not yet in a block; likely within \(eta.minSeconds)–\(eta.maxSeconds) s.",
        zh: "在波场上待处理：在节点交易池中，尚未进入区块；预计 \(eta.minSeconds)–\(eta.maxSeconds) 秒内完成。"),
      findings: findings, eta: eta, recommendations: recommendations, transaction: .tron(details))
  }

  private func expired(_ details: TronTransactionDetails) -> Diagnosis {
    let expiration = transaction.expiration ?? 0
    let late = max(0, (head.timestamp - expiration) / 1000)
    return Diagnosis(
      query: txid, chain: chain.name, status: .expired,
      summary: LocalizedText(
        en: "Expired on TRON: the node's latest block (\(head.number)) is \(late) s past the transaction's expiration and it is in no block, so it can never confirm. Nothing was charged and the funds did not move.",
        zh: "已在波场上过期：节点最新区块（\(head.number)）已超过该交易的过期时间 \(late) 秒，且它不在任何区块中，因此永远不会确认。没有扣费，资金也没有转出。"),
      findings: [
        Finding(
          .transactionExpired,
          message: LocalizedText(
            en: "Its expiration (\(expiration) ms) is at or before the head block's time (\(head.timestamp) ms, block \(head.number)) by the node's clock; TRON does not include expired transactions.",
            zh: "按节点时钟，其过期时间（\(expiration) 毫秒）不晚于最新区块时间（\(head.timestamp) 毫秒，区块 \(head.number)）；波场不会打包已过期的交易。"),
          evidence: [
            "expiration": .count(expiration), "head_block_timestamp": .count(head.timestamp), "head_block": .count(head.number),
          ])
      ],
      recommendations: [
        Recommendation(
          action: "send_again",
          message: LocalizedText(
            en: "Send the transfer again from the wallet (TRON has no speed-up or replacement; a new transaction is the only way). Make sure the wallet has network access while it signs and broadcasts, so the new one does not expire too.",
            zh: "请在钱包中重新发起这笔转账（波场没有加速或替换功能，只能发新交易）。签名和广播时请保持网络畅通，以免新交易也过期。"))
      ],
      transaction: .tron(details))
  }
}
