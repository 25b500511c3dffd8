import Testing

@testable import WalletDoctorCore

/// One `channels --check` scenario: the input, and what the checker must say about it.
struct CheckCase: CustomTestStringConvertible, Sendable {
  var input: String
  var verdict: ChannelVerdict
  var wallet: String?
  /// official: the matched entry's kind; lookalike: the imitated entry's value.
  var expected: String?
  var signal: LookalikeSignal?

  static func official(_ input: String, _ wallet: String, _ kind: ChannelKind) -> CheckCase {
    CheckCase(input: input, verdict: .official, wallet: wallet, expected: kind.rawValue)
  }

  static func lookalike(_ input: String, _ wallet: String, imitates: String, _ signal: LookalikeSignal) -> CheckCase {
    CheckCase(input: input, verdict: .lookalike, wallet: wallet, expected: imitates, signal: signal)
  }

  static func unknown(_ input: String) -> CheckCase {
    CheckCase(input: input, verdict: .unknown)
  }

  var testDescription: String { "\(input) → \(verdict.rawValue)" }
}

@Suite struct ChannelCheckerTests {
  static let checker = ChannelChecker(directory: try! ChannelDirectory.bundled())

  static let officialCases: [CheckCase] = [
    .official("token.im", "imtoken", .domain),
    .official("https://www.token.im/", "imtoken", .domain),
    .official("TOKEN.IM.", "imtoken", .domain),
    .official("https://token.im:443/download?ref=x", "imtoken", .domain),
    .official("https://support.token.im/hc/en-us/articles/360038987874", "imtoken", .helpCenter),
    .official("https://token.im/hc/en-US/articles/360003123953", "imtoken", .helpCenter),
    .official("support@token.im", "imtoken", .email),
    .official("mailto:SUPPORT@Token.IM", "imtoken", .email),
    .official("noreply@mail.token.im", "imtoken", .domain),
    .official("@imTokenOfficial", "imtoken", .social),
    .official("@IMTOKENOFFICIAL", "imtoken", .social),
    .official("https://x.com/imTokenOfficial/status/1", "imtoken", .social),
    .official("https://twitter.com/imtokenofficial", "imtoken", .social),
    .official("https://medium.com/imtoken/some-post", "imtoken", .social),
    .official("https://github.com/consenlabs/token-core-monorepo/releases", "imtoken", .download),
    .official("https://evil.example@token.im/", "imtoken", .domain),
    .official("https://support.metamask.io/hc/en-us/requests/new", "metamask", .ticketForm),
    .official("community.metamask.io/t/1", "metamask", .forum),
    .official("https://support.trustwallet.com/en/support/solutions/articles/67000734572", "trust", .helpCenter),
    .official("service@tokenpocket.pro", "tokenpocket", .email),
    .official("help.tpwallet.io", "tokenpocket", .helpCenter),
    .official("https://www.okx.com/help", "okx", .helpCenter),
    .official("help.coinbase.com/en/wallet", "coinbase", .helpCenter),
    .official("security@coinbase.com", "coinbase", .email),
    .official("support.ledger.com", "ledger", .helpCenter),
    .official("@ledger_support", "ledger", .social),
    .official("https://trezor.io/support", "trezor", .helpCenter),
  ]

  static let lookalikeCases: [CheckCase] = [
    .lookalike("imtoken-support.com", "imtoken", imitates: "token.im", .extraWords),
    .lookalike("https://imtokenar.com/zh", "imtoken", imitates: "token.im", .extraWords),
    .lookalike("imt0ken.org", "imtoken", imitates: "token.im", .digitsForLetters),
    .lookalike("token-im.net", "imtoken", imitates: "token.im", .otherDomain),
    .lookalike("https://token.im.evil.com/login", "imtoken", imitates: "token.im", .embeddedOfficialDomain),
    .lookalike("support.token.im.secure-help.net", "imtoken", imitates: "token.im", .embeddedOfficialDomain),
    .lookalike("https://token.im@evil.com/", "imtoken", imitates: "token.im", .disguisedUserinfo),
    .lookalike("https://xn--mtoken-ovf.com", "imtoken", imitates: "token.im", .punycode),
    .lookalike("іmtoken.com", "imtoken", imitates: "token.im", .foreignLetters),
    .lookalike("tоken.im", "imtoken", imitates: "token.im", .foreignLetters),
    .lookalike("legder.com", "ledger", imitates: "ledger.com", .misspelling),
    .lookalike("lèdger.com", "ledger", imitates: "ledger.com", .foreignLetters),
    .lookalike("ledgёr.com", "ledger", imitates: "ledger.com", .foreignLetters),
    .lookalike("leqder.com", "ledger", imitates: "ledger.com", .misspelling),
    .lookalike("ledqer.com", "ledger", imitates: "ledger.com", .lookalikeLetters),
    .lookalike("rnetamask.io", "metamask", imitates: "metamask.io", .lookalikeLetters),
    .lookalike("metamask.com", "metamask", imitates: "metamask.io", .otherDomain),
    .lookalike("metamusk.io", "metamask", imitates: "metamask.io", .misspelling),
    .lookalike("trustwallet-support.com", "trust", imitates: "trustwallet.com", .extraWords),
    .lookalike("trust-wallet.app", "trust", imitates: "trustwallet.com", .otherDomain),
    .lookalike("0kx.com", "okx", imitates: "okx.com", .digitsForLetters),
    .lookalike("okxwallet-verify.org", "okx", imitates: "okx.com", .extraWords),
    .lookalike("coinbase-help.net", "coinbase", imitates: "coinbase.com", .extraWords),
    .lookalike("trez0r.io", "trezor", imitates: "trezor.io", .digitsForLetters),
    .lookalike("tokenpocket.com", "tokenpocket", imitates: "tokenpocket.pro", .otherDomain),
    .lookalike("tp-wallet.io", "tokenpocket", imitates: "tpwallet.io", .otherDomain),
    .lookalike("imtoken.support@gmail.com", "imtoken", imitates: "support@token.im", .nameAtOtherMailDomain),
    .lookalike("help@imtoken-help.com", "imtoken", imitates: "support@token.im", .extraWords),
    .lookalike("@imToken_Support", "imtoken", imitates: "@imTokenOfficial", .extraWords),
    .lookalike("@imT0kenOfficial", "imtoken", imitates: "@imTokenOfficial", .digitsForLetters),
    .lookalike("https://x.com/imtoken_help", "imtoken", imitates: "@imTokenOfficial", .extraWords),
    .lookalike("@Ledger_Supp0rt", "ledger", imitates: "@Ledger_Support", .digitsForLetters),
    .lookalike("https://t.me/TokenPocket_Support", "tokenpocket", imitates: "tokenpocket.pro", .extraWords),
  ]

