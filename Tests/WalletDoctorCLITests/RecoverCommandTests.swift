import Foundation
import TestSupport
import Testing

@testable import WalletDoctorCLI
@testable import WalletDoctorCore

/// `walletdoctor recover` run as a script runs it: no terminal, answers from files.
@Suite("walletdoctor recover (binary, unattended)", .serialized)
struct RecoverCommandTests {
  /// A private state folder per test, and the runner's environment pointing at it.
  final class Home: @unchecked Sendable {
    let temporary = TemporaryDirectory("recover-cli")
    var state: URL { temporary.url.appendingPathComponent("state") }
    var sessions: URL { state.appendingPathComponent("sessions") }
    var environment: [String: String] { ["WALLETDOCTOR_HOME": state.path] }

    func answers(_ object: [String: Any], name: String = "answers.json") throws -> String {
      let url = temporary.url.appendingPathComponent(name)
      try JSONSerialization.data(withJSONObject: object).write(to: url)
      return url.path
    }

    func run(_ arguments: [String], extra: [String: String] = [:]) async throws -> CommandRunner.Outcome {
      try await CommandRunner.run(["recover"] + arguments, environment: environment.merging(extra) { _, new in new })
    }

    func json(_ outcome: CommandRunner.Outcome) throws -> [String: Any] {
      try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    }

