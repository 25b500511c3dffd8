import Foundation
import TestSupport
import Testing

@testable import WalletDoctorCore

/// End-to-end TRON diagnosis through libcurl against local java-tron-shaped HTTP APIs.
@Suite("TRON diagnosis against local nodes")
struct TronDiagnosisTests {
  typealias Fixture = TronFixture

  func diagnose(_ endpoints: [EndpointSpec], timeout: Duration = .seconds(60)) async throws -> Diagnosis {
    let request = DiagnoseRequest(
      reference: try TransactionReference.parse(Fixture.txid), endpoints: endpoints, timeout: timeout)
    return await DiagnosisEngine(transport: CurlTransport.shared, registry: .builtIn).diagnose(request)
  }

  func endpoint(_ server: TestHTTPServer, headers: [String: String] = [:]) throws -> EndpointSpec {
    var spec = try EndpointSpec.parse("tron=\(server.baseURL.absoluteString)", registry: .builtIn)
    spec.headers = headers
    return spec
  }

  func details(_ diagnosis: Diagnosis) -> TronTransactionDetails? {
    if case .tron(let details)? = diagnosis.transaction { return details }
    return nil
  }

  /// Block 0 (`getblockbynum`) is the network check: these local endpoints are not built in.
  static let firstWave: Set<String> = [
    "/wallet/gettransactionbyid", "/wallet/gettransactioninfobyid", "/wallet/getnowblock", "/wallet/gettransactionfrompending",
    "/wallet/getblockbynum",
  ]
  static let secondWave: Set<String> = ["/wallet/getaccount", "/wallet/getaccountresource", "/wallet/getchainparameters"]

  /// Replies wait this long after their request arrived (in the tests that count waves).
  static let waveDelay = 300

  /// Holds each wave's replies until the whole wave has arrived (proof that it was sent at once),
  /// and delays every reply so a later wave's arrival shows it waited for the earlier answers.
  func countingWaves(_ fixture: inout Fixture) -> (first: ArrivalBarrier, second: ArrivalBarrier) {
    let first = ArrivalBarrier(expecting: Self.firstWave)
    let second = ArrivalBarrier(expecting: Self.secondWave)
    fixture.delayMilliseconds = Self.waveDelay
    fixture.onRequest = { request in
      first.arrive(request.path)
      second.arrive(request.path)
    }
    return (first, second)
  }

  /// Two sequential round trips, each sent at once: every second-wave request arrived at least
  /// one reply delay after every first-wave request (it could only be sent once the first wave
  /// was answered).
  func expectTwoWaves(_ server: TestHTTPServer, _ barriers: (first: ArrivalBarrier, second: ArrivalBarrier)) {
    let requests = server.requests
    #expect(Set(requests.map(\.path)) == Self.firstWave.union(Self.secondWave))
    #expect(server.requestCount == 8)
    #expect(barriers.first.allArrivedTogether, "the first wave is concurrent")
    #expect(barriers.second.allArrivedTogether, "the second wave is concurrent")
    let first = requests.filter { Self.firstWave.contains($0.path) }.map(\.receivedAt)
    let second = requests.filter { Self.secondWave.contains($0.path) }.map(\.receivedAt)
    if let firstLatest = first.max(), let secondEarliest = second.min() {
      #expect(secondEarliest - firstLatest >= .milliseconds(Self.waveDelay))
    }
  }

  // MARK: - Confirmed

  @Test func confirmedTRXTransferWithOmittedZeroFieldsTakesOneWave() async throws {
    var fixture = Fixture()
    // Every confirmed transaction is past its expiration: blockNumber decides, not the clock.
    fixture.transaction = Fixture.trxTransfer(amount: 100_000_000, expiration: fixture.headTimestamp - 3_600_000)
    fixture.info = #"{"id":"\#(Fixture.txid)","blockNumber":66899991,"blockTimeStamp":1731299973000,"contractResult":[""],"receipt":{"net_usage":265}}"#
    let server = try fixture.server()
    let diagnosis = try await diagnose([try endpoint(server)])

    #expect(diagnosis.status == .confirmed)
    #expect(diagnosis.exitCode == 0)
    #expect(diagnosis.chain == "tron")
    #expect(diagnosis.findings.isEmpty)
    let transaction = try #require(details(diagnosis))
    #expect(transaction.from == Fixture.sender)
    #expect(transaction.to == Fixture.recipient)
    #expect(transaction.amountSun == 100_000_000)
    #expect(transaction.feeSun == 0, "a missing fee is 0")
    #expect(transaction.blockNumber == 66_899_991)
    #expect(transaction.confirmations == 10)
    #expect(transaction.contractType == "TransferContract")
    #expect(diagnosis.summary.english.contains("100.000000 TRX to \(Fixture.recipient)"))
    #expect(server.requestCount == 5)
    #expect(Set(server.requests.map(\.path)) == Self.firstWave)
    #expect(diagnosis.sources.first?.head == 66_900_000)
    let json = try JSONOutput.string(DiagnosisDocument(diagnosis, language: .english))
    #expect(!json.contains(Fixture.senderHex), "addresses are shown in base58 only")
  }

