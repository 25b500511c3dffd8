import Foundation
import TestSupport
import Testing

/// `walletdoctor endpoints` as a user runs it, against local nodes only.
@Suite("walletdoctor endpoints (binary)")
struct EndpointsCommandTests {
  static let apiKey = "3ndp01nt-k3y-a1b2c3d4e5f6"

  func node(chainId: UInt64 = 1, head: UInt64 = 1_000) throws -> TestHTTPServer {
    let node = JSONRPCNode(results: [
      "eth_chainId": "\"0x\(String(chainId, radix: 16))\"", "eth_blockNumber": "\"0x\(String(head, radix: 16))\"",
    ])
    return try TestHTTPServer { node.reply(to: $0) }
  }

  @Test func listingShowsOriginsMaskedAndContactsNothing() async throws {
    let server = try node()
    let folder = TemporaryDirectory()
    let path = folder.url.appendingPathComponent("config.toml").path
    let config = """
      [[endpoints.ethereum]]
      url = "\(server.baseURL.absoluteString)/v3/\(Self.apiKey)"
      headers = { "X-Api-Key" = "\(Self.apiKey)" }
      """
    #expect(FileManager.default.createFile(atPath: path, contents: Data(config.utf8), attributes: [.posixPermissions: 0o600]))

    let text = try await CommandRunner.run(["endpoints", "--config", path, "--chain", "ethereum", "--chain", "bsc"])
    #expect(text.status == 0)
    #expect(text.stdout.contains("\(server.baseURL.absoluteString)/v3/***"))
    #expect(text.stdout.contains("config file · headers: x-api-key"))
    #expect(text.stdout.contains("https://bsc-dataseed.bnbchain.org  built-in"))
    #expect(!text.stdout.contains("Polygon"))
    #expect(!text.stdout.contains(Self.apiKey) && !text.stderr.contains(Self.apiKey))

    let json = try await CommandRunner.run(["endpoints", "--config", path, "--json"])
    #expect(json.status == 0)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(document["schema"] as? String == "walletdoctor.endpoints/1")
    #expect(document["checked"] as? Bool == false)
    #expect(document["config"] as? String == path)
    let chains = try #require(document["chains"] as? [[String: Any]])
    let ethereum = try #require(chains.first { $0["chain"] as? String == "ethereum" })
    let endpoints = try #require(ethereum["endpoints"] as? [[String: Any]])
    #expect(endpoints.count == 1)
    #expect(endpoints[0]["origin"] as? String == "config")
    #expect(endpoints[0]["headers"] as? [String] == ["x-api-key"])
    #expect(!json.stdout.contains(Self.apiKey))
    #expect(server.requestCount == 0)
  }

  @Test func checkFlagsAWrongChainAndADownEndpointAndExitsOneWhenAChainHasNone() async throws {
    let good = try node()
    let wrongChain = try node(chainId: 56)
    let down = try ClosedPort()
    let arguments = [
      "endpoints", "--check", "--rpc", "ethereum=\(good.baseURL.absoluteString)",
      "--rpc", "ethereum=\(wrongChain.baseURL.absoluteString)", "--rpc", "bsc=\(down.baseURL.absoluteString)",
    ]
    let outcome = try await CommandRunner.run(arguments, environment: ["LANG": "C.UTF-8"])
    #expect(outcome.status == 1)
    let lines = outcome.stdout.components(separatedBy: "\n")
    #expect(lines.contains { $0.hasPrefix("[!] Ethereum (ethereum, chain id 1): 1 of 2 endpoints healthy, head 1000") })
    #expect(lines.contains { $0.contains("[✓] \(good.baseURL.absoluteString)") && $0.contains("head 1000") && $0.contains("batch ok") })
    #expect(lines.contains { $0.contains("[✗] \(wrongChain.baseURL.absoluteString)") && $0.contains("wrong_chain: serves another network (56)") })
    #expect(lines.contains { $0.hasPrefix("[✗] BNB Smart Chain (bsc, chain id 56): 0 of 1 endpoint healthy") })
    #expect(lines.contains { $0.contains("[✗] \(down.baseURL.absoluteString)") && $0.contains("connect: ") })
    #expect(outcome.stdout.contains("No healthy endpoint for: bsc."))
    #expect(good.requestCount == 1, "one batch per endpoint")

    // ASCII markers without UTF-8 or with NO_COLOR.
    for environment in [["LANG": "C"], ["LANG": "C.UTF-8", "NO_COLOR": "1"]] {
      let plain = try await CommandRunner.run(arguments, environment: environment)
      #expect(plain.status == 1)
      #expect(plain.stdout.contains("[+] \(good.baseURL.absoluteString)"))
      #expect(plain.stdout.contains("[x] \(wrongChain.baseURL.absoluteString)"))
      #expect(!plain.stdout.contains("✓") && !plain.stdout.contains("✗"))
    }
  }

