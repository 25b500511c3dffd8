/// The market and account facts a pending-transaction verdict rests on, each with its source.
struct EVMPendingFacts: Sendable {
  /// B: the next block's base fee.
  var nextBaseFee: UInt128
  /// Where B came from (`eth_feeHistory`, or the latest block projected by EIP-1559).
  var nextBaseFeeSource: String
  /// T: the market tip.
  var marketTip: UInt128
  /// Where T came from (`eth_maxPriorityFeePerGas`, or feeHistory's latest p50).
  var marketTipSource: String
  var feeHistory: EVMFeeHistory?
  var head: UInt64
  /// The endpoint (display form) the numbers came from.
  var endpoint: String
  /// Nonce and balance facts from the second look; nil when that look failed.
  var account: EVMAccountState?
}

/// The sender's nonces and balance: `eth_getTransactionCount` latest/pending and `eth_getBalance`.
struct EVMAccountState: Sendable, Hashable {
  /// L: transactions of the sender already mined (the next nonce to be mined).
  var confirmedNonce: UInt64
  /// P: the next nonce counting the node's pool.
  var pendingNonce: UInt64
  var balance: UInt128
}

/// The verdict on a transaction that is known but has no receipt: pending, or replaced when its
/// nonce is already used. Produces the exact replacement numbers.
struct EVMPendingVerdict {
  let chain: Chain
  let query: String
  let transaction: EVMTransaction
  let facts: EVMPendingFacts

  private var name: String { chain.displayName }
  private func gwei(_ wei: UInt128) -> String { AmountFormatting.gwei(wei) }
  private func coin(_ wei: UInt128) -> String {
    AmountFormatting.coin(wei, decimals: chain.nativeDecimals, symbol: chain.nativeSymbol)
  }

  /// The tip this transaction offers: `maxPriorityFeePerGas`, or for legacy types what is left
  /// of `gasPrice` above the base fee.
  var offeredTip: UInt128 {
    if transaction.usesLegacyPricing {
      let price = transaction.gasPrice ?? 0
      return price > facts.nextBaseFee ? price - facts.nextBaseFee : 0
    }
    return transaction.maxPriorityFeePerGas ?? 0
  }

  /// Where the numbers come from, attached to every remedy so a user (or support) can check them.
  private var basis: [String: JSONValue] {
    [
      "next_base_fee_wei": .amount(facts.nextBaseFee), "next_base_fee_source": .string(facts.nextBaseFeeSource),
      "market_priority_fee_wei": .amount(facts.marketTip), "market_priority_fee_source": .string(facts.marketTipSource),
      "endpoint": .string(facts.endpoint), "head_block": .count(facts.head),
    ]
  }