  @Test func successfulUSDTTransferIsJudgedByTheReceiptNotItsZeroReturnWord() async throws {
    var fixture = Fixture()
    fixture.transaction = Fixture.usdtTransfer(amount: 25_000_000, feeLimit: 30_000_000, expiration: fixture.headTimestamp - 60_000)
    fixture.info = #"{"id":"\#(Fixture.txid)","fee":6428500,"blockNumber":66899999,"blockTimeStamp":1731299997000,"contractResult":["\#(String(repeating: "0", count: 64))"],"contract_address":"\#(Fixture.usdtHex)","receipt":{"energy_fee":6428500,"energy_usage_total":64285,"net_usage":345,"result":"SUCCESS","energy_penalty_total":49635}}"#
    let server = try fixture.server()
    let diagnosis = try await diagnose([try endpoint(server)])

    #expect(diagnosis.status == .confirmed)
    let transaction = try #require(details(diagnosis))
    #expect(transaction.to == Fixture.recipient, "the token recipient, not the contract")
    #expect(transaction.token == TronTokenTransfer(contract: Fixture.usdt, amount: "25000000"))
    #expect(transaction.token?.symbol == "USDT")
    #expect(transaction.energyUsed == 64_285)
    #expect(transaction.feeLimitSun == 30_000_000)
    #expect(diagnosis.summary.english.contains("25 USDT"))
    #expect(diagnosis.summary.english.contains("6.428500 TRX"))
    #expect(server.requestCount == 5)
  }

  // MARK: - Failed

