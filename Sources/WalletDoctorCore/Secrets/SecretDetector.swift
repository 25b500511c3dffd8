import Foundation

/// Finds recovery phrases, private keys, extended keys, BIP-38 keys and keystores in text, so
/// they can be refused or redacted before anything else sees them.
///
/// Policy (issue 5, "Secret guard"):
/// - A run of 12 or more consecutive BIP-39 words from one script (English, or Chinese from the
///   Simplified or Traditional list) separated by spaces or other non-letters counts, checksum or
///   not. Real users paste phrases with typos, numbering or commas; all are secrets.
/// - Chinese characters written without separators count only when a 12/15/18/21/24-character
///   window has a valid BIP-39 checksum and its characters look randomly drawn
///   (``ChineseCharacterFrequency``): the lists hold the 2048 most common characters, so an
///   ordinary sentence is almost always made of list words, and the 4-bit checksum of a 12-word
///   window alone lets about one window in 16 of ordinary text through.
/// - WIF keys (`5…` 51 characters, `K…`/`L…` 52; testnet `9…`/`c…` when the checksum holds),
///   extended private keys, BIP-38 keys (`6P…`) and keystore JSON count wherever they appear.
/// - 64 hex digits (optionally `0x`) count unless the context expects a transaction hash, the
///   digits are a declared hash, or they follow an explorer's `/tx/` or `transaction/` path.
public struct SecretDetector: Sendable {
  public let english: BIP39WordList
  public let chineseSimplified: BIP39WordList
  public let chineseTraditional: BIP39WordList

  public init(english: BIP39WordList, chineseSimplified: BIP39WordList, chineseTraditional: BIP39WordList) {
    self.english = english
    self.chineseSimplified = chineseSimplified
    self.chineseTraditional = chineseTraditional
  }

  /// A detector with the bundled word lists from `resourcesDirectory`.
  public static func load(resourcesDirectory: URL) throws -> SecretDetector {
    SecretDetector(
      english: try .load(.english, resourcesDirectory: resourcesDirectory),
      chineseSimplified: try .load(.chineseSimplified, resourcesDirectory: resourcesDirectory),
      chineseTraditional: try .load(.chineseTraditional, resourcesDirectory: resourcesDirectory))
  }

  private static let cached: Result<SecretDetector, any Error> = Result {
    try load(resourcesDirectory: try ResourceLocator.resourcesDirectory())
  }

  /// The detector with the bundled word lists, loaded once per process. Throws when the lists
  /// cannot be found: the caller must then refuse free text rather than let it through unchecked.
  public static func standard() throws -> SecretDetector { try cached.get() }

  /// Scans with the bundled word lists; see ``scan(_:context:)``.
  public static func scan(_ text: String, context: SecretScanContext) throws -> [SecretMatch] {
    try standard().scan(text, context: context)
  }

  /// Every secret in `text`, in order, with overlapping matches merged.
  public func scan(_ text: String, context: SecretScanContext) -> [SecretMatch] {
    var matches: [SecretMatch] = []
    matches += keystoreMatches(in: text)
    matches += phraseMatches(in: text)
    matches += keyTokenMatches(in: text, context: context)
    return Self.merged(matches)
  }

  /// Whether `text` holds any secret.
  public func containsSecret(_ text: String, context: SecretScanContext) -> Bool {
    !scan(text, context: context).isEmpty
  }

  // MARK: - Recovery phrases

  private enum TokenScript { case latin, han }

  /// A word in the text: a run of letters, or one Han character (Chinese words are single
  /// characters).
  private struct Token {
    var script: TokenScript
    var range: Range<String.Index>
    /// Whether anything (space, punctuation, digits) separates it from the previous token.
    var separated: Bool
    var englishIndex: Int?
    var simplifiedIndex: Int?
    var traditionalIndex: Int?
    /// The separator before it, if any, is only whitespace.
    var whitespaceOnlyBefore: Bool
  }