  func diagnose() -> Diagnosis {
    let details = EVMTransactionDetails(
      hash: query, from: transaction.from, to: transaction.to, nonce: transaction.nonce, type: transaction.type,
      valueWei: transaction.value,
      maxFeePerGasWei: transaction.usesLegacyPricing ? nil : transaction.maxFeePerGas,
      maxPriorityFeePerGasWei: transaction.usesLegacyPricing ? nil : transaction.maxPriorityFeePerGas,
      gasPriceWei: transaction.usesLegacyPricing ? transaction.gasPrice : nil, gasLimit: transaction.gasLimit,
      gasUsed: nil, feePaidWei: nil, blockNumber: nil, confirmations: nil)
    let nonce = transaction.nonce

    if let account = facts.account, nonce < account.confirmedNonce {
      return Diagnosis(
        query: query, chain: chain.name, status: .replaced,
        summary: LocalizedText(
          en: "Replaced on \(name): another transaction with the same nonce (\(nonce)) was mined, so this one will never confirm. The funds did not leave twice.",
          zh: "已在 \(name) 上被替换：另一笔相同 nonce（\(nonce)）的交易已被打包，这笔交易永远不会确认。资金不会被转出两次。"),
        findings: [
          Finding(
            .nonceAlreadyUsed,
            message: LocalizedText(
              en: "Nonce \(nonce) is already used: the sender has \(account.confirmedNonce) mined transactions (nonces 0…\(account.confirmedNonce - 1)). A speed-up, a cancel or another transaction with this nonce was mined instead.",
              zh: "nonce \(nonce) 已被使用：发送方已有 \(account.confirmedNonce) 笔交易被打包（nonce 0…\(account.confirmedNonce - 1)）。被打包的是使用同一 nonce 的加速、取消或其他交易。"),
            evidence: ["nonce": .count(nonce), "confirmed_nonce": .count(account.confirmedNonce)])
        ],
        recommendations: [
          Recommendation(
            action: "check_history",
            message: LocalizedText(
              en: "Look for the transaction with nonce \(nonce) in the wallet's history: that one is final. If it was a cancel, send the payment again; otherwise nothing is missing.",
              zh: "在钱包的交易记录中查找 nonce 为 \(nonce) 的交易：那笔才是最终有效的。如果那是一笔取消交易，请重新发起付款；否则没有任何资金丢失。"),
            params: ["nonce": .count(nonce)])
        ],
        transaction: .evm(details))
    }

    var findings: [Finding] = []
    let feeCap = transaction.offeredFeeCap
    let baseFee = facts.nextBaseFee
    let belowBaseFee = feeCap < baseFee
    if belowBaseFee {
      var evidence: [String: JSONValue] = [
        (transaction.usesLegacyPricing ? "gas_price_wei" : "max_fee_per_gas_wei"): .amount(feeCap),
        "next_base_fee_wei": .amount(baseFee), "source": .string(facts.nextBaseFeeSource),
      ]
      let blocks = EVMFeeMath.blocksUntilBaseFeeFallsTo(feeCap, from: baseFee)
      if let blocks { evidence["min_blocks_until_base_fee_fits"] = .count(blocks) }
      let fieldName = transaction.usesLegacyPricing
        ? LocalizedText(en: "gas price", zh: "Gas 价格") : LocalizedText(en: "max fee", zh: "最高费用")
      findings.append(
        Finding(
          .feeBelowBaseFee,
          message: LocalizedText(
            en: "Its \(fieldName.english) (\(gwei(feeCap))) is below the next block's base fee (\(gwei(baseFee))): no block can include it until the base fee falls to \(gwei(feeCap)) or less\(blocks.map { " (at least \($0) blocks of falling fees)" } ?? "").",
            zh: "其\(fieldName.simplifiedChinese)（\(gwei(feeCap))）低于下一个区块的基础费用（\(gwei(baseFee))）：在基础费用降到 \(gwei(feeCap)) 或更低之前，任何区块都无法打包它\(blocks.map { "（至少需要连续 \($0) 个区块降费）" } ?? "")。"),
          evidence: evidence))
    }

    let p10Median = facts.feeHistory?.medianReward(column: 0)
    let tip = offeredTip
    if let p10Median, tip < p10Median {
      findings.append(
        Finding(
          .priorityFeeLow,
          message: LocalizedText(
            en: "Its priority fee (\(gwei(tip))) is below what the cheapest 10 % of recent transactions paid (median \(gwei(p10Median))); validators will prefer others.",
            zh: "其优先费（\(gwei(tip))）低于近期最便宜 10% 交易所付的水平（中位数 \(gwei(p10Median))）；验证者会优先打包其他交易。"),
          evidence: ["priority_fee_wei": .amount(tip), "recent_p10_median_wei": .amount(p10Median)]))
    }

    var blockingNonce: (nonce: UInt64, isGap: Bool)?
    if let account = facts.account, nonce > account.confirmedNonce {
      if account.pendingNonce <= nonce {
        let first = account.pendingNonce
        let last = nonce - 1
        let range = first == last ? "\(first)" : "\(first)…\(last)"
        blockingNonce = (first, true)
        findings.append(
          Finding(
            .nonceGap,
            message: LocalizedText(
              en: "Nonce gap: this transaction has nonce \(nonce), but nonce\(first == last ? "" : "s") \(range) of the sender \(first == last ? "is" : "are") missing. It cannot be included until \(first == last ? "that nonce is" : "they are") used.",
              zh: "nonce 断档：这笔交易的 nonce 是 \(nonce)，但发送方缺少 nonce \(range)。在这些 nonce 被使用之前，它无法被打包。"),
            evidence: [
              "nonce": .count(nonce), "confirmed_nonce": .count(account.confirmedNonce),
              "pending_nonce": .count(account.pendingNonce),
              "missing_nonces": .array((first...last).prefix(64).map { .count($0) }),
            ]))
      } else {
        blockingNonce = (account.confirmedNonce, false)
        findings.append(
          Finding(
            .waitingOnEarlierNonce,
            message: LocalizedText(
              en: "It waits behind an earlier pending transaction of the sender: nonce \(account.confirmedNonce) must confirm first (this one is nonce \(nonce)).",
              zh: "它排在发送方更早的一笔待处理交易之后：nonce \(account.confirmedNonce) 必须先确认（这笔是 nonce \(nonce)）。"),
            evidence: [
              "nonce": .count(nonce), "confirmed_nonce": .count(account.confirmedNonce),
              "pending_nonce": .count(account.pendingNonce), "blocking_nonce": .count(account.confirmedNonce),
            ]))
      }
    }

    var shortfall: UInt128?
    if let account = facts.account {
      let maxCost = EVMFeeMath.add(transaction.value, EVMFeeMath.multiply(UInt128(transaction.gasLimit), feeCap))
      if account.balance < maxCost {
        shortfall = maxCost - account.balance
        findings.append(
          Finding(
            .insufficientBalance,
            message: LocalizedText(
              en: "The sender's balance (\(coin(account.balance))) cannot cover the value plus the maximum fee (\(coin(maxCost)) = value + \(transaction.gasLimit) gas × \(gwei(feeCap))).",
              zh: "发送方余额（\(coin(account.balance))）不足以支付金额加最高手续费（\(coin(maxCost)) = 金额 + \(transaction.gasLimit) Gas × \(gwei(feeCap))）。"),
            evidence: [
              "balance_wei": .amount(account.balance), "required_wei": .amount(maxCost),
              "shortfall_wei": .amount(maxCost - account.balance),
            ]))
      }
    }

    if let history = facts.feeHistory, let ratio = history.meanGasUsedRatio, ratio > 0.9 {
      let first = history.baseFees.first ?? 0
      let trend = first > 0 ? (Double(history.nextBaseFee) - Double(first)) / Double(first) * 100 : 0
      let trendText = String(format: "%+.0f%%", trend)
      findings.append(
        Finding(
          .congestion,
          message: LocalizedText(
            en: "The network is congested: recent blocks were \(Int((ratio * 100).rounded())) % full on average, and the base fee moved \(trendText) over the last \(history.gasUsedRatios.count) blocks.",
            zh: "网络拥堵：最近区块平均填充率 \(Int((ratio * 100).rounded()))%，基础费用在最近 \(history.gasUsedRatios.count) 个区块中变化了 \(trendText)。"),
          evidence: [
            "mean_gas_used_ratio": .number((ratio * 1000).rounded() / 1000), "base_fee_change_percent": .number(trend.rounded()),
            "blocks": .count(history.gasUsedRatios.count),
          ]))
    }

    let eta = estimatedWait(belowBaseFee: belowBaseFee, blocked: blockingNonce != nil || shortfall != nil, tip: tip, p10Median: p10Median)
    var recommendations: [Recommendation] = []
    if let blockingNonce {
      recommendations.append(unblock(nonce: blockingNonce.nonce, isGap: blockingNonce.isGap))
    } else {
      if let eta, findings.allSatisfy({ $0.severity == .info }) {
        recommendations.append(waitRecommendation(eta))
      }
      recommendations.append(speedUp())
      recommendations.append(cancel())
    }
    if let shortfall {
      recommendations.append(
        Recommendation(
          action: "top_up",
          message: LocalizedText(
            en: "Add at least \(coin(shortfall)) to \(transaction.from) on \(name) so the transaction can pay for itself (a speed-up needs a little more).",
            zh: "请向 \(name) 上的 \(transaction.from) 至少转入 \(coin(shortfall))，使这笔交易付得起费用（加速还需要再多一些）。"),
          params: ["address": .string(transaction.from), "min_amount_wei": .amount(shortfall)]))
    }

    findings.sort { $0.severity < $1.severity }
    return Diagnosis(
      query: query, chain: chain.name, status: .pending, summary: summary(findings: findings, eta: eta),
      findings: findings, eta: eta, recommendations: recommendations, transaction: .evm(details))
  }

