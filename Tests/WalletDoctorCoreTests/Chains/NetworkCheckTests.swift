import Foundation
import TestSupport
import Testing

@testable import WalletDoctorCore

/// An endpoint the user gives for `bitcoin` or `tron` may serve a test network. Esplora and
/// java-tron do not name their network in the answers a diagnosis needs, so such an endpoint is
/// asked for its genesis block in the same first wave; the built-in endpoints are not (their
/// network is known, and the request would be wasted).
@Suite("Network check of Esplora and TRON endpoints")
struct NetworkCheckTests {
  static let nileGenesis = "0000000000000000d698d4192c56cb6be724a558448e2684802de4d6cd8690dc"
  static let testnet4Genesis = "00000000da84f2bafbbc53dee25a72ae507ff4914b867c565be350b0da8bf043"

  func diagnose(_ specs: [String], txid: String, transport: any HTTPTransport = CurlTransport.shared) async throws -> Diagnosis {
    let endpoints = try specs.map { try EndpointSpec.parse($0, registry: .builtIn) }
    let request = DiagnoseRequest(reference: try TransactionReference.parse(txid), endpoints: endpoints, timeout: .seconds(60))
    return await DiagnosisEngine(transport: transport, registry: .builtIn).diagnose(request)
  }

  @Test func genesisHashesNameTheBitcoinNetworksAndNothingElse() {
    #expect(GenesisNetwork.bitcoin(genesis: GenesisNetwork.bitcoinMainnetGenesis) == "main")
    #expect(GenesisNetwork.bitcoin(genesis: Self.testnet4Genesis.uppercased() + "\n") == "testnet4")
    #expect(GenesisNetwork.bitcoin(genesis: "000000000933ea01ad0ee984209779baaec3ced90fa3f408719526f8d77f4943") == "test")
    #expect(GenesisNetwork.bitcoin(genesis: String(repeating: "ab", count: 32)) == "genesis abababababababab…")
    #expect(GenesisNetwork.bitcoin(genesis: "<html>blocked</html>") == nil)
    #expect(GenesisNetwork.tron(genesis: GenesisNetwork.tronMainnetGenesis) == "main")
    #expect(GenesisNetwork.tron(genesis: Self.nileGenesis) == "genesis 0000000000000000…")
    #expect(GenesisNetwork.tron(genesis: "") == nil)
  }

  @Test func builtInEndpointsAreNotAskedForTheirGenesis() async throws {
    let transport = FakeTransport { _ in FakeTransport.json("Not Found", status: 404) }
    _ = try await diagnose(
      ["bitcoin=https://mempool.space/api", "tron=https://api.trongrid.io"], txid: EsploraFixture.txid, transport: transport)
    let paths = transport.requests.map(\.url.path)
    #expect(paths.contains("/api/blocks/tip/height"), "the endpoints were asked: \(paths)")
    #expect(paths.contains("/wallet/getnowblock"))
    #expect(!paths.contains { $0.hasSuffix("/block-height/0") || $0.hasSuffix("/getblockbynum") })
  }

  /// "Not found" on testnet4 says nothing about mainnet: the answer is set aside, never the verdict.
  @Test func esploraOnTestnet4IsWrongChainNotNotFound() async throws {
    var fixture = EsploraFixture()
    fixture.transaction = nil
    fixture.genesis = Self.testnet4Genesis
    let server = try fixture.server()
    let diagnosis = try await diagnose(["bitcoin=\(fixture.baseURL(server))"], txid: EsploraFixture.txid)

    #expect(diagnosis.status == .unknown)
    #expect(diagnosis.sources.first?.errorKind == .wrongChain)
    #expect(diagnosis.sources.first?.error?.english.contains("testnet4") == true)
    let finding = try #require(diagnosis.findings.first { $0.code == .endpointWrongChain })
    #expect(finding.evidence["reported_network"] == .string("testnet4"))
    #expect(finding.message.simplifiedChinese.contains("testnet4"))
  }

  /// A server that cannot say its genesis (an old or trimmed API) is still used: its network is
  /// unconfirmed, not wrong.
  @Test func esploraWithoutAGenesisAnswerIsStillUsed() async throws {
    var fixture = EsploraFixture()
    fixture.genesis = nil
    let server = try fixture.server()
    let diagnosis = try await diagnose(["bitcoin=\(fixture.baseURL(server))"], txid: EsploraFixture.txid)
    #expect(diagnosis.status == .pending)
    #expect(diagnosis.sources.map(\.ok) == [true])
  }

  @Test func tronNileBesideAMainnetNodeIsIgnoredAndMainnetDecides() async throws {
    var nile = TronFixture()
    nile.genesisBlockID = Self.nileGenesis
    var mainnet = TronFixture()
    mainnet.transaction = TronFixture.trxTransfer(amount: 1_000_000, expiration: mainnet.headTimestamp - 30_000)
    mainnet.info = #"{"id":"\#(TronFixture.txid)","blockNumber":66899990,"blockTimeStamp":1731299970000,"receipt":{"net_usage":268}}"#
    let nileServer = try nile.server()
    let mainnetServer = try mainnet.server()
    let diagnosis = try await diagnose(
      ["tron=\(nileServer.baseURL.absoluteString)", "tron=\(mainnetServer.baseURL.absoluteString)"], txid: TronFixture.txid)

    #expect(diagnosis.status == .confirmed)
    #expect(diagnosis.sources.map(\.ok) == [false, true])
    #expect(diagnosis.sources[0].errorKind == .wrongChain)
    #expect(diagnosis.findings.contains { $0.code == .endpointWrongChain })
  }
}
