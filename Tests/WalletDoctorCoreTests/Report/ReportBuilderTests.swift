import Foundation
import TestSupport
import Testing

@testable import WalletDoctorCore

@Suite("Support report: content")
struct ReportBuilderTests {
  @Test func twoTransactionsAreDiagnosedByTheEngineAgainstALocalNode() async throws {
    let server = try ReportFixture.twoTransactionNode()
    let temporary = TemporaryDirectory("report")
    let endpoint = try EndpointSpec.parse("ethereum=\(server.baseURL.absoluteString)", registry: .builtIn)
    let input = ReportInput(
      wallet: ReportFixture.wallet("imtoken"),
      transactions: [try TransactionReference.parse(ReportFixture.confirmedHash), try TransactionReference.parse(ReportFixture.pendingHash)],
      problem: "My transfer has been stuck for two hours.", contact: "alice@example.com", appVersion: "2.14.1",
      device: "iPhone 13, iOS 17.5", endpoints: [endpoint], timeout: .seconds(60))
    let engine = DiagnosisEngine(transport: CurlTransport.shared, registry: .builtIn)
    let directory = try await ReportFixture.write(input, diagnoser: engine, in: temporary.url)

    let report = try ReportFixture.json(directory, ReportFiles.reportJSON)
    #expect(report["schema"] as? String == "walletdoctor.report/1")
    let diagnoses = try #require(report["diagnoses"] as? [[String: Any]])
    #expect(diagnoses.map { $0["status"] as? String } == ["confirmed", "pending"])
    #expect(diagnoses.allSatisfy { $0["schema"] as? String == "walletdoctor.diagnosis/1" })
    #expect(report["tx_hashes"] as? [String] == [ReportFixture.confirmedHash, ReportFixture.pendingHash])
    #expect(report["category"] as? String == "transfer_pending")
    #expect(report["networks"] as? [String] == ["Ethereum"])
    #expect(server.requestCount >= 2)

    let request = ReportFixture.read(directory, ReportFiles.request)
    #expect(request.contains(ReportFixture.confirmedHash))
    #expect(request.contains(ReportFixture.pendingHash))
    #expect(request.contains("**confirmed**"))
    #expect(request.contains("**pending**"))
    #expect(request.contains("nonce 7"))
    #expect(request.contains("0.5 ETH"))
    #expect(request.contains("imToken, app version 2.14.1"))
    #expect(request.contains("iPhone 13, iOS 17.5"))
    #expect(request.contains("Send to: support@token.im"))
    // The endpoint was contacted but its address is masked in the diagnosis sources.
    let sources = try #require(diagnoses.first?["sources"] as? [[String: Any]])
    #expect(sources.first?["ok"] as? Bool == true)
  }

  @Test func offlineRecordsTheHashesOnlyAndContactsNothing() async throws {
    let diagnoser = RecordingDiagnoser()
    let temporary = TemporaryDirectory("report")
    let input = ReportInput(
      wallet: ReportFixture.wallet("metamask"), transactions: [try TransactionReference.parse(ReportFixture.pendingHash)],
      problem: "Pending since yesterday.", offline: true)
    let directory = try await ReportFixture.write(input, diagnoser: diagnoser, in: temporary.url)

    #expect(diagnoser.requests.isEmpty)
    let report = try ReportFixture.json(directory, ReportFiles.reportJSON)
    #expect(report["offline"] as? Bool == true)
    #expect((report["diagnoses"] as? [Any])?.isEmpty == true)
    #expect(report["tx_hashes"] as? [String] == [ReportFixture.pendingHash])
    #expect(report["category"] as? String == "transfer")
    #expect(ReportFixture.read(directory, ReportFiles.request).contains("prepared offline"))
  }

  @Test func aFakeDiagnoserIsCalledOncePerDistinctHashInOrder() async throws {
    let diagnoser = RecordingDiagnoser()
    let hashes = [ReportFixture.pendingHash, ReportFixture.confirmedHash, ReportFixture.pendingHash.uppercased().replacingOccurrences(of: "0X", with: "0x")]
    let input = ReportInput(transactions: try hashes.map { try TransactionReference.parse($0) }, minimumSources: 3)
    let report = try await ReportFixture.builder(diagnoser).build(input, caseID: ReportFixture.caseID(), createdAt: ReportFixture.createdAt)
    #expect(diagnoser.requests.count == 2)
    #expect(diagnoser.requests.allSatisfy { $0.minimumSources == 3 }, "--min-sources reaches every diagnosis")
    #expect(report.transactions.map(\.hash) == [ReportFixture.pendingHash, ReportFixture.confirmedHash])
  }