  /// A range of waiting time, or nil when the transaction cannot be included at current fees.
  func estimatedWait(belowBaseFee: Bool, blocked: Bool, tip: UInt128, p10Median: UInt128?) -> ETA? {
    guard !belowBaseFee, !blocked else { return nil }
    let blocks: (Double, Double)
    if tip >= facts.marketTip {
      blocks = (1, 3)
    } else if let p10Median, tip < p10Median {
      blocks = (3, 60)
    } else {
      blocks = (1, 10)
    }
    let seconds = { (count: Double) in max(1, Int((count * chain.blockTimeSeconds).rounded(.up))) }
    return ETA(minSeconds: seconds(blocks.0), maxSeconds: seconds(blocks.1))
  }

  private func summary(findings: [Finding], eta: ETA?) -> LocalizedText {
    let codes = Set(findings.map(\.code))
    let head = LocalizedText(en: "Pending on \(name)", zh: "在 \(name) 上待处理")
    let reason: LocalizedText
    if codes.contains(.nonceGap) {
      reason = LocalizedText(en: "blocked by a nonce gap — earlier nonces of the sender are missing.", zh: "因 nonce 断档而卡住——发送方缺少更早的 nonce。")
    } else if codes.contains(.waitingOnEarlierNonce) {
      reason = LocalizedText(en: "waiting for an earlier transaction of the sender to confirm first.", zh: "正在等待发送方更早的一笔交易先确认。")
    } else if codes.contains(.feeBelowBaseFee) {
      reason = LocalizedText(en: "stuck: its fee is below the current base fee.", zh: "已卡住：其手续费低于当前基础费用。")
    } else if codes.contains(.insufficientBalance) {
      reason = LocalizedText(en: "stuck: the sender's balance cannot pay for it.", zh: "已卡住：发送方余额不足以支付。")
    } else if codes.contains(.priorityFeeLow), let eta {
      reason = LocalizedText(
        en: "slow: its priority fee is low; likely \(range(eta, .english)).",
        zh: "较慢：优先费偏低；预计 \(range(eta, .simplifiedChinese))。")
    } else if let eta {
      reason = LocalizedText(
        en: "with an adequate fee; expected within \(range(eta, .english)).",
        zh: "手续费充足；预计 \(range(eta, .simplifiedChinese)) 内确认。")
    } else {
      reason = LocalizedText(en: "not yet included.", zh: "尚未被打包。")
    }
    return LocalizedText(en: head.english + ", " + reason.english, zh: head.simplifiedChinese + "，" + reason.simplifiedChinese)
  }