  @Test func usdtOutOfEnergyGivesEveryRetryNumberInTwoWaves() async throws {
    var fixture = Fixture()
    fixture.transaction = Fixture.usdtTransfer(
      amount: 25_000_000, feeLimit: 5_000_000, expiration: fixture.headTimestamp - 60_000, ret: "OUT_OF_ENERGY")
    let barriers = countingWaves(&fixture)
    let message = "Not enough energy for 'SSTORE' operation executing: curInvokeEnergyLimit[50000], curOpEnergy[20000], penaltyEnergy[0], usedEnergy[30000]"
    fixture.info = #"{"id":"\#(Fixture.txid)","fee":5345000,"blockNumber":66899998,"blockTimeStamp":1731299994000,"contractResult":[""],"contract_address":"\#(Fixture.usdtHex)","receipt":{"energy_fee":5000000,"energy_usage_total":50000,"net_fee":345000,"result":"OUT_OF_ENERGY"},"result":"FAILED","resMessage":"\#(Fixture.hex(message))"}"#
    fixture.balanceSun = 7_500_000
    fixture.freeNetUsed = 600  // no free bandwidth left: 345 bytes burn 345,000 sun
    let server = try fixture.server()
    let diagnosis = try await diagnose([try endpoint(server)])

    #expect(diagnosis.status == .failed)
    #expect(diagnosis.exitCode == 0)
    #expect(diagnosis.findings.map(\.code) == [.outOfEnergy, .insufficientTRX])
    let outOfEnergy = diagnosis.findings[0]
    #expect(outOfEnergy.evidence["res_message"] == .string(message), "resMessage is decoded from hex")
    #expect(outOfEnergy.evidence["energy_used"] == .integer(50_000))
    #expect(outOfEnergy.evidence["fee_limit_sun"] == .integer(5_000_000))
    #expect(outOfEnergy.message.english.contains("5.345000 TRX was burned"))
    #expect(diagnosis.summary.english.contains("the tokens did not move"))

    let retry = try #require(diagnosis.recommendations.first { $0.action == "retry_with_energy" })
    let params = retry.params
    #expect(params["energy_used"] == .integer(50_000))
    #expect(params["previous_fee_limit_sun"] == .integer(5_000_000))
    #expect(params["energy_price_sun"] == .integer(100), "live getEnergyFee")
    #expect(params["energy_needed"] == .integer(130_285))
    #expect(params["energy_assumption"] == .string("recipient_without_usdt"))
    #expect(params["energy_if_recipient_holds_usdt"] == .integer(64_285))
    // 130,285 × 100 = 13,028,500 sun.
    #expect(params["energy_cost_sun"] == .integer(13_028_500))
    #expect(params["energy_cost_trx"] == .string("13.028500"))
    #expect(params["min_fee_limit_sun"] == .integer(13_028_500))
    #expect(params["fee_limit_sun"] == .integer(14_000_000))
    #expect(params["fee_limit_trx"] == .string("14.000000"))
    #expect(params["sender_balance_sun"] == .integer(7_500_000))
    #expect(params["sender_energy_available"] == .integer(0))
    #expect(params["energy_burn_sun"] == .integer(13_028_500))
    // Bandwidth from the receipt: 345,000 sun net fee / 1,000 sun per byte = 345 bytes.
    #expect(params["bandwidth_bytes"] == .integer(345))
    #expect(params["bandwidth_burn_sun"] == .integer(345_000))
    #expect(params["required_sun"] == .integer(13_373_500))
    #expect(params["required_trx"] == .string("13.373500"))
    #expect(retry.message.english.contains("130,285 energy"))
    #expect(retry.message.english.contains("64,285"))
    #expect(retry.message.english.contains("13.028500 TRX"))
    #expect(retry.message.english.contains("rent energy"))
    #expect(retry.message.simplifiedChinese.contains("租用能量"))

    let insufficient = diagnosis.findings[1]
    // 13,373,500 − 7,500,000 = 5,873,500 sun short.
    #expect(insufficient.evidence["shortfall_sun"] == .integer(5_873_500))
    #expect(insufficient.evidence["shortfall_trx"] == .string("5.873500"))
    #expect(insufficient.message.english.contains("7.500000 TRX"))

    expectTwoWaves(server, barriers)
    let accountRequest = try #require(server.requests.first { $0.path == "/wallet/getaccount" })
    let body = try #require(accountRequest.json as? [String: Any])
    #expect(body["address"] as? String == Fixture.senderHex)
  }

  @Test func stakedEnergyAndEnoughTRXMeanNoInsufficientFinding() async throws {
    var fixture = Fixture()
    fixture.transaction = Fixture.usdtTransfer(
      amount: 25_000_000, feeLimit: 5_000_000, expiration: fixture.headTimestamp - 60_000, ret: "OUT_OF_ENERGY")
    fixture.info = #"{"id":"\#(Fixture.txid)","fee":5000000,"blockNumber":66899998,"contractResult":[""],"receipt":{"energy_fee":5000000,"energy_usage_total":50000,"net_usage":345,"result":"OUT_OF_ENERGY"},"result":"FAILED"}"#
    fixture.energyLimit = 100_000
    fixture.balanceSun = 4_000_000
    let server = try fixture.server()
    let diagnosis = try await diagnose([try endpoint(server)])

    #expect(diagnosis.findings.map(\.code) == [.outOfEnergy])
    let params = try #require(diagnosis.recommendations.first { $0.action == "retry_with_energy" }?.params)
    // (130,285 − 100,000) × 100 = 3,028,500; free bandwidth covers 345 bytes.
    #expect(params["energy_burn_sun"] == .integer(3_028_500))
    #expect(params["bandwidth_burn_sun"] == .integer(0))
    #expect(params["required_sun"] == .integer(3_028_500))
    // The fee limit still has to cover all the energy the call may use.
    #expect(params["fee_limit_sun"] == .integer(14_000_000))
  }

