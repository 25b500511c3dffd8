import Foundation
import TestSupport
import Testing

@testable import WalletDoctorCore

/// A bare 64-hex hash may be Bitcoin, TRON or an EVM hash typed without `0x`: every candidate
/// chain is asked at once and whichever has it decides.
@Suite("Chain detection from a bare hash")
struct BareHashDetectionTests {
  /// The three families' servers, each slow enough that concurrency shows in the timestamps.
  struct Servers {
    var evm: TestHTTPServer
    var bitcoin: TestHTTPServer
    var tron: TestHTTPServer
    var bitcoinBase: String

    var all: [TestHTTPServer] { [evm, bitcoin, tron] }
  }

  // Long enough that scheduling noise on a busy machine cannot fake (or hide) the overlap.
  static let delay = 1_000

  func servers(bitcoin: EsploraFixture, tron: TronFixture) throws -> Servers {
    var evm = EVMNodeFixture()
    evm.transaction = nil
    evm.delayMilliseconds = Self.delay
    var bitcoin = bitcoin
    bitcoin.delayMilliseconds = Self.delay
    var tron = tron
    tron.delayMilliseconds = Self.delay
    let bitcoinServer = try bitcoin.server()
    return Servers(
      evm: try evm.server(), bitcoin: bitcoinServer, tron: try tron.server(), bitcoinBase: bitcoin.baseURL(bitcoinServer))
  }

  func diagnose(_ hash: String, _ servers: Servers, extra: [String] = []) async throws -> Diagnosis {
    let registry = ChainRegistry.builtIn
    let arguments = [
      "ethereum=\(servers.evm.baseURL.absoluteString)", "bitcoin=\(servers.bitcoinBase)",
      "tron=\(servers.tron.baseURL.absoluteString)",
    ] + extra
    let endpoints = try arguments.map { try EndpointSpec.parse($0, registry: registry) }
    let request = DiagnoseRequest(reference: try TransactionReference.parse(hash), endpoints: endpoints, timeout: .seconds(10))
    return await DiagnosisEngine(transport: CurlTransport.shared, registry: registry).diagnose(request)
  }

  /// Every server's first request arrived before each other server had finished replying: had
  /// the chains been asked one after another, a later chain's first request would come only
  /// after an earlier chain's last reply.
  func expectConcurrentFirstLooks(_ servers: Servers) {
    let all = servers.all
    #expect(all.allSatisfy { $0.requestCount > 0 }, "every candidate chain was asked")
    for (index, server) in all.enumerated() {
      guard let firstArrival = server.requests.map(\.receivedAt).min() else { continue }
      for (otherIndex, other) in all.enumerated() where otherIndex != index {
        guard let lastReply = other.exchanges.map(\.repliedAt).max() else { continue }
        #expect(firstArrival < lastReply, "server \(index) was asked only after server \(otherIndex) had answered")
      }
    }
  }

  @Test func bareHashFoundOnTRONIsReportedAsTRONAfterAskingAllThreeAtOnce() async throws {
    var tron = TronFixture()
    tron.transaction = TronFixture.trxTransfer(amount: 2_000_000, expiration: tron.headTimestamp - 60_000)
    tron.info = #"{"id":"\#(TronFixture.txid)","blockNumber":66899999,"contractResult":[""],"receipt":{"net_usage":265}}"#
    var bitcoin = EsploraFixture()
    bitcoin.transaction = nil
    let servers = try servers(bitcoin: bitcoin, tron: tron)
    let diagnosis = try await diagnose(TronFixture.txid, servers)

    #expect(diagnosis.status == .confirmed)
    #expect(diagnosis.chain == "tron")
    #expect(diagnosis.query == TronFixture.txid, "a bare hash is reported without 0x")
    #expect(Set(diagnosis.sources.map(\.chain)) == ["ethereum", "bitcoin", "tron"])
    #expect(diagnosis.sources.allSatisfy { $0.ok })
    expectConcurrentFirstLooks(servers)
    // The EVM node was asked for the hash with its 0x prefix.
    let evmRequest = try #require(servers.evm.requests.first)
    #expect(String(decoding: evmRequest.body, as: UTF8.self).contains("0x\(TronFixture.txid)"))
    // One round trip each: a confirmed transaction needs nothing more anywhere.
    #expect(servers.evm.requestCount == 1)
    #expect(servers.tron.requestCount == 4)
    #expect(servers.bitcoin.requestCount == 7)
  }

  @Test func barePendingBitcoinHashTakesTwoSequentialRoundTripsInAll() async throws {
    var tron = TronFixture()
    tron.delayMilliseconds = Self.delay
    let servers = try servers(bitcoin: EsploraFixture(), tron: tron)
    let diagnosis = try await diagnose(EsploraFixture.txid, servers)

    #expect(diagnosis.status == .pending)
    #expect(diagnosis.chain == "bitcoin")
    expectConcurrentFirstLooks(servers)
    // Round trips, counted on the Bitcoin server: the parent lookup is the only request that
    // started after another reply — everything else was in the first wave.
    let exchanges = servers.bitcoin.exchanges
    let firstReply = try #require(exchanges.map(\.repliedAt).min())
    let later = exchanges.filter { $0.request.receivedAt >= firstReply }.map(\.request.path)
    #expect(later == ["/api/tx/\(EsploraFixture.parentTxid)"])
    // The other chains answered "absent" in their one round trip.
    #expect(servers.evm.requestCount == 1)
    #expect(servers.tron.requestCount == 4)
  }

