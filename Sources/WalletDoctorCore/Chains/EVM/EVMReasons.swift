extension ReasonCode {
  public static let reverted = ReasonCode("reverted")
  public static let outOfGas = ReasonCode("out_of_gas")
  public static let feeBelowBaseFee = ReasonCode("fee_below_base_fee")
  public static let priorityFeeLow = ReasonCode("priority_fee_low")
  public static let nonceGap = ReasonCode("nonce_gap")
  public static let waitingOnEarlierNonce = ReasonCode("waiting_on_earlier_nonce")
  public static let nonceAlreadyUsed = ReasonCode("nonce_already_used")
  public static let insufficientBalance = ReasonCode("insufficient_balance")
  public static let congestion = ReasonCode("congestion")
  public static let preByzantiumReceipt = ReasonCode("pre_byzantium_receipt")
  public static let accountStateUnavailable = ReasonCode("account_state_unavailable")
}

extension ReasonCatalog {
  static let evmEntries: [ReasonCatalogEntry] = [
    ReasonCatalogEntry(
      .reverted, .problem, scope: "EVM, TRON",
      meaning: LocalizedText(
        en: "The transaction was included in a block but failed; the fee was paid and the value did not move.",
        zh: "交易已被打包但执行失败；手续费已扣除，转账金额没有转出。"),
      trigger: LocalizedText(
        en: "EVM: receipt `status` is 0. TRON: `contractRet` is REVERT (the revert reason is decoded when present).",
        zh: "EVM：回执 `status` 为 0。TRON：`contractRet` 为 REVERT（如有回退原因则解码显示）。")),
    ReasonCatalogEntry(
      .outOfGas, .problem, scope: "EVM",
      meaning: LocalizedText(
        en: "The transaction failed because it ran out of gas; the whole gas limit was spent.",
        zh: "交易因 Gas 耗尽而失败；Gas 上限已全部消耗。"),
      trigger: LocalizedText(
        en: "Receipt `status` is 0 and `gasUsed` equals the transaction's gas limit.",
        zh: "回执 `status` 为 0，且 `gasUsed` 等于交易的 Gas 上限。")),
    ReasonCatalogEntry(
      .feeBelowBaseFee, .problem, scope: "EVM",
      meaning: LocalizedText(
        en: "The maximum fee is below the next block's base fee, so no block can include the transaction now.",
        zh: "最高费用低于下一个区块的基础费用，当前任何区块都无法打包这笔交易。"),
      trigger: LocalizedText(
        en: "Pending and `maxFeePerGas` (legacy: `gasPrice`) < the last `baseFeePerGas` of `eth_feeHistory`.",
        zh: "交易待处理，且 `maxFeePerGas`（旧类型：`gasPrice`）小于 `eth_feeHistory` 最后一个 `baseFeePerGas`。")),
    ReasonCatalogEntry(
      .priorityFeeLow, .warning, scope: "EVM",
      meaning: LocalizedText(
        en: "The tip offered to validators is lower than what most recent transactions paid; inclusion may be slow.",
        zh: "给验证者的小费低于近期大多数交易；打包可能较慢。"),
      trigger: LocalizedText(
        en: "Pending and the tip (legacy: `gasPrice` − base fee) < the median of the p10 rewards of the last 10 blocks.",
        zh: "交易待处理，且小费（旧类型：`gasPrice` − 基础费用）低于最近 10 个区块第 10 百分位小费的中位数。")),
    ReasonCatalogEntry(
      .nonceGap, .problem, scope: "EVM",
      meaning: LocalizedText(
        en: "Earlier nonces of the sender are missing; this transaction cannot be included until they are used.",
        zh: "发送方缺少更早的 nonce；在这些 nonce 被使用之前，这笔交易无法被打包。"),
      trigger: LocalizedText(
        en: "Nonce N > confirmed count L and the pending count P ≤ N (nonces P…N−1 are missing).",
        zh: "nonce N 大于已确认计数 L，且待处理计数 P ≤ N（缺少 nonce P…N−1）。")),
    ReasonCatalogEntry(
      .waitingOnEarlierNonce, .warning, scope: "EVM",
      meaning: LocalizedText(
        en: "An earlier transaction of the sender is still pending; this one waits behind it.",
        zh: "发送方更早的一笔交易仍在等待；这笔交易排在它之后。"),
      trigger: LocalizedText(
        en: "Nonce N > confirmed count L and pending count P > N: nonce L must confirm first.",
        zh: "nonce N 大于已确认计数 L，且待处理计数 P > N：nonce L 必须先确认。")),
    ReasonCatalogEntry(
      .nonceAlreadyUsed, .problem, scope: "EVM",
      meaning: LocalizedText(
        en: "Another transaction with the same nonce was mined; this one can never confirm, and the funds did not leave twice.",
        zh: "另一笔相同 nonce 的交易已被打包；这笔交易永远不会确认，资金也不会被转出两次。"),
      trigger: LocalizedText(
        en: "The transaction is known but unmined and its nonce < the sender's confirmed count (status `replaced`).",
        zh: "交易存在但未被打包，且其 nonce 小于发送方已确认计数（状态为 `replaced`）。")),
    ReasonCatalogEntry(
      .insufficientBalance, .problem, scope: "EVM",
      meaning: LocalizedText(
        en: "The sender's balance cannot cover the value plus the maximum fee, so the transaction cannot be included.",
        zh: "发送方余额不足以支付转账金额加最高手续费，交易无法被打包。"),
      trigger: LocalizedText(
        en: "Balance < value + gas limit × `maxFeePerGas` (legacy: `gasPrice`).",
        zh: "余额 < 金额 + Gas 上限 × `maxFeePerGas`（旧类型：`gasPrice`）。")),
    ReasonCatalogEntry(
      .congestion, .info, scope: "EVM, Bitcoin",
      meaning: LocalizedText(
        en: "The network is busy; fees are rising and inclusion takes longer than usual.",
        zh: "网络拥堵；手续费在上涨，打包时间比平时长。"),
      trigger: LocalizedText(
        en: "EVM: the mean `gasUsedRatio` of the last 10 blocks > 0.9. Bitcoin: the mempool holds more than a few blocks' worth of transactions.",
        zh: "EVM：最近 10 个区块的平均 `gasUsedRatio` > 0.9。比特币：内存池积压超过数个区块的交易量。")),
    ReasonCatalogEntry(
      .preByzantiumReceipt, .info, scope: "EVM",
      meaning: LocalizedText(
        en: "The receipt predates the Byzantium fork and has no success flag; the transaction was included.",
        zh: "该回执早于拜占庭分叉，没有成功标志；交易已被打包。"),
      trigger: LocalizedText(
        en: "The receipt has `root` and no `status` (Ethereum blocks below 4,370,000).",
        zh: "回执包含 `root` 而没有 `status`（以太坊 4,370,000 之前的区块）。")),
      ReasonCatalogEntry(
      .accountStateUnavailable, .warning, scope: "EVM",
      meaning: LocalizedText(
        en: "The sender's nonces and balance could not be read, so nonce gaps, replacement and balance were not checked.",
        zh: "无法读取发送方的 nonce 和余额，因此未检查 nonce 断档、替换和余额问题。"),
      trigger: LocalizedText(
        en: "The second look (`eth_getTransactionCount` latest/pending, `eth_getBalance`) failed on every endpoint that saw the pending transaction.",
        zh: "在所有看到该待处理交易的节点上，第二轮查询（`eth_getTransactionCount` latest/pending、`eth_getBalance`）均失败。")),
  ]
}
