import Foundation
import TestSupport
import Testing
@testable import WalletDoctorCore

/// Keeps every saved session in memory, as the state directory would.
final class SessionRecorder: @unchecked Sendable {
  private let lock = NSLock()
  private var saved: [RecoverySession] = []
  var sessions: [RecoverySession] { lock.withLock { saved } }
  var last: RecoverySession? { sessions.last }
  func save(_ session: RecoverySession) { lock.withLock { saved.append(session) } }
}

let bundledFlows = try! FlowLoader.bundled()
let detector = try! SecretDetector.standard()

func flow(_ id: String) -> RecoveryFlow { bundledFlows.first { $0.id == id }! }

func walker(_ flow: RecoveryFlow, recorder: SessionRecorder, verdict: DiagnosisStatus = .confirmed, diagnoser: FakeDiagnoser? = nil) -> RecoveryWalker {
  let fake = diagnoser ?? FakeDiagnoser(status: verdict)
  return RecoveryWalker(
    flow: flow, detector: detector, diagnosis: InPlaceDiagnosis(diagnoser: fake),
    save: { recorder.save($0) }, now: { Date(timeIntervalSince1970: 1_767_225_600) })
}

let everyPath: [FlowPath] = bundledFlows.flatMap { flow in WalletID.allCases.flatMap { FlowPath.all(for: flow, wallet: $0) } }

struct RecoveryWalkerTests {
  @Test(arguments: everyPath)
  func scriptedAnswersReachEachOutcome(path: FlowPath) async throws {
    let flow = flow(path.flowID)
    // Through the real answers-file parser: realistic answers must never look like secrets.
    let data = try JSONOutput.encoder().encode(JSONValue.object(path.answers))
    let answers = try ScriptedAnswers.parse(data, flow: flow, detector: detector)
    let recorder = SessionRecorder()
    let walk = walker(flow, recorder: recorder, verdict: path.verdict ?? .confirmed)
    let result = await walk.walk(walk.newSession(wallet: path.wallet, language: .english), answers: answers)
    #expect(result.stop == .completed)
    #expect(result.session.outcome == path.outcome)
    #expect(result.session.status == .completed)
    #expect(recorder.last == result.session)
    #expect(result.saveProblems.isEmpty)
  }

  @Test(arguments: bundledFlows.map(\.id))
  func everyOutcomeIsReachableWithSomeWallet(flowID: String) {
    let flow = flow(flowID)
    let reached = Set(everyPath.filter { $0.flowID == flowID }.map(\.outcome))
    let outcomes = Set(flow.steps.filter { $0.kind == .outcome }.map(\.id))
    #expect(reached == outcomes)
  }

  @Test(arguments: ["forgot-password", "lost-phrase", "stolen-funds"])
  func flowsAboutSecretsSayAtTheStartThatNobodyWillAskForThem(flowID: String) throws {
    let flow = flow(flowID)
    let start = try #require(flow.step(flow.start.resolve(wallet: .imtoken)))
    let detail = try #require(start.detail)
    #expect(detail.english.contains("never ask for your recovery phrase"))
    #expect(detail.english.contains("real wallet support never asks"))
    #expect(detail.simplifiedChinese.contains("绝不会索要"))
  }

  @Test func missingAnswerStopsIncompleteAtThatStepAndSaves() async {
    let recorder = SessionRecorder()
    let walk = walker(flow("forgot-password"), recorder: recorder)
    let result = await walk.walk(
      walk.newSession(wallet: .imtoken, language: .english), answers: ScriptedAnswers(["has-backup": true]))
    #expect(result.stop == .incomplete)
    #expect(result.session.currentStep == "imtoken-wallet-type")
    #expect(result.session.path == [RecoverySession.Entry(step: "has-backup", answer: "yes")])
    #expect(recorder.last?.currentStep == "imtoken-wallet-type")
  }

  @Test func walletSelectsItsOwnSteps() async {
    let answers = ScriptedAnswers(["has-backup": true])
    for (wallet, expected) in [(WalletID.metamask, "metamask-restore"), (.coinbase, "coinbase-restore"), (.okx, "okx-restore"), (.trust, "reimport-generic")] {
      let walk = walker(flow("forgot-password"), recorder: SessionRecorder())
      let result = await walk.walk(walk.newSession(wallet: wallet, language: .english), answers: answers)
      #expect(result.session.currentStep == expected, "\(wallet)")
    }
    let hardware = walker(flow("hardware-pin"), recorder: SessionRecorder())
    #expect(hardware.newSession(wallet: .ledger, language: .english).currentStep == "ledger-problem")
    #expect(hardware.newSession(wallet: .imtoken, language: .english).currentStep == "which-device")
  }