  @Test func bareHashOnNoChainIsNotFoundOnlyWhenEveryChainAnswered() async throws {
    var bitcoin = EsploraFixture()
    bitcoin.transaction = nil
    let servers = try servers(bitcoin: bitcoin, tron: TronFixture())
    let diagnosis = try await diagnose(TronFixture.txid, servers)
    #expect(diagnosis.status == .notFound)
    #expect(diagnosis.exitCode == 1)
    #expect(diagnosis.chain == nil)
    #expect(diagnosis.summary.english.contains("ethereum, bitcoin, tron"))
  }

  @Test func bareHashWithOneChainSilentIsUnknownNotNotFound() async throws {
    var bitcoin = EsploraFixture()
    bitcoin.transaction = nil
    let evm = try EVMNodeFixture(transaction: nil).server()
    let bitcoinServer = try bitcoin.server()
    let deadTron = try TestHTTPServer { _ in .text("Service Unavailable", status: 503) }
    let registry = ChainRegistry.builtIn
    let endpoints = try [
      "ethereum=\(evm.baseURL.absoluteString)", "bitcoin=\(bitcoin.baseURL(bitcoinServer))",
      "tron=\(deadTron.baseURL.absoluteString)",
    ].map { try EndpointSpec.parse($0, registry: registry) }
    let request = DiagnoseRequest(reference: try TransactionReference.parse(TronFixture.txid), endpoints: endpoints)
    let diagnosis = await DiagnosisEngine(transport: CurlTransport.shared, registry: registry).diagnose(request)
    #expect(diagnosis.status == .unknown)
    #expect(diagnosis.exitCode == 2)
    #expect(diagnosis.findings.contains { $0.code == .endpointsUnavailable && $0.evidence["chain"] == .string("tron") })
  }

  @Test func zeroXHashNeverAsksBitcoinOrTRON() throws {
    let registry = ChainRegistry.builtIn
    let engine = DiagnosisEngine(transport: CurlTransport.shared, registry: registry)
    let planned = try engine.plan(DiagnoseRequest(reference: try TransactionReference.parse("0x" + TronFixture.txid)))
    #expect(!planned.isEmpty)
    #expect(planned.allSatisfy { $0.chain.family == .evm })
  }

  @Test func bareHashWithoutRPCPlansEveryFamilyWithItsDefaults() throws {
    let registry = ChainRegistry.builtIn
    let engine = DiagnosisEngine(transport: CurlTransport.shared, registry: registry)
    let planned = try engine.plan(DiagnoseRequest(reference: try TransactionReference.parse(TronFixture.txid)))
    let families = Set(planned.map(\.chain.family))
    #expect(families == [.evm, .bitcoin, .tron])
    let bitcoin = try #require(planned.first { $0.chain.name == "bitcoin" })
    #expect(bitcoin.endpoints.count >= 2)
    #expect(bitcoin.endpoints.allSatisfy { $0.api == .esplora && $0.url.scheme == "https" })
    let tron = try #require(planned.first { $0.chain.name == "tron" })
    #expect(tron.endpoints.count >= 2)
    #expect(tron.endpoints.allSatisfy { $0.api == .tronHTTP && $0.url.scheme == "https" })
  }

  @Test(arguments: [
    ("https://mempool.space/tx/\(EsploraFixture.txid)", "bitcoin"),
    ("https://blockstream.info/tx/\(EsploraFixture.txid)", "bitcoin"),
    ("https://tronscan.org/#/transaction/\(TronFixture.txid)", "tron"),
  ])
  func explorerLinksPlanOnlyTheirChain(link: String, chain: String) throws {
    let engine = DiagnosisEngine(transport: CurlTransport.shared, registry: .builtIn)
    let planned = try engine.plan(DiagnoseRequest(reference: try TransactionReference.parse(link)))
    #expect(planned.map(\.chain.name) == [chain])
  }

  @Test func bitcoinCoreEndpointIsPlannedWithItsAPI() throws {
    let registry = ChainRegistry.builtIn
    let spec = try EndpointSpec.parse("bitcoin=core+https://user:pass@node.example:8332", registry: registry)
    #expect(spec.api == .bitcoinCore)
    #expect(spec.displayURL == "https://***@node.example:8332")
    let engine = DiagnosisEngine(transport: CurlTransport.shared, registry: registry)
    let planned = try engine.plan(
      DiagnoseRequest(reference: try TransactionReference.parse(EsploraFixture.txid), endpoints: [spec]))
    #expect(planned.map(\.chain.name) == ["bitcoin"])
    #expect(planned[0].endpoints == [spec])
  }
}