  private func tokens(of text: String) -> [Token] {
    var result: [Token] = []
    var separatorSeen = false
    var separatorIsWhitespace = true
    var latinStart: String.Index?

    func flushLatin(upTo end: String.Index) {
      guard let start = latinStart else { return }
      let word = String(text[start..<end]).precomposedStringWithCompatibilityMapping.lowercased()
      result.append(
        Token(
          script: .latin, range: start..<end, separated: separatorSeen, englishIndex: english.index(of: word),
          whitespaceOnlyBefore: separatorIsWhitespace))
      latinStart = nil
      separatorSeen = false
      separatorIsWhitespace = true
    }

    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      let next = text.index(after: index)
      if Self.isHan(character) {
        flushLatin(upTo: index)
        let normalized = String(character).precomposedStringWithCompatibilityMapping
        result.append(
          Token(
            script: .han, range: index..<next, separated: separatorSeen,
            simplifiedIndex: chineseSimplified.index(of: normalized),
            traditionalIndex: chineseTraditional.index(of: normalized), whitespaceOnlyBefore: separatorIsWhitespace))
        separatorSeen = false
        separatorIsWhitespace = true
      } else if character.isLetter {
        if latinStart == nil { latinStart = index }
      } else {
        flushLatin(upTo: index)
        separatorSeen = true
        if !character.isWhitespace { separatorIsWhitespace = false }
      }
      index = next
    }
    flushLatin(upTo: text.endIndex)
    return result
  }

  private static func isHan(_ character: Character) -> Bool {
    guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return false }
    switch scalar.value {
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
    default: return false
    }
  }

  private func phraseMatches(in text: String) -> [SecretMatch] {
    let tokens = tokens(of: text)
    var matches: [SecretMatch] = []

    // Separated runs of one script's list words: 12 or more, checksum or not.
    let separatedRuns: [(Token) -> Bool] = [
      { $0.script == .latin && $0.englishIndex != nil },
      { $0.script == .han && ($0.simplifiedIndex != nil || $0.traditionalIndex != nil) },
    ]
    for isListWord in separatedRuns {
      var runStart: Int?
      for position in tokens.indices {
        let token = tokens[position]
        let continues = runStart != nil && isListWord(token) && token.separated
        if !continues {
          if let start = runStart, position - start >= 12 {
            matches.append(SecretMatch(kind: .recoveryPhrase, range: tokens[start].range.lowerBound..<tokens[position - 1].range.upperBound))
          }
          runStart = isListWord(token) ? position : nil
        }
      }
      if let start = runStart, tokens.count - start >= 12 {
        matches.append(SecretMatch(kind: .recoveryPhrase, range: tokens[start].range.lowerBound..<tokens[tokens.count - 1].range.upperBound))
      }
    }

    // Chinese written without separators (or in groups split by spaces, as people copy phrases
    // down): a window of a phrase length with a valid checksum, in either list. Punctuation ends
    // a run, so windows never span clauses of ordinary text.
    let chineseLists: [KeyPath<Token, Int?>] = [\.simplifiedIndex, \.traditionalIndex]
    for list in chineseLists {
      var runStart = 0
      for position in 0...tokens.count {
        let continues =
          position < tokens.count && tokens[position].script == .han && tokens[position][keyPath: list] != nil
          && (position == runStart || !tokens[position].separated || tokens[position].whitespaceOnlyBefore)
        if continues { continue }
        let run = Array(tokens[runStart..<position])
        matches += checksumWindows(in: run, list: list)
        // A token that broke the run because of a separator may start the next one.
        if position < tokens.count, tokens[position].script == .han, tokens[position][keyPath: list] != nil {
          runStart = position
        } else {
          runStart = position + 1
        }
      }
    }
    return matches
  }

  private func checksumWindows(in run: [Token], list: KeyPath<Token, Int?>) -> [SecretMatch] {
    guard run.count >= 12 else { return [] }
    let values = run.map { $0[keyPath: list]! }
    var matches: [SecretMatch] = []
    for length in BIP39WordList.phraseLengths.sorted() where length <= run.count {
      for start in 0...(run.count - length) {
        let window = Array(values[start..<start + length])
        // The frequency test first: it is far cheaper than the SHA-256 of the checksum and rejects
        // nearly every window of ordinary text.
        guard ChineseCharacterFrequency.looksRandom(window), BIP39WordList.hasValidChecksum(window) else { continue }
        matches.append(SecretMatch(kind: .recoveryPhrase, range: run[start].range.lowerBound..<run[start + length - 1].range.upperBound))
      }
    }
    return matches
  }

  // MARK: - Keys written as one token

  private static let extendedPrivateKeyPrefixes = ["xprv", "yprv", "zprv", "tprv", "uprv", "vprv", "Yprv", "Zprv", "Uprv", "Vprv"]

  private func keyTokenMatches(in text: String, context: SecretScanContext) -> [SecretMatch] {
    var matches: [SecretMatch] = []
    var index = text.startIndex
    while index < text.endIndex {
      guard Self.isASCIIAlphanumeric(text[index]) else {
        index = text.index(after: index)
        continue
      }
      var end = index
      while end < text.endIndex, Self.isASCIIAlphanumeric(text[end]) { end = text.index(after: end) }
      let token = text[index..<end]
      if let kind = keyKind(of: token, in: text, at: index, context: context) {
        matches.append(SecretMatch(kind: kind, range: index..<end))
      }
      index = end
    }
    return matches
  }

  private static func isASCIIAlphanumeric(_ character: Character) -> Bool {
    guard let ascii = character.asciiValue else { return false }
    return (0x30...0x39).contains(ascii) || (0x41...0x5A).contains(ascii) || (0x61...0x7A).contains(ascii)
  }

  private func keyKind(of token: Substring, in text: String, at start: String.Index, context: SecretScanContext) -> SecretKind? {
    let length = token.utf8.count
    if let digits = Self.hexKeyDigits(token) {
      if context.expectsTransactionHash || context.declaredTransactionHashes.contains(digits.lowercased()) {
        return nil
      }
      let before = text[..<start].suffix(13).lowercased()
      if before.hasSuffix("/tx/") || before.hasSuffix("transaction/") { return nil }
      return .privateKey
    }
    guard Base58.isBase58(token) else { return nil }
    if Self.extendedPrivateKeyPrefixes.contains(where: token.hasPrefix), length >= 50 { return .extendedPrivateKey }
    if token.hasPrefix("6P"), length == 58 { return .encryptedPrivateKey }
    if (length == 51 && token.hasPrefix("5")) || (length == 52 && (token.hasPrefix("K") || token.hasPrefix("L"))) {
      // The shape alone is a mainnet WIF; a typo in one character breaks the checksum but not
      // the secret, so the checksum is not required here.
      return .privateKey
    }
    if (length == 51 && token.hasPrefix("9")) || (length == 52 && token.hasPrefix("c")),
      let payload = Base58.decodeChecked(token), payload.first == 0xEF, payload.count == 33 || payload.count == 34
    {
      return .privateKey
    }
    return nil
  }

  /// The 64 hex digits of `0x…`/bare hex of exactly that length.
  private static func hexKeyDigits(_ token: Substring) -> Substring? {
    var digits = token
    if digits.hasPrefix("0x") || digits.hasPrefix("0X") { digits = digits.dropFirst(2) }
    guard digits.utf8.count == 64, digits.utf8.allSatisfy(\.isHexDigit) else { return nil }
    return digits
  }

  // MARK: - Keystore JSON

  /// Objects (brace spans, strings respected) that carry a keystore's `ciphertext` with a `kdf`
  /// or `mac`. Keys are compared case-insensitively because version 1 files capitalised them
  /// inconsistently. An unclosed object runs to the end of the text: a truncated paste is still
  /// a keystore.
  private func keystoreMatches(in text: String) -> [SecretMatch] {
    var spans: [Range<String.Index>] = []
    var depth = 0
    var inString = false
    var escaped = false
    var start: String.Index?
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if inString {
        if escaped {
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == "\"" {
          inString = false
        }
      } else if character == "\"" {
        inString = true
      } else if character == "{" {
        if depth == 0 { start = index }
        depth += 1
      } else if character == "}", depth > 0 {
        depth -= 1
        if depth == 0, let spanStart = start {
          spans.append(spanStart..<text.index(after: index))
          start = nil
        }
      }
      index = text.index(after: index)
    }
    if depth > 0, let spanStart = start { spans.append(spanStart..<text.endIndex) }

    let matches = spans.filter { Self.looksLikeKeystore(text[$0]) }.map { SecretMatch(kind: .keystore, range: $0) }
    if matches.isEmpty, Self.looksLikeKeystore(Substring(text)) {
      // A fragment without its braces: the whole text is treated as the keystore.
      return [SecretMatch(kind: .keystore, range: text.startIndex..<text.endIndex)]
    }
    return matches
  }

  private static func looksLikeKeystore(_ text: Substring) -> Bool {
    let lowered = text.lowercased()
    return lowered.contains("ciphertext") && (lowered.contains("kdf") || lowered.contains("\"mac\""))
  }

  // MARK: - Merging

  static func merged(_ matches: [SecretMatch]) -> [SecretMatch] {
    let sorted = matches.sorted { $0.range.lowerBound < $1.range.lowerBound }
    var result: [SecretMatch] = []
    for match in sorted {
      if let last = result.last, match.range.lowerBound < last.range.upperBound {
        result[result.count - 1] = SecretMatch(
          kind: min(last.kind, match.kind),
          range: last.range.lowerBound..<max(last.range.upperBound, match.range.upperBound))
      } else {
        result.append(match)
      }
    }
    return result
  }
}
