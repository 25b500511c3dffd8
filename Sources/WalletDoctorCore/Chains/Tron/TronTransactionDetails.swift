/// A TRON transaction as the diagnosis reports it (`transaction` for chain `tron`). Addresses
/// are base58 `T…`; sun amounts are JSON integers.
public struct TronTransactionDetails: Sendable, Hashable, Encodable {
  public var txid: String
  public var from: String?
  /// The TRX or TRC-10 receiver, or a TRC-20 transfer's recipient; the called contract otherwise.
  public var to: String?
  public var contractType: String?
  /// TRX moved by a plain transfer, in sun.
  public var amountSun: Int64?
  /// A TRC-20 transfer's contract and amount.
  public var token: TronTokenTransfer?
  public var feeLimitSun: Int64?
  /// Sun burned for energy and bandwidth; 0 when paid with staked resources. Nil before execution.
  public var feeSun: Int64?
  public var energyUsed: Int64?
  public var blockNumber: Int64?
  public var confirmations: Int64?
  /// `raw_data.expiration`, milliseconds since 1970.
  public var expiration: Int64?

  enum CodingKeys: String, CodingKey {
    case txid, from, to, token, confirmations, expiration
    case contractType = "contract_type"
    case amountSun = "amount_sun"
    case feeLimitSun = "fee_limit_sun"
    case feeSun = "fee_sun"
    case energyUsed = "energy_used"
    case blockNumber = "block_number"
  }

  public func encode(to encoder: Encoder) throws {
    // Every key is always present (null when unknown) so consumers see a stable shape.
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(txid, forKey: .txid)
    try container.encode(from, forKey: .from)
    try container.encode(to, forKey: .to)
    try container.encode(contractType, forKey: .contractType)
    try container.encode(amountSun, forKey: .amountSun)
    try container.encode(token, forKey: .token)
    try container.encode(feeLimitSun, forKey: .feeLimitSun)
    try container.encode(feeSun, forKey: .feeSun)
    try container.encode(energyUsed, forKey: .energyUsed)
    try container.encode(blockNumber, forKey: .blockNumber)
    try container.encode(confirmations, forKey: .confirmations)
    try container.encode(expiration, forKey: .expiration)
  }

  init(txid: String, transaction: TronTransaction?, info: TronTransactionInfo?, head: TronHead) {
    self.txid = txid
    from = transaction?.from
    to = transaction?.to
    contractType = transaction?.contractType
    amountSun = transaction?.amountSun
    token = transaction?.token
    feeLimitSun = transaction?.feeLimitSun
    feeSun = info?.feeSun
    energyUsed = info?.energyUsageTotal
    blockNumber = info?.blockNumber
    confirmations = info?.blockNumber.map { max(1, head.number - $0 + 1) }
    expiration = transaction?.expiration
  }
}
