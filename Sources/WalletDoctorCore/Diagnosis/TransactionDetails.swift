/// The `transaction` object of a diagnosis; its fields depend on the chain family.
public enum TransactionDetails: Sendable, Hashable, Encodable {
  case evm(EVMTransactionDetails)
  case bitcoin(BitcoinTransactionDetails)
  case tron(TronTransactionDetails)

  public func encode(to encoder: Encoder) throws {
    switch self {
    case .evm(let details): try details.encode(to: encoder)
    case .bitcoin(let details): try details.encode(to: encoder)
    case .tron(let details): try details.encode(to: encoder)
    }
  }
}

/// An EVM transaction as the diagnosis reports it. Wei amounts are decimal strings.
public struct EVMTransactionDetails: Sendable, Hashable, Encodable {
  public var hash: String
  public var from: String
  /// Nil for a contract creation.
  public var to: String?
  public var nonce: UInt64
  public var type: UInt64
  public var valueWei: UInt128
  public var maxFeePerGasWei: UInt128?
  public var maxPriorityFeePerGasWei: UInt128?
  /// For legacy types the offered price; for mined dynamic-fee transactions the effective price.
  public var gasPriceWei: UInt128?
  public var gasLimit: UInt64
  public var gasUsed: UInt64?
  /// gasUsed × effective gas price, once mined.
  public var feePaidWei: UInt128?
  public var blockNumber: Int64?
  public var confirmations: Int64?

  enum CodingKeys: String, CodingKey {
    case hash, from, to, nonce, type
    case valueWei = "value_wei"
    case maxFeePerGasWei = "max_fee_per_gas_wei"
    case maxPriorityFeePerGasWei = "max_priority_fee_per_gas_wei"
    case gasPriceWei = "gas_price_wei"
    case gasLimit = "gas_limit"
    case gasUsed = "gas_used"
    case feePaidWei = "fee_paid_wei"
    case blockNumber = "block_number"
    case confirmations
  }

  public func encode(to encoder: Encoder) throws {
    // Every key is always present (null when not applicable) so consumers see a stable shape.
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(hash, forKey: .hash)
    try container.encode(from, forKey: .from)
    try container.encode(to, forKey: .to)
    try container.encode(nonce, forKey: .nonce)
    try container.encode(type, forKey: .type)
    try container.encode(String(valueWei), forKey: .valueWei)
    try container.encode(maxFeePerGasWei.map { String($0) }, forKey: .maxFeePerGasWei)
    try container.encode(maxPriorityFeePerGasWei.map { String($0) }, forKey: .maxPriorityFeePerGasWei)
    try container.encode(gasPriceWei.map { String($0) }, forKey: .gasPriceWei)
    try container.encode(gasLimit, forKey: .gasLimit)
    try container.encode(gasUsed, forKey: .gasUsed)
    try container.encode(feePaidWei.map { String($0) }, forKey: .feePaidWei)
    try container.encode(blockNumber, forKey: .blockNumber)
    try container.encode(confirmations, forKey: .confirmations)
  }
}
