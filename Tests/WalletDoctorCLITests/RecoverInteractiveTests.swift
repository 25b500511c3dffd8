import Foundation
import TestSupport
import Testing

@testable import WalletDoctorCore

/// `walletdoctor recover` as a person uses it: in a terminal (a pseudo-terminal here), with
/// numbered options, `b`, `q` and Ctrl-C; and what a crash in the middle of a save leaves.
@Suite("walletdoctor recover (binary, terminal)", .serialized, .enabled(if: TerminalSession.isAvailable))
struct RecoverInteractiveTests {
  final class Home: @unchecked Sendable {
    let temporary = TemporaryDirectory("recover-tty")
    var state: URL { temporary.url.appendingPathComponent("state") }
    var sessions: URL { state.appendingPathComponent("sessions") }
    var environment: [String: String] { ["WALLETDOCTOR_HOME": state.path] }

    func onlySession() throws -> RecoverySession {
      let names = try FileManager.default.contentsOfDirectory(atPath: sessions.path).filter { $0.hasSuffix(".json") }
      #expect(names.count == 1)
      let data = try Data(contentsOf: sessions.appendingPathComponent(try #require(names.first)))
      return try JSONDecoder().decode(RecoverySession.self, from: data)
    }
  }

  @Test func aWholeFlowInTheTerminalWithABadAnswerBackAndTheSolvedQuestion() async throws {
    let home = Home()
    let terminal = try TerminalSession(["recover", "lost-phrase"], environment: home.environment)
    let first = try await terminal.waitFor("> ")
    #expect(first.contains("never ask for your recovery phrase"))
    #expect(first.contains("1) Yes, the wallet still opens"))
    terminal.type("5")
    #expect(try await terminal.waitFor("> ").contains("Please type a number from 1 to 2."))
    terminal.type("2")
    #expect(try await terminal.waitFor("> ").contains("Do you have any note of the words"))
    terminal.type("b")
    #expect(try await terminal.waitFor("> ").contains("Can you still open the wallet"))
    terminal.type("2")
    try await terminal.waitFor("> ")
    terminal.type("n")
    let end = try await terminal.waitFor("Did this solve it?")
    #expect(end.contains("Nobody can restore a lost recovery phrase"))
    try await terminal.waitFor("> ")
    terminal.type("n")
    #expect(try await terminal.finish() == 0)
    #expect(terminal.screen.contains("walletdoctor report --recovery"))
    let session = try home.onlySession()
    #expect(session.status == .completed)
    #expect(session.outcome == "cannot-restore")
    #expect(session.solved == false)
    #expect(session.path.map(\.step) == ["wallet-still-opens", "any-physical-backup"])
  }

  @Test func theMenuChoosesTheFlowAndTheWallet() async throws {
    let home = Home()
    let terminal = try TerminalSession(["recover", "--lang", "zh-Hans"], environment: home.environment)
    #expect(try await terminal.waitFor("> ").contains("8) 硬件钱包 PIN 码或密码短语"))
    terminal.type("8")
    #expect(try await terminal.waitFor("> ").contains("您使用哪个钱包？"))
    terminal.type("trezor")
    #expect(try await terminal.waitFor("> ").contains("Trezor 遇到了什么问题？"))
    terminal.type("q")
    #expect(try await terminal.finish() == 2)
    let session = try home.onlySession()
    #expect(session.flow == "hardware-pin")
    #expect(session.wallet == .trezor)
    #expect(session.language == .simplifiedChinese)
  }

  @Test func ctrlCSavesAndResumeContinuesFromThere() async throws {
    let home = Home()
    let terminal = try TerminalSession(["recover", "phishing-approval"], environment: home.environment)
    try await terminal.waitFor("> ")
    terminal.type("4")
    try await terminal.waitFor("> ")
    terminal.send("\u{03}")
    try await terminal.waitFor("Interrupted; saved as session")
    #expect(try await terminal.finish() == 130)
    let saved = try home.onlySession()
    #expect(saved.currentStep == "connected-check")

    let resumed = try TerminalSession(["recover", "--resume"], environment: home.environment)
    #expect(try await resumed.waitFor("> ").contains("Disconnecting a site does not revoke an approval"))
    resumed.type("")
    try await resumed.waitFor("> ")
    resumed.type("")
    try await resumed.waitFor("> ")
    resumed.type("n")
    #expect(try await resumed.waitFor("> ").contains("Revoked in time"))
    resumed.type("y")
    #expect(try await resumed.finish() == 0)
    #expect(try home.onlySession().outcome == "revoked-in-time")
  }

  @Test(arguments: [PlantedSecrets.englishPhrase24, PlantedSecrets.traditionalChineseUnspaced, PlantedSecrets.keystoreJSON])
  func aPastedSecretIsRefusedErasedFromTheScreenAndNeverSaved(secret: String) async throws {
    let home = Home()
    let terminal = try TerminalSession(["recover", "stolen-funds"], environment: home.environment)
    try await terminal.waitFor("> ")
    terminal.type("")
    try await terminal.waitFor("> ")
    terminal.type("1")
    #expect(try await terminal.waitFor("> ").contains("Where did you enter or send it?"))
    terminal.type(secret)
    let refusal = try await terminal.waitFor("> ")
    #expect(refusal.contains("It was refused"))
    #expect(refusal.contains("\u{1B}[1A\u{1B}[2K"))  // the echoed line is erased
    terminal.type("q")
    #expect(try await terminal.finish() == 2)
    let state = String(decoding: TemporaryDirectory.allBytes(under: home.state), as: UTF8.self)
    let probes = PlantedSecrets.all.filter { $0.text == secret }.flatMap(PlantedSecrets.leakProbes)
    #expect(!probes.isEmpty)
    for probe in probes { #expect(!state.contains(probe)) }
    // After the refusal, nothing the program printed repeats the secret (the terminal's own
    // echo of the typing comes before the refusal and is erased).
    let afterRefusal = terminal.screen.components(separatedBy: "It was refused").dropFirst().joined()
    for probe in probes { #expect(!afterRefusal.contains(probe)) }
    #expect(try home.onlySession().currentStep == "where-shared")
  }

  /// A real kill -9 between writing the new session and renaming it over the old one: the test
  /// hook stops the process at exactly that point (SIGSTOP), the test kills it, and the previous
  /// session must still be there, readable, and resumable; the orphaned temporary file is swept.
  @Test func killDashNineDuringASaveLeavesTheOldSessionReadable() async throws {
    let home = Home()
    let answers = home.temporary.url.appendingPathComponent("a.json")
    try Data(#"{"has-backup": true}"#.utf8).write(to: answers)
    let first = try await CommandRunner.run(["recover", "forgot-password", "--json", "--answers", answers.path], environment: home.environment)
    #expect(first.status == 2)
    let before = try home.onlySession()
    let file = home.sessions.appendingPathComponent("\(before.sessionID).json")
    let bytesBefore = try Data(contentsOf: file)

    try Data(#"{"imtoken-wallet-type": "identity"}"#.utf8).write(to: answers)
    let environment = home.environment
    let (paused, reason) = try await onDedicatedThread { () throws -> (String, Process.TerminationReason) in
      let process = Process()
      process.executableURL = CommandRunner.binary
      process.arguments = ["recover", "--resume", before.sessionID, "--answers", answers.path]
      process.environment = environment.merging(["WALLETDOCTOR_HOOK_UNUSED": "1", "WALLETDOCTOR_TEST_HOOK": "stop-before-rename", "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]) { _, new in new }
      let errors = Pipe()
      process.standardError = errors
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      var seen = Data()
      while !String(decoding: seen, as: UTF8.self).contains("paused before rename") {
        let chunk = errors.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        seen.append(chunk)
      }
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      return (String(decoding: seen, as: UTF8.self), process.terminationReason)
    }
    #expect(paused.contains("paused before rename"))
    #expect(reason == .uncaughtSignal)

    // The old version is intact, and the new one sits in an orphaned temporary file.
    #expect(try Data(contentsOf: file) == bytesBefore)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: home.sessions.path).filter { $0.hasPrefix(".") }
    #expect(leftovers.count == 1)

    let resumed = try await CommandRunner.run(["recover", "--resume", before.sessionID, "--json", "--answers", answers.path], environment: home.environment)
    #expect(resumed.status == 2)
    #expect(resumed.stdout.contains("\"imtoken-identity-backup\""))
    #expect(try FileManager.default.contentsOfDirectory(atPath: home.sessions.path).filter { $0.hasPrefix(".") }.isEmpty)
  }
}
