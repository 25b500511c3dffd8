import Foundation
import TestSupport
import Testing

@testable import WalletDoctorCore

/// End-to-end Bitcoin diagnosis through libcurl against local Esplora and Bitcoin Core servers.
@Suite("Bitcoin diagnosis against local servers")
struct BitcoinDiagnosisTests {
  typealias Fixture = EsploraFixture

  /// Diagnoses `txid` with exactly the given `--rpc bitcoin=…` endpoints.
  func diagnose(_ urls: [String], txid: String = Fixture.txid, timeout: Duration = .seconds(60)) async throws -> Diagnosis {
    let registry = ChainRegistry.builtIn
    let endpoints = try urls.map { try EndpointSpec.parse("bitcoin=\($0)", registry: registry) }
    let request = DiagnoseRequest(reference: try TransactionReference.parse(txid), endpoints: endpoints, timeout: timeout)
    return await DiagnosisEngine(transport: CurlTransport.shared, registry: registry).diagnose(request)
  }

  func recommendation(_ diagnosis: Diagnosis, _ action: String) -> Recommendation? {
    diagnosis.recommendations.first { $0.action == action }
  }

  func details(_ diagnosis: Diagnosis) -> BitcoinTransactionDetails? {
    if case .bitcoin(let details)? = diagnosis.transaction { return details }
    return nil
  }

  /// Paths asked, without the `/api` base, in arrival order.
  func paths(_ server: TestHTTPServer) -> [String] {
    server.requests.map { String($0.path.dropFirst("/api".count)) }
  }

  /// `/block-height/0` is the network check: these local endpoints are not built in.
  static let firstWave: Set<String> = [
    "/tx/\(Fixture.txid)", "/blocks/tip/height", "/fee-estimates", "/mempool", "/v1/fees/mempool-blocks",
    "/v1/fees/recommended", "/v1/tx/\(Fixture.txid)/rbf", "/block-height/0",
  ]

  // MARK: - Confirmed

  @Test func confirmedTransactionCountsConfirmationsFromTheTipInOneWave() async throws {
    var fixture = Fixture()
    fixture.transaction?.blockHeight = 869_998
    let server = try fixture.server()
    let diagnosis = try await diagnose([fixture.baseURL(server)])

    #expect(diagnosis.status == .confirmed)
    #expect(diagnosis.exitCode == 0)
    #expect(diagnosis.chain == "bitcoin")
    #expect(diagnosis.query == Fixture.txid)
    let transaction = try #require(details(diagnosis))
    #expect(transaction.confirmations == 3)
    #expect(transaction.blockHeight == 869_998)
    #expect(transaction.feeSats == 2_820)
    #expect(transaction.vsize == 141, "vsize = ⌈561 / 4⌉")
    #expect(transaction.replacedBy == nil)
    #expect(diagnosis.eta == nil)
    #expect(diagnosis.summary.english.contains("block 869998 (3 confirmations)"))
    // One wave only: no parent lookups for a mined transaction.
    #expect(Set(paths(server)) == Self.firstWave)
    #expect(server.requestCount == 8)
    #expect(diagnosis.sources.count == 1)
    #expect(diagnosis.sources[0].ok)
    #expect(diagnosis.sources[0].head == 870_000)
  }

  @Test func transactionInTheTipBlockHasOneConfirmation() async throws {
    var fixture = Fixture()
    fixture.transaction?.blockHeight = fixture.tip
    let server = try fixture.server()
    let diagnosis = try await diagnose([fixture.baseURL(server)])
    #expect(diagnosis.status == .confirmed)
    #expect(details(diagnosis)?.confirmations == 1)
    #expect(diagnosis.summary.english.contains("(1 confirmation)"))
  }

  // MARK: - Pending

