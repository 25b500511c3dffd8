/// The verdict on a TRON transaction in a block: confirmed, or failed with its decoded cause.
struct TronMinedVerdict {
  let chain: Chain
  let txid: String
  let transaction: TronTransaction?
  let info: TronTransactionInfo?
  let head: TronHead
  /// The sender's resources and live prices (second wave); nil when not asked or it failed.
  var account: TronAccountState?
  var parameters: TronChainParameters?
  /// The endpoint (display form) the numbers came from.
  let endpoint: String

  /// The failed `contractResult` name, or nil when it succeeded. TRX transfers often have no
  /// receipt result at all (zero fields are omitted): that is success. The 32 zero bytes a
  /// successful TRC-20 transfer returns in `contractResult` are not looked at.
  var failureName: String? { Self.failureName(transaction: transaction, info: info) }

  /// The contract result that made the transaction fail (`OUT_OF_ENERGY`, `REVERT`, …), or nil.
  static func failureName(transaction: TronTransaction?, info: TronTransactionInfo?) -> String? {
    if let result = info?.receiptResult, result != "SUCCESS", result != "DEFAULT" { return result }
    let ret = transaction?.contractRet
    if info?.result == "FAILED" {
      if let ret, ret != "SUCCESS", ret != "DEFAULT" { return ret }
      return "UNKNOWN"
    }
    if info == nil || info?.blockNumber == nil, let ret, ret != "SUCCESS", ret != "DEFAULT" { return ret }
    return nil
  }

  private var feeSun: Int64 { info?.feeSun ?? 0 }
  private var blockText: (String, String) {
    if let block = info?.blockNumber { return (" in block \(block)", "第 \(block) 号区块") }
    return ("", "区块中")
  }

  /// What moved, for sentences: "12.5 USDT", "100.000000 TRX".
  private var valueText: String? {
    if let token = transaction?.token { return token.displayText }
    if let amount = transaction?.amountSun { return TronUnits.trxText(amount) }
    return nil
  }

  func diagnose() -> Diagnosis {
    let details = TronTransactionDetails(txid: txid, transaction: transaction, info: info, head: head)
    if let failureName { return failed(failureName, details: details) }

    let confirmations = details.confirmations
    let (blockEnglish, blockChinese) = blockText
    let what = valueText.map { LocalizedText(en: " (\($0)\(transaction?.to.map { " to \($0)" } ?? ""))", zh: "（\($0)\(transaction?.to.map { "，收款方 \($0)" } ?? "")）") }
      ?? LocalizedText(en: "", zh: "")
    let confirmationText = confirmations.map {
      LocalizedText(en: " (\($0) confirmation\($0 == 1 ? "" : "s"))", zh: "（\($0) 个确认）")
    } ?? LocalizedText(en: " (the node has not indexed its receipt yet)", zh: "（节点尚未索引其回执）")
    let energy = info.map {
      LocalizedText(
        en: $0.energyUsageTotal > 0 ? ", \(TronUnits.grouped($0.energyUsageTotal)) energy" : "",
        zh: $0.energyUsageTotal > 0 ? "，能量 \(TronUnits.grouped($0.energyUsageTotal))" : "")
    } ?? LocalizedText(en: "", zh: "")
    return Diagnosis(
      query: txid, chain: chain.name, status: .confirmed,
      summary: LocalizedText(
        en: "Confirmed on TRON\(blockEnglish)\(confirmationText.english)\(what.english); fee \(TronUnits.trxText(feeSun))\(energy.english).",
        zh: "已在波场\(blockChinese)确认\(confirmationText.simplifiedChinese)\(what.simplifiedChinese)；手续费 \(TronUnits.trxText(feeSun))\(energy.simplifiedChinese)。"),
      recommendations: [
        Recommendation(
          action: "check_recipient",
          message: LocalizedText(
            en: "Nothing to fix: the transfer is final (TRON blocks are irreversible after about 19 confirmations, one minute). If the recipient does not see it, they should check that they look at TRON (TRC-20) and, for a token, that it is added by its contract address\(transaction?.token.map { " (\($0.contract))" } ?? "").",
            zh: "无需处理：这笔转账已完成（波场区块约 19 个确认、一分钟后不可逆）。如果收款方看不到，请让对方确认查看的是波场（TRC-20）网络，并按合约地址添加代币\(transaction?.token.map { "（\($0.contract)）" } ?? "")。"))
      ],
      transaction: .tron(details))
  }