    var sessionFiles: [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: sessions.path)) ?? []).sorted()
    }
  }

  @Test func listShowsEveryFlowInTextAndJSON() async throws {
    let home = Home()
    let text = try await home.run(["--list"])
    #expect(text.status == 0)
    for id in FlowLoader.contractFlowIDs { #expect(text.stdout.contains(id)) }
    let json = try await home.json(try home.run(["--list", "--json", "--lang", "zh-Hans"]))
    #expect(json["schema"] as? String == "walletdoctor.flow-list/1")
    let flows = try #require(json["flows"] as? [[String: Any]])
    #expect(flows.map { $0["id"] as? String } == FlowLoader.contractFlowIDs)
    #expect(flows.first?["title"] as? String == "我忘记了钱包密码")
  }

  @Test func withoutATerminalAndWithoutAFlowItIsAUsageErrorListingTheFlows() async throws {
    let outcome = try await Home().run([])
    #expect(outcome.status == 64)
    #expect(outcome.stdout.isEmpty)
    for id in FlowLoader.contractFlowIDs { #expect(outcome.stderr.contains(id)) }
  }

  @Test func unknownFlowOrWalletIsAUsageError() async throws {
    let home = Home()
    let flow = try await home.run(["forgot-pasword"])
    #expect(flow.status == 64)
    #expect(flow.stderr.contains("Unknown flow 'forgot-pasword'"))
    let wallet = try await home.run(["lost-phrase", "--wallet", "nokia"])
    #expect(wallet.status == 64)
    #expect(wallet.stderr.contains("--wallet must be one of"))
    let rpc = try await home.run(["lost-phrase", "--rpc", "ethereum=http://127.0.0.1:1"])
    #expect(rpc.status == 64)
    #expect(rpc.stderr.contains("--rpc applies only"))
  }

  @Test func describeJSONIsTheFlowGraph() async throws {
    let home = Home()
    let json = try await home.json(try home.run(["stuck-transfer", "--describe", "--json"]))
    #expect(json["schema"] as? String == "walletdoctor.flow/1")
    #expect(json["start"] as? String == "transaction-hash")
    let steps = try #require(json["steps"] as? [[String: Any]])
    #expect(steps.first?["expects"] as? String == "tx_hash")
    #expect(steps.contains { $0["kind"] as? String == "outcome" && ($0["sources"] as? [String])?.isEmpty == false })
    let text = try await home.run(["hardware-pin", "--describe", "--wallet", "trezor"])
    #expect(text.status == 0)
    #expect(text.stdout.contains("trezor-problem"))
    #expect(!text.stdout.contains("ledger-problem"))
  }

  @Test func aStepWithoutAnAnswerExits2WithTheNextStepAndResumeContinues() async throws {
    let home = Home()
    let first = try await home.run(["forgot-password", "--json", "--answers", try home.answers(["has-backup": true])])
    #expect(first.status == 2)
    let document = try home.json(first)
    #expect(document["schema"] as? String == "walletdoctor.recovery/1")
    #expect(document["status"] as? String == "incomplete")
    #expect(document["outcome"] is NSNull)
    let next = try #require(document["next_step"] as? [String: Any])
    #expect(next["id"] as? String == "imtoken-wallet-type")
    #expect((next["options"] as? [[String: Any]])?.map { $0["id"] as? String } == ["created-or-imported", "identity", "not-sure"])
    let id = try #require(document["session_id"] as? String)
    #expect(home.sessionFiles == ["\(id).json"])

    // Without a terminal and without --answers, a flow behaves as with an empty answers file.
    let bare = try await home.run(["lost-phrase"])
    #expect(bare.status == 2)
    #expect(bare.stdout.contains("wallet-still-opens"))

    let resumed = try await home.run(["--resume", id, "--json", "--answers", try home.answers([
      "imtoken-wallet-type": "created-or-imported", "imtoken-reimport": true, "reset-worked": true, "solved": true,
    ])])
    #expect(resumed.status == 0)
    let done = try home.json(resumed)
    #expect(done["status"] as? String == "completed")
    #expect(done["session_id"] as? String == id)
    #expect((done["outcome"] as? [String: Any])?["id"] as? String == "password-reset")
    #expect((done["path"] as? [[String: Any]])?.map { $0["step"] as? String } == ["has-backup", "imtoken-wallet-type", "imtoken-reimport", "reset-worked"])
    #expect(done["solved"] as? Bool == true)
    #expect(done["report_command"] is NSNull)
  }

  @Test func resumeWithoutAnIDTakesTheLatestUnfinishedWalk() async throws {
    let home = Home()
    _ = try await home.run(["token-missing"])
    let second = try await home.json(try home.run(["wrong-network", "--json"]))
    let resumed = try await home.run(["--resume", "--json", "--answers", try home.answers(["what-went-wrong": "own-wallet-wrong-network", "both-evm": true])])
    #expect(resumed.status == 0)
    let done = try home.json(resumed)
    #expect(done["session_id"] as? String == second["session_id"] as? String)
    #expect((done["outcome"] as? [String: Any])?["id"] as? String == "switch-network")
    let none = try await Home().run(["--resume"])
    #expect(none.status == 1)
    #expect(none.stderr.contains("no unfinished walk"))
  }

  @Test func invalidAnswersAndMalformedFilesAreUsageErrors() async throws {
    let home = Home()
    let invalid = try await home.run(["forgot-password", "--answers", try home.answers(["has-backup": "perhaps"])])
    #expect(invalid.status == 64)
    #expect(invalid.stderr.contains("'has-backup' must be true or false"))
    let option = try await home.run(["wrong-network", "--answers", try home.answers(["what-went-wrong": "sideways"])])
    #expect(option.status == 64)
    #expect(option.stderr.contains("not one of its options"))

    let broken = home.temporary.url.appendingPathComponent("broken.json")
    try Data("{\"has-backup\": tru".utf8).write(to: broken)
    let notJSON = try await home.run(["forgot-password", "--answers", broken.path])
    #expect(notJSON.status == 64)
    #expect(notJSON.stderr.contains("not valid JSON"))
    try Data("[true]".utf8).write(to: broken)
    await #expect(try home.run(["forgot-password", "--answers", broken.path]).stderr.contains("must be a JSON object"))
    try Data("{\"has-backup\": 1}".utf8).write(to: broken)
    await #expect(try home.run(["forgot-password", "--answers", broken.path]).stderr.contains("must be a string"))
    let missing = try await home.run(["forgot-password", "--answers", home.temporary.path + "/nope.json"])
    #expect(missing.status == 64)
    #expect(missing.stderr.contains("Cannot read the answers file"))
  }

  // MARK: Secrets

  @Test(arguments: PlantedSecrets.all)
  func aSecretInAnAnswersFileIsRefusedWith65AndLeavesNoTrace(secret: PlantedSecrets.Secret) async throws {
    let home = Home()
    // First a saved session, so the state folder has content to scan.
    _ = try await home.run(["stolen-funds", "--answers", try home.answers(["secure-what-is-left": true])])
    let outcome = try await home.run([
      "stolen-funds", "--json", "--answers",
      try home.answers(["secure-what-is-left": true, "what-happened": "shared-phrase", "where-shared": "a form that wanted \(secret.text)"], name: "secret.json"),
    ])
    #expect(outcome.status == 65)
    #expect(outcome.stderr.contains("refused"))
    try FileManager.default.removeItem(atPath: home.temporary.path + "/secret.json")  // our own fixture
    let everything = outcome.stdout + outcome.stderr + String(decoding: TemporaryDirectory.allBytes(under: home.temporary.url), as: UTF8.self)
    for probe in PlantedSecrets.leakProbes(for: secret) {
      #expect(!everything.contains(probe), "\(secret.name) leaked")
    }
  }

  @Test func aPhrasePastedAsTheTransactionHashIsASecretNotABadHash() async throws {
    let home = Home()
    let outcome = try await home.run([
      "stuck-transfer", "--rpc", "ethereum=http://127.0.0.1:1", "--answers",
      try home.answers(["transaction-hash": PlantedSecrets.simplifiedChineseSpaced]),
    ])
    #expect(outcome.status == 65)
    #expect(outcome.stderr.contains("recovery phrase"))
  }

  @Test func aSecretGivenAsTheFlowNameIsRefusedWithoutEchoingIt() async throws {
    let outcome = try await Home().run([PlantedSecrets.wifUncompressed])
    #expect(outcome.status == 65)
    #expect(!outcome.stderr.contains(PlantedSecrets.wifUncompressed))
  }

  // MARK: State

  @Test func stateIsPrivateAndLeavesNoTemporaryFiles() async throws {
    let home = Home()
    _ = try await home.run(["phishing-approval", "--answers", try home.answers(["what-signed": "connected-only"])])
    _ = try await home.run(["--resume", "--answers", try home.answers(["connected-check": true, "revoke-approvals": true, "tokens-gone": false])])
    #expect(TemporaryDirectory.mode(of: home.state.path) == 0o700)
    #expect(TemporaryDirectory.mode(of: home.sessions.path) == 0o700)
    let files = home.sessionFiles
    #expect(files.count == 1)
    #expect(files.allSatisfy { $0.hasSuffix(".json") && !$0.hasPrefix(".") })
    for file in files { #expect(TemporaryDirectory.mode(of: home.sessions.appendingPathComponent(file).path) == 0o600) }
  }

  @Test func aCorruptSessionIsNamedMovedAsideAndNeverCrashesTheTool() async throws {
    let home = Home()
    let first = try await home.json(try home.run(["lost-phrase", "--json"]))
    let id = try #require(first["session_id"] as? String)
    let file = home.sessions.appendingPathComponent("\(id).json")
    try Data("{\"schema\":\"walletdoctor.recovery-session/1\",\"session_".utf8).write(to: file)
    let byID = try await home.run(["--resume", id])
    #expect(byID.status == 1)
    #expect(byID.stderr.contains(file.path))
    #expect(byID.stderr.contains("moved aside to \(file.path).corrupt"))
    #expect(home.sessionFiles == ["\(id).json.corrupt"])

    let second = try await home.json(try home.run(["lost-phrase", "--json"]))
    let secondFile = home.sessions.appendingPathComponent("\(second["session_id"] as! String).json")
    try Data([0xFF, 0x00, 0x13]).write(to: secondFile)
    let latest = try await home.run(["--resume"])
    #expect(latest.status == 1)
    #expect(latest.stderr.contains(secondFile.path))
    #expect(latest.stderr.contains("no unfinished walk"))
  }

  // MARK: Language

  @Test func chineseOutputFromTheFlagOrTheLocale() async throws {
    let home = Home()
    let answers = try home.answers(["wallet-still-opens": "gone", "any-physical-backup": false])
    let flag = try await home.run(["lost-phrase", "--lang", "zh-Hans", "--answers", answers])
    #expect(flag.status == 0)
    #expect(flag.stdout.contains("丢失的助记词无人能够恢复"))
    #expect(flag.stdout.contains("您可以这样做"))
    let locale = try await home.run(["lost-phrase", "--answers", answers], extra: ["LANG": "zh_CN.UTF-8"])
    #expect(locale.stdout.contains("丢失的助记词无人能够恢复"))
    let json = try await home.json(try home.run(["lost-phrase", "--json", "--lang", "zh-Hans", "--answers", answers]))
    #expect(json["lang"] as? String == "zh-Hans")
    #expect((json["path"] as? [[String: Any]])?.first?["question"] as? String == "您现在还能在手机或电脑上打开这个钱包吗（记得密码）？")
  }

  // MARK: Diagnosis in place

  static let confirmedHash = "0x205405746564cbcf1dd53fb5ac92c7622d3792d82f03c59d9baddf2443d91864"

  @Test func stuckTransferDiagnosesThroughRPCAndFollowsTheVerdict() async throws {
    let node = CommandFixtures.node(knowing: Self.confirmedHash)
    let server = try TestHTTPServer { node.reply(to: $0) }
    defer { server.stop() }
    let home = Home()
    let outcome = try await home.run([
      "stuck-transfer", "--json", "--rpc", "ethereum=\(server.baseURL.absoluteString)", "--timeout", "10",
      "--answers", try home.answers(["transaction-hash": "https://etherscan.io/tx/\(Self.confirmedHash)", "recipient-sees-it": true]),
    ])
    #expect(outcome.status == 0)
    let document = try home.json(outcome)
    #expect((document["outcome"] as? [String: Any])?["id"] as? String == "confirmed")
    #expect((document["diagnosis"] as? [String: Any])?["status"] as? String == "confirmed")
    #expect((document["path"] as? [[String: Any]])?.map { $0["answer"] as? String } == [
      "https://etherscan.io/tx/\(Self.confirmedHash)", "confirmed", "yes",
    ])
    #expect(server.requestCount >= 1)
  }

  @Test func stuckTransferWithNoAnsweringEndpointContinuesWithUnknown() async throws {
    let home = Home()
    let outcome = try await home.run([
      "stuck-transfer", "--rpc", "ethereum=http://127.0.0.1:1", "--timeout", "5", "--answers",
      try home.answers(["transaction-hash": Self.confirmedHash]),
    ])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("The transfer could not be checked"))
    #expect(outcome.stdout.contains("no endpoint answered"))
  }

  /// A scripted walk shows the verdict's caveats: "not found" resting on the one endpoint that
  /// answered (of two) says so, and `--min-sources 1` declares one source enough.
  @Test func stuckTransferCarriesTheSingleSourceCautionAndHonoursMinSources() async throws {
    let server = try TestHTTPServer { CommandFixtures.node(knowing: Self.confirmedHash).reply(to: $0) }
    defer { server.stop() }
    let down = try ClosedPort()
    let unknownHash = "0x" + String(repeating: "ab", count: 32)
    func diagnosis(_ extra: [String]) async throws -> [String: Any] {
      let home = Home()
      let outcome = try await home.run(
        [
          "stuck-transfer", "--json", "--rpc", "ethereum=\(server.baseURL.absoluteString)", "--rpc",
          "ethereum=\(down.baseURL.absoluteString)", "--answers", try home.answers(["transaction-hash": unknownHash]),
        ] + extra)
      #expect(outcome.status == 2, "\(outcome.stderr)")  // paused at the next question
      return try #require(try home.json(outcome)["diagnosis"] as? [String: Any])
    }
    let byDefault = try await diagnosis([])
    #expect(byDefault["status"] as? String == "not_found")
    let cautions = try #require(byDefault["cautions"] as? [String])
    #expect(cautions.contains { $0.contains("this rests on 1 endpoint") }, "\(cautions)")
    let oneIsEnough = try await diagnosis(["--min-sources", "1"])
    #expect(oneIsEnough["status"] as? String == "not_found")
    #expect((oneIsEnough["cautions"] as? [String])?.isEmpty == true)
  }
}