  @Test func pendingBelowNextBlockGivesExactRBFAndCPFPNumbersInTwoWaves() async throws {
    var fixture = Fixture()
    fixture.delayMilliseconds = 300
    // The first wave is held until all seven requests are in: they must be in flight together.
    let firstWave = ArrivalBarrier(expecting: Set(Self.firstWave.map { "/api" + $0 }))
    fixture.onRequest = { firstWave.arrive($0.path) }
    let server = try fixture.server()
    let diagnosis = try await diagnose([fixture.baseURL(server)])
    #expect(firstWave.allArrivedTogether)

    #expect(diagnosis.status == .pending)
    #expect(diagnosis.exitCode == 0)
    #expect(diagnosis.findings.map(\.code) == [.feeRateBelowNextBlock, .rbfSignaled])
    let transaction = try #require(details(diagnosis))
    #expect(transaction.vsize == 141)
    #expect(transaction.weight == 561)
    #expect(transaction.feeRate == 20.0)
    #expect(transaction.effectiveFeeRate == 20.0)
    #expect(transaction.rbfSignaled == true)

    // 20 sat/vB is below projected block 1 (25.5) but above block 2 (18): 2 blocks, Erlang(2) 10–90 %.
    #expect(diagnosis.eta == ETA(minSeconds: 319, maxSeconds: 2_334))
    #expect(diagnosis.summary.english.contains("2 blocks"))

    let rbf = try #require(recommendation(diagnosis, "rbf"))
    // r = 1 sat/vB (no live value from Esplora): 2,820 + ⌈1 × 141⌉ = 2,961.
    #expect(rbf.params["min_new_fee_sat"] == .integer(2_961))
    // ⌈25.5 × 141⌉ = ⌈3,595.5⌉ = 3,596.
    #expect(rbf.params["new_fee_sat"] == .integer(3_596))
    #expect(rbf.params["new_fee_rate_sat_vb"] == .number(25.5))
    #expect(rbf.params["old_fee_sat"] == .integer(2_820))
    #expect(rbf.params["vsize"] == .integer(141))
    #expect(rbf.message.english.contains("3,596 sats"))
    #expect(rbf.message.english.contains("Speed up"))
    #expect(rbf.message.simplifiedChinese.contains("加速"))

    let cpfp = try #require(recommendation(diagnosis, "cpfp"))
    // ⌈25.5 × (141 + 110)⌉ − 2,820 = 6,401 − 2,820 = 3,581.
    #expect(cpfp.params["child_fee_sat"] == .integer(3_581))
    #expect(cpfp.params["child_vsize_assumed"] == .integer(110))
    #expect(cpfp.message.english.contains("110 vB"))
    #expect(recommendation(diagnosis, "wait") == nil)

    // Second wave: the parent's status, asked only after the whole first wave was answered.
    // Each reply waits 300 ms after its request arrived, so the parent request must arrive at
    // least that long after every first-wave request.
    #expect(server.requestCount == 9)
    let requests = server.requests
    let parent = try #require(requests.first { $0.path == "/api/tx/\(Fixture.parentTxid)" })
    let firstWaveRequests = requests.filter { $0.path != parent.path }
    #expect(Set(firstWaveRequests.map { String($0.path.dropFirst(4)) }) == Self.firstWave)
    #expect(parent.receivedAt - firstWaveRequests.map(\.receivedAt).max()! >= .milliseconds(300))
  }

  @Test func adequateFeeSaysWaitWithTheErlangRange() async throws {
    var fixture = Fixture()
    fixture.transaction?.fee = 4_230  // 30 sat/vB ≥ the next block's 25.5
    let server = try fixture.server()
    let diagnosis = try await diagnose([fixture.baseURL(server)])

    #expect(diagnosis.status == .pending)
    #expect(diagnosis.findings.map(\.code) == [.rbfSignaled])
    #expect(diagnosis.eta == ETA(minSeconds: 63, maxSeconds: 1_382), "one block: −ln 0.9 and ln 10 × 10 min")
    #expect(diagnosis.recommendations.map(\.action) == ["wait"])
    #expect(recommendation(diagnosis, "wait")?.params["blocks"] == .integer(1))
  }

  @Test func belowThePurgeRateHasNoETAAndExplainsTheCoinsComeBack() async throws {
    var fixture = Fixture()
    fixture.transaction?.fee = 141  // 1.0 sat/vB
    fixture.minimumFee = 3
    let server = try fixture.server()
    let diagnosis = try await diagnose([fixture.baseURL(server)])

    #expect(diagnosis.status == .pending)
    #expect(diagnosis.findings.map(\.code) == [.feeRateBelowNextBlock, .belowMempoolMinFee, .rbfSignaled])
    #expect(diagnosis.eta == nil)
    let purge = try #require(diagnosis.findings.first { $0.code == .belowMempoolMinFee })
    #expect(purge.evidence["mempool_min_fee_rate_sat_vb"] == .number(3))
    #expect(purge.message.english.contains("coins have not left the wallet"))
    let drop = try #require(recommendation(diagnosis, "let_it_drop"))
    #expect(drop.message.english.contains("never rebroadcast"))
    #expect(recommendation(diagnosis, "rbf")?.params["new_fee_sat"] == .integer(3_596))
    #expect(diagnosis.summary.english.contains("stuck"))
  }

