import Foundation
import TestSupport
import Testing

@testable import WalletDoctorCore

/// End-to-end EVM diagnosis through libcurl against local JSON-RPC nodes on 127.0.0.1.
@Suite("EVM diagnosis against local nodes")
struct EVMDiagnosisTests {
  typealias Fixture = EVMNodeFixture

  /// Diagnoses `hash` using exactly the given servers as `--rpc` endpoints.
  func diagnose(
    _ servers: [(chain: String, server: any HasBaseURL)], hash: String = Fixture.hash, chains: [String] = [],
    timeout: Duration = .seconds(60)
  ) async throws -> Diagnosis {
    let registry = ChainRegistry.builtIn
    var endpoints: [EndpointSpec] = []
    for (chain, server) in servers {
      endpoints.append(try EndpointSpec.parse("\(chain)=\(server.baseURL.absoluteString)", registry: registry))
    }
    let request = DiagnoseRequest(
      reference: try TransactionReference.parse(hash), chainNames: chains, endpoints: endpoints, timeout: timeout)
    return await DiagnosisEngine(transport: CurlTransport.shared, registry: registry).diagnose(request)
  }

  func param(_ recommendation: Recommendation?, _ key: String) -> String? {
    recommendation?.params[key]?.stringValue
  }

  // MARK: - Mined

