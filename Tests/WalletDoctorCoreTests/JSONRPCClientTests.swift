import Foundation
import Testing

@testable import WalletDoctorCore

@Suite("JSON-RPC batches with an injected transport")
struct JSONRPCClientTests {
  let calls = [JSONRPCCall("eth_chainId"), JSONRPCCall("eth_blockNumber"), JSONRPCCall("eth_gasPrice")]

  func send(_ transport: FakeTransport) async throws(TransportFailure) -> [JSONRPCOutcome] {
    let client = JSONRPCClient(url: URL(string: "https://node.example")!, transport: transport)
    return try await client.send(calls, deadline: Deadline(after: .seconds(60))).outcomes
  }

  func isArray(_ request: HTTPRequest) -> Bool { request.body?.first == UInt8(ascii: "[") }

  @Test func answersAreMatchedByIDNotPosition() async throws {
    let transport = FakeTransport { _ in
      .init(status: 200, body: Data(#"[{"jsonrpc":"2.0","id":3,"result":"0x3"},{"jsonrpc":"2.0","id":1,"result":"0x1"},{"jsonrpc":"2.0","id":2,"error":{"code":-32000,"message":"boom"}}]"#.utf8))
    }
    let outcomes = try await send(transport)
    #expect(outcomes == [.result("0x1"), .error(code: -32000, message: "boom"), .result("0x3")])
    #expect(transport.requests.count == 1)
    #expect(transport.requests[0].method == .post)
    #expect(transport.requests[0].maxRedirects == 0)
  }

  @Test func aMissingIDIsAskedOnceMoreAlone() async throws {
    let transport = FakeTransport { request in
      if request.body?.first == UInt8(ascii: "[") {
        return FakeTransport.json(#"[{"jsonrpc":"2.0","id":1,"result":"0x1"},{"jsonrpc":"2.0","id":3,"result":"0x3"}]"#)
      }
      return FakeTransport.json(#"{"jsonrpc":"2.0","id":1,"result":"0x2"}"#)
    }
    let outcomes = try await send(transport)
    #expect(outcomes == [.result("0x1"), .result("0x2"), .result("0x3")])
    #expect(transport.requests.count == 2)
  }

  @Test func duplicateIDsMakeTheAnswerMalformed() async {
    let transport = FakeTransport { _ in
      FakeTransport.json(#"[{"jsonrpc":"2.0","id":1,"result":"0x1"},{"jsonrpc":"2.0","id":1,"result":"0x2"},{"jsonrpc":"2.0","id":3,"result":"0x3"}]"#)
    }
    await #expect { try await send(transport) } throws: { ($0 as? TransportFailure)?.kind == .malformed }
  }

  @Test func aSingleErrorObjectMeansNoBatchesAndFallsBackToSingleCalls() async throws {
    let transport = FakeTransport { request in
      if request.body?.first == UInt8(ascii: "[") {
        return FakeTransport.json(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"batch not supported"}}"#)
      }
      return FakeTransport.json(#"{"jsonrpc":"2.0","id":1,"result":"0x7"}"#)
    }
    let outcomes = try await send(transport)
    #expect(outcomes == [.result("0x7"), .result("0x7"), .result("0x7")])
    #expect(transport.requests.count == 4)
  }

  @Test(arguments: [
    (HTTPResponse(status: 200, body: Data("<html><body>Login to Wi-Fi</body></html>".utf8)), EndpointErrorKind.notJSON),
    (HTTPResponse(status: 200, body: Data(#"[{"jsonrpc":"2.0","id":1,"res"#.utf8)), .malformed),
    (HTTPResponse(status: 200, body: Data()), .notJSON),
    (HTTPResponse(status: 429, headers: ["retry-after": "30"], body: Data()), .rateLimited),
    (HTTPResponse(status: 503, body: Data("busy".utf8)), .httpStatus),
    (HTTPResponse(status: 301, headers: ["location": "https://elsewhere"], body: Data()), .httpStatus),
    (HTTPResponse(status: 200, body: Data(#""just a string""#.utf8)), .malformed),
  ])
  func faultsAreClassified(response: HTTPResponse, kind: EndpointErrorKind) async {
    let transport = FakeTransport { _ in response }
    await #expect { try await send(transport) } throws: { ($0 as? TransportFailure)?.kind == kind }
  }

  @Test func htmlAnswerIsWordedAsACaptivePortal() async {
    let transport = FakeTransport { _ in HTTPResponse(status: 200, body: Data("<!DOCTYPE html>".utf8)) }
    await #expect { try await send(transport) } throws: {
      ($0 as? TransportFailure)?.message.english.contains("captive portal") == true
    }
  }
}

@Suite("REST paths built from endpoint answers")
struct RESTPathTests {
  /// Found by the fuzzer: a parent "txid" with a character a URL path may not hold crashed
  /// URLComponents. Such values are encoded (and Esplora parents must be hex anyway).
  @Test func hostilePathCharactersAreEncodedNotFatal() {
    let client = RESTClient(
      base: URL(string: "https://mempool.example/api/")!, headers: [:], transport: FakeTransport { _ in throw CancellationError() })
    let url = client.url("/tx/4a5e1e4baab89f3]32518a88c31bc87f618f76673e2cc77ab2127b7afde da33b")
    #expect(url.absoluteString.hasPrefix("https://mempool.example/api/tx/4a5e1e4baab89f3%5D"))
    #expect(url.absoluteString.contains("%20"))
  }

  @Test func nonHexParentTxidsAreNotFollowed() {
    let inputs: [JSONValue] = [
      ["txid": .string("4a5e1e4baab89f3]32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"), "vout": 0],
      ["txid": .string(String(repeating: "ab", count: 32)), "vout": 1],
    ]
    #expect(BitcoinTransaction.distinctParents(inputs) == [String(repeating: "ab", count: 32)])
  }
}
