import Foundation
import Testing

@testable import WalletDoctorCore

@Suite struct ChannelDirectoryTests {
  @Test func bundledDirectoryLoadsAllEightWalletsInOrder() throws {
    let directory = try ChannelDirectory.bundled()
    #expect(directory.wallets.map(\.id) == ["imtoken", "metamask", "trust", "tokenpocket", "okx", "coinbase", "ledger", "trezor"])
  }

  @Test func everyWalletHasAPlaceToSendARequestAndWhatItWillNeverDo() throws {
    for wallet in try ChannelDirectory.bundled().wallets {
      #expect(wallet.supportEmail != nil || wallet.requestForm != nil, "\(wallet.id)")
      #expect(!wallet.never.isEmpty, "\(wallet.id)")
      #expect(!wallet.officialDomains.isEmpty, "\(wallet.id)")
    }
  }

  @Test func supportEmailIsOnlyAnAddressMeantForSupport() throws {
    let directory = try ChannelDirectory.bundled()
    #expect(directory.wallet(id: "imtoken")?.supportEmail?.value == "support@token.im")
    #expect(directory.wallet(id: "tokenpocket")?.supportEmail?.value == "service@tokenpocket.pro")
    // security@coinbase.com is for impersonation reports only.
    #expect(directory.wallet(id: "coinbase")?.supportEmail == nil)
    #expect(directory.wallet(id: "metamask")?.ticketForm?.value == "https://support.metamask.io/hc/en-us/requests/new")
  }

  @Test(arguments: [("imToken", "imtoken"), ("Trust Wallet", "trust"), ("trust-wallet", "trust"), ("TP", "tokenpocket"), ("OKX", "okx")])
  func findsWalletsByNameOrAlias(_ name: String, _ id: String) throws {
    #expect(try ChannelDirectory.bundled().wallet(named: name)?.id == id)
  }

  @Test func unknownWalletNameIsNil() throws {
    #expect(try ChannelDirectory.bundled().wallet(named: "nosuchwallet") == nil)
    #expect(try ChannelDirectory.bundled().wallet(named: "--") == nil)
  }

  @Test func uncertainFactsFromTheReferenceAreMarkedUncertain() throws {
    let directory = try ChannelDirectory.bundled()
    let uncertain = Set(directory.wallets.flatMap(\.channels).filter(\.uncertain).map(\.value))
    for value in ["@MetaMask", "@MetaMaskSupport", "@TrustWallet", "@trezor", "https://imtoken.fans", "@TokenPocket_TP"] {
      #expect(uncertain.contains(value), "\(value)")
    }
  }

  static let goodIndex = Data(#"{"schema":"walletdoctor.channels-index/1","wallets":["demo"]}"#.utf8)

  static func wallet(_ channels: String, never: String = #"[{"text":{"en":"x","zh-Hans":"x"},"verified":"2026-01-01","source":"https://example.org"}]"#, words: String = #"[{"word":"demo","match":"contains","imitates":"demo.example"}]"#) -> Data {
    Data(
      """
      {"schema":"walletdoctor.channels/1","wallet":"demo","name":"Demo","aliases":["demo"],
       "lookalike_words":\(words),"channels":\(channels),"never":\(never)}
      """.utf8)
  }

  @Test func aValidMinimalDirectoryLoads() throws {
    let channels = #"""
      [{"kind":"domain","value":"demo.example","verified":"2026-01-01","source":"https://demo.example/about"},
       {"kind":"help_center","value":"https://help.demo.example","verified":"2026-01-01","source":"https://demo.example/about"}]
      """#
    let directory = try ChannelDirectoryLoader.decode(files: ["index.json": Self.goodIndex, "demo.json": Self.wallet(channels)])
    #expect(directory.wallets.first?.officialDomains == ["demo.example"])
  }

  @Test func everyProblemIsReportedAtOnce() {
    let channels = #"""
      [{"kind":"domain","value":"Demo.Example","verified":"yesterday","source":"a friend"},
       {"kind":"email","value":"not-an-address","verified":"2026-01-01","source":"https://demo.example"},
       {"kind":"social","value":"@demo","verified":"2026-01-01","source":"https://demo.example"},
       {"kind":"help_center","value":"http://help.demo.example","verified":"2026-01-01","source":"https://demo.example"}]
      """#
    let files = [
      "index.json": Self.goodIndex,
      "demo.json": Self.wallet(channels, never: "[]", words: #"[{"word":"Demo","match":"contains","imitates":"other.example"}]"#),
      "stray.json": Data("{}".utf8),
    ]
    do {
      _ = try ChannelDirectoryLoader.decode(files: files)
      Issue.record("an invalid directory loaded")
    } catch {
      let text = error.problems.joined(separator: "\n")
      for expected in [
        "stray.json is not listed", "is not yyyy-MM-dd", "source must be an https:// URL", "lower-case host name",
        "not an e-mail address", "needs a purpose", "needs a platform", "not an https:// URL", "never is empty",
        "must be lower-case ASCII", "not one of this wallet's domains",
      ] {
        #expect(text.contains(expected), "missing: \(expected)")
      }
    }
  }

  @Test func malformedJSONAndMissingFilesAreProblemsNotCrashes() {
    let index = Data(#"{"schema":"walletdoctor.channels-index/1","wallets":["demo","gone"]}"#.utf8)
    do {
      _ = try ChannelDirectoryLoader.decode(files: ["index.json": index, "demo.json": Data("{".utf8)])
      Issue.record("loaded")
    } catch {
      #expect(error.problems.contains { $0.hasPrefix("demo.json: not a valid wallet file") })
      #expect(error.problems.contains { $0.contains("gone.json is listed in index.json but missing") })
    }
    #expect(throws: ChannelDirectoryError.self) { try ChannelDirectoryLoader.decode(files: [:]) }
  }

  @Test func aDomainClaimedByTwoWalletsIsRejected() {
    let index = Data(#"{"schema":"walletdoctor.channels-index/1","wallets":["demo","copy"]}"#.utf8)
    let channels = #"""
      [{"kind":"domain","value":"demo.example","verified":"2026-01-01","source":"https://demo.example"},
       {"kind":"help_center","value":"https://help.demo.example","verified":"2026-01-01","source":"https://demo.example"}]
      """#
    let copy = String(decoding: Self.wallet(channels), as: UTF8.self).replacingOccurrences(of: #""wallet":"demo""#, with: #""wallet":"copy""#)
    do {
      _ = try ChannelDirectoryLoader.decode(files: ["index.json": index, "demo.json": Self.wallet(channels), "copy.json": Data(copy.utf8)])
      Issue.record("loaded")
    } catch {
      #expect(error.problems.contains { $0.contains("listed for both demo and copy") })
    }
  }
}