  private func failed(_ name: String, details: TronTransactionDetails) -> Diagnosis {
    let code = ReasonCatalog.tronFailureCode(name)
    let (blockEnglish, blockChinese) = blockText
    let fee = TronUnits.trxText(feeSun)
    let moved = transaction?.token != nil
      ? LocalizedText(en: "the tokens did not move", zh: "代币没有转出") : LocalizedText(en: "the value did not move", zh: "转账金额没有转出")
    var evidence: [String: JSONValue] = ["result": .string(name), "fee_sun": .count(feeSun)]
    if let info {
      evidence["energy_used"] = .count(info.energyUsageTotal)
      if let block = info.blockNumber { evidence["block_number"] = .count(block) }
    }
    if let limit = transaction?.feeLimitSun { evidence["fee_limit_sun"] = .count(limit) }
    if let message = info?.message { evidence["res_message"] = .string(message) }
    let reason = info?.contractResult.flatMap(TronContractABI.revertReason)
    if let reason { evidence["revert_reason"] = .string(reason) }

    var findings: [Finding] = []
    var recommendations: [Recommendation] = []
    let cause: LocalizedText
    let nodeSays = info?.message.map { LocalizedText(en: " The node says: “\($0)”.", zh: "节点信息：“\($0)”。") }
      ?? LocalizedText(en: "", zh: "")
    switch code {
    case .outOfEnergy:
      let used = info?.energyUsageTotal ?? 0
      let limit = transaction?.feeLimitSun
      cause = LocalizedText(en: "out of energy", zh: "能量不足")
      findings.append(
        Finding(
          code,
          message: LocalizedText(
            en: "It ran out of energy after using \(TronUnits.grouped(used)) energy\(limit.map { " with a fee limit of \(TronUnits.trxText($0))" } ?? ""); \(fee) was burned and \(moved.english).\(nodeSays.english)",
            zh: "在消耗 \(TronUnits.grouped(used)) 能量后能量耗尽\(limit.map { "（手续费上限 \(TronUnits.trxText($0))）" } ?? "")；已燃烧 \(fee)，\(moved.simplifiedChinese)。\(nodeSays.simplifiedChinese)"),
          evidence: evidence))
      let (retry, insufficient) = retryWithEnergy(used: used)
      if let insufficient { findings.append(insufficient) }
      recommendations.append(retry)
    case .reverted:
      cause = reason.map { LocalizedText(en: "the contract reverted (“\($0)”)", zh: "合约执行回退（“\($0)”）") }
        ?? LocalizedText(en: "the contract reverted", zh: "合约执行回退")
      findings.append(
        Finding(
          code,
          message: LocalizedText(
            en: "The contract refused the call\(reason.map { ": “\($0)”" } ?? ""); the fee (\(fee)) was paid and \(moved.english).\(reason == nil ? nodeSays.english : "")",
            zh: "合约拒绝了这次调用\(reason.map { "：“\($0)”" } ?? "")；手续费（\(fee)）已扣除，\(moved.simplifiedChinese)。\(reason == nil ? nodeSays.simplifiedChinese : "")"),
          evidence: evidence))
      recommendations.append(retryAfterRevert(reason: reason))
    case .outOfTime:
      cause = LocalizedText(en: "the call ran out of time", zh: "调用执行超时")
      findings.append(
        Finding(
          code,
          message: LocalizedText(
            en: "The contract call ran longer than a block allows and was stopped; \(fee) was burned (up to the whole fee limit can be) and \(moved.english).",
            zh: "合约调用执行时间超过区块允许的上限而被终止；已燃烧 \(fee)（最多可能燃烧全部手续费上限），\(moved.simplifiedChinese)。"),
          evidence: evidence))
      recommendations.append(
        Recommendation(
          action: "retry",
          message: LocalizedText(
            en: "Do not resend the same call unchanged: it will likely time out again. For a token transfer, check the token contract on tronscan.org or ask the token issuer; the funds are still in the wallet.",
            zh: "不要原样重发：很可能再次超时。如果是代币转账，请在 tronscan.org 查看该代币合约或咨询发行方；资金仍在钱包中。")))
    default:
      cause = LocalizedText(en: "the contract call failed (\(name))", zh: "合约调用失败（\(name)）")
      findings.append(
        Finding(
          code,
          message: LocalizedText(
            en: "The contract call failed with \(name); the fee (\(fee)) was paid and \(moved.english).\(nodeSays.english)",
            zh: "合约调用以 \(name) 失败；手续费（\(fee)）已扣除，\(moved.simplifiedChinese)。\(nodeSays.simplifiedChinese)"),
          evidence: evidence))
      recommendations.append(retryAfterRevert(reason: nil))
    }
    return Diagnosis(
      query: txid, chain: chain.name, status: .failed,
      summary: LocalizedText(
        en: "Failed on TRON\(blockEnglish): \(cause.english). The fee (\(fee)) was paid, but \(moved.english).",
        zh: "在波场\(blockChinese)执行失败：\(cause.simplifiedChinese)。手续费（\(fee)）已支付，但\(moved.simplifiedChinese)。"),
      findings: findings.sorted { $0.severity < $1.severity }, recommendations: recommendations, transaction: .tron(details))
  }

