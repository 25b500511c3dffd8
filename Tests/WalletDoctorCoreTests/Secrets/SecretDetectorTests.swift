import Foundation
import TestSupport
import Testing
@testable import WalletDoctorCore

struct SecretDetectorTests {
  let detector = try! SecretDetector.standard()

  func kinds(_ text: String, _ context: SecretScanContext = .freeText) -> [SecretKind] {
    detector.scan(text, context: context).map(\.kind)
  }

  func matchedTexts(_ text: String, _ context: SecretScanContext = .freeText) -> [String] {
    detector.scan(text, context: context).map { String(text[$0.range]) }
  }

  @Test(arguments: PlantedSecrets.all)
  func everyPlantedShapeIsFoundAlone(secret: PlantedSecrets.Secret) {
    let matches = detector.scan(secret.text, context: .freeText)
    #expect(matches.map(\.kind.rawValue) == [secret.kindRawValue])
    #expect(matches.first.map { String(secret.text[$0.range]) } == secret.text)
  }

  @Test(arguments: PlantedSecrets.all)
  func everyPlantedShapeIsFoundInsideASentence(secret: PlantedSecrets.Secret) {
    // "Support asked me" ends on a non-list word and "gone" is not one either; list words next
    // to a phrase ("then") join the run, which only redacts a little more than the phrase.
    let text = "Support asked me:\n\(secret.text)\nthen the coins were gone."
    let matches = detector.scan(text, context: .freeText)
    #expect(matches.map(\.kind.rawValue) == [secret.kindRawValue])
    #expect(matches.first.map { String(text[$0.range]).contains(secret.text) } == true)
  }

  @Test(arguments: PlantedSecrets.all.filter { $0.kindRawValue != "private_key" || !$0.name.contains("hex") })
  func everyNonHexShapeIsFoundEvenWhereATransactionHashIsExpected(secret: PlantedSecrets.Secret) {
    #expect(kinds(secret.text, .transactionHashAnswer).map(\.rawValue) == [secret.kindRawValue])
  }

  // MARK: Phrases

  @Test func phraseWithoutValidChecksumStillCountsWhenSpaced() {
    // "abandon" × 12 fails the BIP-39 checksum; it is still refused.
    let phrase = Array(repeating: "abandon", count: 12).joined(separator: " ")
    #expect(!BIP39WordList.hasValidChecksum(Array(repeating: 0, count: 12)))
    #expect(kinds(phrase) == [.recoveryPhrase])
  }

  @Test func elevenWordsAreNotAPhrase() {
    let eleven = PlantedSecrets.englishPhraseVaried.split(separator: " ").prefix(11).joined(separator: " ")
    #expect(kinds(eleven).isEmpty)
  }

  @Test func runOfTwelveInsideLongerTextIsFoundAndBoundedByTheListWords() {
    let text = "my words are: " + PlantedSecrets.englishPhraseVaried + " thanks"
    // "are" is not a BIP-39 word, "thanks" is not either: the match is exactly the phrase.
    #expect(matchedTexts(text) == [PlantedSecrets.englishPhraseVaried])
  }

  @Test func numberedCommaAndNewlineSeparatedPhrasesCount() {
    let words = PlantedSecrets.englishPhraseVaried.split(separator: " ")
    let numbered = words.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
    let commas = words.joined(separator: ",")
    let upper = words.joined(separator: " ").uppercased()
    #expect(kinds(numbered) == [.recoveryPhrase])
    #expect(kinds(commas) == [.recoveryPhrase])
    #expect(kinds(upper) == [.recoveryPhrase])
  }

  @Test func fullWidthLatinLettersAreNormalised() {
    let fullWidth = PlantedSecrets.englishPhrase.unicodeScalars.map { scalar -> String in
      scalar.value >= 0x61 && scalar.value <= 0x7A ? String(UnicodeScalar(scalar.value + 0xFEE0)!) : String(scalar)
    }.joined()
    #expect(kinds(fullWidth) == [.recoveryPhrase])
  }

