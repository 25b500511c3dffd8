import Foundation
import TestSupport
import Testing

@testable import WalletDoctorCore

/// A deterministic random source (SplitMix64), so case ids are fixed in tests.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Answers every request with a fixed verdict and counts calls (for offline and fake-engine tests).
final class RecordingDiagnoser: TransactionDiagnosing, @unchecked Sendable {
  private let lock = NSLock()
  private var seen: [DiagnoseRequest] = []
  var requests: [DiagnoseRequest] { lock.withLock { seen } }

  func diagnose(_ request: DiagnoseRequest) async -> Diagnosis {
    lock.withLock { seen.append(request) }
    return Diagnosis(
      query: request.reference.normalized, chain: "ethereum", status: .pending,
      summary: LocalizedText(en: "Pending: waiting for a block.", zh: "待确认：正在等待出块。"))
  }
}

/// Shared fixtures for report tests.
enum ReportFixture {
  /// 2026-11-26 09:30:05 UTC.
  static let createdAt = Date(timeIntervalSince1970: 1_795_685_405)
  static let environment = ReportEnvironment(toolVersion: "0.1.0", operatingSystem: "Linux (test)")
  static let confirmedHash = "0x205405746564cbcf1dd53fb5ac92c7622d3792d82f03c59d9baddf2443d91864"
  static let pendingHash = "0x9c1f4e07ab1d1b2bfd2a7a4b1f1f9e5f0d6a5c3b2e1f0a9b8c7d6e5f4a3b2c1d"
  static let sender = "0x7435ed30a8b4aeb0877cef0c6e8cffe834eb865f"
  static let recipient = "0x7dcd17433742f4c0ca53122ab541d0ba67fc27df"

  static var directory: ChannelDirectory { try! ChannelDirectory.bundled() }
  static func wallet(_ id: String) -> WalletChannels { directory.wallet(id: id)! }

  static func caseID(seed: UInt64 = 42) -> CaseID {
    var generator = SeededGenerator(state: seed)
    return CaseID(using: &generator)
  }

  static func builder(_ diagnoser: any TransactionDiagnosing = RecordingDiagnoser()) throws -> ReportBuilder {
    ReportBuilder(diagnoser: diagnoser, secrets: try SecretRedactor.standard(), environment: environment)
  }

  /// Builds and writes a report into `parent`; returns the directory.
  static func write(
    _ input: ReportInput, diagnoser: any TransactionDiagnosing = RecordingDiagnoser(), in parent: URL,
    seed: UInt64 = 42, force: Bool = false, writer: ReportWriter = ReportWriter()
  ) async throws -> URL {
    let report = try await builder(diagnoser).build(input, caseID: caseID(seed: seed), createdAt: createdAt)
    return try writer.write(try ReportFiles.render(report), directoryName: report.directoryName, in: parent, force: force)
  }

  /// A finished stuck-transfer walk as `recover` saves it; `restartAnswer` may plant typed text.
  static func stuckTransferSession(restartAnswer: JSONValue = true, id: String = "20261126-091500-ab2c") -> RecoverySession {
    var session = RecoverySession(
      sessionID: id, flow: "stuck-transfer", wallet: .imtoken, language: .english, start: "transaction-hash", now: createdAt)
    session.path = [
      .init(step: "transaction-hash", answer: .string(pendingHash)), .init(step: "diagnosis", answer: "pending"),
      .init(step: "restart-wallet", answer: restartAnswer), .init(step: "still-pending", answer: "yes"),
    ]
    session.status = .completed
    session.currentStep = nil
    session.outcome = "speed-up"
    session.solved = false
    return session
  }

  static func stuckTransferRecovery(restartAnswer: JSONValue = true) throws -> ReportRecovery {
    let flow = try #require(try FlowLoader.bundled().first { $0.id == "stuck-transfer" })
    return ReportRecovery(session: stuckTransferSession(restartAnswer: restartAnswer), flow: flow)
  }

