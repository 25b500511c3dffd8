import Foundation

/// TRON addresses as users see them: base58check `T…`.
///
/// Nodes spell the same 20-byte account three ways: `41`-prefixed hex in `raw_data`, plain
/// 20-byte hex in log topics, and a 32-byte ABI word in call data. Every one is converted
/// before it is shown, in text and JSON alike.
enum TronAddress {
  /// The mainnet address prefix byte.
  static let prefix: UInt8 = 0x41

  /// `41…` (42 hex digits), 20-byte hex (40 digits) or a 32-byte ABI word (64 digits whose first
  /// 12 bytes are zero) as base58check; nil for anything else.
  static func base58(hex rawHex: String) -> String? {
    var hex = rawHex.lowercased()
    if hex.hasPrefix("0x") { hex.removeFirst(2) }
    let body: Substring
    switch hex.count {
    case 42 where hex.hasPrefix("41"): body = hex.dropFirst(2)
    case 40: body = Substring(hex)
    case 64 where hex.hasPrefix(String(repeating: "0", count: 24)): body = hex.dropFirst(24)
    default: return nil
    }
    guard let bytes = TronHex.bytes(body), bytes.count == 20 else { return nil }
    return base58Check([prefix] + bytes)
  }

  /// Whether `text` is a valid base58check `T…` address.
  static func isValid(_ text: String) -> Bool {
    guard let payload = Base58.decodeChecked(text) else { return false }
    return payload.count == 21 && payload[0] == prefix
  }

  /// Base58check: the payload and the first 4 bytes of its double SHA-256, in base 58.
  static func base58Check(_ payload: [UInt8]) -> String {
    let checksum = SHA256.digest(SHA256.digest(payload)).prefix(4)
    return base58(payload + checksum)
  }

  /// Base58 of raw bytes; each leading zero byte becomes a leading "1".
  static func base58(_ bytes: [UInt8]) -> String {
    let zeros = bytes.prefix { $0 == 0 }.count
    var digits: [UInt8] = []  // base-58 digits, least significant first
    for byte in bytes {
      var carry = Int(byte)
      for index in digits.indices {
        carry += Int(digits[index]) << 8
        digits[index] = UInt8(carry % 58)
        carry /= 58
      }
      while carry > 0 {
        digits.append(UInt8(carry % 58))
        carry /= 58
      }
    }
    let alphabet = Base58.alphabet
    let encoded = String(repeating: "1", count: zeros) + String(decoding: digits.reversed().map { alphabet[Int($0)] }, as: UTF8.self)
    return encoded
  }
}

/// Hex helpers for TRON's unprefixed hex fields.
enum TronHex {
  /// The bytes of an even-length hex string (no `0x`); nil when it is not hex.
  static func bytes<S: StringProtocol>(_ hex: S) -> [UInt8]? {
    let utf8 = Array(hex.utf8)
    guard utf8.count % 2 == 0 else { return nil }
    var result: [UInt8] = []
    result.reserveCapacity(utf8.count / 2)
    var index = 0
    while index < utf8.count {
      guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
      result.append(high << 4 | low)
      index += 2
    }
    return result
  }

  private static func nibble(_ character: UInt8) -> UInt8? {
    switch character {
    case 0x30...0x39: return character - 0x30
    case 0x61...0x66: return character - 0x61 + 10
    case 0x41...0x46: return character - 0x41 + 10
    default: return nil
    }
  }

  /// `resMessage` and similar fields: hex-encoded UTF-8 text. Invalid UTF-8 is replaced, control
  /// characters dropped, and the result capped, because it comes from a remote node.
  static func text(_ hex: String, limit: Int = 500) -> String? {
    guard let bytes = bytes(hex), !bytes.isEmpty else { return nil }
    let decoded = String(decoding: bytes, as: UTF8.self)
    let printable = String(decoded.unicodeScalars.filter { !$0.properties.isDefaultIgnorableCodePoint && ($0.value >= 0x20 || $0 == "\n") })
    let trimmed = printable.trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty ? nil : String(trimmed.prefix(limit))
  }

  /// An unsigned big-endian hex number of any length as a decimal string (token amounts are
  /// 256-bit). Nil when it is not hex.
  static func decimal<S: StringProtocol>(_ hex: S) -> String? {
    guard let bytes = bytes(hex.count % 2 == 0 ? String(hex) : "0" + hex) else { return nil }
    var digits: [UInt8] = [0]  // decimal digits, least significant first
    for byte in bytes {
      var carry = Int(byte)
      for index in digits.indices {
        carry += Int(digits[index]) << 8
        digits[index] = UInt8(carry % 10)
        carry /= 10
      }
      while carry > 0 {
        digits.append(UInt8(carry % 10))
        carry /= 10
      }
    }
    while digits.count > 1 && digits.last == 0 { digits.removeLast() }
    return String(digits.reversed().map { Character(String($0)) })
  }
}