  @Test func unspacedChineseWithBrokenChecksumIsNotAPhrase() {
    // Swap the last character for another list character: the checksum no longer holds.
    var characters = Array(PlantedSecrets.simplifiedChineseUnspaced)
    characters[11] = "一"
    let text = String(characters)
    #expect(kinds(text).isEmpty)
    // The same characters with spaces are refused: spacing makes the intent unambiguous.
    #expect(kinds(characters.map(String.init).joined(separator: " ")) == [.recoveryPhrase])
  }

  @Test func unspacedChinesePhraseInsideASentenceIsFound() {
    let text = "客服让我输入助记词" + PlantedSecrets.simplifiedChineseUnspaced + "然后就没了"
    let matches = matchedTexts(text)
    #expect(matches.count == 1)
    #expect(matches.first?.contains(PlantedSecrets.simplifiedChineseUnspaced) == true)
  }

  @Test func chinesePhraseWrittenInGroupsOfFourIsFound() {
    let characters = Array(PlantedSecrets.simplifiedChineseUnspaced)
    let grouped = stride(from: 0, to: 12, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: " ")
    #expect(kinds(grouped) == [.recoveryPhrase])
  }

  @Test func traditionalOnlyCharactersAreMatchedAgainstTheTraditionalList() {
    let list = detector.chineseSimplified
    #expect(PlantedSecrets.traditionalChineseUnspaced.contains { !list.contains(String($0)) })
    #expect(kinds(PlantedSecrets.traditionalChineseUnspaced) == [.recoveryPhrase])
  }

  // MARK: Keys

  @Test func hexIsAKeyInFreeTextButAHashWhereAHashIsExpected() {
    #expect(kinds(PlantedSecrets.hexKey) == [.privateKey])
    #expect(kinds("0x" + PlantedSecrets.hexKey) == [.privateKey])
    #expect(kinds(PlantedSecrets.hexKey, .transactionHashAnswer).isEmpty)
    #expect(kinds("0x" + PlantedSecrets.hexKey.uppercased(), .transactionHashAnswer).isEmpty)
  }

  @Test func declaredTransactionHashesAreNotKeysButOtherHexIs() {
    let declared = SecretScanContext(declaredTransactionHashes: ["0x" + PlantedSecrets.hexKey.uppercased()])
    let other = String(PlantedSecrets.hexKey.reversed())
    #expect(kinds("tx 0x\(PlantedSecrets.hexKey) is stuck", declared).isEmpty)
    #expect(kinds("tx \(PlantedSecrets.hexKey) and \(other)", declared) == [.privateKey])
  }

  @Test func hexInAnExplorerTransactionLinkIsAHash() {
    #expect(kinds("see https://etherscan.io/tx/0x\(PlantedSecrets.hexKey)").isEmpty)
    #expect(kinds("https://tronscan.org/#/transaction/\(PlantedSecrets.hexKey)").isEmpty)
    #expect(kinds("https://example.com/key/\(PlantedSecrets.hexKey)") == [.privateKey])
  }

  @Test func hexOfOtherLengthsIsNotAKey() {
    #expect(kinds(String(PlantedSecrets.hexKey.dropLast())).isEmpty)
    #expect(kinds(PlantedSecrets.hexKey + "a").isEmpty)
    #expect(kinds("0x742d35Cc6634C0532925a3b844Bc454e4438f44e").isEmpty)  // an address
  }

  @Test func mainnetWIFWithATypoIsStillAKeyButTestnetNeedsItsChecksum() {
    var typo = Array(PlantedSecrets.wifCompressedL)
    typo[20] = typo[20] == "a" ? "b" : "a"
    #expect(kinds(String(typo)) == [.privateKey])
    var testnetTypo = Array(PlantedSecrets.wifTestnet)
    testnetTypo[20] = testnetTypo[20] == "a" ? "b" : "a"
    #expect(kinds(String(testnetTypo)).isEmpty)
  }

  @Test(arguments: [
    "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",  // Bitcoin P2PKH address
    "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",  // P2SH
    "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",  // bech32
    "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8",  // TRON
    "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8",
  ])
  func addressesAndPublicKeysAreNotSecrets(text: String) {
    #expect(kinds(text).isEmpty)
  }

  @Test func truncatedExtendedPrivateKeyIsStillRefused() {
    #expect(kinds(String(PlantedSecrets.extendedPrivateKey.prefix(60))) == [.extendedPrivateKey])
  }

