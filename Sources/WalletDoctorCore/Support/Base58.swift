/// Bitcoin's Base58 alphabet and Base58Check decoding, enough to recognise keys (WIF, BIP-38,
/// extended keys) without a dependency.
public enum Base58 {
  public static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)

  private static let digitValues: [Int8] = {
    var table = [Int8](repeating: -1, count: 128)
    for (value, character) in alphabet.enumerated() { table[Int(character)] = Int8(value) }
    return table
  }()

  /// Whether every character of `text` is in the Base58 alphabet.
  public static func isBase58<S: StringProtocol>(_ text: S) -> Bool {
    text.utf8.allSatisfy { $0 < 128 && digitValues[Int($0)] >= 0 }
  }

  /// The bytes `text` encodes; nil when a character is outside the alphabet.
  public static func decode<S: StringProtocol>(_ text: S) -> [UInt8]? {
    var bytes: [UInt8] = []  // little-endian big number
    var leadingZeros = 0
    var seenNonZero = false
    for character in text.utf8 {
      guard character < 128, case let value = digitValues[Int(character)], value >= 0 else { return nil }
      if !seenNonZero {
        if value == 0 { leadingZeros += 1; continue }
        seenNonZero = true
      }
      var carry = Int(value)
      for index in bytes.indices {
        carry += Int(bytes[index]) * 58
        bytes[index] = UInt8(carry & 0xff)
        carry >>= 8
      }
      while carry > 0 {
        bytes.append(UInt8(carry & 0xff))
        carry >>= 8
      }
    }
    return [UInt8](repeating: 0, count: leadingZeros) + bytes.reversed()
  }

  /// The payload of a Base58Check string (version byte included, checksum removed) when the
  /// 4-byte double-SHA-256 checksum matches; nil otherwise.
  public static func decodeChecked<S: StringProtocol>(_ text: S) -> [UInt8]? {
    guard let bytes = decode(text), bytes.count > 4 else { return nil }
    let payload = Array(bytes.dropLast(4))
    let checksum = Array(SHA256.digest(SHA256.digest(payload)).prefix(4))
    return checksum == Array(bytes.suffix(4)) ? payload : nil
  }
}