  @Test func confirmedTransactionTakesOneRequestAndReportsConfirmationsAndFee() async throws {
    var fixture = Fixture()
    fixture.transaction?.blockNumber = 18_999_991
    fixture.receipt = .init(status: 1, blockNumber: 18_999_991, gasUsed: 21_000, effectiveGasPrice: 15_000_000_000)
    let server = try fixture.server()
    let diagnosis = try await diagnose([("ethereum", server)])

    #expect(diagnosis.status == .confirmed)
    #expect(diagnosis.exitCode == 0)
    #expect(diagnosis.chain == "ethereum")
    guard case .evm(let transaction)? = diagnosis.transaction else { Issue.record("no EVM details"); return }
    #expect(transaction.confirmations == 10)
    #expect(transaction.feePaidWei == 315_000_000_000_000)
    #expect(diagnosis.summary.english.contains("0.000315 ETH"))
    #expect(diagnosis.eta == nil)
    try #require(server.requestCount == 1)
    #expect(
      JSONRPCNode.methods(in: server.requests[0]) == [
        "eth_chainId", "eth_getTransactionByHash", "eth_getTransactionReceipt", "eth_getBlockByNumber",
        "eth_feeHistory", "eth_maxPriorityFeePerGas",
      ])
    try #require(diagnosis.sources.count == 1)
    #expect(diagnosis.sources[0].ok)
    #expect(diagnosis.sources[0].head == 19_000_000)
  }

  @Test func revertedTransactionIsFailedAndSaysTheFeeWasPaid() async throws {
    var fixture = Fixture()
    fixture.transaction?.gas = 60_000
    fixture.receipt = .init(status: 0, blockNumber: 18_999_999, gasUsed: 30_000)
    let diagnosis = try await diagnose([("ethereum", try fixture.server())])

    #expect(diagnosis.status == .failed)
    #expect(diagnosis.exitCode == 0)
    #expect(diagnosis.findings.map(\.code) == [.reverted])
    #expect(diagnosis.summary.english.contains("value did not move"))
    #expect(diagnosis.recommendations.first?.action == "retry")
  }

  @Test func failedReceiptThatUsedAllGasIsOutOfGas() async throws {
    var fixture = Fixture()
    fixture.transaction?.gas = 60_000
    fixture.receipt = .init(status: 0, blockNumber: 18_999_999, gasUsed: 60_000)
    let diagnosis = try await diagnose([("ethereum", try fixture.server())])

    #expect(diagnosis.status == .failed)
    #expect(Set(diagnosis.findings.map(\.code)) == [.reverted, .outOfGas])
    #expect(diagnosis.recommendations.first?.params["gas_limit_exhausted"] == .integer(60_000))
  }

  @Test func successfulTransferUsingExactlyItsGasIsNotOutOfGas() async throws {
    var fixture = Fixture()
    fixture.receipt = .init(status: 1, blockNumber: 18_999_999, gasUsed: 21_000)
    let diagnosis = try await diagnose([("ethereum", try fixture.server())])
    #expect(diagnosis.status == .confirmed)
    #expect(diagnosis.findings.isEmpty)
  }

  @Test func preByzantiumReceiptWithoutStatusIsConfirmed() async throws {
    var fixture = Fixture()
    fixture.receipt = .init(status: nil, blockNumber: 4_000_000, gasUsed: 21_000)
    let diagnosis = try await diagnose([("ethereum", try fixture.server())])
    #expect(diagnosis.status == .confirmed)
    #expect(diagnosis.findings.map(\.code) == [.preByzantiumReceipt])
  }

  // MARK: - Pending

  @Test func pendingBelowBaseFeeRecommendsExactReplacementFees() async throws {
    let server = try Fixture().server()
    let diagnosis = try await diagnose([("ethereum", server)])

    #expect(diagnosis.status == .pending)
    #expect(diagnosis.findings.map(\.code) == [.feeBelowBaseFee, .priorityFeeLow])
    #expect(diagnosis.eta == nil, "no ETA while the fee cannot clear the base fee")
    let speedUp = diagnosis.recommendations.first { $0.action == "speed_up" }
    // maxFee 20_000_000_003 × 110 / 100 = 22_000_000_003 (floored); tip 1_000_000_007 → 1_100_000_007.
    #expect(param(speedUp, "min_max_fee_per_gas_wei") == "22000000003")
    #expect(param(speedUp, "min_max_priority_fee_per_gas_wei") == "1100000007")
    // Recommended tip = max(min tip, market tip 2 gwei); max fee = max(min, 2 × 30 gwei + tip).
    #expect(param(speedUp, "max_priority_fee_per_gas_wei") == "2000000000")
    #expect(param(speedUp, "max_fee_per_gas_wei") == "62000000000")
    #expect(speedUp?.params["nonce"] == .integer(7))
    #expect(speedUp?.message.english.contains("62 gwei") == true)

    let cancel = diagnosis.recommendations.first { $0.action == "cancel" }
    #expect(cancel?.params["to"] == .string(Fixture.sender))
    #expect(cancel?.params["value_wei"] == .string("0"))
    #expect(cancel?.params["gas_limit"] == .integer(21_000))
    #expect(param(cancel, "max_fee_per_gas_wei") == "62000000000")
    #expect(param(cancel, "min_max_fee_per_gas_wei") == "22000000003")
    #expect(cancel?.message.english.contains("lose the race") == true)

    // Two sequential round trips: the first look, then nonces and balance.
    try #require(server.requestCount == 2)
    #expect(
      JSONRPCNode.methods(in: server.requests[1]) == [
        "eth_getTransactionCount", "eth_getTransactionCount", "eth_getBalance",
      ])
    let evidence = diagnosis.findings[0].evidence
    #expect(evidence["next_base_fee_wei"] == .string("30000000000"))
    #expect(evidence["min_blocks_until_base_fee_fits"] == .integer(4))
  }

  @Test func legacyPendingTransactionUsesGasPriceRules() async throws {
    var fixture = Fixture()
    fixture.transaction = .init(type: 0, maxFeePerGas: nil, maxPriorityFeePerGas: nil, gasPrice: 25_000_000_001)
    let diagnosis = try await diagnose([("ethereum", try fixture.server())])

    #expect(diagnosis.status == .pending)
    #expect(diagnosis.findings.first?.code == .feeBelowBaseFee)
    let speedUp = diagnosis.recommendations.first { $0.action == "speed_up" }
    #expect(param(speedUp, "min_gas_price_wei") == "27500000001")
    #expect(param(speedUp, "gas_price_wei") == "32000000000")  // base fee 30 + market tip 2
    #expect(speedUp?.params["max_fee_per_gas_wei"] == nil)
    guard case .evm(let details)? = diagnosis.transaction else { Issue.record("no details"); return }
    #expect(details.gasPriceWei == 25_000_000_001)
    #expect(details.maxFeePerGasWei == nil)
  }

  @Test func nonceGapNamesTheMissingNoncesAndUnblocksTheFirst() async throws {
    var fixture = Fixture()
    fixture.transaction?.nonce = 9
    fixture.transaction?.maxFeePerGas = 100_000_000_000
    fixture.confirmedNonce = 7
    fixture.pendingNonce = 7
    let diagnosis = try await diagnose([("ethereum", try fixture.server())])

    #expect(diagnosis.status == .pending)
    let gap = diagnosis.findings.first { $0.code == .nonceGap }
    #expect(gap?.evidence["missing_nonces"] == [7, 8])
    #expect(gap?.message.english.contains("7…8") == true)
    #expect(diagnosis.recommendations.map(\.action) == ["unblock_nonce"])
    let unblock = diagnosis.recommendations[0]
    #expect(unblock.params["nonce"] == .integer(7))
    #expect(param(unblock, "max_priority_fee_per_gas_wei") == "2000000000")
    #expect(param(unblock, "max_fee_per_gas_wei") == "62000000000")
    #expect(diagnosis.eta == nil)
  }

  @Test func waitingOnEarlierNonceUnblocksTheConfirmedCount() async throws {
    var fixture = Fixture()
    fixture.transaction?.nonce = 9
    fixture.transaction?.maxFeePerGas = 100_000_000_000
    fixture.confirmedNonce = 7
    fixture.pendingNonce = 10
    let diagnosis = try await diagnose([("ethereum", try fixture.server())])

    #expect(diagnosis.findings.contains { $0.code == .waitingOnEarlierNonce })
    #expect(!diagnosis.findings.contains { $0.code == .nonceGap })
    #expect(diagnosis.recommendations.map(\.action) == ["unblock_nonce"])
    #expect(diagnosis.recommendations[0].params["nonce"] == .integer(7))
  }

  @Test func usedNonceMeansReplacedWithoutSpeedUpOrCancel() async throws {
    var fixture = Fixture()
    fixture.transaction?.nonce = 5
    fixture.confirmedNonce = 7
    let diagnosis = try await diagnose([("ethereum", try fixture.server())])

    #expect(diagnosis.status == .replaced)
    #expect(diagnosis.exitCode == 0)
    #expect(diagnosis.findings.map(\.code) == [.nonceAlreadyUsed])
    #expect(!diagnosis.recommendations.contains { ["speed_up", "cancel"].contains($0.action) })
    #expect(diagnosis.summary.english.contains("did not leave twice"))
  }

  @Test func insufficientBalanceComputesTheExactShortfall() async throws {
    var fixture = Fixture()
    fixture.balance = 100_000_000_000_000_000
    let diagnosis = try await diagnose([("ethereum", try fixture.server())])

    let finding = diagnosis.findings.first { $0.code == .insufficientBalance }
    // 0.5 ETH + 21000 × 20_000_000_003 wei = 500_420_000_000_063_000 wei.
    #expect(finding?.evidence["required_wei"] == .string("500420000000063000"))
    #expect(finding?.evidence["shortfall_wei"] == .string("400420000000063000"))
    let topUp = diagnosis.recommendations.first { $0.action == "top_up" }
    #expect(param(topUp, "min_amount_wei") == "400420000000063000")
  }

  @Test func healthyPendingTransactionGetsAnETARangeAndWaitAdvice() async throws {
    var fixture = Fixture()
    fixture.transaction?.maxFeePerGas = 100_000_000_000
    fixture.transaction?.maxPriorityFeePerGas = 2_000_000_000
    let diagnosis = try await diagnose([("ethereum", try fixture.server())])

    #expect(diagnosis.status == .pending)
    #expect(diagnosis.findings.isEmpty)
    #expect(diagnosis.eta == ETA(minSeconds: 12, maxSeconds: 36))
    #expect(diagnosis.recommendations.first?.action == "wait")
  }

  @Test func congestionIsReportedWithTheBaseFeeTrend() async throws {
    var fixture = Fixture()
    fixture.gasUsedRatios = Array(repeating: 0.97, count: 10)
    fixture.baseFees = [20_000_000_000] + Array(repeating: 28_000_000_000, count: 9) + [30_000_000_000]
    let diagnosis = try await diagnose([("ethereum", try fixture.server())])
    let congestion = diagnosis.findings.first { $0.code == .congestion }
    #expect(congestion?.severity == .info)
    #expect(congestion?.evidence["base_fee_change_percent"] == .number(50))
  }

  @Test func marketTipFallsBackToFeeHistoryWhenTheMethodIsMissing() async throws {
    var fixture = Fixture()
    fixture.maxPriorityFee = nil
    fixture.rewards = Array(repeating: [1_500_000_000, 3_000_000_000, 5_000_000_000], count: 10)
    let diagnosis = try await diagnose([("ethereum", try fixture.server())])
    let speedUp = diagnosis.recommendations.first { $0.action == "speed_up" }
    #expect(param(speedUp, "max_priority_fee_per_gas_wei") == "3000000000")
    #expect(speedUp?.params["basis"]?["market_priority_fee_source"] == .string("eth_feeHistory p50 of the latest block"))
  }

  // MARK: - Not found and unknown

  @Test func unknownHashIsNotFoundWithExitOne() async throws {
    var fixture = Fixture()
    fixture.transaction = nil
    let diagnosis = try await diagnose([("ethereum", try fixture.server())])
    #expect(diagnosis.status == .notFound)
    #expect(diagnosis.exitCode == 1)
    #expect(diagnosis.chain == nil)
    #expect(diagnosis.transaction == nil)
  }

  @Test func notFoundOnOneChainWhileAnotherIsDownIsUnknown() async throws {
    var fixture = Fixture()
    fixture.transaction = nil
    let answering = try fixture.server()
    let down = try ClosedPort()
    let diagnosis = try await diagnose([("ethereum", answering), ("bsc", down)])
    #expect(diagnosis.status == .unknown)
    #expect(diagnosis.exitCode == 2)
    #expect(diagnosis.findings.contains { $0.code == .endpointsUnavailable })
  }

  @Test func nothingReachableOnAnyChainIsSaidOnceAsANetworkProblem() async throws {
    let first = try ClosedPort()
    let second = try ClosedPort()
    let diagnosis = try await diagnose([("ethereum", first), ("bsc", second)])
    #expect(diagnosis.status == .unknown)
    #expect(diagnosis.findings.count == 1)
    #expect(diagnosis.findings.first?.message.english.contains("may be offline") == true)
    #expect(diagnosis.findings.first?.evidence["endpoints"] == .integer(2))
  }

  // MARK: - Endpoint faults

  @Test func wrongChainIdIsIgnoredAndReported() async throws {
    var wrong = Fixture()
    wrong.chainId = 56
    wrong.transaction = nil
    var right = Fixture()
    right.receipt = .init(status: 1, blockNumber: 18_999_999)
    let diagnosis = try await diagnose([("ethereum", try wrong.server()), ("ethereum", try right.server())])

    #expect(diagnosis.status == .confirmed)
    #expect(diagnosis.findings.contains { $0.code == .endpointWrongChain })
    #expect(diagnosis.sources.map(\.ok) == [false, true])
    #expect(diagnosis.sources[0].errorKind == .wrongChain)
    #expect(diagnosis.sources[0].error?.english.contains("56") == true)
  }

  @Test func onlyAWrongChainEndpointGivesUnknown() async throws {
    var wrong = Fixture()
    wrong.chainId = 137
    let diagnosis = try await diagnose([("ethereum", try wrong.server())])
    #expect(diagnosis.status == .unknown)
    #expect(diagnosis.exitCode == 2)
  }

  @Test func oneOfTwoEndpointsDownStillGivesAVerdict() async throws {
    let down = try ClosedPort()
    var fixture = Fixture()
    fixture.receipt = .init(status: 1, blockNumber: 18_999_999)
    let diagnosis = try await diagnose([("ethereum", down), ("ethereum", try fixture.server())])
    #expect(diagnosis.status == .confirmed)
    #expect(diagnosis.sources[0].ok == false)
    #expect(diagnosis.sources[0].errorKind == .connect)
    #expect(diagnosis.sources[1].ok)
  }

  @Test(arguments: [JSONRPCNode.BatchSupport.httpError, .singleErrorObject])
  func endpointWithoutBatchSupportFallsBackToSingleCalls(support: JSONRPCNode.BatchSupport) async throws {
    var fixture = Fixture()
    fixture.receipt = .init(status: 1, blockNumber: 18_999_999)
    fixture.batchSupport = support
    let server = try fixture.server()
    let diagnosis = try await diagnose([("ethereum", server)])
    #expect(diagnosis.status == .confirmed)
    #expect(diagnosis.sources[0].ok)
    // The refused batch, then the six calls one by one.
    #expect(server.requestCount == 7)
  }

  @Test func laggingEndpointIsIgnored() async throws {
    var lagging = Fixture()
    lagging.head = 18_999_900
    lagging.transaction = nil
    var fresh = Fixture()
    fresh.receipt = .init(status: 1, blockNumber: 18_999_999)
    let diagnosis = try await diagnose([("ethereum", try lagging.server()), ("ethereum", try fresh.server())])
    #expect(diagnosis.status == .confirmed)
    #expect(diagnosis.sources[0].errorKind == .lagging)
    #expect(diagnosis.sources[0].error?.english.contains("100 blocks behind") == true)
    #expect(!diagnosis.findings.contains { $0.code == .endpointDisagreement })
  }

  @Test func disagreeingEndpointsAreSettledByTheFreshestHead() async throws {
    var older = Fixture()
    older.head = 18_999_990
    older.transaction = nil
    var newer = Fixture()
    newer.receipt = .init(status: 1, blockNumber: 18_999_995)
    let diagnosis = try await diagnose([("ethereum", try older.server()), ("ethereum", try newer.server())])
    #expect(diagnosis.status == .confirmed)
    let finding = diagnosis.findings.first { $0.code == .endpointDisagreement }
    #expect(finding != nil)
    #expect(finding?.evidence["answers"]?.arrayValue?.count == 2)
    #expect(diagnosis.exitCode == 0)
  }

  @Test func apiKeysInEndpointURLsAreMaskedInSources() async throws {
    var fixture = Fixture()
    fixture.receipt = .init(status: 1, blockNumber: 18_999_999)
    let server = try fixture.server()
    let key = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6"
    let endpoint = try EndpointSpec.parse("ethereum=\(server.baseURL.absoluteString)/v3/\(key)?apikey=\(key)", registry: .builtIn)
    let request = DiagnoseRequest(reference: try TransactionReference.parse(Fixture.hash), endpoints: [endpoint])
    let diagnosis = await DiagnosisEngine(transport: CurlTransport.shared).diagnose(request)
    let json = try JSONOutput.string(DiagnosisDocument(diagnosis, language: .english))
    #expect(!json.contains(key))
    #expect(diagnosis.sources[0].endpoint.hasSuffix("/v3/***?***"))
  }

  // MARK: - Concurrency and language

  @Test func twoChainsAreProbedConcurrently() async throws {
    var ethereum = Fixture()
    ethereum.transaction = nil
    ethereum.delayMilliseconds = 1000
    var bsc = Fixture()
    bsc.chainId = 56
    bsc.transaction = nil
    bsc.delayMilliseconds = 1000
    let first = try ethereum.server()
    let second = try bsc.server()
    let diagnosis = try await diagnose([("ethereum", first), ("bsc", second)])

    #expect(diagnosis.status == .notFound, "\(diagnosis.sources)")
    // Each request arrived before the other chain's reply went out: the two overlapped.
    let firstExchange = try #require(first.exchanges.first)
    let secondExchange = try #require(second.exchanges.first)
    #expect(firstExchange.request.receivedAt < secondExchange.repliedAt)
    #expect(secondExchange.request.receivedAt < firstExchange.repliedAt)
  }

  @Test func simplifiedChineseDocumentTranslatesEverySentence() async throws {
    let diagnosis = try await diagnose([("ethereum", try Fixture().server())])
    let document = DiagnosisDocument(diagnosis, language: .simplifiedChinese)
    #expect(document.summary.contains("待处理"))
    #expect(document.findings.allSatisfy { $0.message.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } })
    #expect(document.recommendations.allSatisfy { $0.message.contains("gwei") })
    #expect(document.findings.map(\.code.rawValue) == ["fee_below_base_fee", "priority_fee_low"])
  }
}
