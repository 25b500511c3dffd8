extension ReasonCode {
  public static let feeRateBelowNextBlock = ReasonCode("fee_rate_below_next_block")
  public static let belowMempoolMinFee = ReasonCode("below_mempool_min_fee")
  public static let unconfirmedParent = ReasonCode("unconfirmed_parent")
  public static let rbfSignaled = ReasonCode("rbf_signaled")
  public static let replacedByFee = ReasonCode("replaced_by_fee")
  public static let nodeWithoutTxindex = ReasonCode("node_without_txindex")
}

extension ReasonCatalog {
  /// Bitcoin codes (`congestion` is shared with EVM and listed there).
  static let bitcoinEntries: [ReasonCatalogEntry] = [
    ReasonCatalogEntry(
      .feeRateBelowNextBlock, .problem, scope: "Bitcoin",
      meaning: LocalizedText(
        en: "The fee rate miners see is lower than what the next block takes, so the transaction waits until demand falls.",
        zh: "矿工看到的费率低于下一个区块的入块费率，交易要等到需求回落才会被打包。"),
      trigger: LocalizedText(
        en: "Pending and the effective (package) fee rate < the next-block rate: the lowest rate of mempool.space's next projected block, else the 1–2-block fee estimate.",
        zh: "交易待处理，且有效（打包组合）费率低于下一区块费率：mempool.space 下一个预测区块的最低费率，否则为 1–2 个区块的费率估计。")),
    ReasonCatalogEntry(
      .belowMempoolMinFee, .problem, scope: "Bitcoin",
      meaning: LocalizedText(
        en: "The fee rate is below the minimum many nodes keep; they drop it, and the coins never left the wallet.",
        zh: "费率低于许多节点保留交易的最低费率；这些节点会丢弃它，币从未离开钱包。"),
      trigger: LocalizedText(
        en: "Pending and the effective fee rate < the mempool minimum (Bitcoin Core `getmempoolinfo.mempoolminfee`, or mempool.space `minimumFee`).",
        zh: "交易待处理，且有效费率低于内存池最低费率（比特币核心 `getmempoolinfo.mempoolminfee`，或 mempool.space 的 `minimumFee`）。")),
    ReasonCatalogEntry(
      .unconfirmedParent, .warning, scope: "Bitcoin",
      meaning: LocalizedText(
        en: "The transaction spends coins from transactions that are themselves unconfirmed; miners take them together, at the package's rate.",
        zh: "这笔交易花费的币来自尚未确认的交易；矿工会把它们一起打包，按整体费率计算。"),
      trigger: LocalizedText(
        en: "Pending and an input's parent transaction is unconfirmed. Evidence gives the package rate (Σ fees) / (Σ vsizes).",
        zh: "交易待处理，且某个输入的父交易尚未确认。证据中给出组合费率（总手续费）/（总虚拟大小）。")),
    ReasonCatalogEntry(
      .rbfSignaled, .info, scope: "Bitcoin",
      meaning: LocalizedText(
        en: "The transaction signals BIP 125 replaceability, so the sender can speed it up by replacement (RBF).",
        zh: "这笔交易声明了 BIP 125 可替换，发送方可以通过替换（RBF）加速。"),
      trigger: LocalizedText(
        en: "An input has nSequence < 0xfffffffe, or the transaction version is 3. (Nodes running Bitcoin Core 28+ accept replacements even without the signal.)",
        zh: "某个输入的 nSequence < 0xfffffffe，或交易版本为 3。（比特币核心 28 及以上版本的节点即使没有该声明也接受替换。）")),
    ReasonCatalogEntry(
      .replacedByFee, .warning, scope: "Bitcoin",
      meaning: LocalizedText(
        en: "Another transaction spending the same coins replaced this one (RBF); this one will never confirm and the coins were not spent twice.",
        zh: "另一笔花费相同币的交易替换了这笔交易（RBF）；这笔交易永远不会确认，币也不会被花两次。"),
      trigger: LocalizedText(
        en: "mempool.space `/v1/tx/:txid/rbf`: the root of the replacement tree is a different txid (status `replaced`).",
        zh: "mempool.space `/v1/tx/:txid/rbf`：替换树的根是另一个交易 ID（状态为 `replaced`）。")),
    ReasonCatalogEntry(
      .nodeWithoutTxindex, .info, scope: "Bitcoin",
      meaning: LocalizedText(
        en: "The Bitcoin Core node has no transaction index, so it cannot see transactions confirmed in older blocks.",
        zh: "该比特币核心节点没有交易索引，无法查到较早区块中已确认的交易。"),
      trigger: LocalizedText(
        en: "`getrawtransaction` fails with error −5 and a message that mentions -txindex.",
        zh: "`getrawtransaction` 返回错误 −5，且错误信息提到 -txindex。")),
  ]
}