  // MARK: Keystores

  @Test func keystoreKeysMatchCaseInsensitivelyAndTruncatedPastesCount() {
    let versionOne = #"{"Crypto": {"CipherText": "abc", "KDF": "scrypt"}, "Version": 1}"#
    #expect(kinds(versionOne) == [.keystore])
    let truncated = String(PlantedSecrets.keystoreJSON.prefix(200))
    #expect(kinds(truncated) == [.keystore])
    #expect(kinds("my keystore: " + PlantedSecrets.keystoreJSON + " thanks") == [.keystore])
  }

  @Test func keystoreMatchCoversTheWholeObjectIncludingNestedHex() {
    let text = "here " + PlantedSecrets.keystoreJSON
    #expect(matchedTexts(text) == [PlantedSecrets.keystoreJSON])
  }

  @Test func otherJSONIsNotAKeystore() {
    #expect(kinds(#"{"jsonrpc":"2.0","method":"eth_getTransactionByHash","params":[]}"#).isEmpty)
  }

  // MARK: False positives

  @Test(arguments: [
    "My transfer has been pending for two hours. What should I do?",
    "I forgot my wallet password but I still have the backup written on paper.",
    "I sent USDT on the wrong network to my exchange account and the deposit never arrived.",
    // Long runs of common words: each line breaks on a word outside the list.
    "please help me the wallet will not open and the balance shows zero after the update today",
    "abandon ability able about above absent absorb abstract absurd abuse access",  // 11 list words
    "App version 2.14.3 on iPhone 15, iOS 18.1",
  ])
  func ordinaryEnglishIsNotASecret(text: String) {
    #expect(kinds(text).isEmpty)
  }

  @Test(arguments: [
    "我的转账一直没有到账，已经等了两个小时了，怎么办？",
    "我忘记了钱包密码，但是助记词还在，请问怎么重置密码？",
    "我在交易所提币的时候选错了网络，资产还能找回来吗？",
    "我的代币在钱包里不显示了",
    "转账记录里显示失败但是手续费被扣了",
    "我用的是苹果手机最新版本的应用",
    "請問，這筆交易為什麼一直在等待確認？已經三個小時了。",
  ])
  func ordinaryChineseIsNotASecret(text: String) {
    #expect(kinds(text).isEmpty)
  }

  /// The checksum alone is weak for Chinese: the lists hold the 2048 most common characters and
  /// a 12-word checksum is only 4 bits, so about one window in 16 of ordinary text passes it. This
  /// sentence has such a window; the frequency test (real phrases are uniform draws, text is
  /// dominated by common characters) keeps it from being refused.
  @Test func unpunctuatedChineseSentenceWithAChecksumWindowIsNotRefused() throws {
    let sentence = "請問這筆交易為什麼一直在等待確認"
    let detector = try SecretDetector.standard()
    let indices = sentence.map { detector.chineseTraditional.index(of: String($0))! }
    let windows = (0...(indices.count - 12)).map { Array(indices[$0..<$0 + 12]) }
    #expect(windows.contains(where: BIP39WordList.hasValidChecksum), "the sentence no longer exercises the weak checksum")
    #expect(kinds(sentence).isEmpty)
    #expect(kinds("我昨天晚上给朋友转了一笔钱但是到现在还没有到账请问是怎么回事").isEmpty)
  }

  /// The price of that test: a real unspaced phrase whose characters happen to be common is
  /// missed. It must stay rare (designed for about 1 in 200).
  @Test func randomUnspacedChinesePhrasesAreStillCaught() throws {
    let detector = try SecretDetector.standard()
    var generator = SeededGenerator(state: 20261126)
    var caught = 0
    let trials = 400
    for trial in 0..<trials {
      let length = trial.isMultiple(of: 2) ? 12 : 24
      var indices = (0..<(length - 1)).map { _ in Int.random(in: 0..<2048, using: &generator) }
      let last = (0..<2048).shuffled(using: &generator).first { BIP39WordList.hasValidChecksum(indices + [$0]) }!
      indices.append(last)
      let phrase = indices.map { detector.chineseSimplified.words[$0] }.joined()
      if kinds(phrase) == [.recoveryPhrase] { caught += 1 }
    }
    #expect(caught >= trials - 8, "caught \(caught) of \(trials)")
  }