  static func read(_ directory: URL, _ name: String) -> String {
    String(decoding: FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) ?? Data(), as: UTF8.self)
  }

  static func json(_ directory: URL, _ name: String) throws -> [String: Any] {
    let data = try #require(FileManager.default.contents(atPath: directory.appendingPathComponent(name).path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// An EVM node on 127.0.0.1 that knows two transactions: one mined (confirmed), one pending.
  static func twoTransactionNode() throws -> TestHTTPServer {
    @Sendable func hex(_ value: UInt64) -> String { "\"0x" + String(value, radix: 16) + "\"" }
    @Sendable func transaction(_ hash: String, nonce: UInt64, block: UInt64?) -> String {
      """
      {"blockHash":\(block == nil ? "null" : "\"0x\(String(repeating: "cd", count: 32))\""),"blockNumber":\(block.map(hex) ?? "null"),\
      "from":"\(sender)","gas":"0x5208","hash":"\(hash)","input":"0x","nonce":\(hex(nonce)),"to":"\(recipient)",\
      "transactionIndex":\(block == nil ? "null" : "\"0x0\""),"value":"0x6f05b59d3b20000","type":"0x2","chainId":"0x1",\
      "v":"0x1","r":"0x88","s":"0x2e","maxFeePerGas":"0x4a817c803","maxPriorityFeePerGas":"0x3b9aca07","accessList":[]}
      """
    }
    let receipt = """
      {"blockHash":"0x\(String(repeating: "cd", count: 32))","blockNumber":"0x121eac7","contractAddress":null,\
      "cumulativeGasUsed":"0x5208","effectiveGasPrice":"0x37e11d600","from":"\(sender)","gasUsed":"0x5208","logs":[],\
      "logsBloom":"0x00","status":"0x1","to":"\(recipient)","transactionHash":"\(confirmedHash)","transactionIndex":"0x0","type":"0x2"}
      """
    let node = JSONRPCNode { method, params in
      let asked = (params.first as? String)?.lowercased()
      switch method {
      case "eth_chainId": return .result("\"0x1\"")
      case "eth_getTransactionByHash":
        if asked == confirmedHash { return .result(transaction(confirmedHash, nonce: 6, block: 18_999_991)) }
        if asked == pendingHash { return .result(transaction(pendingHash, nonce: 7, block: nil)) }
        return .result("null")
      case "eth_getTransactionReceipt":
        return .result(asked == confirmedHash ? receipt : "null")
      case "eth_getBlockByNumber":
        return .result(
          #"{"number":"0x121eac0","hash":"0x\#(String(repeating: "ab", count: 32))","baseFeePerGas":"0x6fc23ac00","gasLimit":"0x1c9c380","gasUsed":"0xe4e1c0","timestamp":"0x66a1b2c3","transactions":[]}"#
        )
      case "eth_feeHistory":
        let rewards = Array(repeating: #"["0x59682f00","0x77359400","0x12a05f200"]"#, count: 10).joined(separator: ",")
        let fees = Array(repeating: "\"0x684ee1800\"", count: 10).joined(separator: ",") + ",\"0x6fc23ac00\""
        let ratios = Array(repeating: "0.5", count: 10).joined(separator: ",")
        return .result(#"{"oldestBlock":"0x121eab7","reward":[\#(rewards)],"baseFeePerGas":[\#(fees)],"gasUsedRatio":[\#(ratios)]}"#)
      case "eth_maxPriorityFeePerGas": return .result("\"0x77359400\"")
      case "eth_getTransactionCount":
        return .result(params.count > 1 && (params[1] as? String) == "pending" ? "\"0x8\"" : "\"0x7\"")
      case "eth_getBalance": return .result("\"0xde0b6b3a7640000\"")
      default: return nil
      }
    }
    return try TestHTTPServer { node.reply(to: $0) }
  }
}
