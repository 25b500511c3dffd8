import Foundation
import TestSupport

/// A scripted Esplora REST API (optionally with mempool.space's extensions) on 127.0.0.1.
///
/// The JSON mirrors the real shapes: `/tx/:txid` as blockstream.info and mempool.space return
/// it (`fee`, `weight`, `status`, `vin[].sequence`), the plain-text 404 "Transaction not found",
/// `/fee-estimates` with string keys in arbitrary order and float noise, mempool.space's
/// `/v1/fees/mempool-blocks`, `/v1/fees/recommended` and `/v1/tx/:txid/rbf` trees whose vsizes
/// are fractional. All values here are invented for the tests.
struct EsploraFixture {
  static let txid = "4e2f1c9a7b3d5e6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7"
  static let parentTxid = "1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b"
  static let replacementTxid = "9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c"

  /// A transaction as `/tx/:txid` shows it.
  struct Transaction {
    var txid: String
    var fee: Int64
    var weight: Int64
    var blockHeight: Int64?
    var sequences: [UInt32] = [0xffff_fffd]
    var parents: [String] = [EsploraFixture.parentTxid]
    var version = 2

    var json: String {
      let inputs = zip(parents, sequences + Array(repeating: sequences.last ?? 0xffff_ffff, count: max(0, parents.count - sequences.count)))
        .enumerated().map { index, pair in
          #"{"txid":"\#(pair.0)","vout":\#(index),"prevout":{"scriptpubkey_type":"v0_p2wpkh","value":100000},"scriptsig":"","witness":["3044","02ab"],"is_coinbase":false,"sequence":\#(pair.1)}"#
        }.joined(separator: ",")
      let status = blockHeight.map {
        #"{"confirmed":true,"block_height":\#($0),"block_hash":"00000000000000000001aaaa","block_time":1730000000}"#
      } ?? #"{"confirmed":false}"#
      return #"{"txid":"\#(txid)","version":\#(version),"locktime":0,"vin":[\#(inputs)],"vout":[{"scriptpubkey_type":"v0_p2wpkh","value":50000}],"size":222,"weight":\#(weight),"sigops":1,"fee":\#(fee),"status":\#(status)}"#
    }
  }

  var tip: Int64 = 870_000
  /// `/block-height/0` (the genesis hash, as plain text); mainnet unless set, nil answers 404.
  var genesis: String? = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f"
  /// The asked transaction; nil answers 404 "Transaction not found".
  var transaction: Transaction? = Transaction(txid: EsploraFixture.txid, fee: 2_820, weight: 561)
  /// Other transactions the server knows (parents).
  var others: [String: Transaction] = [
    EsploraFixture.parentTxid: Transaction(
      txid: EsploraFixture.parentTxid, fee: 1_000, weight: 800, blockHeight: 869_990, parents: ["2c" + String(repeating: "2c", count: 31)])
  ]
  /// `/fee-estimates` body; nil answers 500.
  var feeEstimates: String? = #"{"144":1.027,"6":12.5,"2":26.000000000000004,"25":3.1,"3":21.9,"1008":1,"10":9.2}"#
  /// `/mempool` vsize; nil answers 404.
  var mempoolVSize: Int64? = 2_400_000
  /// mempool.space extensions; nil makes them 404 as on a plain Esplora.
  var projectedBlockMinimums: [(vsize: Double, minimum: Double)]? = [
    (997_953.25, 25.5), (997_963, 18.000000000000004), (997_821.25, 9.5), (3_385_616.5, 1.2),
  ]
  var minimumFee: Double? = 1
  /// `/v1/tx/:txid/rbf` body; nil answers 404 (a server without the extension).
  var rbf: String? = #"{"replacements":null,"replaces":null}"#
  /// Milliseconds each reply waits, to make overlap visible.
  var delayMilliseconds = 0
  /// Path prefix of the API base (`/api` as on mempool.space).
  var basePath = "/api"
  /// Called with every request before it is answered (an ``ArrivalBarrier`` may hold it).
  var onRequest: (@Sendable (TestHTTPServer.Request) -> Void)?