  @Test func aRecoverySessionBecomesWhatIAlreadyTried() async throws {
    let temporary = TemporaryDirectory("report")
    let recovery = try ReportFixture.stuckTransferRecovery()
    let input = ReportInput(wallet: ReportFixture.wallet("imtoken"), problem: "Still stuck.", recovery: recovery)
    let directory = try await ReportFixture.write(input, in: temporary.url)

    let request = ReportFixture.read(directory, ReportFiles.request)
    #expect(request.contains("## What I already tried"))
    #expect(request.contains("\"\(recovery.flow.title.english)\" guide (session 20261126-091500-ab2c)"))
    let restart = try #require(recovery.flow.step("restart-wallet")?.prompt?.english)
    #expect(request.contains("- \(restart) → Done"))
    #expect(request.contains("- Did this solve it? → No"))
    #expect(request.contains("- Result: \(try #require(recovery.outcome?.english))"))
    // The hash the walk recorded is a declared transaction, not a key.
    #expect(request.contains(ReportFixture.pendingHash))
    let report = try ReportFixture.json(directory, ReportFiles.reportJSON)
    let saved = try #require(report["recovery"] as? [String: Any])
    #expect(saved["schema"] as? String == "walletdoctor.recovery/1")
    #expect(saved["session_id"] as? String == "20261126-091500-ab2c")
    #expect(report["category"] as? String == "transfer")
    #expect((report["redactions"] as? [String: Int])?.isEmpty == true)
  }

  @Test(arguments: [
    ("forgot-password", ReportCategory.walletAccess), ("lost-phrase", .walletAccess), ("stolen-funds", .security),
  ])
  func recoveryFlowDecidesTheCategory(_ flow: String, _ category: ReportCategory) {
    #expect(ReportCategory.decide(recoveryFlow: flow, statuses: [.pending], hasTransactions: true) == category)
  }

  @Test func zhHansReportIsInChineseFollowedByAnEnglishCopy() async throws {
    let temporary = TemporaryDirectory("report")
    let input = ReportInput(
      wallet: ReportFixture.wallet("imtoken"), transactions: [try TransactionReference.parse(ReportFixture.pendingHash)],
      problem: "转账一直没有到账，已经等了两个小时。", contact: "bob@example.com", language: .simplifiedChinese,
      recovery: try ReportFixture.stuckTransferRecovery())
    let directory = try await ReportFixture.write(input, in: temporary.url)
    let request = ReportFixture.read(directory, ReportFiles.request)

    let chinese = try #require(request.range(of: "## 问题描述"))
    let english = try #require(request.range(of: "## Problem"))
    #expect(chinese.lowerBound < english.lowerBound)
    #expect(request.contains("英文副本"))
    #expect(request.contains("## 我已经尝试过的"))
    #expect(request.contains("## What I already tried"))
    #expect(request.contains("→ 已完成"))
    #expect(request.contains("→ Done"))
    #expect(request.contains("发送至：support@token.im"))
    // The user's own words appear in both copies: support may need to translate them.
    #expect(request.components(separatedBy: "转账一直没有到账").count == 3)
    let short = ReportFixture.read(directory, ReportFiles.shortPost)
    #expect(short.contains("骗子"))
    let report = try ReportFixture.json(directory, ReportFiles.reportJSON)
    #expect(report["lang"] as? String == "zh-Hans")
  }

  @Test func englishReportHasNoSecondCopy() async throws {
    let temporary = TemporaryDirectory("report")
    let directory = try await ReportFixture.write(ReportInput(wallet: ReportFixture.wallet("ledger"), problem: "Help."), in: temporary.url)
    let request = ReportFixture.read(directory, ReportFiles.request)
    #expect(request.components(separatedBy: "## Problem").count == 2)
    #expect(!request.contains("English copy"))
  }

