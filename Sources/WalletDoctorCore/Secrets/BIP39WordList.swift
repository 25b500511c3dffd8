import Foundation

/// One BIP-39 word list: 2048 words, where a word's position is its 11-bit value.
public struct BIP39WordList: Sendable {
  /// The lists walletdoctor ships (see `Resources/bip39/SOURCES.md`).
  public enum Name: String, Sendable, CaseIterable {
    case english
    case chineseSimplified = "chinese_simplified"
    case chineseTraditional = "chinese_traditional"

    /// The resource path, relative to the resources folder.
    public var resourcePath: String { "bip39/\(rawValue).txt" }
  }

  /// The phrase lengths BIP-39 defines (128 to 256 bits of entropy).
  public static let phraseLengths: Set<Int> = [12, 15, 18, 21, 24]

  public let name: Name
  public let words: [String]
  private let indexByWord: [String: Int]

  /// A list from its words; it must hold exactly 2048 distinct words.
  public init(name: Name, words: [String]) throws(WordListError) {
    guard words.count == 2048 else { throw WordListError(name: name, problem: "has \(words.count) words, not 2048") }
    var index: [String: Int] = [:]
    for (position, word) in words.enumerated() {
      guard index.updateValue(position, forKey: word) == nil else {
        throw WordListError(name: name, problem: "repeats a word at line \(position + 1)")
      }
    }
    self.name = name
    self.words = words
    self.indexByWord = index
  }

  /// Reads a list from the bundled resources.
  public static func load(_ name: Name, resourcesDirectory: URL) throws -> BIP39WordList {
    let url = resourcesDirectory.appendingPathComponent(name.resourcePath)
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw WordListError(name: name, problem: "could not be read at \(url.path)")
    }
    return try BIP39WordList(name: name, words: text.split(whereSeparator: \.isNewline).map(String.init))
  }

  /// The 11-bit value of `word`; nil when it is not in the list. Matching is exact: callers
  /// normalise case and width first.
  public func index(of word: String) -> Int? { indexByWord[word] }

  public func contains(_ word: String) -> Bool { indexByWord[word] != nil }

  /// Whether the word values form a phrase with a valid BIP-39 checksum: the last `count / 3`
  /// bits equal the first bits of SHA-256 of the entropy before them.
  public static func hasValidChecksum(_ values: [Int]) -> Bool {
    guard phraseLengths.contains(values.count), values.allSatisfy({ (0..<2048).contains($0) }) else { return false }
    let checksumBits = values.count / 3
    let entropyBits = values.count * 11 - checksumBits
    var bits: [Bool] = []
    bits.reserveCapacity(values.count * 11)
    for value in values {
      for shift in stride(from: 10, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
    }
    var entropy = [UInt8](repeating: 0, count: entropyBits / 8)
    for bitIndex in 0..<entropyBits where bits[bitIndex] {
      entropy[bitIndex / 8] |= 0x80 >> UInt8(bitIndex % 8)
    }
    let hash = SHA256.digest(entropy)
    for checksumIndex in 0..<checksumBits {
      let expected = (hash[checksumIndex / 8] >> UInt8(7 - checksumIndex % 8)) & 1 == 1
      if bits[entropyBits + checksumIndex] != expected { return false }
    }
    return true
  }
}

/// A bundled word list is missing or damaged; without it the secret guard cannot work, so the
/// tool stops rather than accept text it cannot check.
public struct WordListError: Error, LocalizedError, Sendable {
  public let name: BIP39WordList.Name
  public let problem: String

  public var errorDescription: String? {
    "The BIP-39 word list \(name.resourcePath) \(problem); walletdoctor will not accept free text without it."
  }
}
