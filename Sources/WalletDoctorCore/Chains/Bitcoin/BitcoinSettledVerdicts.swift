/// The verdicts on a Bitcoin transaction whose fate is settled: mined, or replaced.
enum BitcoinSettledVerdicts {
  /// Mined: confirmations = tip − block height + 1 (a transaction in the tip block has one).
  static func confirmed(chain: Chain, transaction: BitcoinTransaction, tip: Int64) -> Diagnosis {
    let details = BitcoinTransactionDetails(transaction, tip: tip)
    let height = transaction.blockHeight ?? tip
    let confirmations = details.confirmations ?? 1
    var feeEnglish = ""
    var feeChinese = ""
    if let fee = transaction.feeSats, let rate = transaction.own?.rate {
      feeEnglish = "; fee \(BitcoinUnits.satsText(fee)) (\(BitcoinUnits.rateText(rate)))"
      feeChinese = "；手续费 \(BitcoinUnits.satsText(fee))（\(BitcoinUnits.rateText(rate))）"
    }
    let fewConfirmations = confirmations < 6
    return Diagnosis(
      query: transaction.txid, chain: chain.name, status: .confirmed,
      summary: LocalizedText(
        en: "Confirmed on Bitcoin in block \(height) (\(confirmations) confirmation\(confirmations == 1 ? "" : "s"))\(feeEnglish).",
        zh: "已在比特币第 \(height) 号区块确认（\(confirmations) 个确认）\(feeChinese)。"),
      recommendations: [
        Recommendation(
          action: "check_recipient",
          message: LocalizedText(
            en: "Nothing to fix: the payment is in the blockchain\(fewConfirmations ? ". Exchanges and services often credit only after 1–6 confirmations (this one has \(confirmations); one more comes about every 10 minutes)" : " and final"). If the recipient does not see it, they should check that the receiving address is theirs and that their wallet has synced.",
            zh: "无需处理：这笔付款已写入区块链\(fewConfirmations ? "。交易所和服务商通常在 1–6 个确认后入账（目前 \(confirmations) 个；大约每 10 分钟增加一个）" : "，已最终完成")。如果收款方看不到，请让对方核对收款地址是否属于自己，并确认钱包已同步。"),
          params: ["confirmations": .count(confirmations)])
      ],
      transaction: .bitcoin(details))
  }

  /// Replaced (RBF): mempool.space's replacement tree names a newer transaction.
  static func replaced(
    chain: Chain, txid: String, transaction: BitcoinTransaction?, replacement: BitcoinReplacement, tip: Int64
  ) -> Diagnosis {
    let original = transaction ?? replacement.originalTransaction(txid: txid)
    let details = BitcoinTransactionDetails(original, tip: tip, replacedBy: replacement.replacedBy)
    let newTxid = replacement.replacedBy
    let mined = replacement.replacementMined
    var replacementFee = LocalizedText(en: "", zh: "")
    if let fee = replacement.replacementFeeSats {
      replacementFee = LocalizedText(
        en: " (fee \(BitcoinUnits.satsText(fee))\(replacement.replacementVSize.map { ", \(BitcoinUnits.rateText(Double(fee) / $0))" } ?? ""))",
        zh: "（手续费 \(BitcoinUnits.satsText(fee))\(replacement.replacementVSize.map { "，\(BitcoinUnits.rateText(Double(fee) / $0))" } ?? "")）")
    }
    var evidence: [String: JSONValue] = [
      "replaced_by": .string(newTxid), "replacement_mined": .bool(mined), "full_rbf": .bool(replacement.fullRBF),
    ]
    if let fee = replacement.replacementFeeSats { evidence["replacement_fee_sat"] = .count(fee) }
    if let fee = original.feeSats { evidence["original_fee_sat"] = .count(fee) }
    return Diagnosis(
      query: txid, chain: chain.name, status: .replaced,
      summary: LocalizedText(
        en: "Replaced on Bitcoin: transaction \(newTxid) spends the same coins and took its place\(mined ? " — and it has confirmed" : ""). This one will never confirm; the coins were not spent twice.",
        zh: "已在比特币上被替换：交易 \(newTxid) 花费了相同的币并取代了它\(mined ? "——且已确认" : "")。这笔交易永远不会确认；币没有被花两次。"),
      findings: [
        Finding(
          .replacedByFee,
          message: LocalizedText(
            en: "It was replaced by \(newTxid)\(replacementFee.english)\(replacement.fullRBF ? ", without a BIP 125 signal (full RBF)" : ""), as the sender's wallet does when it speeds up (RBF) or cancels a payment.",
            zh: "它已被 \(newTxid)\(replacementFee.simplifiedChinese)替换\(replacement.fullRBF ? "（未声明 BIP 125，属于全额替换 full RBF）" : "")；发送方钱包加速（RBF）或取消付款时就会这样。"),
          evidence: evidence)
      ],
      recommendations: [
        Recommendation(
          action: "check_replacement",
          message: LocalizedText(
            en: "Look up \(newTxid) instead: that is the transaction that counts. If you are the sender and used “Speed up”, nothing is lost. If you are the receiver, check that the replacement still pays you — if it does not, the sender redirected the coins and you should ask them.",
            zh: "请改为查询 \(newTxid)：那才是有效的交易。如果您是发送方并使用了「加速」，没有任何损失。如果您是收款方，请确认替换交易仍然付款给您——如果没有，说明发送方把币转去了别处，请联系对方。"),
          params: ["txid": .string(newTxid)]),
        Recommendation(
          action: "do_not_rebroadcast",
          message: LocalizedText(
            en: "Do not rebroadcast the old transaction: it conflicts with the replacement and can only cause confusion.",
            zh: "不要重新广播旧交易：它与替换交易冲突，只会造成混乱。")),
      ],
      transaction: .bitcoin(details))
  }
}