  @Test func unconfirmedParentUsesThePackageRateEverywhere() async throws {
    var fixture = Fixture()
    fixture.others[Fixture.parentTxid]?.blockHeight = nil  // parent 1,000 sats / 200 vB, unconfirmed
    let server = try fixture.server()
    let diagnosis = try await diagnose([fixture.baseURL(server)])

    #expect(diagnosis.status == .pending)
    #expect(diagnosis.findings.map(\.code) == [.feeRateBelowNextBlock, .unconfirmedParent, .rbfSignaled])
    let parent = try #require(diagnosis.findings.first { $0.code == .unconfirmedParent })
    // (2,820 + 1,000) / (141 + 200) = 3,820 / 341 = 11.2 sat/vB.
    #expect(parent.evidence["package_fee_sat"] == .integer(3_820))
    #expect(parent.evidence["package_vsize"] == .integer(341))
    #expect(parent.evidence["package_fee_rate_sat_vb"] == .number(11.2))
    #expect(details(diagnosis)?.effectiveFeeRate == 11.2)
    #expect(details(diagnosis)?.feeRate == 20.0)
    // 11.2 is below projected blocks 1–2 (25.5, 18) and above block 3 (9.5): 3 blocks.
    #expect(diagnosis.eta == ETA(minSeconds: 661, maxSeconds: 3_194))

    // RBF must lift the package: ⌈25.5 × 341⌉ − 1,000 = 8,696 − 1,000 = 7,696.
    #expect(recommendation(diagnosis, "rbf")?.params["new_fee_sat"] == .integer(7_696))
    // CPFP: ⌈25.5 × (341 + 110)⌉ − 3,820 = 11,501 − 3,820 = 7,681.
    #expect(recommendation(diagnosis, "cpfp")?.params["child_fee_sat"] == .integer(7_681))
    #expect(recommendation(diagnosis, "cpfp")?.params["parent_vsize"] == .integer(341))
    #expect(server.requestCount == 9)
  }

  // MARK: - Replaced

  @Test func replacedTransactionIs404ButTheRBFTreeNamesItsReplacement() async throws {
    var fixture = Fixture()
    fixture.transaction = nil
    fixture.rbf = Fixture.replacementTree(mined: true)
    let server = try fixture.server()
    let diagnosis = try await diagnose([fixture.baseURL(server)])

    #expect(diagnosis.status == .replaced)
    #expect(diagnosis.exitCode == 0)
    #expect(diagnosis.findings.map(\.code) == [.replacedByFee])
    let transaction = try #require(details(diagnosis))
    #expect(transaction.replacedBy == Fixture.replacementTxid)
    #expect(transaction.feeSats == 2_820)
    // The tree's fractional vsize 140.25 is weight 561; vsize = ⌈561 / 4⌉ = 141.
    #expect(transaction.weight == 561)
    #expect(transaction.vsize == 141)
    #expect(diagnosis.summary.english.contains("it has confirmed"))
    #expect(Set(diagnosis.recommendations.map(\.action)) == ["check_replacement", "do_not_rebroadcast"])
    #expect(server.requestCount == 8, "the RBF history came in the first wave")
  }

