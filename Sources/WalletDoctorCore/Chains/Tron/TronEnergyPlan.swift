/// What a USDT-TRC20 transfer needs to go through: energy, the TRX it burns at the live price,
/// a fee limit that covers it, and how the sender's resources compare. Every amount is exact
/// integer sun.
struct TronEnergyPlan: Sendable, Hashable {
  /// Energy of a USDT transfer to an address that already holds USDT (vendor measurements,
  /// dynamic-energy penalty included).
  static let usdtEnergyRecipientHolds: Int64 = 64_285
  /// Energy of a USDT transfer to an address that has never held USDT (a new storage slot).
  static let usdtEnergyRecipientNew: Int64 = 130_285
  /// Bandwidth of a TRC-20 transfer when the receipt does not say.
  static let typicalBandwidthBytes: Int64 = 350
  /// Sun per bandwidth byte when the node does not publish `getTransactionFee`.
  static let defaultBandwidthPriceSun: Int64 = 1_000

  /// The energy planned for. The safe assumption (a recipient without USDT) is used, so the fee
  /// limit and TRX figures suffice either way.
  var energyNeeded: Int64 = Self.usdtEnergyRecipientNew
  /// Sun per energy, live from `getEnergyFee`.
  var energyPriceSun: Int64
  var bandwidthBytes: Int64
  var bandwidthPriceSun: Int64
  var account: TronAccountState?

  /// TRX the energy costs when none is staked: energy × price.
  var energyCostSun: Int64 { energyNeeded * energyPriceSun }
  /// The smallest fee limit that lets the call use all that energy.
  var minimumFeeLimitSun: Int64 { energyCostSun }
  /// The fee limit to enter: the minimum rounded up to a whole TRX, as wallets take it.
  var feeLimitSun: Int64 {
    (minimumFeeLimitSun + TronUnits.sunPerTRX - 1) / TronUnits.sunPerTRX * TronUnits.sunPerTRX
  }
  /// What energy the sender's stake does not cover, burned as TRX.
  var energyBurnSun: Int64? {
    account.map { max(0, energyNeeded - $0.energyAvailable) * energyPriceSun }
  }
  /// Bandwidth burned when the free and staked bandwidth left does not cover the transfer.
  var bandwidthBurnSun: Int64? {
    account.map { $0.bandwidthAvailable >= bandwidthBytes ? 0 : bandwidthBytes * bandwidthPriceSun }
  }
  /// All TRX the retry burns.
  var requiredSun: Int64? {
    guard let energy = energyBurnSun, let bandwidth = bandwidthBurnSun else { return nil }
    return energy + bandwidth
  }
  /// How much TRX is missing; nil without account data, 0 when the balance covers it.
  var shortfallSun: Int64? {
    guard let required = requiredSun, let account else { return nil }
    return max(0, required - account.balanceSun)
  }

  /// The plan's numbers as recommendation params (sun integers, TRX with 6 decimals).
  var params: [String: JSONValue] {
    var params: [String: JSONValue] = [
      "energy_needed": .count(energyNeeded),
      "energy_assumption": "recipient_without_usdt",
      "energy_if_recipient_holds_usdt": .count(Self.usdtEnergyRecipientHolds),
      "energy_price_sun": .count(energyPriceSun),
      "energy_cost_sun": .count(energyCostSun), "energy_cost_trx": .string(TronUnits.trx(energyCostSun)),
      "min_fee_limit_sun": .count(minimumFeeLimitSun), "fee_limit_sun": .count(feeLimitSun),
      "fee_limit_trx": .string(TronUnits.trx(feeLimitSun)), "bandwidth_bytes": .count(bandwidthBytes),
    ]
    if let account, let burn = energyBurnSun, let bandwidth = bandwidthBurnSun, let required = requiredSun {
      params["sender_energy_available"] = .count(account.energyAvailable)
      params["sender_bandwidth_available"] = .count(account.bandwidthAvailable)
      params["sender_balance_sun"] = .count(account.balanceSun)
      params["sender_balance_trx"] = .string(TronUnits.trx(account.balanceSun))
      params["energy_burn_sun"] = .count(burn)
      params["bandwidth_burn_sun"] = .count(bandwidth)
      params["required_sun"] = .count(required)
      params["required_trx"] = .string(TronUnits.trx(required))
    }
    return params
  }

  /// The insufficient-TRX finding when the balance cannot cover the burn.
  func insufficientTRXFinding() -> Finding? {
    guard let account, let required = requiredSun, let shortfall = shortfallSun, shortfall > 0 else { return nil }
    return Finding(
      .insufficientTRX,
      message: LocalizedText(
        en: "The sender has \(TronUnits.trxText(account.balanceSun)) and \(TronUnits.grouped(account.energyAvailable)) energy, but a USDT transfer burns \(TronUnits.trxText(required)) (\(TronUnits.grouped(max(0, energyNeeded - account.energyAvailable))) energy × \(energyPriceSun) sun\(bandwidthBurnSun ?? 0 > 0 ? " + bandwidth" : "")): \(TronUnits.trxText(shortfall)) short.",
        zh: "发送方有 \(TronUnits.trxText(account.balanceSun)) 和 \(TronUnits.grouped(account.energyAvailable)) 能量，但一笔 USDT 转账要燃烧 \(TronUnits.trxText(required))（\(TronUnits.grouped(max(0, energyNeeded - account.energyAvailable))) 能量 × \(energyPriceSun) sun\(bandwidthBurnSun ?? 0 > 0 ? " + 带宽" : "")）：还差 \(TronUnits.trxText(shortfall))。"),
      evidence: [
        "balance_sun": .count(account.balanceSun), "required_sun": .count(required), "shortfall_sun": .count(shortfall),
        "shortfall_trx": .string(TronUnits.trx(shortfall)), "energy_available": .count(account.energyAvailable),
      ])
  }

  /// The sentence about staking or renting energy, the cheaper way.
  var rentOrStakeNote: LocalizedText {
    LocalizedText(
      en: "Cheaper: rent energy from an energy-rental service or stake TRX for energy (at least \(TronUnits.grouped(energyNeeded))) before sending; then little or no TRX burns.",
      zh: "更省钱的做法：发送前通过能量租赁服务租用能量，或质押 TRX 获取能量（至少 \(TronUnits.grouped(energyNeeded))）；这样几乎不需要燃烧 TRX。")
  }
}