  @Test func revertDecodesTheErrorStringAndAsksNothingMore() async throws {
    var fixture = Fixture()
    fixture.transaction = Fixture.usdtTransfer(
      amount: 900_000_000, feeLimit: 30_000_000, expiration: fixture.headTimestamp - 60_000, ret: "REVERT")
    let revertData = "08c379a0" + String(repeating: "0", count: 62) + "20" + String(repeating: "0", count: 62) + "26"
      + Fixture.hex("ERC20: transfer amount exceeds balance") + String(repeating: "0", count: 52)
    fixture.info = #"{"id":"\#(Fixture.txid)","fee":1295600,"blockNumber":66899990,"contractResult":["\#(revertData)"],"contract_address":"\#(Fixture.usdtHex)","receipt":{"energy_fee":950600,"energy_usage_total":9506,"net_fee":345000,"result":"REVERT"},"result":"FAILED","resMessage":"\#(Fixture.hex("REVERT opcode executed"))"}"#
    let server = try fixture.server()
    let diagnosis = try await diagnose([try endpoint(server)])

    #expect(diagnosis.status == .failed)
    #expect(diagnosis.findings.map(\.code) == [.reverted])
    #expect(diagnosis.findings[0].evidence["revert_reason"] == .string("ERC20: transfer amount exceeds balance"))
    #expect(diagnosis.findings[0].evidence["res_message"] == .string("REVERT opcode executed"))
    #expect(diagnosis.summary.english.contains("“ERC20: transfer amount exceeds balance”"))
    #expect(diagnosis.summary.english.contains("1.295600 TRX"))
    #expect(diagnosis.recommendations.first?.action == "retry")
    #expect(diagnosis.recommendations.first?.message.english.contains("token balance was too low") == true)
    #expect(server.requestCount == 5, "a revert needs no account data")
  }

  @Test(arguments: [
    ("OUT_OF_TIME", ReasonCode.outOfTime), ("BAD_JUMP_DESTINATION", .badJumpDestination),
    ("TRANSFER_FAILED", .transferFailed), ("UNKNOWN", .contractFailed), ("SOMETHING_NEW", .contractFailed),
  ])
  func otherFailuresUseTheirLowerCasedCode(name: String, code: ReasonCode) async throws {
    var fixture = Fixture()
    fixture.transaction = Fixture.usdtTransfer(
      amount: 1, feeLimit: 30_000_000, expiration: fixture.headTimestamp - 60_000, ret: name)
    fixture.info = #"{"id":"\#(Fixture.txid)","fee":30000000,"blockNumber":66899990,"contractResult":[""],"receipt":{"energy_usage_total":300000,"result":"\#(name)"},"result":"FAILED"}"#
    let server = try fixture.server()
    let diagnosis = try await diagnose([try endpoint(server)])
    #expect(diagnosis.status == .failed)
    #expect(diagnosis.findings.map(\.code) == [code])
    #expect(server.requestCount == 5)
  }

  // MARK: - Pending and expired

  @Test func pendingUSDTTransferHasASecondsETAAndChecksTheSender() async throws {
    var fixture = Fixture()
    fixture.pending = Fixture.usdtTransfer(amount: 25_000_000, feeLimit: 30_000_000, expiration: fixture.headTimestamp + 50_000, ret: nil)
    let barriers = countingWaves(&fixture)
    let server = try fixture.server()
    let diagnosis = try await diagnose([try endpoint(server)])

    #expect(diagnosis.status == .pending)
    #expect(diagnosis.exitCode == 0)
    #expect(diagnosis.findings.isEmpty)
    #expect(diagnosis.eta == ETA(minSeconds: 3, maxSeconds: 15))
    let wait = try #require(diagnosis.recommendations.first)
    #expect(wait.action == "wait")
    #expect(wait.params["seconds_until_expiration"] == .integer(50))
    #expect(details(diagnosis)?.expiration == fixture.headTimestamp + 50_000)
    #expect(details(diagnosis)?.blockNumber == nil)
    expectTwoWaves(server, barriers)
  }

  @Test func pendingWithATooLowFeeLimitAndTooLittleTRXIsWarned() async throws {
    var fixture = Fixture()
    fixture.pending = Fixture.usdtTransfer(amount: 25_000_000, feeLimit: 5_000_000, expiration: fixture.headTimestamp + 6_000, ret: nil)
    fixture.balanceSun = 2_000_000
    let server = try fixture.server()
    let diagnosis = try await diagnose([try endpoint(server)])

    #expect(diagnosis.status == .pending)
    #expect(diagnosis.findings.map(\.code) == [.insufficientTRX, .feeLimitTooLow])
    #expect(diagnosis.findings[1].evidence["energy_affordable"] == .integer(50_000))
    #expect(diagnosis.eta == ETA(minSeconds: 3, maxSeconds: 6), "capped by the 6 s left before expiration")
    let topUp = try #require(diagnosis.recommendations.first { $0.action == "top_up" })
    // 13,028,500 energy burn (free bandwidth covers 350 bytes) − 2,000,000 = 11,028,500.
    #expect(topUp.params["min_amount_sun"] == .integer(11_028_500))
    #expect(topUp.params["min_amount_trx"] == .string("11.028500"))
  }

