import Foundation
import TestSupport
import Testing

@testable import WalletDoctorCLI
@testable import WalletDoctorCore

/// `walletdoctor report` as a user runs it in a script (no terminal): flags only.
@Suite("walletdoctor report (binary)", .serialized)
struct ReportCommandTests {
  static let confirmedHash = "0x205405746564cbcf1dd53fb5ac92c7622d3792d82f03c59d9baddf2443d91864"
  static let otherHash = "0x9c1f4e07ab1d1b2bfd2a7a4b1f1f9e5f0d6a5c3b2e1f0a9b8c7d6e5f4a3b2c1d"

  @Test func printsOnlyThePathOnStdoutAndTheHandoffOnStderr() async throws {
    let temporary = TemporaryDirectory("report-cli")
    let outcome = try await runCommand([
      "report", "--wallet", "imtoken", "--tx", Self.confirmedHash, "--offline", "--problem", "Stuck since noon.",
      "--contact", "alice@example.com", "--out", temporary.path,
    ])
    #expect(outcome.status == 0)
    let path = outcome.stdout.trimmingCharacters(in: .newlines)
    #expect(!path.contains("\n"))
    #expect(path.hasPrefix(temporary.path + "/walletdoctor-report-"))
    #expect(path.range(of: "walletdoctor-report-[0-9]{8}-[0-9]{6}-WD-[0-9A-Z]{4}-[0-9A-Z]{4}$", options: .regularExpression) != nil)
    #expect(FileManager.default.fileExists(atPath: path + "/request.eml"))
    #expect(outcome.stderr.contains("support@token.im"))
    #expect(outcome.stderr.contains("Review the files before sending"))
    #expect(outcome.stderr.contains("Support will never ask for your recovery phrase or private key"))
    #expect(TemporaryDirectory.mode(of: path) & 0o777 == 0o700)
  }

  @Test func jsonIsTheReportObjectPlusItsDirectory() async throws {
    let temporary = TemporaryDirectory("report-cli")
    let outcome = try await runCommand([
      "report", "--wallet", "metamask", "--tx", Self.confirmedHash, "--offline", "--problem", "x", "--out", temporary.path,
      "--json", "--lang", "zh-Hans",
    ])
    #expect(outcome.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    #expect(object["schema"] as? String == "walletdoctor.report/1")
    #expect(object["lang"] as? String == "zh-Hans")
    let directory = try #require(object["directory"] as? String)
    #expect(FileManager.default.fileExists(atPath: directory + "/manifest.json"))
    #expect((object["case_id"] as? String).map { directory.hasSuffix($0) } == true)
    #expect(outcome.stderr.contains("https://support.metamask.io/hc/en-us/requests/new"))
  }

  @Test func twoTransactionsAreDiagnosedThroughRPC() async throws {
    let node = CommandFixtures.node(knowing: Self.confirmedHash)
    let server = try TestHTTPServer { node.reply(to: $0) }
    let temporary = TemporaryDirectory("report-cli")
    let outcome = try await runCommand([
      "report", "--wallet", "imtoken", "--tx", Self.confirmedHash, "--tx", Self.otherHash, "--rpc",
      "ethereum=\(server.baseURL.absoluteString)", "--problem", "One arrived, one did not.", "--out", temporary.path, "--json",
    ])
    #expect(outcome.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    let diagnoses = try #require(object["diagnoses"] as? [[String: Any]])
    #expect(diagnoses.map { $0["query"] as? String } == [Self.confirmedHash, Self.otherHash])
    #expect(diagnoses.first?["status"] as? String == "confirmed")
    #expect(diagnoses.last?["status"] as? String == "not_found")
    #expect(server.requestCount >= 2)
  }