  @Test func newestTransactionOfAnRBFTreeIsNotReplaced() async throws {
    var fixture = Fixture()
    fixture.transaction?.fee = 4_230
    // Asking about the root: `replacements` is non-null, but the root is the asked txid itself.
    fixture.rbf = Fixture.replacementTree().replacingOccurrences(of: Fixture.replacementTxid, with: "PLACEHOLDER")
      .replacingOccurrences(of: #""txid":"\#(Fixture.txid)""#, with: #""txid":"\#(Fixture.replacementTxid)""#)
      .replacingOccurrences(of: "PLACEHOLDER", with: Fixture.txid)
    let server = try fixture.server()
    let diagnosis = try await diagnose([fixture.baseURL(server)])
    #expect(diagnosis.status == .pending)
    #expect(details(diagnosis)?.replacedBy == nil)
  }

  // MARK: - Plain Esplora

  @Test func esploraWithoutExtensionsUsesNumericallySortedEstimates() async throws {
    var fixture = Fixture()
    fixture.projectedBlockMinimums = nil
    fixture.minimumFee = nil
    fixture.rbf = nil
    // Lexically "10" (9.2) sorts before "6"; numerically the first target met by 20 sat/vB is 6 (12.5)...
    // and "2" carries float noise: 26.000000000000004 → 26.000 sat/vB, not 26.001.
    fixture.feeEstimates = #"{"144":1.027,"10":9.2,"2":26.000000000000004,"25":3.1,"3":21.9,"1008":1,"6":12.5}"#
    let server = try fixture.server()
    let diagnosis = try await diagnose([fixture.baseURL(server)])

    #expect(diagnosis.status == .pending)
    #expect(diagnosis.findings.map(\.code) == [.feeRateBelowNextBlock, .rbfSignaled])
    #expect(diagnosis.eta == BitcoinBlockTiming.eta(blocks: 6))
    #expect(diagnosis.eta == ETA(minSeconds: 1_891, maxSeconds: 5_565))
    let rbf = try #require(recommendation(diagnosis, "rbf"))
    #expect(rbf.params["target_fee_rate_sat_vb"] == .number(26))
    // ⌈26 × 141⌉ = 3,666.
    #expect(rbf.params["new_fee_sat"] == .integer(3_666))
    #expect(rbf.params["target_source"]?.stringValue?.contains("Esplora fee estimate for 2 blocks") == true)
    #expect(recommendation(diagnosis, "cpfp")?.params["child_fee_sat"] == .integer(26 * 251 - 2_820))
    // No purge rate without mempool.space: no such finding, no guess.
    #expect(!diagnosis.findings.contains { $0.code == .belowMempoolMinFee })
    #expect(diagnosis.sources[0].ok)
  }

  @Test func unknownTransactionIsNotFoundFromThePlainText404() async throws {
    var fixture = Fixture()
    fixture.transaction = nil
    let server = try fixture.server()
    let diagnosis = try await diagnose([fixture.baseURL(server)])
    #expect(diagnosis.status == .notFound)
    #expect(diagnosis.exitCode == 1)
    #expect(diagnosis.chain == nil)
    #expect(diagnosis.transaction == nil)
    #expect(diagnosis.sources.map(\.ok) == [true])
  }

  @Test func wrongBaseURLServingHTMLIsAFailedSourceNotAnAnswer() async throws {
    let server = try TestHTTPServer { _ in .text("<html><body>Not Found</body></html>", status: 404, contentType: "text/html") }
    let diagnosis = try await diagnose([server.baseURL.absoluteString])
    #expect(diagnosis.status == .unknown)
    #expect(diagnosis.exitCode == 2)
    #expect(diagnosis.sources.first?.ok == false)
    #expect(diagnosis.sources.first?.errorKind == .httpStatus)
  }

  // MARK: - Several endpoints

  @Test func oneFailingEndpointOfTwoIsRecordedAndIgnored() async throws {
    var good = Fixture()
    good.transaction?.blockHeight = 869_999
    let goodServer = try good.server()
    let badServer = try TestHTTPServer { _ in .text("Bad Gateway", status: 502) }
    let diagnosis = try await diagnose([badServer.baseURL.absoluteString + "/api", good.baseURL(goodServer)])

    #expect(diagnosis.status == .confirmed)
    #expect(diagnosis.sources.count == 2)
    #expect(diagnosis.sources[0].ok == false)
    #expect(diagnosis.sources[0].errorKind == .httpStatus)
    #expect(diagnosis.sources[0].error?.english.contains("502") == true)
    #expect(diagnosis.sources[1].ok)
  }

  /// The healthy endpoint settles a reassuring verdict; the hanging one is not waited for (it is
  /// abandoned after the hedge grace period instead of costing the whole timeout).
  @Test func endpointThatHangsIsAbandonedOnceTheOtherDecides() async throws {
    let hanging = try TestHTTPServer { _ in .script([.hang]) }
    defer { hanging.stop() }
    var good = Fixture()
    good.transaction?.blockHeight = 869_999
    let goodServer = try good.server()
    let diagnosis = try await diagnose([hanging.baseURL.absoluteString, good.baseURL(goodServer)], timeout: .seconds(60))
    #expect(diagnosis.status == .confirmed)
    #expect(diagnosis.sources[0].ok == false)
    #expect(diagnosis.sources[0].errorKind == .abandoned)
  }

  @Test func mempoolPresenceBeatsAbsenceAndTheDisagreementIsReported() async throws {
    let seeing = Fixture()
    var blind = Fixture()
    blind.transaction = nil
    blind.tip = 870_001  // fresher, but its mempool lacks the transaction
    let seeingServer = try seeing.server()
    let blindServer = try blind.server()
    let diagnosis = try await diagnose([blind.baseURL(blindServer), seeing.baseURL(seeingServer)])

    #expect(diagnosis.status == .pending)
    let disagreement = try #require(diagnosis.findings.first { $0.code == .endpointDisagreement })
    #expect(disagreement.message.english.contains("seen by 1 of 2"))
    #expect(blindServer.requestCount == 8, "the second wave goes only to the endpoint that decided")
    #expect(seeingServer.requestCount == 9)
  }

  @Test func endpointMoreThanTwoBlocksBehindIsLagging() async throws {
    var stale = Fixture()
    stale.tip = 869_990
    stale.transaction = nil
    var fresh = Fixture()
    fresh.transaction?.blockHeight = 869_995
    let staleServer = try stale.server()
    let freshServer = try fresh.server()
    let diagnosis = try await diagnose([stale.baseURL(staleServer), fresh.baseURL(freshServer)])
    #expect(diagnosis.status == .confirmed)
    #expect(diagnosis.sources[0].errorKind == .lagging)
    #expect(diagnosis.sources[0].head == 869_990)
    #expect(!diagnosis.findings.contains { $0.code == .endpointDisagreement })
  }

  // MARK: - Bitcoin Core

  /// A Bitcoin Core node: 9,700 sats arrive as 0.000097 BTC (9699.999999999998 × 10⁻⁸).
  func coreNode(
    rawTransaction: JSONRPCNode.Answer, mempoolEntry: JSONRPCNode.Answer, walletTransaction: JSONRPCNode.Answer? = nil,
    network: String = "main", delay: Int = 0
  ) -> JSONRPCNode {
    JSONRPCNode(delayMilliseconds: delay) { method, params in
      switch method {
      case "getrawtransaction": return rawTransaction
      case "getmempoolentry": return mempoolEntry
      case "gettransaction":
        // Most nodes run without a wallet.
        return walletTransaction
          ?? .error(
            code: -18,
            message: "No wallet is loaded. Load a wallet using loadwallet or create a new one with createwallet. (Note: A default wallet is no longer automatically created)")
      case "getmempoolinfo":
        return .result(
          #"{"loaded":true,"size":41000,"bytes":2200000,"usage":300000000,"total_fee":1.2,"maxmempool":300000000,"mempoolminfee":0.00001000,"minrelaytxfee":0.00000100,"incrementalrelayfee":0.00000100,"unbroadcastcount":0,"fullrbf":true}"#)
      case "estimatesmartfee":
        let target = params.first as? Int ?? 0
        return .result(target <= 2 ? #"{"feerate":0.00025500,"blocks":2}"# : #"{"feerate":0.00012000,"blocks":6}"#)
      case "getblockchaininfo":
        return .result(#"{"chain":"\#(network)","blocks":870000,"headers":870000,"verificationprogress":0.9999}"#)
      default: return nil
      }
    }
  }

  static let coreRawPending = #"""
    {"txid":"\#(Fixture.txid)","hash":"\#(Fixture.txid)","version":2,"size":560,"vsize":485,"weight":1937,"locktime":0,"vin":[{"txid":"\#(Fixture.parentTxid)","vout":0,"scriptSig":{"asm":"","hex":""},"txinwitness":["3044","02ab"],"sequence":4294967294}],"vout":[{"value":0.5,"n":0,"scriptPubKey":{"type":"witness_v0_keyhash"}}],"hex":"02000000"}
    """#
  static let coreMempoolEntry = #"""
    {"vsize":485,"weight":1937,"time":1730000000,"height":869990,"descendantcount":1,"descendantsize":485,"ancestorcount":1,"ancestorsize":485,"wtxid":"\#(Fixture.txid)","fees":{"base":0.00009700,"modified":0.00009700,"ancestor":0.00009700,"descendant":0.00009700},"depends":[],"spentby":[],"bip125-replaceable":false,"unbroadcast":false}
    """#

  @Test func bitcoinCorePendingIsOneBatchWithLiveRelayFeeAndRoundedSats() async throws {
    let node = coreNode(rawTransaction: .result(Self.coreRawPending), mempoolEntry: .result(Self.coreMempoolEntry))
    let server = try TestHTTPServer { node.reply(to: $0) }
    let url = "core+http://alice:hunter2hunter2@127.0.0.1:\(server.port)"
    let diagnosis = try await diagnose([url])

    #expect(diagnosis.status == .pending)
    let transaction = try #require(details(diagnosis))
    #expect(transaction.feeSats == 9_700, "0.000097 BTC rounds to 9,700 sats, not 9,699")
    #expect(transaction.vsize == 485, "⌈1,937 / 4⌉")
    #expect(transaction.feeRate == 20.0)
    #expect(transaction.rbfSignaled == false, "nSequence 0xfffffffe does not signal")
    #expect(diagnosis.findings.map(\.code) == [.feeRateBelowNextBlock])
    // 20 sat/vB meets the 6-block estimate (12) but not the 2-block one (25.5).
    #expect(diagnosis.eta == BitcoinBlockTiming.eta(blocks: 6))

    let rbf = try #require(recommendation(diagnosis, "rbf"))
    // Live incrementalrelayfee 0.000001 BTC/kvB = 0.1 sat/vB: 9,700 + ⌈0.1 × 485⌉ = 9,749.
    #expect(rbf.params["min_new_fee_sat"] == .integer(9_749))
    #expect(rbf.params["incremental_relay_fee_sat_vb"] == .number(0.1))
    // ⌈25.5 × 485⌉ = ⌈12,367.5⌉ = 12,368.
    #expect(rbf.params["new_fee_sat"] == .integer(12_368))
    #expect(rbf.message.english.contains("did not signal RBF"))
    // ⌈25.5 × 595⌉ − 9,700 = 15,173 − 9,700 = 5,473.
    #expect(recommendation(diagnosis, "cpfp")?.params["child_fee_sat"] == .integer(5_473))

    // One batch, nothing else.
    #expect(server.requestCount == 1)
    #expect(
      JSONRPCNode.methods(in: server.requests[0]) == [
        "getrawtransaction", "getmempoolentry", "getmempoolinfo", "estimatesmartfee", "estimatesmartfee", "getblockchaininfo",
        "gettransaction",
      ])
    #expect(server.requests[0].header("authorization") == "Basic " + Data("alice:hunter2hunter2".utf8).base64EncodedString())
    // The credentials never reach the output.
    #expect(diagnosis.sources[0].endpoint == "http://***@127.0.0.1:\(server.port)")
    let json = try JSONOutput.string(DiagnosisDocument(diagnosis, language: .english))
    #expect(!json.contains("hunter2"))
    #expect(!json.contains("alice"))
  }

  @Test func bitcoinCoreMempoolEntryGivesAncestorsWithoutASecondRequest() async throws {
    let entry = Self.coreMempoolEntry
      .replacingOccurrences(of: #""ancestorcount":1,"ancestorsize":485"#, with: #""ancestorcount":2,"ancestorsize":685"#)
      .replacingOccurrences(of: #""ancestor":0.00009700"#, with: #""ancestor":0.00010700"#)
    let node = coreNode(rawTransaction: .result(Self.coreRawPending), mempoolEntry: .result(entry))
    let server = try TestHTTPServer { node.reply(to: $0) }
    let diagnosis = try await diagnose(["core+http://127.0.0.1:\(server.port)"])

    let parent = try #require(diagnosis.findings.first { $0.code == .unconfirmedParent })
    #expect(parent.evidence["package_fee_sat"] == .integer(10_700))
    #expect(parent.evidence["package_vsize"] == .integer(685))
    #expect(server.requestCount == 1)
  }

  @Test func replacementMustAlsoPayForUnconfirmedChildren() async throws {
    // A child of 300 vB paying 3,000 sats hangs off the transaction: replacing evicts it too.
    let entry = Self.coreMempoolEntry
      .replacingOccurrences(of: #""descendantcount":1,"descendantsize":485"#, with: #""descendantcount":2,"descendantsize":785"#)
      .replacingOccurrences(of: #""descendant":0.00009700"#, with: #""descendant":0.00012700"#)
    let node = coreNode(rawTransaction: .result(Self.coreRawPending), mempoolEntry: .result(entry))
    let server = try TestHTTPServer { node.reply(to: $0) }
    let diagnosis = try await diagnose(["core+http://127.0.0.1:\(server.port)"])

    let rbf = try #require(recommendation(diagnosis, "rbf"))
    #expect(rbf.params["replaced_fees_sat"] == .integer(12_700))
    // 12,700 + ⌈0.1 × 485⌉ = 12,749; the target fee 12,368 is less, so the minimum decides.
    #expect(rbf.params["min_new_fee_sat"] == .integer(12_749))
    #expect(rbf.params["new_fee_sat"] == .integer(12_749))
    #expect(rbf.message.english.contains("unconfirmed children"))
  }

  @Test func fullMempoolIsReportedAsCongestionInBlocksWorth() async throws {
    var fixture = Fixture()
    fixture.mempoolVSize = 4_500_000
    let server = try fixture.server()
    let diagnosis = try await diagnose([fixture.baseURL(server)])
    let congestion = try #require(diagnosis.findings.first { $0.code == .congestion })
    #expect(congestion.severity == .info)
    #expect(congestion.evidence["blocks_worth"] == .number(4.5))
    #expect(congestion.message.english.contains("4,500,000 vB"))
  }

  @Test func bitcoinCoreErrorMinus5IsAnAnswerAndMentionsTxindex() async throws {
    let missing = JSONRPCNode.Answer.error(
      code: -5,
      message: "No such mempool transaction. Use -txindex or provide a block hash to enable blockchain transaction queries. Use gettransaction for wallet transactions.")
    let node = coreNode(rawTransaction: missing, mempoolEntry: .error(code: -5, message: "Transaction not in mempool"))
    let server = try TestHTTPServer { node.reply(to: $0) }
    let diagnosis = try await diagnose(["core+http://127.0.0.1:\(server.port)"])

    #expect(diagnosis.status == .notFound)
    #expect(diagnosis.exitCode == 1)
    #expect(diagnosis.sources.map(\.ok) == [true])
    #expect(diagnosis.sources[0].head == 870_000)
    let note = try #require(diagnosis.findings.first { $0.code == .nodeWithoutTxindex })
    #expect(note.message.english.contains("-txindex=1"))
    #expect(note.message.simplifiedChinese.contains("-txindex"))
  }

  static let replacementTxid = String(repeating: "ab", count: 32)
  static let notInMempool = JSONRPCNode.Answer.error(
    code: -5, message: "No such mempool or blockchain transaction. Use gettransaction for wallet transactions.")

  /// The sender's own node: the wallet knows the transaction and names its replacement.
  @Test func bitcoinCoreWalletNamesTheReplacementInTheSameBatch() async throws {
    let wallet = #"""
      {"amount":-0.005,"fee":-0.00009700,"confirmations":0,"trusted":false,"txid":"\#(Fixture.txid)","wtxid":"\#(Fixture.txid)",
      "walletconflicts":["\#(Self.replacementTxid)"],"replaced_by_txid":"\#(Self.replacementTxid)","mempoolconflicts":[],
      "time":1730000000,"timereceived":1730000000,"bip125-replaceable":"yes","details":[],"hex":"02000000"}
      """#
    let node = coreNode(rawTransaction: Self.notInMempool, mempoolEntry: Self.notInMempool, walletTransaction: .result(wallet))
    let server = try TestHTTPServer { node.reply(to: $0) }
    let diagnosis = try await diagnose(["core+http://127.0.0.1:\(server.port)"])

    #expect(diagnosis.status == .replaced)
    #expect(recommendation(diagnosis, "check_replacement")?.params["txid"] == .string(Self.replacementTxid))
    let replaced = try #require(diagnosis.findings.first { $0.code == .replacedByFee })
    #expect(replaced.evidence["original_fee_sat"] == .integer(9_700))
    #expect(replaced.evidence["full_rbf"] == .bool(false))
    // Listed in walletconflicts (older nodes list mempool conflicts there too), yet the
    // transaction's own confirmations are 0, not negative: nothing says the replacement is mined.
    #expect(replaced.evidence["replacement_mined"] == .bool(false))
    #expect(!diagnosis.summary.english.contains("it has confirmed"))
    #expect(server.requestCount == 1, "the wallet's view comes in the first batch")
  }

  /// A negative confirmation count means a conflicting transaction was mined instead.
  @Test func bitcoinCoreWalletConflictMinedInsteadIsAReplacement() async throws {
    let wallet = #"""
      {"amount":-0.005,"fee":-0.00009700,"confirmations":-3,"txid":"\#(Fixture.txid)",
      "walletconflicts":["\#(Self.replacementTxid)"],"time":1730000000,"bip125-replaceable":"no","details":[],"hex":"02"}
      """#
    let node = coreNode(rawTransaction: Self.notInMempool, mempoolEntry: Self.notInMempool, walletTransaction: .result(wallet))
    let server = try TestHTTPServer { node.reply(to: $0) }
    let diagnosis = try await diagnose(["core+http://127.0.0.1:\(server.port)"])

    #expect(diagnosis.status == .replaced)
    let replaced = try #require(diagnosis.findings.first { $0.code == .replacedByFee })
    #expect(replaced.evidence["replaced_by"] == .string(Self.replacementTxid))
    #expect(replaced.evidence["replacement_mined"] == .bool(true))
    #expect(replaced.evidence["full_rbf"] == .bool(true), "replaced without a BIP 125 signal")
    #expect(diagnosis.summary.english.contains("it has confirmed"))
  }

  /// A wallet transaction that was not replaced, or a wallet answer about another txid, says
  /// nothing: the verdict stays what the mempool and the chain say.
  @Test(arguments: [
    #"{"fee":-0.0001,"confirmations":0,"txid":"TXID","walletconflicts":[],"bip125-replaceable":"yes"}"#,
    #"{"fee":-0.0001,"confirmations":0,"txid":"\#(String(repeating: "cd", count: 32))","replaced_by_txid":"\#(String(repeating: "ab", count: 32))"}"#,
    #"{"txid":"TXID","replaced_by_txid":"not-a-txid","walletconflicts":[42, null]}"#,
  ])
  func bitcoinCoreWalletWithoutAReplacementChangesNothing(wallet: String) async throws {
    let answer = JSONRPCNode.Answer.result(wallet.replacingOccurrences(of: "TXID", with: Fixture.txid))
    let node = coreNode(rawTransaction: .result(Self.coreRawPending), mempoolEntry: .result(Self.coreMempoolEntry), walletTransaction: answer)
    let server = try TestHTTPServer { node.reply(to: $0) }
    let diagnosis = try await diagnose(["core+http://127.0.0.1:\(server.port)"])
    #expect(diagnosis.status == .pending)
  }

  /// A testnet node's answers are not used; a mainnet node beside it decides.
  @Test func bitcoinCoreOnAnotherNetworkIsWrongChainAndIgnored() async throws {
    let testnet = coreNode(rawTransaction: Self.notInMempool, mempoolEntry: Self.notInMempool, network: "testnet4")
    let mainnet = coreNode(rawTransaction: .result(Self.coreRawPending), mempoolEntry: .result(Self.coreMempoolEntry))
    let testnetServer = try TestHTTPServer { testnet.reply(to: $0) }
    let mainnetServer = try TestHTTPServer { mainnet.reply(to: $0) }
    let diagnosis = try await diagnose(["core+http://127.0.0.1:\(testnetServer.port)", "core+http://127.0.0.1:\(mainnetServer.port)"])

    #expect(diagnosis.status == .pending)
    #expect(diagnosis.sources.map(\.ok) == [false, true])
    #expect(diagnosis.sources[0].errorKind == .wrongChain)
    #expect(diagnosis.sources[0].error?.english.contains("testnet4") == true)
    let finding = try #require(diagnosis.findings.first { $0.code == .endpointWrongChain })
    #expect(finding.evidence["reported_network"] == .string("testnet4"))
  }

  @Test func bitcoinCoreOnAnotherNetworkAloneIsUnknownNotNotFound() async throws {
    let testnet = coreNode(rawTransaction: Self.notInMempool, mempoolEntry: Self.notInMempool, network: "signet")
    let server = try TestHTTPServer { testnet.reply(to: $0) }
    let diagnosis = try await diagnose(["core+http://127.0.0.1:\(server.port)"])
    #expect(diagnosis.status == .unknown)
    #expect(diagnosis.sources[0].errorKind == .wrongChain)
  }

  @Test func bitcoinCoreConfirmedDerivesTheHeightFromConfirmations() async throws {
    let raw = Self.coreRawPending.replacingOccurrences(
      of: #""hex":"02000000"}"#, with: #""hex":"02000000","blockhash":"0000000000000000000222","confirmations":4,"time":1730000000,"blocktime":1730000000}"#)
    let node = coreNode(rawTransaction: .result(raw), mempoolEntry: .error(code: -5, message: "Transaction not in mempool"))
    let server = try TestHTTPServer { node.reply(to: $0) }
    let diagnosis = try await diagnose(["core+http://127.0.0.1:\(server.port)"])
    #expect(diagnosis.status == .confirmed)
    #expect(details(diagnosis)?.blockHeight == 869_997)
    #expect(details(diagnosis)?.confirmations == 4)
    #expect(details(diagnosis)?.feeSats == nil, "Core does not report the fee of a mined transaction at verbosity 1")
  }

  @Test func bitcoinCoreWrongPasswordIsExplained() async throws {
    let server = try TestHTTPServer { _ in .text("", status: 401) }
    let diagnosis = try await diagnose(["core+http://alice:wrongpassword@127.0.0.1:\(server.port)"])
    #expect(diagnosis.status == .unknown)
    #expect(diagnosis.sources[0].error?.english.contains("RPC user name or password") == true)
    #expect(diagnosis.sources[0].error?.english.contains("wrongpassword") == false)
  }
}

/// The arithmetic under the Bitcoin verdicts, checked against independent values.
@Suite("Bitcoin fee and time arithmetic")
struct BitcoinArithmeticTests {
  @Test(arguments: [(1, 63, 1_382), (2, 319, 2_334), (3, 661, 3_194), (6, 1_891, 5_565), (144, 77_310, 95_747)])
  func etaIsTheErlangTenthToNinetiethPercentile(blocks: Int, low: Int, high: Int) {
    // Reference values: scipy.stats.gamma.ppf(0.1 / 0.9, k, scale=600), floored / ceiled.
    #expect(BitcoinBlockTiming.eta(blocks: blocks) == ETA(minSeconds: low, maxSeconds: high))
  }

  @Test func erlangQuantileInvertsTheCDF() {
    for k in [1, 5, 50, 1_008] {
      for p in [0.1, 0.5, 0.9] {
        let x = BitcoinBlockTiming.erlangQuantile(shape: k, probability: p)
        #expect(abs(BitcoinBlockTiming.erlangCDF(shape: k, at: x) - p) < 1e-9)
      }
    }
  }

  @Test func vsizeRoundsTheQuarterWeightUp() {
    #expect(BitcoinUnits.vsize(weight: 561) == 141)
    #expect(BitcoinUnits.vsize(weight: 560) == 140)
    #expect(BitcoinUnits.vsize(weight: 437) == 110)
  }

  @Test func bitcoinAmountsRoundToTheNearestSat() {
    #expect(BitcoinUnits.sats(bitcoin: 0.000097) == 9_700)
    #expect(BitcoinUnits.sats(bitcoin: 0.00002820) == 2_820)
    #expect(BitcoinUnits.sats(bitcoin: 0.29) == 29_000_000)
    #expect(BitcoinUnits.sats(bitcoin: -1) == nil)
  }

  @Test func feeRatesLoseFloatNoiseAndRoundUpToAThousandth() {
    #expect(BitcoinFeeRate(satsPerVByte: 4.9830000000000005)?.milliSatsPerVByte == 4_983)
    #expect(BitcoinFeeRate(satsPerVByte: 2.0109999999999997)?.milliSatsPerVByte == 2_011)
    #expect(BitcoinFeeRate(satsPerVByte: 4.285714285714286)?.milliSatsPerVByte == 4_286)
    #expect(BitcoinFeeRate(bitcoinPerKilovByte: 0.00001305)?.milliSatsPerVByte == 1_305)
    #expect(BitcoinFeeRate(satsPerVByte: -1) == nil)
    #expect(BitcoinFeeRate(satsPerVByte: .nan) == nil)
    #expect(BitcoinFeeRate(milliSatsPerVByte: 25_500).fee(forVSize: 141) == 3_596)
  }

  @Test func feeEstimateKeysSortNumerically() {
    let json = JSONValue.parse(Data(#"{"25":1.015,"5":2.3280000000000003,"144":1,"2":4.9830000000000005,"10":2.0109999999999997,"x":3}"#.utf8))
    let estimates = BitcoinMarket.sortedEstimates(json)
    #expect(estimates.map(\.target) == [2, 5, 10, 25, 144])
    #expect(estimates.first?.rate.milliSatsPerVByte == 4_983)
  }

  @Test func replacementIsOnlyWhenTheRootDiffersFromTheAskedTransaction() throws {
    let tree = try #require(JSONValue.parse(Data(EsploraFixture.replacementTree().utf8)))
    let replaced = try #require(BitcoinReplacement(json: tree, asked: EsploraFixture.txid))
    #expect(replaced.replacedBy == EsploraFixture.replacementTxid)
    #expect(replaced.originalFeeSats == 2_820)
    #expect(BitcoinReplacement(json: tree, asked: EsploraFixture.replacementTxid) == nil)
    #expect(BitcoinReplacement(json: ["replacements": nil, "replaces": nil], asked: EsploraFixture.txid) == nil)
  }
}