  private func range(_ eta: ETA, _ language: Language) -> String {
    AmountFormatting.duration(seconds: eta.minSeconds, language: language) + "–"
      + AmountFormatting.duration(seconds: eta.maxSeconds, language: language)
  }

  // MARK: - Remedies

  /// The fee fields a replacement of this transaction needs, exact to the wei.
  func replacementFees() -> [String: JSONValue] {
    let baseFee = facts.nextBaseFee
    if transaction.usesLegacyPricing {
      let minimum = EVMFeeMath.minimumReplacement(transaction.gasPrice ?? 0)
      let recommended = max(minimum, EVMFeeMath.add(baseFee, facts.marketTip))
      return ["min_gas_price_wei": .amount(minimum), "gas_price_wei": .amount(recommended)]
    }
    let minimumFeeCap = EVMFeeMath.minimumReplacement(transaction.maxFeePerGas ?? 0)
    let minimumTip = EVMFeeMath.minimumReplacement(transaction.maxPriorityFeePerGas ?? 0)
    let tip = max(minimumTip, facts.marketTip)
    let feeCap = max(minimumFeeCap, EVMFeeMath.add(EVMFeeMath.multiply(2, baseFee), tip))
    return [
      "min_max_fee_per_gas_wei": .amount(minimumFeeCap), "min_max_priority_fee_per_gas_wei": .amount(minimumTip),
      "max_fee_per_gas_wei": .amount(feeCap), "max_priority_fee_per_gas_wei": .amount(tip),
    ]
  }

