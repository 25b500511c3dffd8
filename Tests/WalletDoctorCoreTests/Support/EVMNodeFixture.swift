import Foundation
import TestSupport

@testable import WalletDoctorCore

/// A scripted EVM node for one scenario. Its answers follow the shapes of the execution-apis
/// conformance fixtures (`eth_getTransactionByHash`, receipts, `eth_feeHistory`, blocks): hex
/// quantities, extra fields the decoder must tolerate, `null` for unknown transactions.
struct EVMNodeFixture: Sendable {
  static let hash = "0x205405746564cbcf1dd53fb5ac92c7622d3792d82f03c59d9baddf2443d91864"
  static let sender = "0x7435ed30a8b4aeb0877cef0c6e8cffe834eb865f"
  static let recipient = "0x7dcd17433742f4c0ca53122ab541d0ba67fc27df"

  struct Transaction: Sendable {
    var type: UInt64 = 2
    var nonce: UInt64 = 7
    var value: UInt128 = 500_000_000_000_000_000
    var gas: UInt64 = 21_000
    var maxFeePerGas: UInt128? = 20_000_000_003
    var maxPriorityFeePerGas: UInt128? = 1_000_000_007
    var gasPrice: UInt128? = nil
    var to: String? = EVMNodeFixture.recipient
    var blockNumber: UInt64? = nil
  }

  struct Receipt: Sendable {
    var status: UInt64? = 1
    var blockNumber: UInt64
    var gasUsed: UInt64 = 21_000
    var effectiveGasPrice: UInt128 = 15_000_000_000
  }

  var chainId: UInt64 = 1
  var head: UInt64 = 19_000_000
  var transaction: Transaction? = Transaction()
  var receipt: Receipt? = nil
  var baseFees: [UInt128] = Array(repeating: 28_000_000_000, count: 10) + [30_000_000_000]
  var gasUsedRatios: [Double] = Array(repeating: 0.5, count: 10)
  /// Per block [p10, p50, p90].
  var rewards: [[UInt128]] = Array(repeating: [1_500_000_000, 2_000_000_000, 5_000_000_000], count: 10)
  var maxPriorityFee: UInt128? = 2_000_000_000
  var confirmedNonce: UInt64 = 7
  var pendingNonce: UInt64 = 8
  var balance: UInt128 = 1_000_000_000_000_000_000
  var batchSupport: JSONRPCNode.BatchSupport = .supported
  var delayMilliseconds = 0

  func node() -> JSONRPCNode {
    let fixture = self
    return JSONRPCNode(batchSupport: batchSupport, delayMilliseconds: delayMilliseconds) { method, params in
      fixture.answer(method, params)
    }
  }

  /// A local server answering as this node.
  func server() throws -> TestHTTPServer {
    let node = self.node()
    return try TestHTTPServer { request in node.reply(to: request) }
  }

  private func hex<T: BinaryInteger>(_ value: T) -> String { "\"0x" + String(value, radix: 16) + "\"" }

  func answer(_ method: String, _ params: [Any]) -> JSONRPCNode.Answer? {
    switch method {
    case "eth_chainId":
      return .result(hex(chainId))
    case "eth_getTransactionByHash":
      guard let transaction, (params.first as? String)?.lowercased() == Self.hash else { return .result("null") }
      return .result(transactionJSON(transaction))
    case "eth_getTransactionReceipt":
      guard let receipt, (params.first as? String)?.lowercased() == Self.hash else { return .result("null") }
      return .result(receiptJSON(receipt))
    case "eth_getBlockByNumber":
      return .result(
        """
        {"number":\(hex(head)),"hash":"0x\(String(repeating: "ab", count: 32))","baseFeePerGas":\(hex(baseFees.dropLast().last ?? 0)),\
        "gasLimit":"0x1c9c380","gasUsed":"0xe4e1c0","timestamp":"0x66a1b2c3","transactions":[],"withdrawals":[]}
        """)
    case "eth_feeHistory":
      let reward = rewards.map { "[" + $0.map(hex).joined(separator: ",") + "]" }.joined(separator: ",")
      let ratios = gasUsedRatios.map { String($0) }.joined(separator: ",")
      return .result(
        """
        {"oldestBlock":\(hex(head - 9)),"reward":[\(reward)],"baseFeePerGas":[\(baseFees.map(hex).joined(separator: ","))],\
        "gasUsedRatio":[\(ratios)],"baseFeePerBlobGas":["0x1","0x1"],"blobGasUsedRatio":[0]}
        """)
    case "eth_maxPriorityFeePerGas":
      guard let maxPriorityFee else { return .error(code: -32601, message: "the method eth_maxPriorityFeePerGas does not exist/is not available") }
      return .result(hex(maxPriorityFee))
    case "eth_getTransactionCount":
      let tag = params.count > 1 ? params[1] as? String : nil
      return .result(hex(tag == "pending" ? pendingNonce : confirmedNonce))
    case "eth_getBalance":
      return .result(hex(balance))
    default:
      return nil
    }
  }

  private func transactionJSON(_ transaction: Transaction) -> String {
    var fields = [
      "\"blockHash\":" + (transaction.blockNumber == nil ? "null" : "\"0x\(String(repeating: "cd", count: 32))\""),
      "\"blockNumber\":" + (transaction.blockNumber.map(hex) ?? "null"),
      "\"from\":\"\(Self.sender)\"", "\"gas\":\(hex(transaction.gas))", "\"hash\":\"\(Self.hash)\"",
      "\"input\":\"0x\"", "\"nonce\":\(hex(transaction.nonce))",
      "\"to\":" + (transaction.to.map { "\"\($0)\"" } ?? "null"),
      "\"transactionIndex\":" + (transaction.blockNumber == nil ? "null" : "\"0x0\""),
      "\"value\":\(hex(transaction.value))", "\"type\":\(hex(transaction.type))",
      "\"chainId\":\(hex(chainId))", "\"v\":\"0x1\"", "\"r\":\"0x88\"", "\"s\":\"0x2e\"",
    ]
    if let gasPrice = transaction.gasPrice { fields.append("\"gasPrice\":\(hex(gasPrice))") }
    if let maxFee = transaction.maxFeePerGas { fields.append("\"maxFeePerGas\":\(hex(maxFee))") }
    if let tip = transaction.maxPriorityFeePerGas { fields.append("\"maxPriorityFeePerGas\":\(hex(tip))") }
    if transaction.type >= 1 { fields.append("\"accessList\":[]") }
    return "{" + fields.joined(separator: ",") + "}"
  }

  private func receiptJSON(_ receipt: Receipt) -> String {
    let status = receipt.status.map { "\"status\":\(hex($0))," } ?? "\"root\":\"0x\(String(repeating: "ef", count: 32))\","
    return """
      {"blockHash":"0x\(String(repeating: "cd", count: 32))","blockNumber":\(hex(receipt.blockNumber)),"contractAddress":null,\
      "cumulativeGasUsed":\(hex(receipt.gasUsed)),"effectiveGasPrice":\(hex(receipt.effectiveGasPrice)),"from":"\(Self.sender)",\
      "gasUsed":\(hex(receipt.gasUsed)),"logs":[],"logsBloom":"0x00",\(status)"to":"\(Self.recipient)",\
      "transactionHash":"\(Self.hash)","transactionIndex":"0x0","type":"0x2"}
      """
  }
}
