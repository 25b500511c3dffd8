/// The kinds of secret the guard refuses. Raw values are part of the JSON contract (report
/// redaction counts).
public enum SecretKind: String, Sendable, Codable, CaseIterable, Comparable {
  /// A BIP-39 mnemonic (English, Simplified or Traditional Chinese).
  case recoveryPhrase = "recovery_phrase"
  /// A raw private key: WIF (`5…`, `K…`, `L…`) or 64 hex digits.
  case privateKey = "private_key"
  /// A BIP-32 extended private key (`xprv`, `yprv`, `zprv`, `tprv`, …).
  case extendedPrivateKey = "extended_private_key"
  /// A BIP-38 password-encrypted key (`6P…`): still a key, guarded by a password only.
  case encryptedPrivateKey = "encrypted_private_key"
  /// An Ethereum keystore file (Web3 Secret Storage JSON).
  case keystore

  /// The text that replaces the secret wherever a redacted copy is kept.
  public var redactionMarker: String {
    switch self {
    case .recoveryPhrase: return "[REDACTED: recovery phrase]"
    case .privateKey: return "[REDACTED: private key]"
    case .extendedPrivateKey: return "[REDACTED: extended private key]"
    case .encryptedPrivateKey: return "[REDACTED: encrypted private key]"
    case .keystore: return "[REDACTED: keystore]"
    }
  }

  /// The kind named for a person.
  public var displayName: LocalizedText {
    switch self {
    case .recoveryPhrase: return LocalizedText(en: "a recovery phrase (mnemonic)", zh: "助记词")
    case .privateKey: return LocalizedText(en: "a private key", zh: "私钥")
    case .extendedPrivateKey: return LocalizedText(en: "an extended private key", zh: "扩展私钥")
    case .encryptedPrivateKey: return LocalizedText(en: "an encrypted private key (BIP-38)", zh: "加密私钥（BIP-38）")
    case .keystore: return LocalizedText(en: "a keystore file", zh: "Keystore 文件")
    }
  }

  /// When two matches overlap, the merged one takes the more specific kind.
  private var precedence: Int {
    switch self {
    case .keystore: return 0
    case .extendedPrivateKey: return 1
    case .recoveryPhrase: return 2
    case .encryptedPrivateKey: return 3
    case .privateKey: return 4
    }
  }

  public static func < (lhs: SecretKind, rhs: SecretKind) -> Bool { lhs.precedence < rhs.precedence }
}

/// One secret found in a text: what it is and where.
public struct SecretMatch: Sendable, Hashable {
  public var kind: SecretKind
  public var range: Range<String.Index>

  public init(kind: SecretKind, range: Range<String.Index>) {
    self.kind = kind
    self.range = range
  }
}

/// What the text around a possible secret is for; it decides only the 64-hex case, where a
/// private key and a transaction hash have the same shape.
public struct SecretScanContext: Sendable, Hashable {
  /// The text answers a question that asked for a transaction hash: 64 hex digits are a hash.
  public var expectsTransactionHash: Bool
  /// Hashes the user declared as transactions elsewhere (a report's `--tx`), as 64 lower-case
  /// hex digits without `0x`. The same digits in free text are that hash, not a key.
  public var declaredTransactionHashes: Set<String>

  public init(expectsTransactionHash: Bool = false, declaredTransactionHashes: some Sequence<String> = [String]()) {
    self.expectsTransactionHash = expectsTransactionHash
    self.declaredTransactionHashes = Set(
      declaredTransactionHashes.map { hash in
        let lowered = hash.lowercased()
        return lowered.hasPrefix("0x") ? String(lowered.dropFirst(2)) : lowered
      })
  }

  /// Free text where nothing was declared: every 64-hex string is treated as a key.
  public static let freeText = SecretScanContext()
  /// The answer to a question asking for a transaction hash.
  public static let transactionHashAnswer = SecretScanContext(expectsTransactionHash: true)
}