  /// "max fee X gwei, priority fee Y gwei" (or "gas price X gwei") from replacement params.
  private func feeText(_ fees: [String: JSONValue], _ language: Language) -> (recommended: String, minimum: String) {
    func gweiOf(_ key: String) -> String {
      fees[key]?.stringValue.flatMap { UInt128($0) }.map(gwei) ?? "?"
    }
    if transaction.usesLegacyPricing {
      switch language {
      case .english: return ("gas price \(gweiOf("gas_price_wei"))", "gas price \(gweiOf("min_gas_price_wei"))")
      case .simplifiedChinese: return ("Gas 价格 \(gweiOf("gas_price_wei"))", "Gas 价格 \(gweiOf("min_gas_price_wei"))")
      }
    }
    switch language {
    case .english:
      return (
        "max fee \(gweiOf("max_fee_per_gas_wei")) and priority fee \(gweiOf("max_priority_fee_per_gas_wei"))",
        "max fee \(gweiOf("min_max_fee_per_gas_wei")) / priority fee \(gweiOf("min_max_priority_fee_per_gas_wei"))"
      )
    case .simplifiedChinese:
      return (
        "最高费用 \(gweiOf("max_fee_per_gas_wei"))、优先费 \(gweiOf("max_priority_fee_per_gas_wei"))",
        "最高费用 \(gweiOf("min_max_fee_per_gas_wei")) / 优先费 \(gweiOf("min_max_priority_fee_per_gas_wei"))"
      )
    }
  }

  private var sourceNote: LocalizedText {
    LocalizedText(
      en: "(Base fee \(gwei(facts.nextBaseFee)) and market tip \(gwei(facts.marketTip)) from \(facts.endpoint) at block \(facts.head).)",
      zh: "（基础费用 \(gwei(facts.nextBaseFee))、市场小费 \(gwei(facts.marketTip)) 取自 \(facts.endpoint)，区块 \(facts.head)。）")
  }

  func speedUp() -> Recommendation {
    let fees = replacementFees()
    let english = feeText(fees, .english)
    let chinese = feeText(fees, .simplifiedChinese)
    var params = fees
    params["nonce"] = .count(transaction.nonce)
    params["basis"] = .object(basis)
    return Recommendation(
      action: "speed_up",
      message: LocalizedText(
        en: "Speed up: in imToken open the pending transaction and tap “Speed up”; under advanced fee settings enter \(english.recommended). Nodes accept no less than \(english.minimum). It reuses nonce \(transaction.nonce), so only one of the two can confirm and you pay once. \(sourceNote.english)",
        zh: "加速：在 imToken 中打开这笔待处理交易，点击「加速」；在高级手续费设置中填写\(chinese.recommended)。节点接受的最低值为\(chinese.minimum)。加速交易沿用 nonce \(transaction.nonce)，两笔中只会有一笔确认，只付一次费用。\(sourceNote.simplifiedChinese)"),
      params: params)
  }

