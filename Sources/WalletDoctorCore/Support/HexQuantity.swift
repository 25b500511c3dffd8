/// Parses the `0x…` quantities of Ethereum JSON-RPC.
///
/// Wei amounts need more than 64 bits, so amounts are `UInt128`; counts (nonce, gas, block
/// numbers) are `UInt64` (chain ids on test chains already exceed 32 bits).
public enum HexQuantity {
  public static func uint128(_ text: String) -> UInt128? {
    guard let digits = hexDigits(text), digits.count <= 32 else { return nil }
    return digits.isEmpty ? 0 : UInt128(digits, radix: 16)
  }

  public static func uint64(_ text: String) -> UInt64? {
    guard let digits = hexDigits(text), digits.count <= 16 else { return nil }
    return digits.isEmpty ? 0 : UInt64(digits, radix: 16)
  }

  public static func encode<T: BinaryInteger>(_ value: T) -> String {
    "0x" + String(value, radix: 16)
  }

  /// The digits after `0x`, with leading zeros removed; nil when not a hex quantity.
  private static func hexDigits(_ text: String) -> Substring? {
    guard text.hasPrefix("0x") || text.hasPrefix("0X") else { return nil }
    let digits = text.dropFirst(2)
    guard digits.utf8.allSatisfy(\.isHexDigit) else { return nil }
    return digits.drop(while: { $0 == "0" })
  }
}

extension JSONValue {
  /// A `0x` quantity as an amount.
  public var hexUInt128: UInt128? { stringValue.flatMap(HexQuantity.uint128) }
  /// A `0x` quantity as a count.
  public var hexUInt64: UInt64? { stringValue.flatMap(HexQuantity.uint64) }
}
