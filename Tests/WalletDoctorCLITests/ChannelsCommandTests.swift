import Foundation
import TestSupport
import Testing

/// `walletdoctor channels` as a user runs it: the real binary, stdout vs stderr, exit codes.
@Suite("walletdoctor channels (binary)", .serialized)
struct ChannelsCommandTests {
  @Test(arguments: [
    ("support.token.im", Int32(0), "official"), ("https://imt0ken.org/download", 3, "lookalike"),
    ("token.im.evil.com", 3, "lookalike"), ("@imTokenOfficial", 0, "official"), ("support@token.im", 0, "official"),
    ("imtoken.support@gmail.com", 3, "lookalike"), ("example.com", 1, "unknown"), ("@MetaMask", 1, "unknown"),
  ])
  func checkExitsWithTheVerdictsCodeAndPrintsJSON(_ input: String, _ status: Int32, _ verdict: String) async throws {
    let outcome = try await runCommand(["channels", "--check", input, "--json"])
    #expect(outcome.status == status)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    #expect(object["verdict"] as? String == verdict)
    #expect(object["input"] as? String == input)
    for key in ["input", "verdict", "wallet", "channel", "imitates", "schema", "message"] {
      #expect(object.keys.contains(key), "\(key)")
    }
    #expect(object["schema"] as? String == "walletdoctor.channel-check/1")
    #expect(outcome.stderr.isEmpty)
  }

  @Test func lookalikeTextNamesTheImitatedChannelAndTheRealOnes() async throws {
    let outcome = try await runCommand(["channels", "--check", "https://token.im@evil.example/login"])
    #expect(outcome.status == 3)
    #expect(outcome.stdout.contains("NOT OFFICIAL"))
    #expect(outcome.stdout.contains("evil.example"))
    #expect(outcome.stdout.contains("token.im"))
    #expect(outcome.stdout.contains("support@token.im"))
    #expect(outcome.stdout.contains("never"))
  }

  @Test func chineseOutputFollowsTheLocale() async throws {
    let outcome = try await runCommand(["channels", "--check", "imtoken-support.com"], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(outcome.status == 3)
    #expect(outcome.stdout.contains("不是官方渠道"))
    #expect(outcome.stdout.contains("冒充 imToken"))
  }

  @Test func listingOneWalletAsJSONCarriesSourcesAndDates() async throws {
    let outcome = try await runCommand(["channels", "--wallet", "Trust Wallet", "--json"])
    #expect(outcome.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    #expect(object["schema"] as? String == "walletdoctor.channel-directory/1")
    let wallets = try #require(object["wallets"] as? [[String: Any]])
    #expect(wallets.count == 1)
    #expect(wallets[0]["wallet"] as? String == "trust")
    let channels = try #require(wallets[0]["channels"] as? [[String: Any]])
    #expect(channels.allSatisfy { ($0["source"] as? String)?.isEmpty == false && ($0["verified"] as? String)?.count == 10 })
    #expect(channels.contains { $0["uncertain"] as? Bool == true })
  }

  @Test func listingAllWalletsAsText() async throws {
    let outcome = try await runCommand(["channels"])
    #expect(outcome.status == 0)
    for name in ["imToken", "MetaMask", "Trust Wallet", "TokenPocket", "OKX Wallet", "Coinbase Wallet", "Ledger", "Trezor"] {
      #expect(outcome.stdout.contains(name), "\(name)")
    }
    #expect(outcome.stdout.contains("[?]"))
  }

  @Test func unknownWalletAndBadInputAreUsageErrors() async throws {
    let wallet = try await runCommand(["channels", "--wallet", "nosuch"])
    #expect(wallet.status == 64)
    #expect(wallet.stderr.contains("--wallet"))
    let empty = try await runCommand(["channels", "--check", "  "])
    #expect(empty.status == 64)
    let both = try await runCommand(["channels", "--check", "token.im", "--wallet", "imtoken"])
    #expect(both.status == 64)
  }

  @Test(arguments: [PlantedSecrets.englishPhrase, PlantedSecrets.hexKey, PlantedSecrets.wifCompressedK])
  func aSecretGivenToCheckIsRefusedAndNotEchoed(_ secret: String) async throws {
    let outcome = try await runCommand(["channels", "--check", secret, "--json"])
    #expect(outcome.status == 65)
    #expect(outcome.stdout.isEmpty)
    #expect(!outcome.stderr.contains(secret))
    #expect(!outcome.stderr.contains("abandon abandon"))
  }
}