  @Test(arguments: [
    ("has-backup", JSONValue.string("maybe")),
    ("has-backup", JSONValue.integer(1)),
  ])
  func invalidScriptedAnswerStopsWithTheStepNamed(step: String, answer: JSONValue) async {
    let walk = walker(flow("forgot-password"), recorder: SessionRecorder())
    let result = await walk.walk(walk.newSession(wallet: .imtoken, language: .english), answers: ScriptedAnswers([step: answer]))
    guard case .invalidAnswer(let stepID, let message) = result.stop else {
      Issue.record("expected an invalid answer, got \(result.stop)")
      return
    }
    #expect(stepID == step)
    #expect(message.english.contains("has-backup"))
  }

  @Test func confirmTakesBooleansOrYesNoAndInstructionTakesOnlyTrue() async {
    let flow = flow("forgot-password")
    for answer: JSONValue in [true, "yes"] {
      let walk = walker(flow, recorder: SessionRecorder())
      let result = await walk.walk(walk.newSession(wallet: .metamask, language: .english), answers: ScriptedAnswers(["has-backup": answer]))
      #expect(result.session.currentStep == "metamask-restore")
    }
    let walk = walker(flow, recorder: SessionRecorder())
    let result = await walk.walk(
      walk.newSession(wallet: .metamask, language: .english),
      answers: ScriptedAnswers(["has-backup": true, "metamask-restore": false]))
    #expect(result.stop == .invalidAnswer(step: "metamask-restore", message: RecoveryWalker.instructionTakesTrue))
  }

  @Test func badTransactionHashIsAnInvalidAnswer() async {
    let walk = walker(flow("stuck-transfer"), recorder: SessionRecorder())
    let result = await walk.walk(
      walk.newSession(wallet: .imtoken, language: .english), answers: ScriptedAnswers(["transaction-hash": "not a hash"]))
    guard case .invalidAnswer(let step, _) = result.stop else {
      Issue.record("expected an invalid answer")
      return
    }
    #expect(step == "transaction-hash")
  }

  // MARK: Secrets

  static let textSteps: [(flow: String, wallet: WalletID, answers: [String: JSONValue], step: String)] = [
    ("stolen-funds", .imtoken, ["secure-what-is-left": true, "what-happened": "shared-phrase"], "where-shared"),
    ("wrong-network", .imtoken, ["what-went-wrong": "missing-memo"], "exchange-name"),
  ]

  @Test(arguments: PlantedSecrets.all)
  func secretPlantedInATextAnswerIsRefusedAndNeverSaved(secret: PlantedSecrets.Secret) async throws {
    for target in Self.textSteps {
      let recorder = SessionRecorder()
      let walk = walker(flow(target.flow), recorder: recorder)
      var answers = target.answers
      answers[target.step] = .string("it was on https://imtoken-verify.example and I typed " + secret.text)
      let result = await walk.walk(walk.newSession(wallet: target.wallet, language: .english), answers: ScriptedAnswers(answers))
      #expect(result.stop == .secretRefused([SecretKind(rawValue: secret.kindRawValue)!]))
      #expect(result.session.currentStep == target.step)
      let saved = try String(decoding: JSONOutput.encoder().encode(recorder.sessions), as: UTF8.self)
      let document = try JSONOutput.string(RecoveryDocument(session: result.session, flow: flow(target.flow), language: .english))
      for probe in PlantedSecrets.leakProbes(for: secret) {
        #expect(!saved.contains(probe), "saved state holds \(secret.name)")
        #expect(!document.contains(probe), "output holds \(secret.name)")
      }
      #expect(result.session.warnings.contains { $0.english.contains("refused") })
    }
  }

  @Test(arguments: PlantedSecrets.all.filter { !$0.name.contains("hex") })
  func secretPastedWhereAHashIsExpectedIsASecretNotABadHash(secret: PlantedSecrets.Secret) async {
    let recorder = SessionRecorder()
    let fake = FakeDiagnoser(status: .pending)
    let walk = walker(flow("stuck-transfer"), recorder: recorder, diagnoser: fake)
    let result = await walk.walk(
      walk.newSession(wallet: .imtoken, language: .english), answers: ScriptedAnswers(["transaction-hash": .string(secret.text)]))
    #expect(result.stop == .secretRefused([SecretKind(rawValue: secret.kindRawValue)!]))
    #expect(fake.requests.isEmpty)
  }

