/// A TRON transaction as `/wallet/gettransactionbyid` or `/wallet/gettransactionfrompending`
/// return it (only what the rules use). Addresses are already base58.
struct TronTransaction: Sendable, Hashable {
  var txid: String
  /// `TransferContract`, `TriggerSmartContract`, `TransferAssetContract`, …
  var contractType: String?
  /// The sender as base58, and as the `41…` hex the account queries take.
  var from: String?
  var fromHex: String?
  /// The recipient as users see it: the TRX or TRC-10 receiver, or a TRC-20 transfer's recipient
  /// (not the token contract).
  var to: String?
  /// TRX moved by a TransferContract, in sun.
  var amountSun: Int64?
  var token: TronTokenTransfer?
  var feeLimitSun: Int64?
  /// `raw_data.expiration`, in milliseconds since 1970.
  var expiration: Int64?
  /// `ret[0].contractRet` (SUCCESS, REVERT, OUT_OF_ENERGY, …) once executed.
  var contractRet: String?

  /// Nil for `{}` (what the node answers when it has no such transaction) or a wrong shape.
  init?(json: JSONValue) {
    guard let txid = json["txID"]?.stringValue?.lowercased(), txid.count == 64 else { return nil }
    self.txid = txid
    let raw = json["raw_data"]
    let contract = raw?["contract"]?[0]
    contractType = contract?["type"]?.stringValue
    let value = contract?["parameter"]?["value"]
    fromHex = value?["owner_address"]?.stringValue?.lowercased()
    from = fromHex.flatMap(TronAddress.base58(hex:))
    feeLimitSun = raw?["fee_limit"]?.int64Value
    expiration = raw?["expiration"]?.int64Value
    contractRet = json["ret"]?[0]?["contractRet"]?.stringValue
    switch contractType {
    case "TransferContract":
      to = value?["to_address"]?.stringValue.flatMap(TronAddress.base58(hex:))
      amountSun = value?["amount"]?.int64Value ?? 0
    case "TransferAssetContract":
      to = value?["to_address"]?.stringValue.flatMap(TronAddress.base58(hex:))
    case "TriggerSmartContract":
      let contractAddress = value?["contract_address"]?.stringValue.flatMap(TronAddress.base58(hex:))
      if let contractAddress, let call = value?["data"]?.stringValue.flatMap(TronContractABI.transfer(callData:)) {
        to = call.to
        token = TronTokenTransfer(contract: contractAddress, amount: call.amount)
      } else {
        to = contractAddress
      }
    default:
      to = nil
    }
  }

  /// Whether this is a USDT-TRC20 transfer (the case with known energy figures).
  var isUSDTTransfer: Bool { token?.contract == TronTokenTransfer.usdtContract }
}

/// A TRC-20 `transfer` inside a smart-contract call.
public struct TronTokenTransfer: Sendable, Hashable, Encodable {
  /// The token contract, base58.
  public var contract: String
  /// The amount in the token's base units, as a decimal string (TRC-20 amounts are 256-bit).
  public var amount: String
  /// Known only for USDT.
  public var symbol: String?
  public var decimals: Int?

  /// Tether USD on TRON.
  public static let usdtContract = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"

  public init(contract: String, amount: String) {
    self.contract = contract
    self.amount = amount
    if contract == Self.usdtContract {
      symbol = "USDT"
      decimals = 6
    }
  }

  enum CodingKeys: String, CodingKey { case contract, amount, symbol, decimals }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(contract, forKey: .contract)
    try container.encode(amount, forKey: .amount)
    try container.encode(symbol, forKey: .symbol)
    try container.encode(decimals, forKey: .decimals)
  }

  /// "12.5 USDT", or the raw amount with the contract when the token is not known.
  public var displayText: String {
    guard let symbol, let decimals, let value = UInt128(amount) else { return "\(amount) (token \(contract))" }
    return AmountFormatting.decimal(value, decimals: decimals) + " " + symbol
  }
}

/// `/wallet/gettransactioninfobyid`: the execution receipt. Zero-valued fields are omitted by
/// the node, so a missing fee or energy figure is 0, not unknown.
struct TronTransactionInfo: Sendable, Hashable {
  var blockNumber: Int64?
  var blockTimestamp: Int64?
  var feeSun: Int64
  /// All energy the call consumed, whether from stake or burned TRX.
  var energyUsageTotal: Int64
  /// Energy paid by burning TRX, in sun.
  var energyFeeSun: Int64
  var netUsage: Int64
  var netFeeSun: Int64
  /// `receipt.result`: SUCCESS, REVERT, OUT_OF_ENERGY, … (absent for plain TRX transfers).
  var receiptResult: String?
  /// `result`: "FAILED" on failure, absent on success.
  var result: String?
  /// `resMessage`, decoded from hex.
  var message: String?
  /// `contractResult[0]`: the call's return or revert data, hex.
  var contractResult: String?

  /// Nil for `{}`: the node has not executed (or does not know) the transaction.
  init?(json: JSONValue) {
    guard let object = json.objectValue, !object.isEmpty, json["id"]?.stringValue != nil else { return nil }
    blockNumber = json["blockNumber"]?.int64Value
    blockTimestamp = json["blockTimeStamp"]?.int64Value
    feeSun = json["fee"]?.int64Value ?? 0
    let receipt = json["receipt"]
    energyUsageTotal = receipt?["energy_usage_total"]?.int64Value ?? 0
    energyFeeSun = receipt?["energy_fee"]?.int64Value ?? 0
    netUsage = receipt?["net_usage"]?.int64Value ?? 0
    netFeeSun = receipt?["net_fee"]?.int64Value ?? 0
    receiptResult = receipt?["result"]?.stringValue
    result = json["result"]?.stringValue
    message = json["resMessage"]?.stringValue.flatMap { TronHex.text($0) }
    contractResult = json["contractResult"]?[0]?.stringValue
  }
}

