import Foundation
import TestSupport
import Testing

/// The config file as a user meets it: found by flag or environment, applied below the flags,
/// its mistakes reported with file, line and key, and its secrets never printed.
@Suite("Config file (binary)")
struct ConfigFileCommandTests {
  static let hash = "0x205405746564cbcf1dd53fb5ac92c7622d3792d82f03c59d9baddf2443d91864"
  static let apiKey = "c0nf1g-ap1-k3y-9f8e7d6c5b4a"

  /// A node that knows the transaction as mined; records the requests it gets.
  func node(chainId: String = "0x1") throws -> TestHTTPServer {
    let node = JSONRPCNode(results: [
      "eth_chainId": "\"\(chainId)\"",
      "eth_getTransactionByHash": """
        {"hash":"\(Self.hash)","from":"0x7435ed30a8b4aeb0877cef0c6e8cffe834eb865f","to":"0x7dcd17433742f4c0ca53122ab541d0ba67fc27df",\
        "nonce":"0x7","gas":"0x5208","type":"0x2","value":"0x1","maxFeePerGas":"0x4a817c800",\
        "maxPriorityFeePerGas":"0x3b9aca00","blockNumber":"0x10","input":"0x"}
        """,
      "eth_getTransactionReceipt": #"{"status":"0x1","blockNumber":"0x10","gasUsed":"0x5208","effectiveGasPrice":"0x37e11d600"}"#,
      "eth_getBlockByNumber": #"{"number":"0x20","baseFeePerGas":"0x1","gasLimit":"0x1c9c380","gasUsed":"0x0","timestamp":"0x1"}"#,
      "eth_feeHistory": #"{"oldestBlock":"0x10","baseFeePerGas":["0x1","0x1"],"gasUsedRatio":[0.5],"reward":[["0x1","0x2","0x3"]]}"#,
      "eth_maxPriorityFeePerGas": "\"0x1\"",
      "eth_blockNumber": "\"0x20\"",
    ])
    return try TestHTTPServer { node.reply(to: $0) }
  }

  func write(_ text: String, in folder: TemporaryDirectory, name: String = "config.toml", mode: Int = 0o600) -> String {
    let path = folder.url.appendingPathComponent(name).path
    #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: mode]))
    return path
  }

  @Test func configEndpointsWithHeadersAreUsedAndNeverShown() async throws {
    let server = try node()
    let folder = TemporaryDirectory()
    let path = write(
      """
      [[endpoints.ethereum]]
      url = "\(server.baseURL.absoluteString)/v3/\(Self.apiKey)"
      headers = { "x-api-key" = "\(Self.apiKey)" }
      """, in: folder, mode: 0o644)
    let outcome = try await CommandRunner.run(["diagnose", Self.hash, "--chain", "ethereum", "--config", path, "--json"])
    #expect(outcome.status == 0)
    #expect(server.requestCount == 1)
    #expect(server.requests.first?.header("x-api-key") == Self.apiKey)
    #expect(server.requests.first?.path == "/v3/\(Self.apiKey)")
    let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    #expect(document["status"] as? String == "confirmed")
    let sources = try #require(document["sources"] as? [[String: Any]])
    #expect(sources.map { $0["endpoint"] as? String } == ["\(server.baseURL.absoluteString)/v3/***"])
    #expect(!outcome.stdout.contains(Self.apiKey))
    #expect(!outcome.stderr.contains(Self.apiKey))
    // Readable by others while holding a key: warned about, once.
    #expect(outcome.stderr.components(separatedBy: "chmod 600").count == 2)
  }

  @Test func theEnvironmentNamesTheFileAndRPCOverridesIt() async throws {
    let configured = try node()
    let given = try node()
    let folder = TemporaryDirectory()
    let path = write("[endpoints]\nethereum = \"\(configured.baseURL.absoluteString)\"\n", in: folder)
    let outcome = try await CommandRunner.run(
      ["diagnose", Self.hash, "--chain", "ethereum", "--rpc", "ethereum=\(given.baseURL.absoluteString)", "--json"],
      environment: ["WALLETDOCTOR_CONFIG": path])
    #expect(outcome.status == 0)
    #expect(given.requestCount == 1)
    #expect(configured.requestCount == 0)

    let fromEnvironment = try await CommandRunner.run(
      ["diagnose", Self.hash, "--chain", "ethereum", "--json"], environment: ["WALLETDOCTOR_CONFIG": path])
    #expect(fromEnvironment.status == 0)
    #expect(configured.requestCount == 1)
  }

  @Test func theDefaultLocationIsFoundThroughXDGConfigHome() async throws {
    let server = try node()
    let folder = TemporaryDirectory()
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("walletdoctor"), withIntermediateDirectories: true)
    _ = write("language = \"zh-Hans\"\n[endpoints]\nethereum = \"\(server.baseURL.absoluteString)\"\n", in: folder, name: "walletdoctor/config.toml")
    let outcome = try await CommandRunner.run(
      ["diagnose", Self.hash, "--chain", "ethereum"], environment: ["XDG_CONFIG_HOME": folder.path, "LANG": "en_US.UTF-8"])
    #expect(outcome.status == 0)
    #expect(server.requestCount == 1)
    #expect(outcome.stdout.contains("已在 Ethereum"))

