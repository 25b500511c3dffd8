import Foundation
import TestSupport
import Testing
@testable import WalletDoctorCore

struct RecoverySessionStoreTests {
  func session(_ id: String, updated: TimeInterval, status: RecoverySession.Status = .incomplete) -> RecoverySession {
    var session = RecoverySession(sessionID: id, flow: "lost-phrase", wallet: .imtoken, language: .english, start: "wallet-still-opens", now: Date(timeIntervalSince1970: updated))
    session.status = status
    return session
  }

  @Test func savedSessionsAre0600InA0700FolderAndLoadBack() throws {
    let temporary = TemporaryDirectory()
    let store = try RecoverySessionStore(state: StateDirectory.open(environment: ["WALLETDOCTOR_HOME": temporary.path + "/wd"]))
    let original = session("20260101-000000-aaaa", updated: 10)
    try store.save(original)
    #expect(try store.load(original.sessionID) == original)
    #expect(TemporaryDirectory.mode(of: store.directory.path) == 0o700)
    #expect(TemporaryDirectory.mode(of: store.fileURL(for: original.sessionID).path) == 0o600)
    #expect(try store.load("20260101-000000-zzzz") == nil)
    #expect(TemporaryDirectory.entries(under: temporary.url) == ["wd", "wd/sessions", "wd/sessions/20260101-000000-aaaa.json"])
  }

  @Test func allIsNewestFirstAndMovesCorruptFilesAsideWithoutFailing() throws {
    let temporary = TemporaryDirectory()
    let store = try RecoverySessionStore(state: StateDirectory.open(environment: ["WALLETDOCTOR_HOME": temporary.path]))
    try store.save(session("20260101-000000-aaaa", updated: 10))
    try store.save(session("20260102-000000-bbbb", updated: 20))
    let corrupt = store.fileURL(for: "20260103-000000-cccc")
    try Data("{\"schema\": \"walletdoctor.recovery-session/1\", \"trunc".utf8).write(to: corrupt)
    let (sessions, problems) = store.all()
    #expect(sessions.map(\.sessionID) == ["20260102-000000-bbbb", "20260101-000000-aaaa"])
    #expect(problems == [.corrupt(path: corrupt.path, movedTo: corrupt.path + ".corrupt")])
    #expect(FileManager.default.fileExists(atPath: corrupt.path + ".corrupt"))
  }

  @Test func aValidJSONFileOfAnotherKindIsCorruptToo() throws {
    let temporary = TemporaryDirectory()
    let store = try RecoverySessionStore(state: StateDirectory.open(environment: ["WALLETDOCTOR_HOME": temporary.path]))
    var other = session("20260101-000000-aaaa", updated: 10)
    other.schema = "something-else/1"
    try AtomicFileWriter().writeJSON(other, to: store.fileURL(for: other.sessionID))
    #expect(throws: StateError.self) { try store.load(other.sessionID) }
    #expect(FileManager.default.fileExists(atPath: store.fileURL(for: other.sessionID).path + ".corrupt"))
  }

  @Test func sessionIDsSortByTimeAndRejectPaths() {
    let id = RecoverySession.newID(now: Date(timeIntervalSince1970: 1_767_225_600))
    #expect(id.hasPrefix("20260101-000000-"))
    #expect(RecoverySession.isValidID(id))
    for bad in ["../etc/passwd", "20260101-000000-ABCD", "latest", ""] { #expect(!RecoverySession.isValidID(bad)) }
  }

  @Test func savedSessionJSONUsesSnakeCaseKeys() throws {
    let json = try JSONOutput.string(session("20260101-000000-aaaa", updated: 0))
    for key in ["\"session_id\"", "\"current_step\"", "\"created_at\" : \"1970-01-01T00:00:00.000Z\"", "\"lang\" : \"en\""] {
      #expect(json.contains(key), "\(key)")
    }
  }
}
