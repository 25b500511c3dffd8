/// Known secrets of every shape the guard refuses, for tests that plant them in input and then
/// prove their bytes appear nowhere. None of them holds funds: they come from public test
/// vectors (BIP-39, BIP-32, BIP-38, the Bitcoin wiki, the Web3 Secret Storage spec) or were
/// derived from fixed test strings (`sha256("wd-key")`).
public enum PlantedSecrets {
  public struct Secret: Sendable, CustomStringConvertible {
    public var name: String
    public var text: String
    /// The parts whose presence anywhere would be a leak (for phrases: the words; for the rest,
    /// the whole text is checked).
    public var kindRawValue: String
    public var description: String { name }
  }

  /// BIP-39 English test vector 1 (entropy 00…00, valid checksum).
  public static let englishPhrase =
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
  /// BIP-39 English test vector (entropy 7f…7f), a less repetitive phrase.
  public static let englishPhraseVaried =
    "legal winner thank year wave sausage worth useful legal winner thank yellow"
  /// A 24-word English phrase (entropy 00 01 … 1f).
  public static let englishPhrase24 =
    "abandon amount liar amount expire adjust cage candy arch gather drum bullet absurd math era live bid rhythm alien crouch range attend journey unaware"
  /// 12 Simplified Chinese words (entropy sha256("wd-test-0")[0..<16]), valid checksum, with
  /// characters that exist only in the Simplified list.
  public static let simplifiedChineseUnspaced = "烦牧序咨隐益孤各戏堵好铸"
  public static var simplifiedChineseSpaced: String { simplifiedChineseUnspaced.map(String.init).joined(separator: " ") }
  /// 15 Simplified Chinese words (entropy sha256("wd-test-15")[0..<20]), valid checksum.
  public static let simplifiedChinese15 = "纶急荡待证缸活来究约解迷征整时"
  /// 24 Traditional Chinese words (entropy sha256("wd-test-t-0")), valid checksum, with
  /// characters that exist only in the Traditional list.
  public static let traditionalChineseUnspaced = "悲晶頭錦燒焰揮許始氣冶束傷裁罩憶繩幹幣舉汪湘析菌"
  public static var traditionalChineseSpaced: String { traditionalChineseUnspaced.map(String.init).joined(separator: " ") }
  /// Bitcoin wiki's uncompressed WIF example (key 0C28FCA3…).
  public static let wifUncompressed = "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"
  /// The same key, compressed (starts with K).
  public static let wifCompressedK = "KwdMAjGmerYanjeui5SHS7JkmpZvVipYvB2LJGU1ZxJwYvP98617"
  /// sha256("wd-key") as a compressed mainnet WIF (starts with L).
  public static let wifCompressedL = "L1iBV2eZPXjpfuWqhhqTmw6MA6sLh4v8jCnhGb8KYw8nWd4iyeAk"
  /// sha256("wd-key") as a compressed testnet WIF.
  public static let wifTestnet = "cS5AwweQpbS5qLz767eb9FbQnLAkMX1poEwAP1aq43nnmN83zbCQ"
  /// BIP-32 test vector 1, master private key.
  public static let extendedPrivateKey =
    "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"
  /// BIP-38 test vector (no EC multiply, uncompressed).
  public static let bip38 = "6PRVWUbkzzsbcVac2qwfssoUJAN1Xhrg6bNk8J7Nzm5H7kxEbn2Nh2ZoGg"
  /// sha256("wd-key") as raw hex.
  public static let hexKey = "85fef8bd7573e716b16d85b66a14ce93a4113d254912c6b71bf2fcf4c2b82f93"
  /// The Web3 Secret Storage spec's scrypt test vector, as wallets export it.
  public static let keystoreJSON = """
    {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"83dbcc02d8ccb40e466191a123791e0e"},\
    "ciphertext":"d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c",\
    "kdf":"scrypt","kdfparams":{"dklen":32,"n":262144,"r":1,"p":8,"salt":"ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"},\
    "mac":"2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"},\
    "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
    """

  /// Every shape, named, with the kind the detector must report (`SecretKind` raw value).
  public static let all: [Secret] = [
    Secret(name: "English phrase (12)", text: englishPhrase, kindRawValue: "recovery_phrase"),
    Secret(name: "English phrase (12, varied)", text: englishPhraseVaried, kindRawValue: "recovery_phrase"),
    Secret(name: "English phrase (24)", text: englishPhrase24, kindRawValue: "recovery_phrase"),
    Secret(name: "zh-Hans phrase, spaced", text: simplifiedChineseSpaced, kindRawValue: "recovery_phrase"),
    Secret(name: "zh-Hans phrase, unspaced", text: simplifiedChineseUnspaced, kindRawValue: "recovery_phrase"),
    Secret(name: "zh-Hans phrase (15), unspaced", text: simplifiedChinese15, kindRawValue: "recovery_phrase"),
    Secret(name: "zh-Hant phrase, spaced", text: traditionalChineseSpaced, kindRawValue: "recovery_phrase"),
    Secret(name: "zh-Hant phrase, unspaced", text: traditionalChineseUnspaced, kindRawValue: "recovery_phrase"),
    Secret(name: "WIF 5…", text: wifUncompressed, kindRawValue: "private_key"),
    Secret(name: "WIF K…", text: wifCompressedK, kindRawValue: "private_key"),
    Secret(name: "WIF L…", text: wifCompressedL, kindRawValue: "private_key"),
    Secret(name: "WIF testnet c…", text: wifTestnet, kindRawValue: "private_key"),
    Secret(name: "xprv", text: extendedPrivateKey, kindRawValue: "extended_private_key"),
    Secret(name: "BIP-38", text: bip38, kindRawValue: "encrypted_private_key"),
    Secret(name: "hex key", text: hexKey, kindRawValue: "private_key"),
    Secret(name: "0x hex key", text: "0x" + hexKey, kindRawValue: "private_key"),
    Secret(name: "keystore JSON", text: keystoreJSON, kindRawValue: "keystore"),
  ]

  /// Byte strings whose presence in any output or file means the secret leaked: the whole
  /// text, and for phrases every run of 3 consecutive words (spaced or not).
  public static func leakProbes(for secret: Secret) -> [String] {
    var probes = [secret.text]
    if secret.kindRawValue == "recovery_phrase" {
      let words: [String] = secret.text.contains(" ") ? secret.text.split(separator: " ").map(String.init) : secret.text.map(String.init)
      for start in 0..<(words.count - 2) {
        let triple = Array(words[start..<start + 3])
        probes.append(triple.joined(separator: " "))
        if triple.allSatisfy({ $0.count == 1 }) { probes.append(triple.joined()) }
      }
    } else if secret.kindRawValue == "keystore" {
      probes = ["d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c"]
    } else if secret.text.hasPrefix("0x") {
      probes = [String(secret.text.dropFirst(2))]
    }
    return probes
  }
}
