import Foundation
import TestSupport

/// Nodes shared by the binary tests of the commands built on diagnosis.
enum CommandFixtures {
  /// An Ethereum mainnet node that knows `hash` (a mined, successful transfer) and no other
  /// transaction, shared by the `recover` and `report` binary tests.
  static func node(knowing hash: String) -> JSONRPCNode {
    JSONRPCNode { method, params in
      let asked = (params.first as? String)?.lowercased()
      switch method {
      case "eth_chainId": return .result("\"0x1\"")
      case "eth_getTransactionByHash":
        guard asked == hash else { return .result("null") }
        return .result(
          #"{"blockHash":"0x\#(String(repeating: "cd", count: 32))","blockNumber":"0x121eac7","from":"0x7435ed30a8b4aeb0877cef0c6e8cffe834eb865f","gas":"0x5208","hash":"\#(hash)","input":"0x","nonce":"0x7","to":"0x7dcd17433742f4c0ca53122ab541d0ba67fc27df","transactionIndex":"0x0","value":"0xde0b6b3a7640000","type":"0x2","chainId":"0x1","maxFeePerGas":"0x4a817c800","maxPriorityFeePerGas":"0x3b9aca00"}"#
        )
      case "eth_getTransactionReceipt":
        guard asked == hash else { return .result("null") }
        return .result(#"{"status":"0x1","blockNumber":"0x121eac7","gasUsed":"0x5208","effectiveGasPrice":"0x37e11d600","logs":[]}"#)
      case "eth_getBlockByNumber":
        return .result(#"{"number":"0x121ead0","baseFeePerGas":"0x2540be400","gasLimit":"0x1c9c380","gasUsed":"0xe4e1c0","timestamp":"0x1"}"#)
      case "eth_feeHistory":
        return .result(#"{"oldestBlock":"0x121eac7","baseFeePerGas":["0x2540be400","0x2540be400"],"gasUsedRatio":[0.5],"reward":[["0x1","0x2","0x3"]]}"#)
      case "eth_maxPriorityFeePerGas": return .result("\"0x3b9aca00\"")
      case "eth_getTransactionCount": return .result("\"0x8\"")
      case "eth_getBalance": return .result("\"0x0\"")
      default: return nil
      }
    }
  }
}