  @Test func hexWhereAHashIsExpectedIsTakenAsTheHash() async {
    let fake = FakeDiagnoser(status: .pending)
    let walk = walker(flow("stuck-transfer"), recorder: SessionRecorder(), diagnoser: fake)
    let result = await walk.walk(
      walk.newSession(wallet: .imtoken, language: .english),
      answers: ScriptedAnswers(["transaction-hash": .string(PlantedSecrets.hexKey)]))
    #expect(result.session.currentStep == "restart-wallet")
    #expect(fake.requests.first?.reference.hexDigits == PlantedSecrets.hexKey)
  }

  // MARK: Diagnosis in place

  @Test func stuckTransferDiagnosesWithTheGivenEndpointsAndRoutesByVerdict() async throws {
    let fake = FakeDiagnoser(status: .failed)
    let recorder = SessionRecorder()
    let endpoint = try EndpointSpec.parse("ethereum=http://127.0.0.1:9/", registry: .builtIn)
    let walk = RecoveryWalker(
      flow: flow("stuck-transfer"), detector: detector,
      diagnosis: InPlaceDiagnosis(diagnoser: fake, endpoints: [endpoint], timeout: .seconds(3), minimumSources: 3), save: { recorder.save($0) })
    let hash = "0x" + String(repeating: "cd", count: 32)
    let result = await walk.walk(walk.newSession(wallet: .imtoken, language: .english), answers: ScriptedAnswers(["transaction-hash": .string(hash)]))
    #expect(result.session.outcome == "failed")
    #expect(fake.requests.first?.endpoints == [endpoint])
    #expect(fake.requests.first?.timeout == .seconds(3))
    #expect(fake.requests.first?.minimumSources == 3)
    #expect(result.session.path.map(\.step) == ["transaction-hash", "diagnosis"])
    #expect(result.session.path.last?.answer == "failed")
    #expect(result.session.diagnosis?.status == .failed)
    #expect(result.session.diagnosis?.query == hash)
  }

  @Test func unknownVerdictContinuesTheWalkWithAWarning() async {
    let walk = walker(flow("stuck-transfer"), recorder: SessionRecorder(), verdict: .unknown)
    let result = await walk.walk(
      walk.newSession(wallet: .imtoken, language: .english),
      answers: ScriptedAnswers(["transaction-hash": .string(String(repeating: "ef", count: 32))]))
    #expect(result.stop == .completed)
    #expect(result.session.outcome == "unknown")
    #expect(result.session.warnings == [RecoveryWalker.diagnosisUndecided])
  }

  @Test func withoutADiagnoserTheVerdictIsUnknown() async {
    let walk = RecoveryWalker(flow: flow("stuck-transfer"), detector: detector, diagnosis: nil, save: { _ in })
    let result = await walk.walk(
      walk.newSession(wallet: .imtoken, language: .english),
      answers: ScriptedAnswers(["transaction-hash": .string(String(repeating: "ef", count: 32))]))
    #expect(result.session.outcome == "unknown")
    #expect(result.session.warnings == [RecoveryWalker.diagnosisUnavailable])
  }

  // MARK: Interactive

  @Test func interactiveWalkAcceptsNumbersRepromptsOnBadInputAndAsksIfSolved() async {
    let recorder = SessionRecorder()
    let prompter = ScriptedPrompter(lines: ["7", "2", "maybe", "n", "n"])
    let walk = walker(flow("lost-phrase"), recorder: recorder)
    let walked = await walk.walk(walk.newSession(wallet: .imtoken, language: .english), prompter: prompter)
    #expect(walked.stop == .completed)
    #expect(walked.session.solved == nil)
    let result = await walk.askIfSolved(walked.session, prompter: prompter)
    #expect(result.session.outcome == "cannot-restore")
    #expect(result.session.solved == false)
    let questions = prompter.questions
    #expect(questions.map(\.stepID) == ["wallet-still-opens", "wallet-still-opens", "any-physical-backup", "any-physical-backup", "solved"])
    #expect(questions[1].problem == "Please type a number from 1 to 2.")
    #expect(questions[3].problem == "Please type y (yes) or n (no).")
    #expect(recorder.last?.solved == false)
  }

  @Test func backGoesToThePreviousQuestionAndNotBeforeTheFirst() async {
    let prompter = ScriptedPrompter(lines: ["b", "2", "b", "1", "q"])
    let walk = walker(flow("lost-phrase"), recorder: SessionRecorder())
    let result = await walk.walk(walk.newSession(wallet: .imtoken, language: .english), prompter: prompter)
    #expect(result.stop == .quit)
    #expect(prompter.questions.map(\.stepID) == ["wallet-still-opens", "wallet-still-opens", "any-physical-backup", "wallet-still-opens", "imtoken-backup-now"])
    #expect(prompter.questions[1].problem == "This is the first question; there is nothing to go back to.")
    #expect(result.session.path.map(\.step) == ["wallet-still-opens"])
    #expect(result.session.currentStep == "imtoken-backup-now")
  }

