import Foundation
import TestSupport
import Testing

@testable import WalletDoctorCore

/// A bare 64-hex hash may be Bitcoin, TRON or an EVM hash typed without `0x`: every candidate
/// chain is asked at once and whichever has it decides.
@Suite("Chain detection from a bare hash")
struct BareHashDetectionTests {
  /// The three families' servers. Until the Bitcoin server's whole first wave, the EVM node and
  /// the TRON API have all been asked, every reply is held (an ``ArrivalBarrier``): the barrier
  /// only opens if the chains were asked together.
  struct Servers {
    var evm: TestHTTPServer
    var bitcoin: TestHTTPServer
    var tron: TestHTTPServer
    var bitcoinBase: String
    var together: ArrivalBarrier
  }

  /// Each reply also waits this long, so a request that had to wait for an answer shows it.
  static let delay = 300

  /// The seven paths of the Esplora first wave for `txid`.
  static func bitcoinFirstWave(_ txid: String) -> Set<String> {
    [
      "/api/tx/\(txid)", "/api/blocks/tip/height", "/api/fee-estimates", "/api/mempool", "/api/v1/fees/mempool-blocks",
      "/api/v1/fees/recommended", "/api/v1/tx/\(txid)/rbf", "/api/block-height/0",
    ]
  }

  func servers(asked txid: String, bitcoin: EsploraFixture, tron: TronFixture) throws -> Servers {
    let together = ArrivalBarrier(expecting: Self.bitcoinFirstWave(txid).union(["evm", "tron"]))
    let evmNode = {
      var evm = EVMNodeFixture()
      evm.transaction = nil
      evm.delayMilliseconds = Self.delay
      return evm.node()
    }()
    var bitcoin = bitcoin
    bitcoin.delayMilliseconds = Self.delay
    bitcoin.onRequest = { together.arrive($0.path) }
    var tron = tron
    tron.delayMilliseconds = Self.delay
    tron.onRequest = { _ in together.arrive("tron") }
    let bitcoinServer = try bitcoin.server()
    let evmServer = try TestHTTPServer { request in
      together.arrive("evm")
      return evmNode.reply(to: request)
    }
    return Servers(
      evm: evmServer, bitcoin: bitcoinServer, tron: try tron.server(), bitcoinBase: bitcoin.baseURL(bitcoinServer),
      together: together)
  }

  func diagnose(_ hash: String, _ servers: Servers) async throws -> Diagnosis {
    let registry = ChainRegistry.builtIn
    let arguments = [
      "ethereum=\(servers.evm.baseURL.absoluteString)", "bitcoin=\(servers.bitcoinBase)",
      "tron=\(servers.tron.baseURL.absoluteString)",
    ]
    let endpoints = try arguments.map { try EndpointSpec.parse($0, registry: registry) }
    let request = DiagnoseRequest(reference: try TransactionReference.parse(hash), endpoints: endpoints, timeout: .seconds(60))
    return await DiagnosisEngine(transport: CurlTransport.shared, registry: registry).diagnose(request)
  }

  @Test func bareHashFoundOnTRONIsReportedAsTRONAfterAskingAllThreeAtOnce() async throws {
    var tron = TronFixture()
    tron.transaction = TronFixture.trxTransfer(amount: 2_000_000, expiration: tron.headTimestamp - 60_000)
    tron.info = #"{"id":"\#(TronFixture.txid)","blockNumber":66899999,"contractResult":[""],"receipt":{"net_usage":265}}"#
    var bitcoin = EsploraFixture()
    bitcoin.transaction = nil
    let servers = try servers(asked: TronFixture.txid, bitcoin: bitcoin, tron: tron)
    let diagnosis = try await diagnose(TronFixture.txid, servers)

    #expect(servers.together.allArrivedTogether, "EVM, Bitcoin and TRON were asked at the same time")
    #expect(diagnosis.status == .confirmed)
    #expect(diagnosis.chain == "tron")
    #expect(diagnosis.query == TronFixture.txid, "a bare hash is reported without 0x")
    #expect(Set(diagnosis.sources.map(\.chain)) == ["ethereum", "bitcoin", "tron"])
    #expect(diagnosis.sources.allSatisfy { $0.ok })
    // The EVM node was asked for the hash with its 0x prefix.
    let evmRequest = try #require(servers.evm.requests.first)
    #expect(String(decoding: evmRequest.body, as: UTF8.self).contains("0x\(TronFixture.txid)"))
    // One round trip each: a confirmed transaction needs nothing more anywhere.
    #expect(servers.evm.requestCount == 1)
    #expect(servers.tron.requestCount == 5)
    #expect(servers.bitcoin.requestCount == 8)
  }

  @Test func barePendingBitcoinHashTakesTwoSequentialRoundTripsInAll() async throws {
    let servers = try servers(asked: EsploraFixture.txid, bitcoin: EsploraFixture(), tron: TronFixture())
    let diagnosis = try await diagnose(EsploraFixture.txid, servers)

    #expect(diagnosis.status == .pending)
    #expect(diagnosis.chain == "bitcoin")
    // Round trip 1: every chain and all seven Bitcoin requests at once (the barrier opened).
    #expect(servers.together.allArrivedTogether)
    // Round trip 2: the parent lookup, which arrived at least one reply delay after every
    // first-wave request — it waited for their answers. Nothing else came later.
    let requests = servers.bitcoin.requests
    let parent = try #require(requests.first { $0.path == "/api/tx/\(EsploraFixture.parentTxid)" })
    let firstWave = requests.filter { $0.path != parent.path }
    #expect(Set(firstWave.map(\.path)) == Self.bitcoinFirstWave(EsploraFixture.txid))
    #expect(firstWave.count == 8)
    #expect(parent.receivedAt - firstWave.map(\.receivedAt).max()! >= .milliseconds(Self.delay))
    // The other chains answered "absent" in their one round trip.
    #expect(servers.evm.requestCount == 1)
    #expect(servers.tron.requestCount == 5)
  }

  @Test func bareHashOnNoChainIsNotFoundOnlyWhenEveryChainAnswered() async throws {
    var bitcoin = EsploraFixture()
    bitcoin.transaction = nil
    let servers = try servers(asked: TronFixture.txid, bitcoin: bitcoin, tron: TronFixture())
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
