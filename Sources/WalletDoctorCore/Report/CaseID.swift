/// A support case id such as `WD-7K3F-9Q2M`: short enough to read over the phone, random enough
/// (40 bits) that two reports never share one, and unambiguous when read back.
///
/// Upper-case Crockford base32: no I, L, O or U, so 1/I/L and 0/O cannot be confused.
public struct CaseID: Sendable, Hashable, Codable, CustomStringConvertible {
  /// Crockford's base32 alphabet.
  public static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

  public let value: String

  /// Draws eight characters from `generator` (injected so tests get a fixed id).
  public init<Generator: RandomNumberGenerator>(using generator: inout Generator) {
    let bits = generator.next() & ((1 << 40) - 1)
    let characters = (0..<8).map { index in Self.alphabet[Int((bits >> (5 * (7 - UInt64(index)))) & 31)] }
    value = "WD-" + String(characters[0..<4]) + "-" + String(characters[4..<8])
  }

  /// Parses `WD-XXXX-XXXX`; nil for anything else.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0] == "WD", parts[1].count == 4, parts[2].count == 4,
      (parts[1] + parts[2]).allSatisfy({ Self.alphabet.contains($0) })
    else { return nil }
    value = text
  }

  public var description: String { value }

  public init(from decoder: Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let parsed = CaseID(text) else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a case id"))
    }
    self = parsed
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(value)
  }
}
