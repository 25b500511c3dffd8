import Foundation

/// The integer fee arithmetic of EVM remedies; every result is exact wei.
enum EVMFeeMath {
  /// The lowest value a replacement may offer for a fee field whose old value is `old`:
  /// go-ethereum's txpool rule with the default 10 % price bump, which also demands strictly more.
  static func minimumReplacement(_ old: UInt128) -> UInt128 {
    let (product, overflow) = old.multipliedReportingOverflow(by: 110)
    let bumped = overflow ? UInt128.max : product / 100
    return max(old == .max ? .max : old + 1, bumped)
  }

  /// `a + b`, saturating instead of trapping on hostile values.
  static func add(_ a: UInt128, _ b: UInt128) -> UInt128 {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? .max : sum
  }

  /// `a × b`, saturating instead of trapping on hostile values.
  static func multiply(_ a: UInt128, _ b: UInt128) -> UInt128 {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? .max : product
  }

  /// Blocks of maximal base-fee decline (−12.5 % each, EIP-1559) until `baseFee` falls to `feeCap`.
  static func blocksUntilBaseFeeFallsTo(_ feeCap: UInt128, from baseFee: UInt128) -> Int? {
    guard feeCap > 0 else { return nil }
    guard baseFee > feeCap else { return 0 }
    let ratio = Double(feeCap) / Double(baseFee)
    return Int((log(ratio) / log(0.875)).rounded(.up))
  }
}
