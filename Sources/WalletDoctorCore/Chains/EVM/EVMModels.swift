/// A transaction as `eth_getTransactionByHash` returns it (only the fields the rules use).
struct EVMTransaction: Sendable, Hashable {
  var hash: String
  var from: String
  var to: String?
  var nonce: UInt64
  /// 0 legacy, 1 access list, 2 dynamic fee, 3 blob, 4 set-code; unknown types are kept as given.
  var type: UInt64
  var value: UInt128
  var gasLimit: UInt64
  var gasPrice: UInt128?
  var maxFeePerGas: UInt128?
  var maxPriorityFeePerGas: UInt128?
  var blockNumber: UInt64?

  /// Types 0 and 1 price gas with `gasPrice`; later types with max fee and tip. Chosen by `type`,
  /// not by which fields are present (mined dynamic-fee transactions carry `gasPrice` too).
  var usesLegacyPricing: Bool { type < 2 || maxFeePerGas == nil }

  /// The most the sender offered per gas: `maxFeePerGas`, or `gasPrice` for legacy types.
  var offeredFeeCap: UInt128 { usesLegacyPricing ? (gasPrice ?? 0) : (maxFeePerGas ?? 0) }

  init?(_ json: JSONValue) {
    guard let hash = json["hash"]?.stringValue, let from = json["from"]?.stringValue?.lowercased(),
      let nonce = json["nonce"]?.hexUInt64, let gasLimit = json["gas"]?.hexUInt64
    else { return nil }
    self.hash = hash.lowercased()
    self.from = from
    to = json["to"]?.stringValue?.lowercased()
    self.nonce = nonce
    type = json["type"]?.hexUInt64 ?? 0
    value = json["value"]?.hexUInt128 ?? 0
    self.gasLimit = gasLimit
    gasPrice = json["gasPrice"]?.hexUInt128
    maxFeePerGas = json["maxFeePerGas"]?.hexUInt128
    maxPriorityFeePerGas = json["maxPriorityFeePerGas"]?.hexUInt128
    blockNumber = json["blockNumber"]?.hexUInt64
  }
}

/// A receipt as `eth_getTransactionReceipt` returns it.
struct EVMReceipt: Sendable, Hashable {
  /// Nil for pre-Byzantium receipts, which have `root` instead; that is not a failure.
  var succeeded: Bool?
  var blockNumber: UInt64
  var gasUsed: UInt64
  var effectiveGasPrice: UInt128?

  init?(_ json: JSONValue) {
    guard let blockNumber = json["blockNumber"]?.hexUInt64, let gasUsed = json["gasUsed"]?.hexUInt64 else {
      return nil
    }
    self.blockNumber = blockNumber
    self.gasUsed = gasUsed
    effectiveGasPrice = json["effectiveGasPrice"]?.hexUInt128
    switch json["status"]?.hexUInt64 {
    case 1: succeeded = true
    case 0: succeeded = false
    default: succeeded = nil
    }
  }
}

/// The head block, from `eth_getBlockByNumber("latest", false)`.
struct EVMBlockHead: Sendable, Hashable {
  var number: UInt64
  var baseFeePerGas: UInt128?
  var gasUsed: UInt64
  var gasLimit: UInt64
  var timestamp: UInt64

  init?(_ json: JSONValue) {
    guard let number = json["number"]?.hexUInt64 else { return nil }
    self.number = number
    baseFeePerGas = json["baseFeePerGas"]?.hexUInt128
    gasUsed = json["gasUsed"]?.hexUInt64 ?? 0
    gasLimit = json["gasLimit"]?.hexUInt64 ?? 0
    timestamp = json["timestamp"]?.hexUInt64 ?? 0
  }

  /// The next block's base fee by the EIP-1559 rule (elasticity 2, change denominator 8): the
  /// fallback when `eth_feeHistory` is unavailable.
  var projectedNextBaseFee: UInt128? {
    guard let baseFee = baseFeePerGas, gasLimit > 0 else { return nil }
    let target = UInt128(gasLimit / 2)
    let used = UInt128(gasUsed)
    guard target > 0 else { return baseFee }
    if used == target { return baseFee }
    if used > target {
      let delta = max(1, baseFee * (used - target) / target / 8)
      return baseFee + delta
    }
    return baseFee - baseFee * (target - used) / target / 8
  }
}

/// `eth_feeHistory(10, "latest", [10, 50, 90])`.
struct EVMFeeHistory: Sendable, Hashable {
  /// Base fees of the blocks asked about, plus the next block's as the last entry.
  var baseFees: [UInt128]
  var gasUsedRatios: [Double]
  /// Per block: the p10, p50 and p90 tips.
  var rewards: [[UInt128]]

  init?(_ json: JSONValue) {
    guard let baseFees = json["baseFeePerGas"]?.arrayValue?.compactMap(\.hexUInt128), !baseFees.isEmpty else {
      return nil
    }
    self.baseFees = baseFees
    gasUsedRatios = json["gasUsedRatio"]?.arrayValue?.compactMap(\.doubleValue) ?? []
    rewards = json["reward"]?.arrayValue?.map { $0.arrayValue?.compactMap(\.hexUInt128) ?? [] } ?? []
  }

  /// The next block's base fee (the last entry).
  var nextBaseFee: UInt128 { baseFees.last ?? 0 }

  /// Median over the blocks of one reward percentile column (0 = p10, 1 = p50, 2 = p90).
  func medianReward(column: Int) -> UInt128? {
    let values = rewards.compactMap { $0.indices.contains(column) ? $0[column] : nil }.sorted()
    guard !values.isEmpty else { return nil }
    let middle = values.count / 2
    return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
  }

  /// The p50 tip of the newest block.
  var latestMedianReward: UInt128? {
    guard let last = rewards.last, last.count > 1 else { return nil }
    return last[1]
  }

  var meanGasUsedRatio: Double? {
    gasUsedRatios.isEmpty ? nil : gasUsedRatios.reduce(0, +) / Double(gasUsedRatios.count)
  }
}