  @Test func everyFileCarriesTheCaseIDAndTheManifestHashesMatch() async throws {
    let temporary = TemporaryDirectory("report")
    let input = ReportInput(wallet: ReportFixture.wallet("trust"), transactions: [try TransactionReference.parse(ReportFixture.pendingHash)], problem: "x")
    let directory = try await ReportFixture.write(input, in: temporary.url)
    let caseID = ReportFixture.caseID().value
    #expect(directory.lastPathComponent == "walletdoctor-report-20261126-093005-\(caseID)")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(names == ["00-request.md", "form-fields.json", "manifest.json", "report.json", "request.eml", "short.txt"])
    for name in names {
      #expect(ReportFixture.read(directory, name).contains(caseID), "\(name)")
    }
    let manifest = try JSONDecoder().decode(
      ReportManifest.self, from: try #require(FileManager.default.contents(atPath: directory.appendingPathComponent("manifest.json").path)))
    #expect(manifest.caseID.value == caseID)
    #expect(manifest.files.map(\.name) == ["00-request.md", "request.eml", "form-fields.json", "short.txt", "report.json"])
    for file in manifest.files {
      let data = try #require(FileManager.default.contents(atPath: directory.appendingPathComponent(file.name).path))
      #expect(file.sha256 == SHA256.hexDigest(data))
      #expect(file.size == data.count)
    }
  }

  @Test func formFieldsMapTheRequestToTheHelpCenterForm() async throws {
    let temporary = TemporaryDirectory("report")
    let input = ReportInput(
      wallet: ReportFixture.wallet("metamask"), transactions: [try TransactionReference.parse(ReportFixture.pendingHash)],
      problem: "Stuck.", contact: "carol@example.com", appVersion: "12.1.0", device: "Chrome 131 on Windows 11")
    let directory = try await ReportFixture.write(input, in: temporary.url)
    let fields = try ReportFixture.json(directory, ReportFiles.formFields)
    #expect(Set(fields.keys) == ["subject", "description", "email", "category", "tx_hashes", "network", "app_version", "device"])
    #expect((fields["subject"] as? String)?.hasPrefix("[\(ReportFixture.caseID().value)] MetaMask: Transfer pending") == true)
    #expect(fields["email"] as? String == "carol@example.com")
    #expect(fields["tx_hashes"] as? [String] == [ReportFixture.pendingHash])
    #expect(fields["network"] as? String == "Ethereum")
    #expect(fields["app_version"] as? String == "12.1.0")
    #expect(fields["device"] as? String == "Chrome 131 on Windows 11")
    #expect((fields["description"] as? String)?.contains("Stuck.") == true)
  }

  @Test(arguments: ["imtoken", "metamask", "trust", "tokenpocket", "okx", "coinbase", "ledger", "trezor"])
  func shortPostIsPublicSafeAndNamesTheOfficialDomain(_ walletID: String) async throws {
    for language in Language.allCases {
      let wallet = ReportFixture.wallet(walletID)
      let input = ReportInput(
        wallet: wallet, transactions: [try TransactionReference.parse(ReportFixture.confirmedHash)],
        problem: "I sent 1.5 ETH to \(ReportFixture.recipient)", contact: "dave@example.com", language: language)
      let diagnoser = RecordingDiagnoser()
      let report = try await ReportFixture.builder(diagnoser).build(input, caseID: ReportFixture.caseID(), createdAt: ReportFixture.createdAt)
      let short = ShortPost.text(for: report)
      #expect(ShortPost.weightedLength(short.trimmingCharacters(in: .newlines)) <= 280)
      #expect(short.count <= 281)
      let domain = try #require((try? CheckedAddress.parseURL(wallet.helpCenter!.value))?.host)
      #expect(short.contains(domain))
      #expect(short.contains(ReportFixture.caseID().value))
      for forbidden in [ReportFixture.confirmedHash, String(ReportFixture.confirmedHash.dropFirst(2)), ReportFixture.recipient, "1.5", "ETH", "dave@example.com", "@example"] {
        #expect(!short.contains(forbidden), "\(walletID) \(language): \(forbidden)")
      }
      #expect(short.range(of: "0x[0-9a-fA-F]{6,}", options: .regularExpression) == nil)
      #expect(short.contains(language == .english ? "Scammers" : "骗子"))
    }
  }

  @Test func caseIDsAreCrockfordBase32AndDeterministicForASeed() {
    let first = ReportFixture.caseID(seed: 7)
    #expect(first == ReportFixture.caseID(seed: 7))
    #expect(first != ReportFixture.caseID(seed: 8))
    #expect(first.value.range(of: "^WD-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", options: .regularExpression) != nil)
    #expect(CaseID(first.value) == first)
    for bad in ["WD-7K3F-9Q2", "WD-IIII-OOOO", "XX-7K3F-9Q2M", "wd-7k3f-9q2m", ""] {
      #expect(CaseID(bad) == nil, "\(bad)")
    }
    var generator = SeededGenerator(state: 1)
    let many = Set((0..<1000).map { _ in CaseID(using: &generator) })
    #expect(many.count == 1000)
  }
}