/// The node's head block, from `/wallet/getnowblock`. Its timestamp is the clock expiry is
/// judged by — never the local one.
struct TronHead: Sendable, Hashable {
  var number: Int64
  /// Milliseconds since 1970.
  var timestamp: Int64

  init?(json: JSONValue) {
    guard let header = json["block_header"]?["raw_data"], let number = header["number"]?.int64Value, number > 0,
      let timestamp = header["timestamp"]?.int64Value
    else { return nil }
    self.number = number
    self.timestamp = timestamp
  }
}

/// Live prices from `/wallet/getchainparameters`.
struct TronChainParameters: Sendable, Hashable {
  /// Sun per unit of energy (`getEnergyFee`; 420 → 210 → 100 over the years).
  var energyPriceSun: Int64?
  /// Sun per byte of bandwidth (`getTransactionFee`).
  var bandwidthPriceSun: Int64?

  init(json: JSONValue) {
    var values: [String: Int64] = [:]
    for item in json["chainParameter"]?.arrayValue ?? [] {
      guard let key = item["key"]?.stringValue else { continue }
      values[key] = item["value"]?.int64Value ?? 0  // zero values are omitted
    }
    energyPriceSun = values["getEnergyFee"].flatMap { $0 > 0 ? $0 : nil }
    bandwidthPriceSun = values["getTransactionFee"].flatMap { $0 > 0 ? $0 : nil }
  }
}

/// The sender's TRX balance and resources, from `/wallet/getaccount` and
/// `/wallet/getaccountresource` (`{}` for an account that does not exist yet: all zero).
struct TronAccountState: Sendable, Hashable {
  var balanceSun: Int64
  /// Staked or delegated energy left now.
  var energyAvailable: Int64
  /// Free and staked bandwidth left now, in bytes.
  var bandwidthAvailable: Int64

  init(account: JSONValue, resources: JSONValue) {
    balanceSun = account["balance"]?.int64Value ?? 0
    let energyLimit = resources["EnergyLimit"]?.int64Value ?? 0
    let energyUsed = resources["EnergyUsed"]?.int64Value ?? 0
    energyAvailable = max(0, energyLimit - energyUsed)
    let free = (resources["freeNetLimit"]?.int64Value ?? 0) - (resources["freeNetUsed"]?.int64Value ?? 0)
    let staked = (resources["NetLimit"]?.int64Value ?? 0) - (resources["NetUsed"]?.int64Value ?? 0)
    bandwidthAvailable = max(0, free) + max(0, staked)
  }

  init(balanceSun: Int64, energyAvailable: Int64, bandwidthAvailable: Int64) {
    self.balanceSun = balanceSun
    self.energyAvailable = energyAvailable
    self.bandwidthAvailable = bandwidthAvailable
  }
}

/// What one TRON endpoint answered to the first wave.
struct TronLook: Sendable {
  enum Observation: Int, Comparable, Sendable {
    case absent = 0, pending = 1, mined = 2
    static func < (lhs: Observation, rhs: Observation) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  var head: TronHead
  /// From `gettransactionbyid`: only transactions in blocks.
  var transaction: TronTransaction?
  var info: TronTransactionInfo?
  /// From `gettransactionfrompending`: in the node's pool, not in a block.
  var pending: TronTransaction?
  var latency: Duration
  /// `main`, or another network named by its genesis id, for an endpoint the user gave; nil when
  /// not checked (a built-in endpoint) or the lookup failed.
  var network: String? = nil

  /// Mined when the node has it in a block (receipt with a block number, or the transaction
  /// store has it); only otherwise can the pool copy be pending or expired.
  var observation: Observation {
    if info?.blockNumber != nil || transaction != nil { return .mined }
    return pending != nil ? .pending : .absent
  }
}

/// TRX amounts: integers in sun, shown as TRX with exactly 6 decimals.
public enum TronUnits {
  public static let sunPerTRX: Int64 = 1_000_000

  /// "13.028500" (always 6 decimals, as the remedy numbers are exact).
  public static func trx(_ sun: Int64) -> String {
    let sign = sun < 0 ? "-" : ""
    let magnitude = sun.magnitude
    let fraction = String(magnitude % 1_000_000)
    return sign + "\(magnitude / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
  }

  /// "13.028500 TRX".
  public static func trxText(_ sun: Int64) -> String { trx(sun) + " TRX" }

  /// An integer with thousands separators.
  public static func grouped(_ value: Int64) -> String { BitcoinUnits.grouped(value) }
}

extension TronLook: ProbeFirstLook {
  var height: Int64 { head.number }
  var knowsTransaction: Bool { observation != .absent }
  /// Not found, failed, or expired: verdicts that need agreement before they are said plainly.
  var isAlarming: Bool {
    switch observation {
    case .absent: return true
    case .mined: return TronMinedVerdict.failureName(transaction: transaction, info: info) != nil
    case .pending: return pending.map { TronPendingVerdict.isExpired($0, head: head) } ?? false
    }
  }
  var said: LocalizedText {
    switch observation {
    case .mined:
      let block = info?.blockNumber.map(String.init) ?? "?"
      return LocalizedText(en: "in block \(block)", zh: "在第 \(block) 号区块")
    case .pending: return LocalizedText(en: "in its pending pool", zh: "在其待处理交易池中")
    case .absent: return LocalizedText(en: "no such transaction", zh: "查无此交易")
    }
  }
}
