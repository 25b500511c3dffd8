import Foundation
import TestSupport
import Testing

@testable import WalletDoctorCore

/// Endpoints that misbehave on purpose: for each, no crash, bounded time, the right
/// classification, and the right verdict from the remaining healthy endpoint.
@Suite("Endpoint faults")
struct ResilienceTests {
  typealias Fixture = EVMNodeFixture

  /// A healthy node that has the transaction mined.
  func healthyServer() throws -> TestHTTPServer {
    var fixture = Fixture()
    fixture.receipt = .init(status: 1, blockNumber: 18_999_999)
    return try fixture.server()
  }

  func diagnose(
    _ urls: [URL], timeout: Duration = .seconds(60), minimumSources: Int? = nil, retry: RetryPolicy = .standard
  ) async throws -> Diagnosis {
    var endpoints: [EndpointSpec] = []
    for url in urls {
      endpoints.append(try EndpointSpec.parse("ethereum=\(url.absoluteString)", registry: .builtIn))
    }
    let request = DiagnoseRequest(
      reference: try TransactionReference.parse(Fixture.hash), endpoints: endpoints, timeout: timeout,
      minimumSources: minimumSources)
    return await DiagnosisEngine(transport: CurlTransport.shared, retryPolicy: retry).diagnose(request)
  }

  /// A faulty endpoint first, a healthy one second; returns the diagnosis and the faulty source.
  func faultyThenHealthy(
    _ reply: @escaping @Sendable (TestHTTPServer.Request) -> TestHTTPServer.Reply, timeout: Duration = .seconds(60)
  ) async throws -> (Diagnosis, SourceReport) {
    let faulty = try TestHTTPServer(handler: reply)
    defer { faulty.stop() }
    let diagnosis = try await diagnose([faulty.baseURL, try healthyServer().baseURL], timeout: timeout)
    return (diagnosis, diagnosis.sources[0])
  }

