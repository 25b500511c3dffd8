/// The verdict on a transaction that has a receipt: confirmed or failed.
enum EVMMinedVerdict {
  static func diagnose(
    chain: Chain, query: String, transaction: EVMTransaction?, receipt: EVMReceipt, head: UInt64
  ) -> Diagnosis {
    let confirmations = head >= receipt.blockNumber ? Int64(head - receipt.blockNumber + 1) : 1
    let gasPrice = receipt.effectiveGasPrice ?? transaction?.gasPrice ?? 0
    let feePaid = EVMFeeMath.multiply(UInt128(receipt.gasUsed), gasPrice)
    let fee = AmountFormatting.coin(feePaid, decimals: chain.nativeDecimals, symbol: chain.nativeSymbol)
    let details = transaction.map {
      EVMTransactionDetails(
        hash: query, from: $0.from, to: $0.to, nonce: $0.nonce, type: $0.type, valueWei: $0.value,
        maxFeePerGasWei: $0.usesLegacyPricing ? nil : $0.maxFeePerGas,
        maxPriorityFeePerGasWei: $0.usesLegacyPricing ? nil : $0.maxPriorityFeePerGas,
        gasPriceWei: gasPrice, gasLimit: $0.gasLimit, gasUsed: receipt.gasUsed, feePaidWei: feePaid,
        blockNumber: Int64(receipt.blockNumber), confirmations: confirmations)
    }
    let block = receipt.blockNumber
    let name = chain.displayName

    if receipt.succeeded == false {
      let outOfGas = transaction.map { receipt.gasUsed == $0.gasLimit } ?? false
      var findings = [
        Finding(
          .reverted,
          message: LocalizedText(
            en: "The transaction was included in block \(block) but failed; the fee (\(fee)) was paid and the value did not move.",
            zh: "交易已被打包进第 \(block) 号区块，但执行失败；手续费（\(fee)）已扣除，转账金额没有转出。"),
          evidence: ["block_number": .count(block), "gas_used": .count(receipt.gasUsed), "fee_paid_wei": .amount(feePaid)])
      ]
      var recommendation: Recommendation
      if outOfGas, let transaction {
        findings.append(
          Finding(
            .outOfGas,
            message: LocalizedText(
              en: "It ran out of gas: all \(transaction.gasLimit) gas of its limit were used.",
              zh: "Gas 耗尽：Gas 上限 \(transaction.gasLimit) 已全部用完。"),
            evidence: ["gas_limit": .count(transaction.gasLimit), "gas_used": .count(receipt.gasUsed)]))
        recommendation = Recommendation(
          action: "retry",
          message: LocalizedText(
            en: "Send it again with a gas limit above \(transaction.gasLimit) (the limit that ran out); in imToken, raise the gas limit under the advanced fee settings. Nothing else needs undoing: the funds are still in the wallet.",
            zh: "请重新发送，并把 Gas 上限设置为高于 \(transaction.gasLimit)（本次耗尽的上限）；在 imToken 中可在高级手续费设置里调高 Gas 上限。资金仍在钱包中，无需其他撤销操作。"),
          params: ["gas_limit_exhausted": .count(transaction.gasLimit)])
      } else {
        recommendation = Recommendation(
          action: "retry",
          message: LocalizedText(
            en: "The contract refused the call (for a token transfer usually: not enough token balance, a paused or blacklisted token, or an expired swap quote). Check the cause on a block explorer before sending again; resending the same transaction will fail the same way.",
            zh: "合约拒绝了这次调用（代币转账常见原因：代币余额不足、代币被暂停或地址被列入黑名单、兑换报价已过期）。请先在区块浏览器上查明原因再重新发送；原样重发会以同样方式失败。"))
      }
      let cause = outOfGas
        ? LocalizedText(en: "it ran out of gas", zh: "Gas 耗尽")
        : LocalizedText(en: "the contract reverted", zh: "合约执行回退")
      return Diagnosis(
        query: query, chain: chain.name, status: .failed,
        summary: LocalizedText(
          en: "Failed on \(name) in block \(block): \(cause.english). The fee (\(fee)) was paid, but the value did not move.",
          zh: "在 \(name) 第 \(block) 号区块执行失败：\(cause.simplifiedChinese)。手续费（\(fee)）已支付，但转账金额没有转出。"),
        findings: findings, recommendations: [recommendation], transaction: details.map(TransactionDetails.evm))
    }

    var findings: [Finding] = []
    if receipt.succeeded == nil {
      findings.append(
        Finding(
          .preByzantiumReceipt,
          message: LocalizedText(
            en: "The receipt predates the Byzantium fork and carries no success flag; the transaction was included.",
            zh: "该回执早于拜占庭分叉，不含成功标志；交易已被打包。")))
    }
    return Diagnosis(
      query: query, chain: chain.name, status: .confirmed,
      summary: LocalizedText(
        en: "Confirmed on \(name) in block \(block) (\(confirmations) confirmations); fee paid \(fee).",
        zh: "已在 \(name) 第 \(block) 号区块确认（\(confirmations) 个确认）；实付手续费 \(fee)。"),
      findings: findings,
      recommendations: [
        Recommendation(
          action: "check_recipient",
          message: LocalizedText(
            en: "Nothing to fix: the transfer is final. If the recipient does not see it, they should check that their wallet is on \(name) and, for a token, that the token is added (by its contract address).",
            zh: "无需处理：这笔转账已最终完成。如果收款方看不到，请让对方确认钱包切换到了 \(name) 网络；如果是代币，请按合约地址添加该代币。"))
      ],
      transaction: details.map(TransactionDetails.evm))
  }
}