  @Test func expiredIsJudgedOnTheNodesClockNotTheLocalOne() async throws {
    var fixture = Fixture()
    // The node's head is in 2100, after the expiration; the local clock is before both.
    fixture.headTimestamp = 4_102_444_800_000
    fixture.pending = Fixture.trxTransfer(amount: 5_000_000, expiration: fixture.headTimestamp - 30_000, ret: nil)
    let server = try fixture.server()
    let diagnosis = try await diagnose([try endpoint(server)])

    #expect(diagnosis.status == .expired)
    #expect(diagnosis.exitCode == 0)
    #expect(diagnosis.findings.map(\.code) == [.transactionExpired])
    #expect(diagnosis.findings[0].evidence["head_block_timestamp"] == .integer(4_102_444_800_000))
    #expect(diagnosis.recommendations.map(\.action) == ["send_again"])
    #expect(diagnosis.summary.english.contains("30 s past"))
    #expect(diagnosis.summary.english.contains("Nothing was charged"))
    #expect(server.requestCount == 5, "an expired transaction needs no account data")
  }

  @Test func pastExpirationOnTheLocalClockIsStillPendingWhenTheNodeIsBehindIt() async throws {
    var fixture = Fixture()
    fixture.headTimestamp = 1_600_000_000_000  // 2020: long before the local clock
    fixture.pending = Fixture.trxTransfer(amount: 5_000_000, expiration: fixture.headTimestamp + 20_000, ret: nil)
    let server = try fixture.server()
    let diagnosis = try await diagnose([try endpoint(server)])
    #expect(diagnosis.status == .pending)
    #expect(diagnosis.eta == ETA(minSeconds: 3, maxSeconds: 15))
  }

  // MARK: - Not found and endpoint faults

  @Test func emptyObjectsEverywhereIsNotFound() async throws {
    let server = try Fixture().server()
    let diagnosis = try await diagnose([try endpoint(server)])
    #expect(diagnosis.status == .notFound)
    #expect(diagnosis.exitCode == 1)
    #expect(diagnosis.sources.map(\.ok) == [true])
    #expect(server.requestCount == 5)
  }

  @Test func errorObjectWithHTTP200IsAFailedSourceAndTheOtherEndpointDecides() async throws {
    var broken = Fixture()
    broken.errorObject = #"{"Error":"class org.tron.core.exception.BadItemException : node is syncing"}"#
    var good = Fixture()
    good.transaction = Fixture.trxTransfer(amount: 1_000_000, expiration: good.headTimestamp - 60_000)
    good.info = #"{"id":"\#(Fixture.txid)","blockNumber":66899999,"contractResult":[""],"receipt":{"net_usage":265}}"#
    let brokenServer = try broken.server()
    let goodServer = try good.server()
    let diagnosis = try await diagnose([try endpoint(brokenServer), try endpoint(goodServer)])

    #expect(diagnosis.status == .confirmed)
    #expect(diagnosis.sources.count == 2)
    #expect(diagnosis.sources[0].ok == false)
    #expect(diagnosis.sources[0].errorKind == .rpcError)
    #expect(diagnosis.sources[0].error?.english.contains("node is syncing") == true)
    #expect(diagnosis.sources[1].ok)
  }

  @Test func laggingEndpointIsIgnored() async throws {
    var stale = Fixture()
    stale.headNumber = 66_899_000
    var fresh = Fixture()
    fresh.transaction = Fixture.trxTransfer(amount: 1_000_000, expiration: fresh.headTimestamp - 60_000)
    fresh.info = #"{"id":"\#(Fixture.txid)","blockNumber":66899500,"contractResult":[""],"receipt":{"net_usage":265}}"#
    let staleServer = try stale.server()
    let freshServer = try fresh.server()
    let diagnosis = try await diagnose([try endpoint(staleServer), try endpoint(freshServer)])
    #expect(diagnosis.status == .confirmed)
    #expect(diagnosis.sources[0].errorKind == .lagging)
    #expect(!diagnosis.findings.contains { $0.code == .endpointDisagreement })
  }

