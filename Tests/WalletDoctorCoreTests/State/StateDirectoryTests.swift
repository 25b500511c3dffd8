import Foundation
import TestSupport
import Testing
@testable import WalletDoctorCore

struct StateDirectoryTests {
  @Test func walletDoctorHomeWinsOverXDGAndHome() throws {
    let url = try StateDirectory.location(environment: [
      "WALLETDOCTOR_HOME": "/a/wd", "XDG_STATE_HOME": "/b/state", "HOME": "/c",
    ])
    #expect(url.path == "/a/wd")
  }

  @Test func xdgStateHomeIsUsedWhenAbsoluteAndIgnoredWhenRelative() throws {
    #expect(try StateDirectory.location(environment: ["XDG_STATE_HOME": "/b/state", "HOME": "/c"]).path == "/b/state/walletdoctor")
    #expect(try StateDirectory.location(environment: ["XDG_STATE_HOME": "relative", "HOME": "/c"]).path == "/c/.local/state/walletdoctor")
    #expect(try StateDirectory.location(environment: ["WALLETDOCTOR_HOME": "", "HOME": "/c"]).path == "/c/.local/state/walletdoctor")
  }

  @Test func noLocationIsAClearError() {
    #expect(throws: StateError.noLocation) { try StateDirectory.location(environment: [:]) }
    #expect(StateError.noLocation.message(.english).contains("WALLETDOCTOR_HOME"))
  }

  @Test func openCreatesEveryMissingFolderWithMode0700() throws {
    let temporary = TemporaryDirectory()
    let state = try StateDirectory.open(environment: ["XDG_STATE_HOME": temporary.path + "/xdg/state"])
    #expect(state.root.path == temporary.path + "/xdg/state/walletdoctor")
    for path in [temporary.path + "/xdg", temporary.path + "/xdg/state", state.root.path] {
      #expect(TemporaryDirectory.mode(of: path) == 0o700, "\(path)")
    }
    let sessions = try state.subdirectory("sessions")
    #expect(TemporaryDirectory.mode(of: sessions.path) == 0o700)
  }

  @Test func openTightensAnExistingStateFolder() throws {
    let temporary = TemporaryDirectory()
    let home = temporary.url.appendingPathComponent("home")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
    _ = try StateDirectory.open(environment: ["WALLETDOCTOR_HOME": home.path])
    #expect(TemporaryDirectory.mode(of: home.path) == 0o700)
  }

  @Test func aFileWhereTheFolderShouldBeIsAClearError() throws {
    let temporary = TemporaryDirectory()
    let blocker = temporary.url.appendingPathComponent("home")
    try Data("x".utf8).write(to: blocker)
    #expect(throws: StateError.cannotCreateDirectory(path: blocker.path, reason: "a file with that name exists")) {
      try StateDirectory.open(environment: ["WALLETDOCTOR_HOME": blocker.path])
    }
  }
}

struct AtomicFileWriterTests {
  @Test func writeCreatesA0600FileAndLeavesNoTemporaryFile() throws {
    let temporary = TemporaryDirectory()
    let file = temporary.url.appendingPathComponent("session.json")
    try AtomicFileWriter().write(Data("one".utf8), to: file)
    try AtomicFileWriter().write(Data("two".utf8), to: file)
    #expect(String(decoding: try Data(contentsOf: file), as: UTF8.self) == "two")
    #expect(TemporaryDirectory.mode(of: file.path) == 0o600)
    #expect(TemporaryDirectory.entries(under: temporary.url) == ["session.json"])
  }

  @Test func aCrashBetweenWriteAndRenameLeavesThePreviousVersionAndTheSweepRemovesTheTemporaryFile() throws {
    let temporary = TemporaryDirectory()
    let file = temporary.url.appendingPathComponent("session.json")
    try AtomicFileWriter().write(Data("before".utf8), to: file)
    let crashing = AtomicFileWriter(beforeRename: { _ in .abandonAsIfKilled })
    #expect(throws: StateError.interruptedSave(path: file.path)) {
      try crashing.write(Data("after".utf8), to: file)
    }
    #expect(String(decoding: try Data(contentsOf: file), as: UTF8.self) == "before")
    let leftovers = TemporaryDirectory.entries(under: temporary.url).filter { $0 != "session.json" }
    #expect(leftovers.count == 1)  // what a real crash leaves behind
    AtomicFileWriter.removeAbandonedTemporaryFiles(in: temporary.url)
    #expect(TemporaryDirectory.entries(under: temporary.url) == ["session.json"])
  }

  @Test func theSweepKeepsTemporaryFilesOfLiveProcessesAndIgnoresOtherFiles() throws {
    let temporary = TemporaryDirectory()
    // pid 1 is always alive; pid 0x7ffffffe is never a live process on Linux (pid_max ≤ 2^22).
    let live = ".session.json.1.abc.tmp"
    let dead = ".session.json.2147483646.abc.tmp"
    let unrelated = "notes.tmp"
    for name in [live, dead, unrelated] {
      try Data().write(to: temporary.url.appendingPathComponent(name))
    }
    AtomicFileWriter.removeAbandonedTemporaryFiles(in: temporary.url)
    #expect(TemporaryDirectory.entries(under: temporary.url) == [live, unrelated].sorted())
  }

  @Test func writingIntoAMissingFolderNamesTheFile() {
    let temporary = TemporaryDirectory()
    let file = temporary.url.appendingPathComponent("missing/session.json")
    #expect {
      try AtomicFileWriter().write(Data("x".utf8), to: file)
    } throws: { error in
      guard case .cannotWrite(let path, _) = error as? StateError else { return false }
      return path == file.path
    }
  }
}

struct StateFileReaderTests {
  struct Sample: Codable, Equatable { var value: Int }

  @Test func missingFileIsNil() throws {
    let temporary = TemporaryDirectory()
    #expect(try StateFileReader.readJSON(Sample.self, from: temporary.url.appendingPathComponent("none.json")) == nil)
  }

  @Test func validFileDecodes() throws {
    let temporary = TemporaryDirectory()
    let file = temporary.url.appendingPathComponent("a.json")
    try AtomicFileWriter().writeJSON(Sample(value: 7), to: file)
    #expect(try StateFileReader.readJSON(Sample.self, from: file) == Sample(value: 7))
  }

  @Test func corruptFilesAreMovedAsideWithTheirNamesInTheError() throws {
    let temporary = TemporaryDirectory()
    let file = temporary.url.appendingPathComponent("a.json")
    for (attempt, garbage) in ["{not json", #"{"value":"seven"}"#].enumerated() {
      try Data(garbage.utf8).write(to: file)
      let expectedAside = file.path + (attempt == 0 ? ".corrupt" : ".corrupt.1")
      #expect(throws: StateError.corrupt(path: file.path, movedTo: expectedAside)) {
        try StateFileReader.readJSON(Sample.self, from: file)
      }
      #expect(!FileManager.default.fileExists(atPath: file.path))
      #expect(TemporaryDirectory.mode(of: expectedAside) == 0o600)
    }
    let message = StateError.corrupt(path: file.path, movedTo: file.path + ".corrupt").message(.simplifiedChinese)
    #expect(message.contains(file.path) && message.contains("已损坏"))
  }

  @Test func aFolderWhereAFileShouldBeIsMovedAside() throws {
    let temporary = TemporaryDirectory()
    let file = temporary.url.appendingPathComponent("a.json")
    try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true)
    #expect(throws: StateError.corrupt(path: file.path, movedTo: file.path + ".corrupt")) {
      try StateFileReader.readJSON(Sample.self, from: file)
    }
  }
}
