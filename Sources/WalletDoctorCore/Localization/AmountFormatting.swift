/// Formats integer base-unit amounts (wei, sats, sun) as decimal text without floating point,
/// so the digits shown are exactly the digits computed.
public enum AmountFormatting {
  /// `amount / 10^decimals` with trailing zeros trimmed, at most `maxFractionDigits` digits
  /// (rounded half up), e.g. `decimal(1_500_000_000, decimals: 9)` → "1.5".
  public static func decimal(_ amount: UInt128, decimals: Int, maxFractionDigits: Int? = nil) -> String {
    var scale: UInt128 = 1
    for _ in 0..<decimals { scale *= 10 }
    var value = amount
    var shownDigits = decimals
    if let maxFractionDigits, maxFractionDigits < decimals {
      var drop: UInt128 = 1
      for _ in 0..<(decimals - maxFractionDigits) { drop *= 10 }
      value = (amount + drop / 2) / drop * drop
      shownDigits = maxFractionDigits
    }
    let whole = value / scale
    var fraction = String(value % scale)
    fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
    fraction = String(fraction.prefix(shownDigits))
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
  }

  /// Wei as gwei, e.g. "12.5 gwei".
  public static func gwei(_ wei: UInt128) -> String {
    decimal(wei, decimals: 9) + " gwei"
  }

  /// A native-coin amount with its symbol, e.g. "0.021 ETH".
  public static func coin(_ amount: UInt128, decimals: Int, symbol: String, maxFractionDigits: Int = 8) -> String {
    decimal(amount, decimals: decimals, maxFractionDigits: maxFractionDigits) + " " + symbol
  }

  /// A duration in seconds as words: "12 s", "3 min", "1 h 20 min".
  public static func duration(seconds: Int, language: Language) -> String {
    let minutes = Int((Double(seconds) / 60).rounded())
    switch (seconds, language) {
    case (..<90, .english): return "\(seconds) s"
    case (..<90, .simplifiedChinese): return "\(seconds) 秒"
    case (..<5400, .english): return "\(minutes) min"
    case (..<5400, .simplifiedChinese): return "\(minutes) 分钟"
    default:
      let hours = minutes / 60
      let rest = minutes % 60
      switch language {
      case .english: return rest == 0 ? "\(hours) h" : "\(hours) h \(rest) min"
      case .simplifiedChinese: return rest == 0 ? "\(hours) 小时" : "\(hours) 小时 \(rest) 分钟"
      }
    }
  }
}