  @Test func apiKeyHeaderIsSentButNeverShown() async throws {
    let key = "0f3c2a1b-9d8e-4f7a-b6c5-d4e3f2a1b0c9"
    let server = try Fixture().server()
    let diagnosis = try await diagnose([try endpoint(server, headers: ["TRON-PRO-API-KEY": key])])
    #expect(server.requests.allSatisfy { $0.header("tron-pro-api-key") == key })
    let json = try JSONOutput.string(DiagnosisDocument(diagnosis, language: .simplifiedChinese))
    #expect(!json.contains(key))
  }
}

/// TRON decoding: addresses, hex text, ABI words, TRX amounts.
@Suite("TRON decoding")
struct TronDecodingTests {
  @Test func addressesInEverySpellingBecomeBase58() {
    #expect(TronAddress.base58(hex: "41a614f803b6fd780986a42c78ec9c7f77e6ded13c") == "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")
    #expect(TronAddress.base58(hex: "a614f803b6fd780986a42c78ec9c7f77e6ded13c") == "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")
    #expect(
      TronAddress.base58(hex: "000000000000000000000000a614f803b6fd780986a42c78ec9c7f77e6ded13c")
        == "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")
    #expect(TronAddress.base58(hex: TronFixture.senderHex) == TronFixture.sender)
    #expect(TronAddress.base58(hex: "42a614f803b6fd780986a42c78ec9c7f77e6ded13c") == nil)
    #expect(TronAddress.base58(hex: "41zz") == nil)
    #expect(TronAddress.isValid("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"))
    #expect(!TronAddress.isValid("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u"))
  }

  @Test func base58KeepsLeadingZeroBytes() {
    #expect(TronAddress.base58([0, 0, 1]) == "112")
    #expect(TronAddress.base58([]) == "")
  }

  @Test func resMessageDecodesFromHexAndIsBounded() {
    #expect(TronHex.text("4f75742074696d65") == "Out time")
    #expect(TronHex.text("00010203") == nil, "control characters only")
    #expect(TronHex.text("zz") == nil)
    #expect(TronHex.text(String(repeating: "41", count: 2_000))?.count == 500)
  }

  @Test func uint256AmountsBecomeDecimalStrings() {
    #expect(TronHex.decimal("00000000000000000000000000000000000000000000000000000000003567e0") == "3500000")
    #expect(TronHex.decimal(String(repeating: "f", count: 64)) == "115792089237316195423570985008687907853269984665640564039457584007913129639935")
    #expect(TronHex.decimal("0") == "0")
  }

  @Test func revertReasonNeedsTheErrorSelectorAndSaneLengths() {
    let good = "08c379a0" + String(repeating: "0", count: 62) + "20" + String(repeating: "0", count: 62) + "05"
      + TronFixture.hex("oops!") + String(repeating: "0", count: 54)
    #expect(TronContractABI.revertReason(good) == "oops!")
    #expect(TronContractABI.revertReason("deadbeef" + good.dropFirst(8)) == nil)
    #expect(TronContractABI.revertReason(String(repeating: "0", count: 64)) == nil)
    let truncated = String(good.prefix(8 + 128))
    #expect(TronContractABI.revertReason(truncated) == nil)
  }

  @Test func feeLimitsBeyond32BitsAreKept() throws {
    let body = TronFixture.usdtTransfer(amount: 1, feeLimit: 10_000_000_000, expiration: 1_731_300_000_000)
    let json = try #require(JSONValue.parse(Data(body.utf8)))
    let transaction = try #require(TronTransaction(json: json))
    #expect(transaction.feeLimitSun == 10_000_000_000)
    #expect(transaction.isUSDTTransfer)
    #expect(transaction.token?.amount == "1")
  }

  @Test func trxAlwaysShowsSixDecimals() {
    #expect(TronUnits.trx(13_028_500) == "13.028500")
    #expect(TronUnits.trx(14_000_000) == "14.000000")
    #expect(TronUnits.trx(1) == "0.000001")
    #expect(TronUnits.trx(10_000_000_000) == "10000.000000")
  }

  @Test func chainParametersTreatMissingValuesAsZero() throws {
    let json = try #require(JSONValue.parse(Data(#"{"chainParameter":[{"key":"getEnergyFee","value":210},{"key":"getTransactionFee"}]}"#.utf8)))
    let parameters = TronChainParameters(json: json)
    #expect(parameters.energyPriceSun == 210)
    #expect(parameters.bandwidthPriceSun == nil)
  }
}
