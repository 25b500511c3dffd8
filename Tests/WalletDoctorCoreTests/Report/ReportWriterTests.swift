import Foundation
import TestSupport
import Testing

@testable import WalletDoctorCore

@Suite("Support report: writing the directory")
struct ReportWriterTests {
  static let input = ReportInput(wallet: ReportFixture.wallet("imtoken"), problem: "Stuck transfer.")

  @Test func directoryIs0700AndEveryFile0600EvenWithAPermissiveUmask() async throws {
    let temporary = TemporaryDirectory("report")
    let previous = umask(0)
    defer { umask(previous) }
    let directory = try await ReportFixture.write(Self.input, in: temporary.url)
    #expect(TemporaryDirectory.mode(of: directory.path) & 0o777 == 0o700)
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
      #expect(TemporaryDirectory.mode(of: directory.appendingPathComponent(name).path) & 0o777 == 0o600, "\(name)")
    }
  }

  @Test func aMissingOutFolderIsCreatedPrivate() async throws {
    let temporary = TemporaryDirectory("report")
    let parent = temporary.url.appendingPathComponent("new/inner")
    let directory = try await ReportFixture.write(Self.input, in: parent)
    #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("00-request.md").path))
    #expect(TemporaryDirectory.mode(of: parent.path) & 0o777 == 0o700)
  }

  @Test func anExistingReportIsNeverOverwrittenWithoutForce() async throws {
    let temporary = TemporaryDirectory("report")
    let directory = try await ReportFixture.write(Self.input, in: temporary.url)
    let marker = directory.appendingPathComponent("00-request.md")
    try Data("edited by the user\n".utf8).write(to: marker)

    await #expect(throws: ReportWriteError.exists(path: directory.path)) {
      _ = try await ReportFixture.write(Self.input, in: temporary.url)
    }
    #expect(ReportFixture.read(directory, "00-request.md") == "edited by the user\n")
    #expect(TemporaryDirectory.entries(under: temporary.url).filter { $0.hasPrefix(".") }.isEmpty)

    let replaced = try await ReportFixture.write(Self.input, in: temporary.url, force: true)
    #expect(replaced == directory)
    #expect(ReportFixture.read(directory, "00-request.md").contains("Stuck transfer."))
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [directory.lastPathComponent])
  }

  @Test func forceDoesNotReplaceSomethingThatIsNotAFolder() async throws {
    let temporary = TemporaryDirectory("report")
    let report = try await ReportFixture.builder().build(Self.input, caseID: ReportFixture.caseID(), createdAt: ReportFixture.createdAt)
    let path = temporary.url.appendingPathComponent(report.directoryName)
    try Data("mine".utf8).write(to: path)
    #expect(throws: ReportWriteError.self) {
      _ = try ReportWriter().write(try ReportFiles.render(report), directoryName: report.directoryName, in: temporary.url, force: true)
    }
    #expect(FileManager.default.contents(atPath: path.path) == Data("mine".utf8))
  }

  @Test func aCrashBeforeTheRenameLeavesNoReportAndTheNextRunCleansUp() async throws {
    let temporary = TemporaryDirectory("report")
    let crashing = ReportWriter { _ in .abandonAsIfKilled }
    await #expect(throws: ReportWriteError.self) {
      _ = try await ReportFixture.write(Self.input, in: temporary.url, writer: crashing)
    }
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
    // Only a hidden partial folder, never a visible half report.
    #expect(leftovers.count == 1)
    #expect(leftovers.allSatisfy { $0.hasPrefix(".walletdoctor-report-") && $0.hasSuffix(".partial") })
    #expect(!leftovers.contains { $0.hasPrefix("walletdoctor-report-") })

    let directory = try await ReportFixture.write(Self.input, in: temporary.url)
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [directory.lastPathComponent])
  }

  @Test func aPartialFolderOfALiveWriterIsLeftAlone() throws {
    let temporary = TemporaryDirectory("report")
    // pid 1 is always alive: its partial folder must survive the sweep.
    let live = temporary.url.appendingPathComponent(".walletdoctor-report-20260101-000000-WD-0000-0000.1.abc.partial")
    try FileManager.default.createDirectory(at: live, withIntermediateDirectories: false)
    let unrelated = temporary.url.appendingPathComponent(".something-else.partial")
    try FileManager.default.createDirectory(at: unrelated, withIntermediateDirectories: false)
    ReportWriter.removeAbandoned(in: temporary.url)
    #expect(FileManager.default.fileExists(atPath: live.path))
    #expect(FileManager.default.fileExists(atPath: unrelated.path))
  }

  @Test func anOutPathThatIsAFileIsAClearError() async throws {
    let temporary = TemporaryDirectory("report")
    let file = temporary.url.appendingPathComponent("not-a-folder")
    try Data().write(to: file)
    do {
      _ = try await ReportFixture.write(Self.input, in: file)
      Issue.record("wrote into a file")
    } catch let error as ReportWriteError {
      guard case .cannotCreate = error else { Issue.record("\(error)"); return }
      #expect(error.message.english.contains("--out"))
    }
  }
}