    // --lang beats the file.
    let english = try await CommandRunner.run(
      ["diagnose", Self.hash, "--chain", "ethereum", "--lang", "en"], environment: ["XDG_CONFIG_HOME": folder.path])
    #expect(english.status == 0)
    #expect(!english.stdout.contains("已在"))
  }

  @Test func configTimeoutBoundsAHangingEndpoint() async throws {
    let server = try TestHTTPServer { _ in .script([.hang]) }
    defer { server.stop() }
    let folder = TemporaryDirectory()
    let path = write("timeout = 1\n[endpoints]\nethereum = \"\(server.baseURL.absoluteString)\"\n", in: folder)
    let started = ContinuousClock.now
    let outcome = try await CommandRunner.run(["diagnose", Self.hash, "--chain", "ethereum", "--config", path, "--json"])
    #expect(outcome.status == 2)
    #expect(ContinuousClock.now - started < .seconds(15))
    #expect(outcome.stdout.contains("\"timeout\""))
  }

  @Test func flagsBeatTheFile() async throws {
    let hanging = try TestHTTPServer { _ in .script([.hang]) }
    defer { hanging.stop() }
    let healthy = try node()
    let folder = TemporaryDirectory()
    let path = write(
      "timeout = 600\nmin_sources = 3\n[endpoints]\nethereum = [\"\(hanging.baseURL.absoluteString)\", \"\(healthy.baseURL.absoluteString)\"]\n",
      in: folder)

    // --timeout 1 ends a check the file would let run for ten minutes.
    let started = ContinuousClock.now
    let outcome = try await CommandRunner.run(
      ["endpoints", "--check", "--chain", "ethereum", "--config", path, "--timeout", "1", "--json"])
    #expect(ContinuousClock.now - started < .seconds(15))
    #expect(outcome.status == 0)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    let chain = try #require((document["chains"] as? [[String: Any]])?.first)
    #expect(chain["required_sources"] as? Int == 3, "min_sources from the file")
    let endpoints = try #require(chain["endpoints"] as? [[String: Any]])
    #expect(endpoints.map { $0["origin"] as? String } == ["config", "config"])
    #expect(endpoints.first?["error_kind"] as? String == "timeout")

    let flagged = try await CommandRunner.run(
      ["endpoints", "--check", "--chain", "ethereum", "--config", path, "--timeout", "1", "--min-sources", "1", "--json"])
    let flaggedChain = try #require(
      ((try JSONSerialization.jsonObject(with: Data(flagged.stdout.utf8)) as? [String: Any])?["chains"] as? [[String: Any]])?.first)
    #expect(flaggedChain["required_sources"] as? Int == 1, "--min-sources beats the file")
  }

  @Test(arguments: [
    ("timeout = \"soon\"\n", "config.toml:1: key 'timeout'"),
    ("\n[endpoints]\nethereum = \"ftp://node.example\"\n", "config.toml:3: key 'endpoints.ethereum'"),
    ("colour = \"red\"\n", "config.toml:1: key 'colour': unknown key"),
    ("x = [1,\n", "config.toml:1: key 'x'"),
  ])
  func mistakesStopEveryCommandWithFileLineAndKey(text: String, expected: String) async throws {
    let server = try node()
    let folder = TemporaryDirectory()
    let path = write(text, in: folder)
    for arguments in [
      ["diagnose", Self.hash, "--rpc", "ethereum=\(server.baseURL.absoluteString)", "--config", path],
      ["channels", "--config", path],
    ] {
      let outcome = try await CommandRunner.run(arguments)
      #expect(outcome.status == 64)
      #expect(outcome.stdout.isEmpty)
      #expect(outcome.stderr.contains(expected), "\(outcome.stderr)")
    }
    #expect(server.requestCount == 0)
    let chinese = try await CommandRunner.run(["channels", "--config", path, "--lang", "zh-Hans"])
    #expect(chinese.stderr.contains("第"))
  }

  @Test func aNamedFileThatIsMissingIsAnError() async throws {
    let outcome = try await CommandRunner.run(["channels", "--config", "/nonexistent/walletdoctor.toml"])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("/nonexistent/walletdoctor.toml"))
    let fromEnvironment = try await CommandRunner.run(["channels"], environment: ["WALLETDOCTOR_CONFIG": "/nonexistent/x.toml"])
    #expect(fromEnvironment.status == 64)
  }

  @Test(arguments: [["--min-sources", "0"], ["--min-sources", "x"], ["--timeout", "601"]])
  func badNetworkFlagsAreUsageErrors(flags: [String]) async throws {
    let outcome = try await CommandRunner.run(["diagnose", Self.hash, "--rpc", "ethereum=http://127.0.0.1:9"] + flags)
    #expect(outcome.status == 64)
  }
}
