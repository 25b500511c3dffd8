import Foundation
import TestSupport
import Testing

@testable import WalletDoctorCore

@Suite("Support report: from a saved recovery session")
struct ReportRecoveryTests {
  /// A finished stuck-transfer walk, saved as `recover` saves it.
  static func savedSession(
    in home: TemporaryDirectory, restartAnswer: JSONValue = true, id: String = "20261126-091500-ab2c"
  ) throws -> RecoverySessionStore {
    let store = try RecoverySessionStore(state: try StateDirectory.open(environment: ["WALLETDOCTOR_HOME": home.path]))
    try store.save(ReportFixture.stuckTransferSession(restartAnswer: restartAnswer, id: id))
    return store
  }

  @Test func latestSessionBecomesWhatIAlreadyTriedInBothLanguages() async throws {
    let home = TemporaryDirectory("state")
    let store = try Self.savedSession(in: home)
    let flows = try FlowLoader.bundled()
    let recovery = try ReportRecovery.load("latest", store: store, flows: flows)
    #expect(recovery.sessionID == "20261126-091500-ab2c")
    #expect(recovery.walletID == "imtoken")
    #expect(recovery.document(.simplifiedChinese)["schema"]?.stringValue == "walletdoctor.recovery/1")
    #expect(recovery.document(.simplifiedChinese)["lang"]?.stringValue == "zh-Hans")
    #expect(recovery.tried.count == 5)
    #expect(recovery.tried.last?.english == "Did this solve it? → No")
    #expect(recovery.outcome != nil)

    let temporary = TemporaryDirectory("report")
    let input = ReportInput(
      wallet: ReportFixture.wallet("imtoken"), problem: "还是卡住。", language: .simplifiedChinese, recovery: recovery)
    let directory = try await ReportFixture.write(input, in: temporary.url)
    let request = ReportFixture.read(directory, ReportFiles.request)
    let flow = try #require(flows.first { $0.id == "stuck-transfer" })
    let restart = try #require(flow.step("restart-wallet")?.prompt)
    #expect(request.contains(restart.simplifiedChinese))
    #expect(request.contains(restart.english))
    #expect(request.contains("会话 20261126-091500-ab2c"))
    let report = try ReportFixture.json(directory, ReportFiles.reportJSON)
    #expect((report["recovery"] as? [String: Any])?["session_id"] as? String == "20261126-091500-ab2c")
    // The flow's own Chinese sentences are the tool's, not typed text: nothing was redacted from them.
    #expect((report["redactions"] as? [String: Int])?.isEmpty == true)
    #expect(!request.contains("[REDACTED"))
  }

  @Test func aSessionIDIsLoadedAndBadSelectorsAreUsageErrors() throws {
    let home = TemporaryDirectory("state")
    let store = try Self.savedSession(in: home)
    let flows = try FlowLoader.bundled()
    #expect(try ReportRecovery.load("20261126-091500-ab2c", store: store, flows: flows).flowID == "stuck-transfer")
    for selector in ["../../etc/passwd", "20261126-091500-zzzz", "nonsense"] {
      #expect(throws: InputError.self) { try ReportRecovery.load(selector, store: store, flows: flows) }
    }
    let empty = try RecoverySessionStore(state: try StateDirectory.open(environment: ["WALLETDOCTOR_HOME": TemporaryDirectory("state").path]))
    #expect(throws: InputError.self) { try ReportRecovery.load("latest", store: empty, flows: flows) }
  }

  @Test(arguments: PlantedSecrets.all)
  func aSecretSavedInASessionAnswerIsInNoFile(_ secret: PlantedSecrets.Secret) async throws {
    let home = TemporaryDirectory("state")
    // As if an older version, or a hand edit, had stored a secret as an answer.
    let store = try Self.savedSession(in: home, restartAnswer: .string("I typed " + secret.text))
    let recovery = try ReportRecovery.load("latest", store: store, flows: try FlowLoader.bundled())
    let temporary = TemporaryDirectory("report")
    let directory = try await ReportFixture.write(
      ReportInput(wallet: ReportFixture.wallet("imtoken"), problem: "help", recovery: recovery), in: temporary.url)
    ReportRedactionTests.expectNoLeak(of: secret, in: directory, "a saved session")
    // The hash the session recorded as a transaction is kept: it is not a key.
    #expect(ReportFixture.read(directory, ReportFiles.request).contains(ReportFixture.pendingHash))
  }
}
