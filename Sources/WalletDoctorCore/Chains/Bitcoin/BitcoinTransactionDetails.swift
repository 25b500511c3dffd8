/// A Bitcoin transaction as the diagnosis reports it (`transaction` for chain `bitcoin`).
/// Sats are JSON integers; rates are sat/vB with one decimal.
public struct BitcoinTransactionDetails: Sendable, Hashable, Encodable {
  public var txid: String
  /// Nil when the endpoint did not say (Bitcoin Core for a mined transaction).
  public var feeSats: Int64?
  /// ⌈weight / 4⌉; nil when unknown.
  public var vsize: Int64?
  public var weight: Int64?
  /// fee / vsize, sat/vB with one decimal.
  public var feeRate: Double?
  /// The rate miners see with unconfirmed parents (the lower of its own and the package rate);
  /// equal to `feeRate` without them.
  public var effectiveFeeRate: Double?
  public var rbfSignaled: Bool?
  public var blockHeight: Int64?
  public var confirmations: Int64?
  /// The transaction that replaced it, when replaced.
  public var replacedBy: String?

  public init(
    txid: String, feeSats: Int64?, vsize: Int64?, weight: Int64?, feeRate: Double?, effectiveFeeRate: Double?,
    rbfSignaled: Bool?, blockHeight: Int64?, confirmations: Int64?, replacedBy: String?
  ) {
    self.txid = txid
    self.feeSats = feeSats
    self.vsize = vsize
    self.weight = weight
    self.feeRate = feeRate
    self.effectiveFeeRate = effectiveFeeRate
    self.rbfSignaled = rbfSignaled
    self.blockHeight = blockHeight
    self.confirmations = confirmations
    self.replacedBy = replacedBy
  }

  enum CodingKeys: String, CodingKey {
    case txid, vsize, weight, confirmations
    case feeSats = "fee_sat"
    case feeRate = "fee_rate_sat_vb"
    case effectiveFeeRate = "effective_fee_rate_sat_vb"
    case rbfSignaled = "rbf_signaled"
    case blockHeight = "block_height"
    case replacedBy = "replaced_by"
  }

  public func encode(to encoder: Encoder) throws {
    // Every key is always present (null when unknown) so consumers see a stable shape.
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(txid, forKey: .txid)
    try container.encode(feeSats, forKey: .feeSats)
    try container.encode(vsize, forKey: .vsize)
    try container.encode(weight, forKey: .weight)
    try container.encode(feeRate.map(BitcoinUnits.oneDecimal), forKey: .feeRate)
    try container.encode(effectiveFeeRate.map(BitcoinUnits.oneDecimal), forKey: .effectiveFeeRate)
    try container.encode(rbfSignaled, forKey: .rbfSignaled)
    try container.encode(blockHeight, forKey: .blockHeight)
    try container.encode(confirmations, forKey: .confirmations)
    try container.encode(replacedBy, forKey: .replacedBy)
  }

  init(_ transaction: BitcoinTransaction, tip: Int64?, replacedBy: String? = nil) {
    let known = transaction.vsize > 0
    self.init(
      txid: transaction.txid, feeSats: transaction.feeSats, vsize: known ? transaction.vsize : nil,
      weight: transaction.weight, feeRate: known ? transaction.own.map { BitcoinUnits.oneDecimal($0.rate) } : nil,
      effectiveFeeRate: known ? transaction.effective.map { BitcoinUnits.oneDecimal($0.rate) } : nil, rbfSignaled: transaction.rbfSignaled,
      blockHeight: transaction.blockHeight,
      confirmations: transaction.blockHeight.flatMap { height in tip.map { max(1, $0 - height + 1) } },
      replacedBy: replacedBy)
  }
}