  static let unknownCases: [CheckCase] = [
    .unknown("google.com"),
    .unknown("https://revoke.cash/"),
    .unknown("etherscan.io"),
    .unknown("tokenimage.com"),
    .unknown("knowledgebase.com"),
    .unknown("bookx.com"),
    .unknown("okay.com"),
    .unknown("https://x.com/"),
    .unknown("@elonmusk"),
    .unknown("someone@gmail.com"),
    .unknown("https://medium.com/someone-else"),
  ]

  @Test(arguments: officialCases + lookalikeCases + unknownCases)
  func checkGivesTheExpectedVerdict(_ scenario: CheckCase) throws {
    let result = try Self.checker.check(scenario.input)
    #expect(result.verdict == scenario.verdict, "\(scenario.input): \(result.verdict) \(result.signals)")
    #expect(result.wallet?.id == scenario.wallet)
    switch scenario.verdict {
    case .official:
      #expect(result.channel?.kind.rawValue == scenario.expected)
      #expect(result.imitates == nil)
      #expect(result.exitCode == 0)
    case .lookalike:
      #expect(result.imitates?.value == scenario.expected)
      if let signal = scenario.signal { #expect(result.signals.contains(signal), "\(result.signals)") }
      #expect(result.exitCode == 3)
    case .unknown:
      #expect(result.channel == nil)
      #expect(result.imitates == nil)
      #expect(result.exitCode == 1)
    }
  }

  @Test func thereAreAtLeastTwentyOfficialAndTwentyLookalikeCases() {
    #expect(Self.officialCases.count >= 20)
    #expect(Self.lookalikeCases.count >= 20)
  }

  @Test(arguments: ["imtoken.fans", "https://imtoken.fans/t/topic/264", "@MetaMask", "@trezor", "https://discord.gg/imToken"])
  func unconfirmedEntriesAreNeverCalledOfficial(_ input: String) throws {
    let result = try Self.checker.check(input)
    #expect(result.verdict == .unknown)
    #expect(result.matchedUnconfirmedEntry)
    #expect(result.wallet != nil)
    #expect(result.exitCode == 1)
  }

  /// Every confirmed domain, URL and handle in the directory checks as official for its own
  /// wallet: a look-alike rule that caught a real channel would send people away from it.
  @Test func everyConfirmedEntryChecksOfficial() throws {
    let directory = try ChannelDirectory.bundled()
    for wallet in directory.wallets {
      for entry in wallet.channels where !entry.uncertain && entry.kind != .inApp {
        let result = try Self.checker.check(entry.value)
        #expect(result.verdict == .official, "\(entry.value)")
        #expect(result.wallet?.id == wallet.id, "\(entry.value)")
      }
    }
  }

  @Test(arguments: ["", "   ", "two words.com", "https://", "a..b", "https://[::1]/", String(repeating: "a", count: 3000) + ".com"])
  func malformedInputIsAUsageError(_ input: String) {
    #expect(throws: InputError.self) { try Self.checker.check(input) }
  }

  @Test func malformedPunycodeIsRejectedNotGuessed() {
    #expect(throws: InputError.self) { try Self.checker.check("xn--9999999999a.com") }
  }

  @Test func inputErrorsNeverRepeatTheInput() {
    let input = "abandon ability able about above absent absorb abstract absurd abuse access accident"
    do {
      _ = try Self.checker.check(input)
      Issue.record("accepted a phrase")
    } catch {
      #expect(!error.message.english.contains("abandon"))
      #expect(!error.message.simplifiedChinese.contains("abandon"))
    }
  }
}
