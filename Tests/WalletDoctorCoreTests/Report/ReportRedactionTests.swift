import Foundation
import TestSupport
import Testing

@testable import WalletDoctorCore

@Suite("Support report: redaction")
struct ReportRedactionTests {
  /// Every byte of every file in the report directory, as text.
  static func everything(in directory: URL) -> String {
    String(decoding: TemporaryDirectory.allBytes(under: directory), as: UTF8.self)
  }

  static func expectNoLeak(of secret: PlantedSecrets.Secret, in directory: URL, _ where_: String) {
    let all = everything(in: directory)
    for probe in PlantedSecrets.leakProbes(for: secret) {
      #expect(!all.contains(probe), "\(secret.name) leaked via \(where_): \(probe.prefix(20))…")
    }
  }

  @Test(arguments: PlantedSecrets.all)
  func aSecretInTheProblemIsInNoFile(_ secret: PlantedSecrets.Secret) async throws {
    let temporary = TemporaryDirectory("report")
    let input = ReportInput(
      wallet: ReportFixture.wallet("imtoken"), transactions: [try TransactionReference.parse(ReportFixture.pendingHash)],
      problem: "Support asked me for this, here it is:\n\(secret.text)\nplease help", contact: "eve@example.com",
      language: .simplifiedChinese)
    let directory = try await ReportFixture.write(input, in: temporary.url)
    Self.expectNoLeak(of: secret, in: directory, "--problem")

    let report = try ReportFixture.json(directory, ReportFiles.reportJSON)
    let counts = try #require(report["redactions"] as? [String: Int])
    #expect(counts[secret.kindRawValue, default: 0] >= 1, "\(counts)")
    let manifest = try ReportFixture.json(directory, ReportFiles.manifest)
    #expect(manifest["redactions"] as? [String: Int] == counts)
    #expect(ReportFixture.read(directory, ReportFiles.request).contains("[REDACTED: "))
  }

  @Test(arguments: PlantedSecrets.all)
  func aSecretInRecoveryAnswersOrOtherFieldsIsInNoFile(_ secret: PlantedSecrets.Secret) async throws {
    let temporary = TemporaryDirectory("report")
    let recovery = try ReportFixture.stuckTransferRecovery(restartAnswer: .string("I typed " + secret.text))
    let input = ReportInput(
      wallet: ReportFixture.wallet("imtoken"), problem: "lost", contact: secret.text, appVersion: secret.text,
      device: "phone " + secret.text, language: .simplifiedChinese, recovery: recovery)
    let directory = try await ReportFixture.write(input, in: temporary.url)
    Self.expectNoLeak(of: secret, in: directory, "recovery answers, contact, app version, device")
    let counts = try #require(try ReportFixture.json(directory, ReportFiles.reportJSON)["redactions"] as? [String: Int])
    // contact, app version, device, and the answer (rendered in the document and the tried lines).
    #expect(counts[secret.kindRawValue, default: 0] >= 4)
    #expect(ReportFixture.read(directory, ReportFiles.request).contains(ReportFixture.pendingHash))
  }

  @Test func aDeclaredTransactionHashInTheTextStaysButAnUndeclaredOneIsAPossibleKey() async throws {
    let temporary = TemporaryDirectory("report")
    let undeclared = PlantedSecrets.hexKey
    let declared = String(ReportFixture.pendingHash.dropFirst(2))
    let input = ReportInput(
      wallet: ReportFixture.wallet("imtoken"), transactions: [try TransactionReference.parse(ReportFixture.pendingHash)],
      problem: "My transaction \(declared) is stuck. Also this: \(undeclared)")
    let directory = try await ReportFixture.write(input, in: temporary.url)
    let request = ReportFixture.read(directory, ReportFiles.request)
    #expect(request.contains("My transaction \(declared) is stuck."))
    #expect(!Self.everything(in: directory).contains(undeclared))
    #expect(request.contains("[REDACTED: private key]"))
  }

  @Test func urlsCarryingCredentialsAreMaskedButExplorerLinksStay() async throws {
    let temporary = TemporaryDirectory("report")
    let problem = """
      I use https://alice:hunter22@rpc.example.org/v3/9f8e7d6c5b4a39281706f5e4d3c2b1a0 and \
      https://node.example.net/rpc?apikey=supersecretvalue1 but see https://etherscan.io/tx/\(ReportFixture.pendingHash) and https://token.im/hc.
      """
    let input = ReportInput(
      wallet: ReportFixture.wallet("imtoken"), transactions: [try TransactionReference.parse(ReportFixture.pendingHash)],
      problem: problem)
    let directory = try await ReportFixture.write(input, in: temporary.url)
    let all = Self.everything(in: directory)
    for leaked in ["hunter22", "alice:", "9f8e7d6c5b4a39281706f5e4d3c2b1a0", "supersecretvalue1", "apikey"] {
      #expect(!all.contains(leaked), "\(leaked)")
    }
    let request = ReportFixture.read(directory, ReportFiles.request)
    #expect(request.contains("https://***@rpc.example.org/v3/***"))
    #expect(request.contains("https://etherscan.io/tx/\(ReportFixture.pendingHash)"))
    #expect(request.contains("https://token.im/hc"))
    let counts = try #require(try ReportFixture.json(directory, ReportFiles.reportJSON)["redactions"] as? [String: Int])
    #expect(counts[ReportRedactor.urlCredentialsKind] == 2)
  }

  @Test func rpcEndpointKeysNeverReachTheReport() async throws {
    let server = try ReportFixture.twoTransactionNode()
    let temporary = TemporaryDirectory("report")
    let keyed = "http://user:s3cretpass@127.0.0.1:\(server.port)/v3/0123456789abcdef0123456789abcdef?token=qwertyuiop"
    let endpoint = try EndpointSpec.parse("ethereum=\(keyed)", registry: .builtIn)
    let input = ReportInput(
      wallet: ReportFixture.wallet("imtoken"), transactions: [try TransactionReference.parse(ReportFixture.confirmedHash)],
      endpoints: [endpoint], timeout: .seconds(60))
    let engine = DiagnosisEngine(transport: CurlTransport.shared, registry: .builtIn)
    let directory = try await ReportFixture.write(input, diagnoser: engine, in: temporary.url)
    let all = Self.everything(in: directory)
    for leaked in ["s3cretpass", "0123456789abcdef0123456789abcdef", "qwertyuiop"] {
      #expect(!all.contains(leaked), "\(leaked)")
    }
    #expect(all.contains("127.0.0.1"))
  }
}