  /// `--min-sources` reaches the report's diagnoses: a "not found" resting on the one endpoint
  /// that answered carries `single_source` by default (two endpoints given), and not when one
  /// source is declared enough.
  @Test func minSourcesReachesTheDiagnoses() async throws {
    let server = try TestHTTPServer { CommandFixtures.node(knowing: Self.confirmedHash).reply(to: $0) }
    defer { server.stop() }
    let down = try ClosedPort()
    func report(_ extra: [String]) async throws -> [String: Any] {
      let temporary = TemporaryDirectory("report-cli")
      let outcome = try await runCommand(
        [
          "report", "--wallet", "imtoken", "--tx", Self.otherHash, "--rpc", "ethereum=\(server.baseURL.absoluteString)",
          "--rpc", "ethereum=\(down.baseURL.absoluteString)", "--problem", "Never arrived.", "--out", temporary.path, "--json",
        ] + extra)
      #expect(outcome.status == 0, "\(outcome.stderr)")
      let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
      return try #require((object["diagnoses"] as? [[String: Any]])?.first)
    }
    func codes(_ diagnosis: [String: Any]) -> [String] {
      ((diagnosis["findings"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
    }
    let byDefault = try await report([])
    #expect(byDefault["status"] as? String == "not_found")
    #expect(codes(byDefault).contains("single_source"))
    let oneIsEnough = try await report(["--min-sources", "1"])
    #expect(oneIsEnough["status"] as? String == "not_found")
    #expect(!codes(oneIsEnough).contains("single_source"), "\(codes(oneIsEnough))")
  }

  @Test func aSecretInTheProblemFileIsInNoFileAndTheHandoffWarns() async throws {
    let temporary = TemporaryDirectory("report-cli")
    let file = temporary.url.appendingPathComponent("problem.txt")
    try Data("Someone on Telegram asked for my words: \(PlantedSecrets.englishPhraseVaried). Then my USDT was gone.".utf8).write(to: file)
    let out = temporary.url.appendingPathComponent("out")
    let outcome = try await runCommand([
      "report", "--wallet", "trust", "--problem-file", file.path, "--contact", "x@example.com", "--out", out.path,
    ])
    #expect(outcome.status == 0)
    let directory = URL(fileURLWithPath: outcome.stdout.trimmingCharacters(in: .newlines))
    let all = String(decoding: TemporaryDirectory.allBytes(under: directory), as: UTF8.self)
    let secret = try #require(PlantedSecrets.all.first { $0.text == PlantedSecrets.englishPhraseVaried })
    for probe in PlantedSecrets.leakProbes(for: secret) {
      #expect(!all.contains(probe), "\(probe)")
      #expect(!outcome.stderr.contains(probe))
    }
    #expect(all.contains("[REDACTED: recovery phrase]"))
    #expect(outcome.stderr.contains("[REDACTED]"))
  }

  @Test func recoveryLatestIsIncludedAndNamesTheWallet() async throws {
    let home = TemporaryDirectory("state")
    let store = try RecoverySessionStore(state: try StateDirectory.open(environment: ["WALLETDOCTOR_HOME": home.path]))
    var session = RecoverySession(
      sessionID: "20261126-091500-ab2c", flow: "stuck-transfer", wallet: .okx, language: .english,
      start: "transaction-hash", now: Date(timeIntervalSince1970: 1_795_685_405))
    session.path = [.init(step: "transaction-hash", answer: .string(Self.otherHash)), .init(step: "diagnosis", answer: "pending")]
    try store.save(session)

    let temporary = TemporaryDirectory("report-cli")
    let outcome = try await runCommand(
      ["report", "--recovery", "latest", "--problem", "Still pending.", "--out", temporary.path, "--json"],
      environment: ["WALLETDOCTOR_HOME": home.path])
    #expect(outcome.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    #expect((object["wallet"] as? [String: Any])?["id"] as? String == "okx")
    #expect((object["recovery"] as? [String: Any])?["session_id"] as? String == "20261126-091500-ab2c")
    let directory = try #require(object["directory"] as? String)
    let request = String(decoding: FileManager.default.contents(atPath: directory + "/00-request.md") ?? Data(), as: UTF8.self)
    #expect(request.contains("## What I already tried"))
    #expect(request.contains(Self.otherHash))

    let missing = try await runCommand(
      ["report", "--recovery", "20261126-091500-zzzz", "--problem", "x", "--out", temporary.path],
      environment: ["WALLETDOCTOR_HOME": home.path])
    #expect(missing.status == 64)
    #expect(missing.stderr.contains("20261126-091500-zzzz"))
  }

  @Test func usageErrorsExit64WithoutWritingAnything() async throws {
    let temporary = TemporaryDirectory("report-cli")
    let cases: [[String]] = [
      ["--wallet", "nosuch", "--problem", "x"],
      ["--tx", "not-a-hash", "--problem", "x"],
      ["--problem", "x", "--problem-file", "/dev/null"],
      ["--problem-file", temporary.url.appendingPathComponent("missing.txt").path],
      ["--offline", "--rpc", "ethereum=http://127.0.0.1:1", "--problem", "x"],
      ["--wallet", "imtoken"],
      ["--wallet", "imtoken", "--problem", "   "],
    ]
    for arguments in cases {
      let outcome = try await runCommand(["report"] + arguments + ["--out", temporary.path])
      #expect(outcome.status == 64, "\(arguments)")
      #expect(outcome.stdout.isEmpty)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
  }

  @Test func aProblemFileThatIsNotUTF8IsRefusedWithoutEchoingIt() async throws {
    let temporary = TemporaryDirectory("report-cli")
    let file = temporary.url.appendingPathComponent("binary.bin")
    try Data([0xff, 0xfe, 0x00, 0xc3]).write(to: file)
    let outcome = try await runCommand(["report", "--problem-file", file.path, "--out", temporary.path])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("UTF-8"))
  }
}

/// The terminal questions, driven by scripted lines instead of a keyboard.
@Suite struct ReportPrompterTests {
  final class Script: @unchecked Sendable {
    var lines: [String]
    var written = ""
    init(_ lines: [String]) { self.lines = lines }
    func next() -> String? { lines.isEmpty ? nil : lines.removeFirst() }
  }

  func prompter(_ script: Script) throws -> ReportPrompter {
    var prompter = ReportPrompter(
      language: .english, style: TerminalStyle(unicode: false, color: false), detector: try SecretDetector.standard())
    prompter.readLine = { script.next() }
    prompter.write = { script.written += $0 }
    prompter.isTerminal = false
    return prompter
  }

  @Test func aPastedPhraseIsRefusedAndTheQuestionAskedAgain() async throws {
    let script = Script([PlantedSecrets.englishPhrase, "", "My transfer is stuck.", "It has been two hours.", ""])
    let problem = try prompter(script).askProblem()
    #expect(problem == "My transfer is stuck.\nIt has been two hours.")
    #expect(script.written.contains("It was refused"))
    #expect(!script.written.contains("abandon"))
  }

  @Test func contactMustLookLikeAnAddressAndMayBeSkipped() async throws {
    let script = Script(["not an address", "alice@example.com"])
    #expect(try prompter(script).askContact() == "alice@example.com")
    #expect(script.written.contains("not an e-mail address"))
    #expect(try prompter(Script([""])).askContact() == nil)
    #expect(try prompter(Script([])).askProblem() == nil)
  }

  @Test func walletByNumberOrName() async throws {
    let directory = try ChannelDirectory.bundled()
    #expect(try prompter(Script(["3"])).askWallet(directory)?.id == "trust")
    #expect(try prompter(Script(["99", "ledger"])).askWallet(directory)?.id == "ledger")
    #expect(try prompter(Script([""])).askWallet(directory) == nil)
  }
}