  @Test func spacedChineseWordsShorterThanAPhraseAreNotASecret() {
    #expect(kinds("的 一 是 在 不 了 有 和 人 这 中").isEmpty)  // 11 words
  }

  // MARK: Redaction

  @Test func redactionReplacesEachSecretAndCountsByKind() {
    let redactor = SecretRedactor(detector: detector)
    let text = "words: \(PlantedSecrets.englishPhrase); wif: \(PlantedSecrets.wifUncompressed); xkey: \(PlantedSecrets.extendedPrivateKey)"
    let result = redactor.redact(text, context: .freeText)
    #expect(result.text == "words: [REDACTED: recovery phrase]; wif: [REDACTED: private key]; xkey: [REDACTED: extended private key]")
    #expect(result.counts == [.recoveryPhrase: 1, .privateKey: 1, .extendedPrivateKey: 1])
  }

  @Test func redactionKeepsDeclaredHashesAndRemovesOtherHex() {
    let hash = String(repeating: "ab", count: 32)
    let result = SecretRedactor(detector: detector).redact(
      "tx 0x\(hash) key \(PlantedSecrets.hexKey)", context: SecretScanContext(declaredTransactionHashes: [hash]))
    #expect(result.text == "tx 0x\(hash) key [REDACTED: private key]")
    #expect(result.counts == [.privateKey: 1])
  }

  @Test func cleanTextIsUnchanged() {
    let result = SecretRedactor(detector: detector).redact("nothing secret here", context: .freeText)
    #expect(result.text == "nothing secret here")
    #expect(!result.redactedAnything)
  }

  @Test func refusalMessageNamesTheKindAndNeverQuotesTheSecret() {
    let message = SecretRefusal.message(for: [.recoveryPhrase])
    #expect(message.english.contains("recovery phrase"))
    #expect(message.simplifiedChinese.contains("助记词"))
    #expect(message.english.contains("stolen-funds"))
  }
}

struct BIP39WordListTests {
  @Test func bundledListsHave2048WordsAndMatchTheUpstreamDigests() throws {
    let resources = try ResourceLocator.resourcesDirectory()
    let expected: [BIP39WordList.Name: String] = [
      .english: "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda",
      .chineseSimplified: "5c5942792bd8340cb8b27cd592f1015edf56a8c5b26276ee18a482428e7c5726",
      .chineseTraditional: "417b26b3d8500a4ae3d59717d7011952db6fc2fb84b807f3f94ac734e89c1b5f",
    ]
    for name in BIP39WordList.Name.allCases {
      let data = try Data(contentsOf: resources.appendingPathComponent(name.resourcePath))
      #expect(SHA256.hexDigest(data) == expected[name], "\(name)")
      #expect(try BIP39WordList.load(name, resourcesDirectory: resources).words.count == 2048)
    }
  }

  @Test func checksumAcceptsTestVectorsAndRejectsAFlippedWord() throws {
    let english = try SecretDetector.standard().english
    let valid = PlantedSecrets.englishPhrase24.split(separator: " ").map { english.index(of: String($0))! }
    #expect(BIP39WordList.hasValidChecksum(valid))
    var flipped = valid
    flipped[23] = (flipped[23] + 1) % 2048
    #expect(!BIP39WordList.hasValidChecksum(flipped))
    #expect(!BIP39WordList.hasValidChecksum(Array(valid.prefix(13))))
  }

  @Test func listWithWrongCountOrDuplicatesIsRejected() {
    #expect(throws: WordListError.self) { try BIP39WordList(name: .english, words: ["a", "b"]) }
    #expect(throws: WordListError.self) {
      try BIP39WordList(name: .english, words: Array(repeating: "same", count: 2048))
    }
  }
}

struct Base58Tests {
  @Test func decodesWIFAndChecksChecksum() {
    let payload = Base58.decodeChecked(PlantedSecrets.wifUncompressed)
    #expect(payload?.first == 0x80)
    #expect(payload?.count == 33)
    #expect(Base58.decodeChecked("5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTK") == nil)
    #expect(Base58.decode("0OIl") == nil)
    #expect(Base58.decode("1112") == [0, 0, 0, 1])
  }
}

