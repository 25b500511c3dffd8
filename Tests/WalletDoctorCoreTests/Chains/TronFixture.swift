import Foundation
import TestSupport

/// A scripted java-tron HTTP API (`/wallet/*`, JSON POSTs) on 127.0.0.1.
///
/// The JSON mirrors the node's real shapes: `{}` for an unknown transaction, zero-valued fields
/// omitted (a TRX transfer's info has no `fee` and no `receipt.result`), `41…` hex addresses in
/// `raw_data`, hex `resMessage`, `contractResult` words, `chainParameter` key/value lists.
/// Values are invented for the tests.
struct TronFixture {
  static let txid = "7d3f0a5b9c1e2d4f6a8b0c2d4e6f8a0b1c3d5e7f9a1b3c5d7e9f0a2b4c6d8e0f"
  static let senderHex = "415a1b2c3d4e5f60718293a4b5c6d7e8f901234567"
  static let sender = "TJBeNKjChtifWXmRhqkBDSd5jgJCtD9GMF"
  static let recipientHex = "419f8e7d6c5b4a39281706f5e4d3c2b1a098765432"
  static let recipient = "TQWs8w972frwDTevox8eHnc9Gmy6ZCpeN6"
  static let usdtHex = "41a614f803b6fd780986a42c78ec9c7f77e6ded13c"
  static let usdt = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"

  var headNumber: Int64 = 66_900_000
  /// Block 0's id: mainnet unless set (Nile and Shasta have their own).
  var genesisBlockID = "00000000000000001ebf88508a03865c71d452e25f4d51194196a1d22b6653dc"
  var headTimestamp: Int64 = 1_731_300_000_000
  /// `gettransactionbyid` body (`{}` when not in a block).
  var transaction = "{}"
  /// `gettransactioninfobyid` body.
  var info = "{}"
  /// `gettransactionfrompending` body.
  var pending = "{}"
  var balanceSun: Int64 = 50_000_000
  var energyLimit: Int64 = 0
  var freeNetUsed: Int64 = 0
  var energyPriceSun: Int64 = 100
  var delayMilliseconds = 0
  /// When set, every call answers java-tron's error object instead.
  var errorObject: String?
  /// Called with every request before it is answered (an ``ArrivalBarrier`` may hold it).
  var onRequest: (@Sendable (TestHTTPServer.Request) -> Void)?

  func server() throws -> TestHTTPServer {
    let fixture = self
    return try TestHTTPServer { request in
      fixture.onRequest?(request)
      return fixture.reply(to: request)
    }
  }

  func reply(to request: TestHTTPServer.Request) -> TestHTTPServer.Reply {
    guard request.method == "POST" else { return .text("405", status: 405) }
    if let errorObject { return .json(errorObject) }
    func json(_ text: String) -> TestHTTPServer.Reply { .json(text, delayMilliseconds: delayMilliseconds) }
    switch request.path {
    case "/wallet/gettransactionbyid": return json(transaction)
    case "/wallet/gettransactioninfobyid": return json(info)
    case "/wallet/gettransactionfrompending": return json(pending)
    case "/wallet/getnowblock":
      return json(
        #"{"blockID":"0000000003fcd2a0aaaa","block_header":{"raw_data":{"number":\#(headNumber),"txTrieRoot":"00","witness_address":"41e7860196ad5b5718c1d6326babab039b70b8c1cd","parentHash":"00","version":32,"timestamp":\#(headTimestamp)},"witness_signature":"00"},"transactions":[]}"#)
    case "/wallet/getblockbynum":
      // Block 0: java-tron omits the zero `number`; the genesis allocations are left out here.
      return json(
        #"{"blockID":"\#(genesisBlockID)","block_header":{"raw_data":{"txTrieRoot":"00","witness_address":"41206e65772073797374656d206d75737420616c6c6f77206578697374696e672073797374656d7320746f206265206c696e6b656420746f67657468657220776974686f757420726571756972696e6720616e792063656e7472616c20636f6e74726f6c206f7220636f6f7264696e6174696f6e","parentHash":"957dc2d350daecc7bb6a38f3938ebde0a0c1cedafe15f0edae4256a2907449f6"}},"transactions":[]}"#)
    case "/wallet/getchainparameters":
      // Zero-valued parameters carry no "value" (as java-tron omits zero fields).
      return json(
        #"{"chainParameter":[{"key":"getMaintenanceTimeInterval","value":21600000},{"key":"getAccountUpgradeCost","value":9999000000},{"key":"getTransactionFee","value":1000},{"key":"getAllowMultiSign"},{"key":"getEnergyFee","value":\#(energyPriceSun)},{"key":"getTotalEnergyLimit","value":180000000000}]}"#)
    case "/wallet/getaccount":
      return json(
        balanceSun == 0 ? #"{"address":"\#(Self.senderHex)","create_time":1700000000000}"#
          : #"{"address":"\#(Self.senderHex)","balance":\#(balanceSun),"create_time":1700000000000,"net_window_size":28800000}"#)
    case "/wallet/getaccountresource":
      return json(
        #"{"freeNetUsed":\#(freeNetUsed),"freeNetLimit":600,"TotalNetLimit":43200000000,"TotalNetWeight":68305209098\#(energyLimit > 0 ? #","EnergyLimit":\#(energyLimit)"# : ""),"TotalEnergyLimit":180000000000,"TotalEnergyWeight":2411528185}"#)
    default:
      return .text("Not Found", status: 404)
    }
  }

  // MARK: - Transaction bodies

  /// A TRX TransferContract.
  static func trxTransfer(amount: Int64, expiration: Int64, ret: String? = "SUCCESS") -> String {
    #"{"ret":[\#(ret.map { #"{"contractRet":"\#($0)"}"# } ?? "")],"signature":["ab"],"txID":"\#(txid)","raw_data":{"contract":[{"parameter":{"value":{"amount":\#(amount),"owner_address":"\#(senderHex)","to_address":"\#(recipientHex)"},"type_url":"type.googleapis.com/protocol.TransferContract"},"type":"TransferContract"}],"ref_block_bytes":"1c8b","ref_block_hash":"d78785ed02dd918f","expiration":\#(expiration),"timestamp":\#(expiration - 60_000)},"raw_data_hex":"0a02"}"#
  }

  /// A USDT-TRC20 `transfer(recipient, amount)` call.
  static func usdtTransfer(amount: UInt64, feeLimit: Int64, expiration: Int64, ret: String? = "SUCCESS") -> String {
    let recipientWord = String(repeating: "0", count: 24) + String(recipientHex.dropFirst(2))
    let amountHex = String(amount, radix: 16)
    let amountWord = String(repeating: "0", count: 64 - amountHex.count) + amountHex
    return #"{"ret":[\#(ret.map { #"{"contractRet":"\#($0)"}"# } ?? "")],"signature":["ab"],"txID":"\#(txid)","raw_data":{"contract":[{"parameter":{"value":{"data":"a9059cbb\#(recipientWord)\#(amountWord)","owner_address":"\#(senderHex)","contract_address":"\#(usdtHex)"},"type_url":"type.googleapis.com/protocol.TriggerSmartContract"},"type":"TriggerSmartContract"}],"ref_block_bytes":"1c8b","ref_block_hash":"d78785ed02dd918f","expiration":\#(expiration),"fee_limit":\#(feeLimit),"timestamp":\#(expiration - 60_000)},"raw_data_hex":"0a02"}"#
  }

  static func hex(_ text: String) -> String { Data(text.utf8).map { String(format: "%02x", $0) }.joined() }
}