  /// The retry after OUT_OF_ENERGY: exact energy, price, TRX and fee limit for a USDT transfer;
  /// for other contracts, the limit that ran out.
  private func retryWithEnergy(used: Int64) -> (Recommendation, Finding?) {
    guard let price = parameters?.energyPriceSun else {
      return (
        Recommendation(
          action: "retry_with_energy",
          message: LocalizedText(
            en: "Send it again with a higher fee limit (it used \(TronUnits.grouped(used)) energy and stopped), or rent/stake energy first. The live energy price could not be read, so no exact TRX figure is given.",
            zh: "请提高手续费上限后重新发送（本次消耗 \(TronUnits.grouped(used)) 能量后停止），或先租用/质押能量。未能读取实时能量价格，因此无法给出精确的 TRX 数额。"),
          params: ["energy_used": .count(used)]),
        nil)
    }
    let limit = transaction?.feeLimitSun
    guard transaction?.isUSDTTransfer == true else {
      let spent = used * price
      var params: [String: JSONValue] = [
        "energy_used": .count(used), "energy_price_sun": .count(price), "energy_used_cost_sun": .count(spent),
        "energy_used_cost_trx": .string(TronUnits.trx(spent)), "endpoint": .string(endpoint),
      ]
      if let limit { params["fee_limit_sun"] = .count(limit) }
      if let account { params["sender_balance_sun"] = .count(account.balanceSun); params["sender_energy_available"] = .count(account.energyAvailable) }
      return (
        Recommendation(
          action: "retry_with_energy",
          message: LocalizedText(
            en: "It needs more than the \(TronUnits.grouped(used)) energy it used (\(TronUnits.trxText(spent)) at the live \(price) sun per energy); how much more depends on the contract. Send it again with a fee limit well above \(TronUnits.trxText(spent))\(limit.map { " (it had \(TronUnits.trxText($0)))" } ?? ""), and enough TRX to burn — or rent/stake energy first.",
            zh: "它需要的能量多于本次消耗的 \(TronUnits.grouped(used))（按实时价格每能量 \(price) sun 计为 \(TronUnits.trxText(spent))），具体多少取决于合约。请以明显高于 \(TronUnits.trxText(spent)) 的手续费上限重新发送\(limit.map { "（本次为 \(TronUnits.trxText($0))）" } ?? "")，并确保有足够 TRX 可燃烧——或先租用/质押能量。"),
          params: params),
        nil)
    }
    let plan = TronEnergyPlan(
      energyPriceSun: price, bandwidthBytes: bandwidthBytes,
      bandwidthPriceSun: parameters?.bandwidthPriceSun ?? TronEnergyPlan.defaultBandwidthPriceSun, account: account)
    var params = plan.params
    params["energy_used"] = .count(used)
    params["endpoint"] = .string(endpoint)
    if let limit { params["previous_fee_limit_sun"] = .count(limit) }
    let holds = TronEnergyPlan.usdtEnergyRecipientHolds
    let accountText: LocalizedText
    if let account, let required = plan.requiredSun {
      accountText = LocalizedText(
        en: " You now have \(TronUnits.grouped(account.energyAvailable)) energy and \(TronUnits.trxText(account.balanceSun)); the retry burns \(TronUnits.trxText(required)) (bandwidth included).",
        zh: "您目前有 \(TronUnits.grouped(account.energyAvailable)) 能量和 \(TronUnits.trxText(account.balanceSun))；重试将燃烧 \(TronUnits.trxText(required))（含带宽）。")
    } else {
      accountText = LocalizedText(
        en: " (The sender's balance and energy could not be read.)", zh: "（未能读取发送方的余额和能量。）")
    }
    let message = LocalizedText(
      en: "Send it again with enough energy: a USDT transfer needs about \(TronUnits.grouped(plan.energyNeeded)) energy when the recipient has never held USDT (about \(TronUnits.grouped(holds)) when it already does; the larger figure is assumed so the numbers are safe). At the live price of \(price) sun per energy that is \(TronUnits.trxText(plan.energyCostSun)); set the fee limit to at least \(TronUnits.trxText(plan.minimumFeeLimitSun)) — e.g. \(TronUnits.trxText(plan.feeLimitSun)) — where the wallet lets you (this one had \(limit.map(TronUnits.trxText) ?? "an unknown limit"), and it used \(TronUnits.grouped(used)) energy).\(accountText.english) \(plan.rentOrStakeNote.english)",
      zh: "请确保能量充足后重新发送：收款地址从未持有 USDT 时，一笔 USDT 转账约需 \(TronUnits.grouped(plan.energyNeeded)) 能量（已持有时约 \(TronUnits.grouped(holds))；此处按较大值计算，以确保足够）。按实时价格每能量 \(price) sun 计为 \(TronUnits.trxText(plan.energyCostSun))；在钱包允许时把手续费上限设为至少 \(TronUnits.trxText(plan.minimumFeeLimitSun))——例如 \(TronUnits.trxText(plan.feeLimitSun))（本次为 \(limit.map(TronUnits.trxText) ?? "未知")，消耗了 \(TronUnits.grouped(used)) 能量）。\(accountText.simplifiedChinese)\(plan.rentOrStakeNote.simplifiedChinese)")
    return (Recommendation(action: "retry_with_energy", message: message, params: params), plan.insufficientTRXFinding())
  }