  func cancel() -> Recommendation {
    let fees = replacementFees()
    let english = feeText(fees, .english)
    let chinese = feeText(fees, .simplifiedChinese)
    var params = fees
    params["nonce"] = .count(transaction.nonce)
    params["to"] = .string(transaction.from)
    params["value_wei"] = "0"
    params["gas_limit"] = 21000
    params["basis"] = .object(basis)
    return Recommendation(
      action: "cancel",
      message: LocalizedText(
        en: "Cancel instead: tap “Cancel” on the pending transaction — it sends 0 \(chain.nativeSymbol) to yourself with nonce \(transaction.nonce), gas limit 21000, \(english.recommended) (at least \(english.minimum)). A cancel can lose the race: if the original is mined first, the payment goes through and the cancel fails.",
        zh: "或者取消：在待处理交易上点击「取消」——它会用 nonce \(transaction.nonce) 向您自己转 0 \(chain.nativeSymbol)，Gas 上限 21000，\(chinese.recommended)（至少\(chinese.minimum)）。取消可能失败：如果原交易先被打包，付款照常完成，取消交易失效。"),
      params: params)
  }

  func unblock(nonce: UInt64, isGap: Bool) -> Recommendation {
    let tip = facts.marketTip
    let feeCap = EVMFeeMath.add(EVMFeeMath.multiply(2, facts.nextBaseFee), tip)
    let params: [String: JSONValue] = [
      "nonce": .count(nonce), "max_priority_fee_per_gas_wei": .amount(tip), "max_fee_per_gas_wei": .amount(feeCap),
      "basis": .object(basis),
    ]
    let message: LocalizedText
    if isGap {
      message = LocalizedText(
        en: "Fill the gap first: send any transaction with nonce \(nonce) — e.g. 0 \(chain.nativeSymbol) to your own address (in imToken enable the custom nonce under advanced settings) — with max fee \(gwei(feeCap)) and priority fee \(gwei(tip)). Each missing nonce must be used in order; then this transaction follows on its own. Do not speed up this transaction itself: that cannot help. \(sourceNote.english)",
        zh: "请先补上断档：用 nonce \(nonce) 发送任意一笔交易——例如向自己的地址转 0 \(chain.nativeSymbol)（在 imToken 高级设置中开启自定义 nonce）——最高费用 \(gwei(feeCap))，优先费 \(gwei(tip))。每个缺失的 nonce 都要依次用掉，之后这笔交易会自动被打包。不要加速这笔交易本身，那没有用。\(sourceNote.simplifiedChinese)")
    } else {
      message = LocalizedText(
        en: "Unblock nonce \(nonce) first: in the wallet's history open your earlier pending transaction with nonce \(nonce) and speed it up (or cancel it) with max fee \(gwei(feeCap)) and priority fee \(gwei(tip)); if the wallet says “replacement underpriced”, use at least 10 % more than that transaction's own fees. Speeding up this transaction itself cannot help: it waits for nonce \(nonce). \(sourceNote.english)",
        zh: "请先疏通 nonce \(nonce)：在钱包交易记录中打开 nonce 为 \(nonce) 的那笔更早的待处理交易，将其加速（或取消），最高费用 \(gwei(feeCap))，优先费 \(gwei(tip))；若钱包提示「replacement underpriced」，请比那笔交易自身的费用至少高 10%。加速这笔交易本身没有用：它在等待 nonce \(nonce)。\(sourceNote.simplifiedChinese)")
    }
    return Recommendation(action: "unblock_nonce", message: message, params: params)
  }

  private func waitRecommendation(_ eta: ETA) -> Recommendation {
    Recommendation(
      action: "wait",
      message: LocalizedText(
        en: "Waiting is enough: expected within \(range(eta, .english)) at current fees. Do not send the same payment again — if both confirm, you pay twice.",
        zh: "耐心等待即可：按当前费用预计 \(range(eta, .simplifiedChinese)) 内确认。不要重复发送同一笔付款——如果两笔都确认，您会付两次。"),
      params: ["min_seconds": .count(eta.minSeconds), "max_seconds": .count(eta.maxSeconds)])
  }
}
