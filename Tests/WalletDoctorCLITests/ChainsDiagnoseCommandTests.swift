import Foundation
import TestSupport
import Testing

/// `diagnose` for Bitcoin and TRON through the real binary: credentials and keys stay out of
/// stdout and stderr, addresses are base58, exit codes follow the contract.
@Suite("walletdoctor diagnose for Bitcoin and TRON (binary)")
struct ChainsDiagnoseCommandTests {
  static let txid = "7d3f0a5b9c1e2d4f6a8b0c2d4e6f8a0b1c3d5e7f9a1b3c5d7e9f0a2b4c6d8e0f"
  static let senderHex = "415a1b2c3d4e5f60718293a4b5c6d7e8f901234567"
  static let recipientHex = "419f8e7d6c5b4a39281706f5e4d3c2b1a098765432"

  func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> CommandRunner.Outcome {
    try await CommandRunner.run(arguments, environment: environment)
  }

  /// A java-tron API knowing the transaction in a block, or only in its pool.
  func tronNode(inBlock: Bool, headTimestamp: Int64 = 1_731_300_000_000) throws -> TestHTTPServer {
    let transaction = #"{"ret":[{"contractRet":"SUCCESS"}],"txID":"\#(Self.txid)","raw_data":{"contract":[{"parameter":{"value":{"amount":1500000,"owner_address":"\#(Self.senderHex)","to_address":"\#(Self.recipientHex)"},"type_url":"type.googleapis.com/protocol.TransferContract"},"type":"TransferContract"}],"expiration":\#(headTimestamp - 10_000),"timestamp":\#(headTimestamp - 70_000)}}"#
    return try TestHTTPServer { request in
      switch request.path {
      case "/wallet/getnowblock":
        return .json(#"{"block_header":{"raw_data":{"number":66900000,"timestamp":\#(headTimestamp)}}}"#)
      case "/wallet/gettransactionbyid": return .json(inBlock ? transaction : "{}")
      case "/wallet/gettransactioninfobyid":
        return .json(inBlock ? #"{"id":"\#(Self.txid)","blockNumber":66899995,"contractResult":[""],"receipt":{"net_usage":265}}"# : "{}")
      case "/wallet/gettransactionfrompending": return .json(inBlock ? "{}" : transaction)
      default: return .json("{}")
      }
    }
  }

  @Test func tronKeyFromTheEnvironmentIsSentButNeverPrinted() async throws {
    let key = "5e2d1c0b-aaaa-4bbb-8ccc-123456789abc"
    let server = try tronNode(inBlock: true)
    let outcome = try await run(
      ["diagnose", Self.txid, "--rpc", "tron=\(server.baseURL.absoluteString)", "-v"], environment: ["TRON_PRO_API_KEY": key])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("Confirmed on TRON"))
    #expect(outcome.stdout.contains("TJBeNKjChtifWXmRhqkBDSd5jgJCtD9GMF"), "base58 sender")
    #expect(outcome.stdout.contains("1.500000 TRX"))
    #expect(!outcome.stdout.contains(Self.senderHex))
    #expect(server.requests.allSatisfy { $0.header("tron-pro-api-key") == key })
    #expect(!outcome.stdout.contains(key) && !outcome.stderr.contains(key))
  }

  @Test func expiredTransactionExitsZeroWithItsOwnStatus() async throws {
    let server = try tronNode(inBlock: false)
    let outcome = try await run(["diagnose", Self.txid, "--rpc", "tron=\(server.baseURL.absoluteString)", "--json"])
    #expect(outcome.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    #expect(object["status"] as? String == "expired")
    #expect(object["chain"] as? String == "tron")
    let transaction = try #require(object["transaction"] as? [String: Any])
    #expect(transaction["from"] as? String == "TJBeNKjChtifWXmRhqkBDSd5jgJCtD9GMF")
  }

  @Test func bitcoinCoreCredentialsNeverReachStdoutOrStderr() async throws {
    let node = JSONRPCNode { method, _ in
      switch method {
      case "getrawtransaction", "getmempoolentry":
        return .error(code: -5, message: "No such mempool or blockchain transaction. Use gettransaction for wallet transactions.")
      case "getblockchaininfo": return .result(#"{"chain":"main","blocks":870000}"#)
      default: return .result("null")
      }
    }
    let server = try TestHTTPServer { node.reply(to: $0) }
    let password = "correct-horse-battery-staple"
    let outcome = try await run(
      ["diagnose", Self.txid, "--rpc", "bitcoin=core+http://alice:\(password)@127.0.0.1:\(server.port)", "-v"])
    #expect(outcome.status == 1, "−5 is an answer: not found")
    #expect(outcome.stdout.contains("bitcoin"))
    #expect(outcome.stderr.contains("http://***@127.0.0.1:\(server.port)"), "the plain-http warning shows the masked URL")
    for text in [outcome.stdout, outcome.stderr] {
      #expect(!text.contains(password))
      #expect(!text.contains("alice"))
    }
  }

  @Test func coreSchemeIsOnlyForBitcoin() async throws {
    let outcome = try await run(["diagnose", Self.txid, "--rpc", "tron=core+http://127.0.0.1:1"])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("core+"))
  }
}