  /// The transfer's bandwidth: what the receipt shows, else a typical TRC-20 transfer's.
  private var bandwidthBytes: Int64 {
    if let info, info.netUsage > 0 { return info.netUsage }
    if let info, info.netFeeSun > 0, let price = parameters?.bandwidthPriceSun, price > 0 { return info.netFeeSun / price }
    return TronEnergyPlan.typicalBandwidthBytes
  }

  private func retryAfterRevert(reason: String?) -> Recommendation {
    let balanceHint = reason.map { $0.lowercased().contains("balance") } ?? false
    return Recommendation(
      action: "retry",
      message: balanceHint
        ? LocalizedText(
          en: "The token balance was too low for this transfer. Check the sender's token balance and send an amount it covers; resending the same transaction will fail the same way and burn the fee again.",
          zh: "代币余额不足以完成这笔转账。请核对发送方的代币余额，发送不超过余额的数量；原样重发会以同样方式失败并再次扣除手续费。")
        : LocalizedText(
          en: "The contract refused the call (for a token transfer usually: not enough token balance, a frozen or blacklisted address, or a paused token). Check the cause on tronscan.org before sending again; resending the same transaction will fail the same way.",
          zh: "合约拒绝了这次调用（代币转账常见原因：代币余额不足、地址被冻结或列入黑名单、代币被暂停）。请先在 tronscan.org 查明原因再重新发送；原样重发会以同样方式失败。"),
      params: reason.map { ["revert_reason": .string($0)] } ?? [:])
  }
}