  func server() throws -> TestHTTPServer {
    let fixture = self
    return try TestHTTPServer { request in
      fixture.onRequest?(request)
      return fixture.reply(to: request)
    }
  }

  func baseURL(_ server: TestHTTPServer) -> String { server.baseURL.absoluteString + basePath }

  func reply(to request: TestHTTPServer.Request) -> TestHTTPServer.Reply {
    guard request.method == "GET", request.path.hasPrefix(basePath) else { return .text("Not Found", status: 404) }
    let path = String(request.path.dropFirst(basePath.count))
    func json(_ text: String) -> TestHTTPServer.Reply { .json(text, delayMilliseconds: delayMilliseconds) }
    func plain(_ text: String, status: Int) -> TestHTTPServer.Reply {
      .response(status: status, headers: ["Content-Type": "text/plain"], body: Data(text.utf8), delayMilliseconds: delayMilliseconds)
    }
    let notFound = plain("Transaction not found", status: 404)
    switch path {
    case "/blocks/tip/height":
      return .response(
        status: 200, headers: ["Content-Type": "text/plain"], body: Data(String(tip).utf8),
        delayMilliseconds: delayMilliseconds)
    case "/block-height/0":
      return genesis.map { plain($0, status: 200) } ?? plain("Block not found", status: 404)
    case "/fee-estimates":
      return feeEstimates.map(json) ?? plain("Internal Server Error", status: 500)
    case "/mempool":
      return mempoolVSize.map {
        json(#"{"count":5123,"vsize":\#($0),"total_fee":41234567,"fee_histogram":[[53.01,102131],[24.34,112619],[2.92,239701]]}"#)
      } ?? plain("Not Found", status: 404)
    case "/v1/fees/mempool-blocks":
      guard let blocks = projectedBlockMinimums else { return plain("Not Found", status: 404) }
      let items = blocks.map { block in
        #"{"blockSize":1700000,"blockVSize":\#(block.vsize),"nTx":3000,"totalFees":9000000,"medianFee":\#(block.minimum + 1),"feeRange":[\#(block.minimum),\#(block.minimum + 0.5),\#(block.minimum + 2),\#(block.minimum + 40)]}"#
      }
      return json("[" + items.joined(separator: ",") + "]")
    case "/v1/fees/recommended":
      guard let minimumFee else { return plain("Not Found", status: 404) }
      return json(#"{"fastestFee":26,"halfHourFee":19,"hourFee":10,"economyFee":\#(minimumFee * 2),"minimumFee":\#(minimumFee)}"#)
    default:
      break
    }
    if path.hasPrefix("/v1/tx/") && path.hasSuffix("/rbf") {
      return rbf.map(json) ?? plain("Not Found", status: 404)
    }
    if path.hasPrefix("/tx/") {
      let txid = String(path.dropFirst("/tx/".count))
      if let transaction, transaction.txid == txid { return json(transaction.json) }
      if let other = others[txid] { return json(other.json) }
      return notFound
    }
    return plain("Not Found", status: 404)
  }

  /// A mempool.space RBF tree in which `replacementTxid` replaced the asked transaction.
  static func replacementTree(mined: Bool = false) -> String {
    #"""
    {"replacements":{"tx":{"txid":"\#(replacementTxid)","fee":4200,"vsize":140.25,"value":97000,"rate":29.946524064171122,"time":1730000400,"rbf":true,"fullRbf":false\#(mined ? #","mined":true"# : "")},"time":1730000400,"fullRbf":false,"replaces":[{"tx":{"txid":"\#(txid)","fee":2820,"vsize":140.25,"value":98380,"rate":20.106951871657753,"time":1730000000,"rbf":true},"time":1730000000,"interval":400,"fullRbf":false,"replaces":[]}]},"replaces":null}
    """#
  }
}
