import Foundation

/// Saves and finds recovery sessions under `<state>/sessions/`, one 0600 JSON file each,
/// written atomically.
public struct RecoverySessionStore: Sendable {
  public let directory: URL
  public var writer: AtomicFileWriter

  public init(state: StateDirectory, writer: AtomicFileWriter = AtomicFileWriter()) throws(StateError) {
    directory = try state.subdirectory("sessions")
    self.writer = writer
  }

  public func fileURL(for id: String) -> URL {
    directory.appendingPathComponent("\(id).json")
  }

  public func save(_ session: RecoverySession) throws(StateError) {
    try writer.writeJSON(session, to: fileURL(for: session.sessionID))
  }

  /// The session with `id`; nil when there is no such file. A damaged file is moved aside and
  /// reported as ``StateError/corrupt(path:movedTo:)``.
  public func load(_ id: String) throws(StateError) -> RecoverySession? {
    let url = fileURL(for: id)
    guard let session = try StateFileReader.readJSON(RecoverySession.self, from: url) else { return nil }
    guard session.schema == RecoverySession.schemaName, session.sessionID == id else {
      throw .corrupt(path: url.path, movedTo: StateFileReader.moveAside(url))
    }
    return session
  }

  /// Every readable session, newest first, and the problems met on the way (damaged files are
  /// moved aside and named, never fatal).
  public func all() -> (sessions: [RecoverySession], problems: [StateError]) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    var sessions: [RecoverySession] = []
    var problems: [StateError] = []
    for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
      let id = String(name.dropLast(5))
      guard RecoverySession.isValidID(id) else { continue }
      do {
        if let session = try load(id) { sessions.append(session) }
      } catch {
        problems.append(error)
      }
    }
    sessions.sort { ($0.updatedAt, $0.sessionID) > ($1.updatedAt, $1.sessionID) }
    return (sessions, problems)
  }
}