  @Test func backOverTheDiagnosisReturnsToTheHashQuestion() async {
    let hash = "0x" + String(repeating: "12", count: 32)
    let prompter = ScriptedPrompter(lines: [hash, "b", "b", "q"])
    let walk = walker(flow("stuck-transfer"), recorder: SessionRecorder(), verdict: .pending)
    let result = await walk.walk(walk.newSession(wallet: .imtoken, language: .english), prompter: prompter)
    #expect(prompter.questions.map(\.stepID) == ["transaction-hash", "restart-wallet", "transaction-hash", "transaction-hash"])
    #expect(result.session.path.isEmpty)
    #expect(result.session.diagnosis == nil)
    #expect(prompter.notices.contains("diagnosis: Fake verdict: pending."))
  }

  @Test func quitSavesAndResumeContinuesWhereItStopped() async {
    let recorder = SessionRecorder()
    let walk = walker(flow("phishing-approval"), recorder: recorder)
    let first = await walk.walk(walk.newSession(wallet: .imtoken, language: .english), prompter: ScriptedPrompter(lines: ["1", "q"]))
    #expect(first.stop == .quit)
    let saved = recorder.last!
    #expect(saved.currentStep == "revoke-approvals")
    let prompter = ScriptedPrompter(lines: ["", "n", "y"])
    let walked = await walk.walk(saved, prompter: prompter)
    #expect(walked.stop == .completed)
    let second = await walk.askIfSolved(walked.session, prompter: prompter)
    #expect(second.session.outcome == "revoked-in-time")
    #expect(second.session.path.map(\.step) == ["what-signed", "revoke-approvals", "tokens-gone"])
    #expect(second.session.solved == true)
  }

  @Test func interruptAndEndOfInputSave() async {
    for (input, stop) in [(PromptInput.interrupted, WalkStop.interrupted), (.endOfInput, .quit)] {
      let recorder = SessionRecorder()
      let walk = walker(flow("token-missing"), recorder: recorder)
      let result = await walk.walk(walk.newSession(wallet: .imtoken, language: .english), prompter: ScriptedPrompter([.line("y"), input]))
      #expect(result.stop == stop)
      #expect(recorder.last?.currentStep == "check-explorer")
    }
  }

  @Test(arguments: PlantedSecrets.all)
  func typedSecretIsRefusedReaskedAndNeverSaved(secret: PlantedSecrets.Secret) async throws {
    let recorder = SessionRecorder()
    let prompter = ScriptedPrompter(lines: ["", "1", secret.text, "q"])
    let walk = walker(flow("stolen-funds"), recorder: recorder)
    let result = await walk.walk(walk.newSession(wallet: .imtoken, language: .simplifiedChinese), prompter: prompter)
    #expect(result.stop == .quit)
    #expect(prompter.questions.map(\.stepID) == ["secure-what-is-left", "what-happened", "where-shared", "where-shared"])
    #expect(prompter.notices.contains { $0.contains("已被拒绝") })
    let saved = try String(decoding: JSONOutput.encoder().encode(recorder.sessions), as: UTF8.self)
    for probe in PlantedSecrets.leakProbes(for: secret) { #expect(!saved.contains(probe)) }
  }

  @Test func secretTypedAsAChoiceIsRefusedBeforeBeingReadAsAnOption() async {
    let prompter = ScriptedPrompter(lines: [PlantedSecrets.englishPhrase, "q"])
    let walk = walker(flow("wrong-network"), recorder: SessionRecorder())
    _ = await walk.walk(walk.newSession(wallet: .imtoken, language: .english), prompter: prompter)
    #expect(prompter.questions.count == 2)
    #expect(prompter.questions[1].problem == nil)
    #expect(prompter.notices.first?.contains("recovery phrase") == true)
  }

  @Test func questionsAreInTheSessionLanguage() async {
    let prompter = ScriptedPrompter(lines: ["q"])
    let walk = walker(flow("forgot-password"), recorder: SessionRecorder())
    _ = await walk.walk(walk.newSession(wallet: .imtoken, language: .simplifiedChinese), prompter: prompter)
    let question = prompter.questions[0]
    #expect(question.prompt.contains("助记词"))
    #expect(question.hint.contains("保存并退出"))
  }
}
