/// The few pieces of the Ethereum ABI that TRON smart-contract calls need decoding for:
/// TRC-20 `transfer(address,uint256)` call data and `Error(string)` revert data.
enum TronContractABI {
  /// `transfer(address,uint256)`.
  static let transferSelector = "a9059cbb"
  /// `Error(string)`, the standard revert reason.
  static let errorSelector = "08c379a0"

  /// The recipient (base58) and amount (decimal string) of TRC-20 `transfer` call data.
  static func transfer(callData rawData: String) -> (to: String, amount: String)? {
    let data = rawData.lowercased()
    guard data.hasPrefix(transferSelector), data.count >= 8 + 128 else { return nil }
    let words = data.dropFirst(8)
    let recipientWord = words.prefix(64)
    let amountWord = words.dropFirst(64).prefix(64)
    guard let to = TronAddress.base58(hex: String(recipientWord)), let amount = TronHex.decimal(amountWord) else {
      return nil
    }
    return (to, amount)
  }

  /// The message of `Error(string)` revert data
  /// (`08c379a0` + offset + length + UTF-8 bytes), e.g. "ERC20: transfer amount exceeds balance".
  static func revertReason(_ rawData: String) -> String? {
    let data = rawData.lowercased()
    guard data.hasPrefix(errorSelector), data.count >= 8 + 128 else { return nil }
    let body = Array(data.dropFirst(8).utf8)
    func word(at byteOffset: Int) -> Int? {
      let start = byteOffset * 2
      guard start + 64 <= body.count else { return nil }
      let text = String(decoding: body[start..<(start + 64)], as: UTF8.self)
      // Offsets and lengths are small; anything needing more than 8 bytes is malformed.
      guard text.prefix(48).allSatisfy({ $0 == "0" }) else { return nil }
      return Int(text.suffix(16), radix: 16)
    }
    guard let offset = word(at: 0), let length = word(at: offset), length > 0, length <= 4096 else { return nil }
    let start = (offset + 32) * 2
    guard start + length * 2 <= body.count else { return nil }
    let hex = String(decoding: body[start..<(start + length * 2)], as: UTF8.self)
    return TronHex.text(hex)
  }
}
