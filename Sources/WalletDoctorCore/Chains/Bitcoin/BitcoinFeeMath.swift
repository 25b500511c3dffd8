import Foundation

/// A market fee rate, held as an integer number of thousandths of a sat per virtual byte so that
/// comparisons and fee arithmetic are exact.
///
/// APIs publish rates as floats with artefacts (`4.9830000000000005` sat/vB); Bitcoin Core
/// publishes BTC/kvB. Both are brought to this one exact form on the way in.
struct BitcoinFeeRate: Sendable, Hashable, Comparable {
  /// Thousandths of a sat per vbyte; numerically the same as sat per 1,000 vbytes (sat/kvB).
  var milliSatsPerVByte: UInt64

  init(milliSatsPerVByte: UInt64) {
    self.milliSatsPerVByte = milliSatsPerVByte
  }

  /// From a sat/vB number as Esplora and mempool.space publish it. Float noise below 10⁻⁶ sat/vB
  /// is dropped first, then the rate is rounded up to 0.001 sat/vB, so a target rate taken from
  /// the market is never below the market. Nil for negative, non-finite or absurd values.
  init?(satsPerVByte value: Double) {
    guard value.isFinite, value >= 0, value < 10_000_000 else { return nil }
    let micro = (value * 1_000_000).rounded()
    milliSatsPerVByte = UInt64((micro / 1000).rounded(.up))
  }

  /// From Bitcoin Core's BTC/kvB: 1 BTC/kvB = 10⁸ sat/kvB = 10⁸ thousandths of a sat per vbyte,
  /// rounded to the nearest unit (never truncated).
  init?(bitcoinPerKilovByte value: Double) {
    guard value.isFinite, value >= 0, value < 100 else { return nil }
    milliSatsPerVByte = UInt64((value * 100_000_000).rounded())
  }

  static let oneSatPerVByte = BitcoinFeeRate(milliSatsPerVByte: 1000)

  var satsPerVByte: Double { Double(milliSatsPerVByte) / 1000 }

  /// The fee that pays this rate for `vsize` vbytes: ⌈rate × vsize⌉ sats.
  func fee(forVSize vsize: Int64) -> Int64 {
    guard vsize > 0 else { return 0 }
    let product = UInt128(milliSatsPerVByte) * UInt128(vsize)
    return Int64(clamping: (product + 999) / 1000)
  }

  static func < (lhs: BitcoinFeeRate, rhs: BitcoinFeeRate) -> Bool {
    lhs.milliSatsPerVByte < rhs.milliSatsPerVByte
  }
}

/// A fee paid for a size: one transaction, or a transaction with its unconfirmed ancestors.
/// Its rate is the exact fraction fee / vsize.
struct BitcoinFeePackage: Sendable, Hashable {
  var feeSats: Int64
  var vsize: Int64

  var rate: Double { vsize > 0 ? Double(feeSats) / Double(vsize) : 0 }

  /// Whether fee / vsize < `rate`, compared exactly.
  func paysLess(than rate: BitcoinFeeRate) -> Bool {
    UInt128(max(0, feeSats)) * 1000 < UInt128(rate.milliSatsPerVByte) * UInt128(max(0, vsize))
  }

  /// Whether this rate is lower than `other`'s, compared exactly.
  func paysLess(than other: BitcoinFeePackage) -> Bool {
    UInt128(max(0, feeSats)) * UInt128(max(0, other.vsize)) < UInt128(max(0, other.feeSats)) * UInt128(max(0, vsize))
  }

  static func + (lhs: BitcoinFeePackage, rhs: BitcoinFeePackage) -> BitcoinFeePackage {
    BitcoinFeePackage(feeSats: lhs.feeSats + rhs.feeSats, vsize: lhs.vsize + rhs.vsize)
  }
}

/// Unit conversions and display of Bitcoin amounts, sizes and rates.
public enum BitcoinUnits {
  /// Virtual size as Bitcoin Core defines it (BIP 141): ⌈weight / 4⌉.
  static func vsize(weight: Int64) -> Int64 { (weight + 3) / 4 }

  /// BTC (as Core's JSON numbers give it) to sats, rounded to the nearest sat — never truncated,
  /// since 0.00009700 BTC arrives as 9699.999999999998 × 10⁻⁸.
  static func sats(bitcoin value: Double) -> Int64? {
    guard value.isFinite, value >= 0, value <= 21_000_000 else { return nil }
    return Int64((value * 100_000_000).rounded())
  }

  /// A sat/vB rate for display and JSON: one decimal.
  static func oneDecimal(_ rate: Double) -> Double { (rate * 10).rounded() / 10 }

  /// "12.3 sat/vB"; with more digits when one decimal would hide a difference that matters.
  static func rateText(_ rate: Double, digits: Int = 1) -> String {
    String(format: "%.\(digits)f sat/vB", rate)
  }

  /// Two rates as text, with enough decimals (1 to 3) that unequal rates never print alike.
  static func distinctRateTexts(_ first: Double, _ second: Double) -> (String, String) {
    for digits in 1...3 {
      let a = rateText(first, digits: digits)
      let b = rateText(second, digits: digits)
      if a != b || first == second { return (a, b) }
    }
    return (rateText(first, digits: 3), rateText(second, digits: 3))
  }

  /// A market rate exactly as used in the arithmetic (to 0.001), without needless zeros:
  /// "25.5 sat/vB", "4.286 sat/vB".
  static func preciseRateText(_ rate: BitcoinFeeRate) -> String {
    var text = String(format: "%.3f", rate.satsPerVByte)
    while text.hasSuffix("0") && !text.hasSuffix(".0") { text.removeLast() }
    return text + " sat/vB"
  }

  /// "12,345 sats".
  public static func satsText(_ sats: Int64) -> String {
    "\(grouped(sats)) sats"
  }

  /// An integer with thousands separators (ASCII commas, as both languages accept).
  public static func grouped(_ value: Int64) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (index, character) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return value < 0 ? "-" + result : result
  }
}
