import Foundation
import TestSupport
import Testing

/// The `diagnose` command as a user runs it: the real binary, a local node, stdout vs stderr, exit codes.
@Suite("walletdoctor diagnose (binary)")
struct DiagnoseCommandTests {
  static let hash = "0x205405746564cbcf1dd53fb5ac92c7622d3792d82f03c59d9baddf2443d91864"

  /// A node that knows the transaction as mined 10 blocks ago.
  func confirmingNode(chainId: String = "0x1") throws -> TestHTTPServer {
    let node = JSONRPCNode(results: [
      "eth_chainId": "\"\(chainId)\"",
      "eth_getTransactionByHash": """
        {"hash":"\(Self.hash)","from":"0x7435ed30a8b4aeb0877cef0c6e8cffe834eb865f","to":"0x7dcd17433742f4c0ca53122ab541d0ba67fc27df",\
        "nonce":"0x7","gas":"0x5208","type":"0x2","value":"0xde0b6b3a7640000","maxFeePerGas":"0x4a817c800",\
        "maxPriorityFeePerGas":"0x3b9aca00","gasPrice":"0x37e11d600","blockNumber":"0x121eac7","input":"0x"}
        """,
      "eth_getTransactionReceipt": """
        {"status":"0x1","blockNumber":"0x121eac7","gasUsed":"0x5208","effectiveGasPrice":"0x37e11d600","logs":[]}
        """,
      "eth_getBlockByNumber": #"{"number":"0x121ead0","baseFeePerGas":"0x2540be400","gasLimit":"0x1c9c380","gasUsed":"0xe4e1c0","timestamp":"0x1"}"#,
      "eth_feeHistory": #"{"oldestBlock":"0x121eac7","baseFeePerGas":["0x2540be400","0x2540be400"],"gasUsedRatio":[0.5],"reward":[["0x1","0x2","0x3"]]}"#,
      "eth_maxPriorityFeePerGas": "\"0x3b9aca00\"",
    ])
    return try TestHTTPServer { node.reply(to: $0) }
  }

  @Test func helpAndVersionWork() async throws {
    let help = try await CommandRunner.run(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("diagnose"))
    #expect(help.stdout.contains("never asks for your recovery phrase"))
    let diagnoseHelp = try await CommandRunner.run(["diagnose", "--help"])
    #expect(diagnoseHelp.stdout.contains("--rpc <NAME=URL>"))
    let version = try await CommandRunner.run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
  }

  @Test func jsonGoesToStdoutAndParses() async throws {
    let server = try confirmingNode()
    let outcome = try await CommandRunner.run(["diagnose", Self.hash, "--rpc", "ethereum=\(server.baseURL.absoluteString)", "--json"])
    #expect(outcome.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    #expect(object["schema"] as? String == "walletdoctor.diagnosis/1")
    #expect(object["status"] as? String == "confirmed")
    #expect(object["chain"] as? String == "ethereum")
    let transaction = try #require(object["transaction"] as? [String: Any])
    #expect(transaction["value_wei"] as? String == "1000000000000000000")
    #expect(transaction["confirmations"] as? Int == 10)
    #expect(server.requestCount == 1)
  }

  @Test func explorerLinkWithTrailingNewlineAndZhHansText() async throws {
    let server = try confirmingNode()
    let outcome = try await CommandRunner.run(
      ["diagnose", "https://etherscan.io/tx/\(Self.hash.uppercased().replacingOccurrences(of: "0X", with: "0x"))\n",
       "--rpc", "ethereum=\(server.baseURL.absoluteString)"],
      environment: ["LANG": "zh_CN.UTF-8"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("已在 Ethereum"))
    #expect(outcome.stdout.contains("客服绝不会索要"))
  }

  @Test(arguments: [
    ["diagnose", "not-a-hash"],
    ["diagnose", hash, "--chain", "dogechain"],
    ["diagnose", hash, "--chain", "bitcoin"],
    ["diagnose", hash, "--rpc", "ethereum"],
    ["diagnose", hash, "--rpc", "ethereum=http://rpc.public.example"],
    ["diagnose", hash, "--lang", "fr"],
    ["diagnose", hash, "--timeout", "0"],
  ])
  func usageErrorsExit64WithAMessageAndNoRequest(arguments: [String]) async throws {
    let server = try confirmingNode()
    var withEndpoint = arguments
    if !arguments.contains("--rpc") { withEndpoint += ["--rpc", "ethereum=\(server.baseURL.absoluteString)"] }
    let outcome = try await CommandRunner.run(withEndpoint)
    #expect(outcome.status == 64)
    #expect(outcome.stdout.isEmpty)
    #expect(!outcome.stderr.isEmpty)
    #expect(server.requestCount == 0)
  }

  @Test func pastedPhraseIsNeverEchoed() async throws {
    let phrase = "legal winner thank year wave sausage worth useful legal winner thank yellow"
    let outcome = try await CommandRunner.run(["diagnose", phrase])
    #expect(outcome.status == 65)
    #expect(outcome.stderr.contains("never ask"))
    #expect(!outcome.stdout.contains("sausage"))
    #expect(!outcome.stderr.contains("sausage"))
  }

  @Test func unreachableEndpointGivesUnknownAndExitTwo() async throws {
    let server = try ClosedPort()
    let outcome = try await CommandRunner.run(["diagnose", Self.hash, "--rpc", "ethereum=\(server.baseURL.absoluteString)", "-v"])
    #expect(outcome.status == 2)
    #expect(outcome.stdout.contains("Could not decide"))
    #expect(outcome.stdout.contains("connection was refused"))
  }
}