  static let body = Data(#"[{"jsonrpc":"2.0","id":1,"result":"0x1"}]"#.utf8)

  static func head(length: Int, contentType: String = "application/json") -> Data {
    Data("HTTP/1.1 200 OK\r\nContent-Type: \(contentType)\r\nContent-Length: \(length)\r\n\r\n".utf8)
  }

  @Test func slowlorisEndpointIsAbandonedAndTheHealthyOneDecides() async throws {
    let (diagnosis, source) = try await faultyThenHealthy { _ in
      .script([.trickle(Self.head(length: 4096) + Data(repeating: 0x20, count: 4096), chunk: 1, intervalMilliseconds: 200)])
    }
    #expect(diagnosis.status == .confirmed)
    #expect(source.ok == false)
    #expect(source.errorKind == .abandoned)
  }

  @Test func connectionResetMidBodyIsInterrupted() async throws {
    let (diagnosis, source) = try await faultyThenHealthy { _ in
      .script([.send(Self.head(length: 1000) + Data(#"[{"jsonrpc":"2.0","id":1,"#.utf8)), .close])
    }
    #expect(diagnosis.status == .confirmed)
    #expect(source.errorKind == .interrupted)
    #expect(source.error?.english.contains("middle of the answer") == true)
  }

  @Test func resetBeforeAnyAnswerIsConnect() async throws {
    let (diagnosis, source) = try await faultyThenHealthy { _ in .script([.close]) }
    #expect(diagnosis.status == .confirmed)
    #expect(source.errorKind == .connect)
  }

  @Test func truncatedJSONIsMalformed() async throws {
    let truncated = Data(#"[{"jsonrpc":"2.0","id":1,"result":"0x1"},{"jsonrpc":"2.0","#.utf8)
    let (diagnosis, source) = try await faultyThenHealthy { _ in
      .response(status: 200, headers: ["Content-Type": "application/json"], body: truncated, delayMilliseconds: 0)
    }
    #expect(diagnosis.status == .confirmed)
    #expect(source.errorKind == .malformed)
  }

  @Test func hugeBodyIsCutAtTheCap() async throws {
    let (diagnosis, source) = try await faultyThenHealthy { _ in
      .script([.send(Self.head(length: 50 * 1024 * 1024)), .stream(byte: 0x20, count: 50 * 1024 * 1024)])
    }
    #expect(diagnosis.status == .confirmed)
    #expect(source.errorKind == .tooLarge)
    #expect(source.error?.english.contains("8 MiB") == true)
  }

  @Test func chunkedHugeBodyIsCutToo() async throws {
    // No Content-Length: CURLOPT_MAXFILESIZE cannot stop this, the write callback must.
    var chunked = Data("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
    let piece = Data(repeating: 0x20, count: 1024 * 1024)
    for _ in 0..<12 { chunked += Data("100000\r\n".utf8) + piece + Data("\r\n".utf8) }
    chunked += Data("0\r\n\r\n".utf8)
    let body = chunked
    let (diagnosis, source) = try await faultyThenHealthy { _ in .script([.send(body)]) }
    #expect(diagnosis.status == .confirmed)
    #expect(source.errorKind == .tooLarge)
  }

  @Test func jsonWithTheWrongContentTypeIsStillUsed() async throws {
    var fixture = Fixture()
    fixture.receipt = .init(status: 1, blockNumber: 18_999_999)
    let node = fixture.node()
    let server = try TestHTTPServer { request in
      guard case .response(let status, _, let body, _) = node.reply(to: request) else { return .text("?") }
      return .response(status: status, headers: ["Content-Type": "text/html"], body: body, delayMilliseconds: 0)
    }
    let diagnosis = try await diagnose([server.baseURL])
    #expect(diagnosis.status == .confirmed)
    #expect(diagnosis.sources[0].ok)
  }

  @Test func reorderedBatchAnswersAreMatchedByID() async throws {
    var fixture = Fixture()
    fixture.receipt = .init(status: 1, blockNumber: 18_999_999)
    let node = fixture.node()
    let server = try TestHTTPServer { request in
      guard case .response(let status, let headers, let body, _) = node.reply(to: request),
        let items = try? JSONSerialization.jsonObject(with: body) as? [Any]
      else { return node.reply(to: request) }
      let reversed = try! JSONSerialization.data(withJSONObject: Array(items.reversed()))
      return .response(status: status, headers: headers, body: reversed, delayMilliseconds: 0)
    }
    let diagnosis = try await diagnose([server.baseURL])
    #expect(diagnosis.status == .confirmed)
  }

  @Test func duplicatedIDsMakeTheEndpointMalformed() async throws {
    let duplicated = Data(#"[{"jsonrpc":"2.0","id":1,"result":"0x1"},{"jsonrpc":"2.0","id":1,"result":"0x1"}]"#.utf8)
    let (diagnosis, source) = try await faultyThenHealthy { _ in
      .response(status: 200, headers: ["Content-Type": "application/json"], body: duplicated, delayMilliseconds: 0)
    }
    #expect(diagnosis.status == .confirmed)
    #expect(source.errorKind == .malformed)
  }

  @Test func resultOfTheWrongTypeIsMalformed() async throws {
    let fixture = Fixture()
    let node = JSONRPCNode { method, params in
      method == "eth_getBlockByNumber" ? .result(#""latest""#) : fixture.answer(method, params)
    }
    let (diagnosis, source) = try await faultyThenHealthy { node.reply(to: $0) }
    #expect(diagnosis.status == .confirmed)
    #expect(source.errorKind == .malformed)
    #expect(source.error?.english.contains("eth_getBlockByNumber") == true)
  }

  @Test func rateLimitedEndpointIsRetriedAfterRetryAfter() async throws {
    var fixture = Fixture()
    fixture.receipt = .init(status: 1, blockNumber: 18_999_999)
    let counted = CountingNode(node: fixture.node())
    let countingServer = try TestHTTPServer { request in counted.reply(to: request) }
    let diagnosis = try await diagnose([countingServer.baseURL])
    #expect(diagnosis.status == .confirmed)
    let exchanges = countingServer.exchanges
    try #require(exchanges.count == 2)
    #expect(exchanges[1].request.receivedAt - exchanges[0].repliedAt >= .milliseconds(900))
  }

  @Test func retryAfterBeyondTheDeadlineGivesUpAtOnceAndFailsOver() async throws {
    let (diagnosis, source) = try await faultyThenHealthy(
      { _ in .text("come back tomorrow", status: 429, headers: ["Retry-After": "3600"]) })
    #expect(diagnosis.status == .confirmed)
    #expect(source.errorKind == .rateLimited)
    #expect(source.error?.english.contains("3600") == true)
  }

  @Test func serverErrorsAreRetriedThreeTimesAtMost() async throws {
    let failing = try TestHTTPServer { _ in .text("oops", status: 503) }
    let diagnosis = try await diagnose(
      [failing.baseURL], retry: RetryPolicy(jitter: { _ in .milliseconds(1) }))
    #expect(diagnosis.status == .unknown)
    #expect(diagnosis.sources[0].errorKind == .httpStatus)
    #expect(failing.requestCount == 3)
  }

  @Test func otherClientErrorsAreNotRetried() async throws {
    let failing = try TestHTTPServer { _ in .text("forbidden", status: 403) }
    let diagnosis = try await diagnose([failing.baseURL], retry: RetryPolicy(jitter: { _ in .milliseconds(1) }))
    #expect(diagnosis.status == .unknown)
    // A 4xx to the batch means "no batches": the six single calls are tried once each.
    #expect(failing.requestCount == 7)
  }

  @Test func redirectsAreNotFollowedForJSONRPC() async throws {
    let (diagnosis, source) = try await faultyThenHealthy { _ in
      .response(status: 301, headers: ["Location": "/elsewhere"], body: Data(), delayMilliseconds: 0)
    }
    #expect(diagnosis.status == .confirmed)
    #expect(source.errorKind == .httpStatus)
  }

  @Test func restRedirectLoopsStopAfterThreeHops() async throws {
    let loop = try TestHTTPServer { request in
      .response(status: 302, headers: ["Location": request.path + "x"], body: Data(), delayMilliseconds: 0)
    }
    await #expect {
      try await CurlTransport.shared.send(.get(loop.baseURL.appendingPathComponent("tx"), timeout: .seconds(60)))
    } throws: { ($0 as? TransportFailure)?.kind == .httpStatus }
    #expect(loop.requestCount == 4)
  }

  @Test func everyEndpointHangingEndsAtTheDeadlineAsUnknown() async throws {
    let hanging = try TestHTTPServer { _ in .script([.hang]) }
    let alsoHanging = try TestHTTPServer { _ in .script([.hang]) }
    defer {
      hanging.stop()
      alsoHanging.stop()
    }
    let diagnosis = try await diagnose([hanging.baseURL, alsoHanging.baseURL], timeout: .seconds(2))
    #expect(diagnosis.status == .unknown)
    #expect(diagnosis.exitCode == 2)
    #expect(diagnosis.sources.allSatisfy { $0.errorKind == .timeout })
  }

  @Test func notFoundFromOneOfTwoEndpointsCarriesASingleSourceWarning() async throws {
    var fixture = Fixture()
    fixture.transaction = nil
    let answering = try fixture.server()
    let broken = try TestHTTPServer { _ in .text("<html>blocked</html>", contentType: "text/html") }
    let diagnosis = try await diagnose([answering.baseURL, broken.baseURL])
    #expect(diagnosis.status == .notFound)
    #expect(diagnosis.exitCode == 1)
    let warning = diagnosis.findings.first { $0.code == .singleSource }
    #expect(warning?.evidence["endpoint"] == .string(answering.baseURL.absoluteString))
    #expect(diagnosis.sources[1].errorKind == .notJSON)
  }

  @Test func twoAgreeingEndpointsNeedNoWarningAndAThirdIsNotAsked() async throws {
    var fixture = Fixture()
    fixture.transaction = nil
    let first = try fixture.server()
    let second = try fixture.server()
    let third = try fixture.server()
    let diagnosis = try await diagnose([first.baseURL, second.baseURL, third.baseURL])
    #expect(diagnosis.status == .notFound)
    #expect(!diagnosis.findings.contains { $0.code == .singleSource })
    #expect(third.requestCount == 0)
    #expect(diagnosis.sources.count == 2)
  }

  @Test func aSlowEndpointIsHedgedByTheNextOne() async throws {
    var slow = Fixture()
    slow.receipt = .init(status: 1, blockNumber: 18_999_999)
    slow.delayMilliseconds = 3000
    var fast = Fixture()
    fast.receipt = .init(status: 1, blockNumber: 18_999_999)
    let slowServer = try slow.server()
    let fastServer = try fast.server()
    defer { slowServer.stop() }
    let diagnosis = try await diagnose([slowServer.baseURL, fastServer.baseURL], minimumSources: 1)
    #expect(diagnosis.status == .confirmed)
    // Only one endpoint is needed (min sources 1); the second is asked once the first is slow.
    #expect(fastServer.requestCount == 1)
    #expect(diagnosis.sources[0].errorKind == .abandoned)
  }

  @Test func minSourcesAboveTheEndpointsAvailableWarns() async throws {
    var fixture = Fixture()
    fixture.transaction = nil
    let diagnosis = try await diagnose([try fixture.server().baseURL], minimumSources: 2)
    #expect(diagnosis.status == .notFound)
    #expect(diagnosis.findings.contains { $0.code == .singleSource })
  }

  @Test func apiKeysNeverAppearInErrorMessages() async throws {
    let key = "f00dfeedf00dfeedf00dfeedf00dfeed"
    let echoing = try TestHTTPServer { request in
      .json(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32000,"message":"invalid project id \#(key) for \#(request.path)"}}"#)
    }
    let endpoint = try EndpointSpec.parse("ethereum=\(echoing.baseURL.absoluteString)/v3/\(key)", registry: .builtIn)
    let request = DiagnoseRequest(reference: try TransactionReference.parse(Fixture.hash), endpoints: [endpoint])
    let diagnosis = await DiagnosisEngine(transport: CurlTransport.shared).diagnose(request)
    for language in Language.allCases {
      let json = try JSONOutput.string(DiagnosisDocument(diagnosis, language: language))
      #expect(!json.contains(key))
    }
    #expect(diagnosis.status == .unknown)
  }

  @Test func untrustedCertificateIsRefused() async throws {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/tls/tls_server.py")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script.path]
    let output = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardInput = input
    // Never inherit the test's stderr: a lingering child holding it would keep `swift test` waiting.
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer {
      try? input.fileHandleForWriting.close()  // the server exits when its stdin closes
      kill(process.processIdentifier, SIGKILL)
    }
    // The server prints its port as its first line and keeps running: read up to the newline only.
    let reader = output.fileHandleForReading
    let portData = try await onDedicatedThread {
      var portData = Data()
      while !portData.contains(UInt8(ascii: "\n")) {
        let chunk = reader.availableData
        if chunk.isEmpty { break }
        portData += chunk
      }
      return portData
    }
    let portLine = String(decoding: portData, as: UTF8.self)
    let port = try #require(Int(portLine.trimmingCharacters(in: .whitespacesAndNewlines)))
    let diagnosis = try await diagnose([URL(string: "https://127.0.0.1:\(port)")!])
    #expect(diagnosis.status == .unknown)
    #expect(diagnosis.sources[0].errorKind == .tls)
    #expect(diagnosis.sources[0].error?.english.contains("not trusted") == true)
  }
}

/// Wraps a node so the first request is rate limited and the rest are answered.
final class CountingNode: @unchecked Sendable {
  let node: JSONRPCNode
  private let lock = NSLock()
  private var count = 0

  init(node: JSONRPCNode) { self.node = node }

  func reply(to request: TestHTTPServer.Request) -> TestHTTPServer.Reply {
    let first = lock.withLock {
      count += 1
      return count == 1
    }
    return first ? .text("slow down", status: 429, headers: ["Retry-After": "1"]) : node.reply(to: request)
  }
}
