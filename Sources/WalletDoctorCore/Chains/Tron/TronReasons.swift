extension ReasonCode {
  public static let outOfEnergy = ReasonCode("out_of_energy")
  public static let outOfTime = ReasonCode("out_of_time")
  public static let insufficientTRX = ReasonCode("insufficient_trx")
  public static let feeLimitTooLow = ReasonCode("fee_limit_too_low")
  public static let transactionExpired = ReasonCode("transaction_expired")
  /// A failed contract call whose result has no code of its own (`UNKNOWN`, or a name this
  /// version does not know).
  public static let contractFailed = ReasonCode("contract_failed")
  public static let badJumpDestination = ReasonCode("bad_jump_destination")
  public static let outOfMemory = ReasonCode("out_of_memory")
  public static let precompiledContract = ReasonCode("precompiled_contract")
  public static let stackTooSmall = ReasonCode("stack_too_small")
  public static let stackTooLarge = ReasonCode("stack_too_large")
  public static let illegalOperation = ReasonCode("illegal_operation")
  public static let stackOverflow = ReasonCode("stack_overflow")
  public static let jvmStackOverflow = ReasonCode("jvm_stack_over_flow")
  public static let transferFailed = ReasonCode("transfer_failed")
  public static let invalidCode = ReasonCode("invalid_code")
}

extension ReasonCatalog {
  /// TRON codes (`reverted` is shared with EVM and listed there).
  static let tronEntries: [ReasonCatalogEntry] = [
    ReasonCatalogEntry(
      .outOfEnergy, .problem, scope: "TRON",
      meaning: LocalizedText(
        en: "The contract call ran out of energy: the fee limit or the TRX balance could not pay for it. The TRX burned so far is gone; the tokens did not move.",
        zh: "合约调用能量耗尽：手续费上限或 TRX 余额不足以支付。已燃烧的 TRX 不会退回；代币没有转出。"),
      trigger: LocalizedText(
        en: "`gettransactioninfobyid` receipt `result` (or `contractRet`) is OUT_OF_ENERGY. The remedy gives the energy a retry needs, the live price (`getEnergyFee`), the TRX it burns and a fee limit that covers it.",
        zh: "`gettransactioninfobyid` 回执的 `result`（或 `contractRet`）为 OUT_OF_ENERGY。建议中给出重试所需能量、实时价格（`getEnergyFee`）、将燃烧的 TRX 以及足够的手续费上限。")),
    ReasonCatalogEntry(
      .outOfTime, .problem, scope: "TRON",
      meaning: LocalizedText(
        en: "The contract call took longer than a block allows and was stopped; up to the whole fee limit can be burned.",
        zh: "合约调用超出区块允许的执行时间而被终止；最多可能燃烧全部手续费上限。"),
      trigger: LocalizedText(en: "Receipt `result` is OUT_OF_TIME.", zh: "回执 `result` 为 OUT_OF_TIME。")),
    ReasonCatalogEntry(
      .insufficientTRX, .problem, scope: "TRON",
      meaning: LocalizedText(
        en: "The sender's TRX cannot pay the energy and bandwidth the transfer burns, so it fails (or will fail) with out of energy.",
        zh: "发送方的 TRX 不足以支付转账要燃烧的能量和带宽费用，因此会（或已经）因能量不足而失败。"),
      trigger: LocalizedText(
        en: "After OUT_OF_ENERGY, or while pending: TRX balance < (energy needed − energy available) × energy price + bandwidth burn.",
        zh: "出现 OUT_OF_ENERGY 后或交易待处理时：TRX 余额 < （所需能量 − 可用能量）× 能量价格 + 带宽燃烧费用。")),
    ReasonCatalogEntry(
      .feeLimitTooLow, .warning, scope: "TRON",
      meaning: LocalizedText(
        en: "The transaction's fee limit is below what the energy of a USDT transfer costs at the live price; it will probably fail with out of energy.",
        zh: "交易的手续费上限低于按实时价格计算的 USDT 转账能量费用；它很可能会因能量不足而失败。"),
      trigger: LocalizedText(
        en: "A pending USDT-TRC20 transfer whose `fee_limit` < energy needed × `getEnergyFee`.",
        zh: "待处理的 USDT-TRC20 转账，其 `fee_limit` 小于所需能量 × `getEnergyFee`。")),
    ReasonCatalogEntry(
      .transactionExpired, .problem, scope: "TRON",
      meaning: LocalizedText(
        en: "The transaction expired before any block included it; it can never confirm, nothing was charged and the funds did not move.",
        zh: "交易在被任何区块打包之前就已过期；它永远不会确认，没有扣费，资金也没有转出。"),
      trigger: LocalizedText(
        en: "Not in a block, and the node's head block timestamp (never the local clock) ≥ `raw_data.expiration` (status `expired`).",
        zh: "交易不在任何区块中，且节点最新区块的时间戳（绝不使用本地时钟）≥ `raw_data.expiration`（状态为 `expired`）。")),
    ReasonCatalogEntry(
      .contractFailed, .problem, scope: "TRON",
      meaning: LocalizedText(
        en: "The contract call failed for a reason the node reports only as UNKNOWN (or a result name this version does not know).",
        zh: "合约调用失败，节点只报告为 UNKNOWN（或本版本不认识的结果名称）。"),
      trigger: LocalizedText(
        en: "Receipt `result` is UNKNOWN or another unlisted failure; the evidence carries the name as given.",
        zh: "回执 `result` 为 UNKNOWN 或其他未列出的失败；证据中保留节点给出的原始名称。")),
  ] + virtualMachineFailures.map { code, name in
    ReasonCatalogEntry(
      code, .problem, scope: "TRON",
      meaning: LocalizedText(
        en: "The contract call failed in the TRON virtual machine (\(name)); the fee was paid and the value did not move.",
        zh: "合约调用在 TRON 虚拟机中失败（\(name)）；手续费已扣除，转账金额没有转出。"),
      trigger: LocalizedText(en: "Receipt `result` is \(name).", zh: "回执 `result` 为 \(name)。"))
  }

  /// The other `contractResult` names of java-tron's Tron.proto, each its own code (lower-cased).
  static let virtualMachineFailures: [(ReasonCode, String)] = [
    (.badJumpDestination, "BAD_JUMP_DESTINATION"), (.outOfMemory, "OUT_OF_MEMORY"),
    (.precompiledContract, "PRECOMPILED_CONTRACT"), (.stackTooSmall, "STACK_TOO_SMALL"),
    (.stackTooLarge, "STACK_TOO_LARGE"), (.illegalOperation, "ILLEGAL_OPERATION"), (.stackOverflow, "STACK_OVERFLOW"),
    (.jvmStackOverflow, "JVM_STACK_OVER_FLOW"), (.transferFailed, "TRANSFER_FAILED"), (.invalidCode, "INVALID_CODE"),
  ]

  /// The code for a failed `contractResult` name.
  static func tronFailureCode(_ name: String) -> ReasonCode {
    switch name {
    case "OUT_OF_ENERGY": return .outOfEnergy
    case "REVERT": return .reverted
    case "OUT_OF_TIME": return .outOfTime
    default: return virtualMachineFailures.first { $0.1 == name }?.0 ?? .contractFailed
    }
  }
}