  @Test func checkExitsZeroWhenEveryChainHasAHealthyEndpoint() async throws {
    let first = try node(head: 2_000)
    let second = try node(head: 1_995)
    let outcome = try await CommandRunner.run(
      ["endpoints", "--check", "--json", "--rpc", "ethereum=\(first.baseURL.absoluteString)", "--rpc", "ethereum=\(second.baseURL.absoluteString)"])
    #expect(outcome.status == 0)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    #expect(document["checked"] as? Bool == true)
    #expect(document["healthy"] as? Bool == true)
    let chain = try #require((document["chains"] as? [[String: Any]])?.first)
    #expect(chain["status"] as? String == "ok")
    #expect(chain["best_head"] as? Int == 2_000)
    #expect(chain["healthy_endpoints"] as? Int == 2)
    let endpoints = try #require(chain["endpoints"] as? [[String: Any]])
    #expect(endpoints.map { $0["lag_blocks"] as? Int } == [0, 5])
    #expect(endpoints.allSatisfy { $0["ok"] as? Bool == true && $0["batch"] as? Bool == true && $0["error_kind"] is NSNull })
    #expect(endpoints.allSatisfy { $0["reported_network"] as? String == "1" })
  }

  @Test func checkSpeaksChinese() async throws {
    let down = try ClosedPort()
    let outcome = try await CommandRunner.run(
      ["endpoints", "--check", "--rpc", "ethereum=\(down.baseURL.absoluteString)"], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(outcome.status == 1)
    #expect(outcome.stdout.contains("1 个节点中 0 个健康"))
    #expect(outcome.stdout.contains("怎么做"))
    #expect(outcome.stdout.contains("连接被拒绝"))
  }

  @Test func aChainNamedWithoutEndpointsIsListedEmptyAndUnhealthy() async throws {
    let server = try node()
    let listing = try await CommandRunner.run(["endpoints", "--rpc", "ethereum=\(server.baseURL.absoluteString)", "--chain", "bsc"])
    #expect(listing.status == 0)
    #expect(listing.stdout.contains("(none; add one with --rpc bsc=URL"))
    let checked = try await CommandRunner.run(["endpoints", "--check", "--rpc", "ethereum=\(server.baseURL.absoluteString)", "--chain", "bsc"])
    #expect(checked.status == 1)
    #expect(server.requestCount == 0)
  }

  @Test(arguments: [["--chain", "dogecoin"], ["--rpc", "ethereum"], ["--timeout", "0"], ["--lang", "fr"]])
  func usageErrorsExit64(arguments: [String]) async throws {
    let outcome = try await CommandRunner.run(["endpoints", "--check"] + arguments + ["--rpc", "ethereum=http://127.0.0.1:9"])
    #expect(outcome.status == 64)
    #expect(outcome.stdout.isEmpty)
    #expect(!outcome.stderr.isEmpty)
  }
}
