import Foundation

/// walletdoctor's private state folder: `$WALLETDOCTOR_HOME`, else `$XDG_STATE_HOME/walletdoctor`,
/// else `~/.local/state/walletdoctor`.
///
/// Every directory walletdoctor creates or uses there is 0700 and every file 0600, because
/// sessions describe someone's wallet trouble. The environment is passed in, never read here.
public struct StateDirectory: Sendable {
  /// The root folder (exists, 0700).
  public let root: URL

  /// The folder the environment names, without touching the disk.
  public static func location(environment: [String: String]) throws(StateError) -> URL {
    if let home = environment["WALLETDOCTOR_HOME"], !home.isEmpty {
      return URL(fileURLWithPath: home, isDirectory: true)
    }
    if let xdg = environment["XDG_STATE_HOME"], !xdg.isEmpty, xdg.hasPrefix("/") {
      // The XDG spec says relative values are invalid and must be ignored.
      return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("walletdoctor", isDirectory: true)
    }
    if let home = environment["HOME"], !home.isEmpty {
      return URL(fileURLWithPath: home, isDirectory: true)
        .appendingPathComponent(".local/state/walletdoctor", isDirectory: true)
    }
    throw .noLocation
  }

  /// Opens (creating if needed) the state folder the environment names, and removes temporary
  /// files that a killed process left behind.
  public static func open(environment: [String: String]) throws(StateError) -> StateDirectory {
    let root = try location(environment: environment)
    try createPrivateDirectory(root)
    AtomicFileWriter.removeAbandonedTemporaryFiles(in: root)
    return StateDirectory(root: root)
  }

  /// A subfolder (created 0700 if needed), with abandoned temporary files removed.
  public func subdirectory(_ name: String) throws(StateError) -> URL {
    let url = root.appendingPathComponent(name, isDirectory: true)
    try Self.createPrivateDirectory(url)
    AtomicFileWriter.removeAbandonedTemporaryFiles(in: url)
    return url
  }

  /// Creates `url` and any missing parents with mode 0700, and tightens `url` itself to 0700 if
  /// it already existed with wider permissions. Parents that existed are left alone: they are
  /// the user's, not walletdoctor's.
  static func createPrivateDirectory(_ url: URL) throws(StateError) {
    let path = url.path
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw .cannotCreateDirectory(path: path, reason: "a file with that name exists")
      }
    } else {
      let parent = url.deletingLastPathComponent()
      if parent.path != path { try createPrivateDirectory(parent, tightenExisting: false) }
      if mkdir(path, 0o700) != 0, errno != EEXIST {
        throw .cannotCreateDirectory(path: path, reason: errnoDescription(errno))
      }
    }
    if chmod(path, 0o700) != 0 {
      throw .cannotCreateDirectory(path: path, reason: errnoDescription(errno))
    }
  }

  private static func createPrivateDirectory(_ url: URL, tightenExisting: Bool) throws(StateError) {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw .cannotCreateDirectory(path: url.path, reason: "a file with that name exists")
      }
      return
    }
    try createPrivateDirectory(url)
  }
}
