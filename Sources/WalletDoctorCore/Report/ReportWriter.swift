import Foundation
import Synchronization

/// Why a report directory could not be written. Messages name the path and what to do; they
/// never contain the report's content.
public enum ReportWriteError: Error, Sendable, Equatable, LocalizedError {
  /// The directory exists and `--force` was not given.
  case exists(path: String)
  case cannotCreate(path: String, reason: String)
  case cannotWrite(path: String, reason: String)
  /// Stopped between writing and renaming (tests stand in for a crash this way).
  case interrupted(path: String)

  public var message: LocalizedText {
    switch self {
    case .exists(let path):
      return LocalizedText(
        en: "\(path) already exists; it was left untouched. Use --force to replace it, or --out to write elsewhere.",
        zh: "\(path) 已存在，未作改动。如需替换请加 --force，或用 --out 写到其他位置。")
    case .cannotCreate(let path, let reason):
      return LocalizedText(
        en: "Cannot create \(path): \(reason). Choose a writable folder with --out.",
        zh: "无法创建 \(path)：\(reason)。请用 --out 选择一个可写的文件夹。")
    case .cannotWrite(let path, let reason):
      return LocalizedText(
        en: "Cannot write \(path): \(reason). No partial report was left behind.",
        zh: "无法写入 \(path)：\(reason)。没有留下不完整的报告。")
    case .interrupted(let path):
      return LocalizedText(en: "Writing \(path) was interrupted.", zh: "写入 \(path) 时被中断。")
    }
  }

  public var errorDescription: String? { message.english }
}

/// Writes a report directory all at once: the files go into a hidden sibling folder (0700,
/// files 0600, each synced), which is then renamed into place. A crash at any point leaves
/// either no report or a complete one, never half of one; the hidden leftovers of a crashed run
/// are removed by the next.
public struct ReportWriter: Sendable {
  public enum BeforeRename: Sendable {
    case proceed
    /// Stop and leave the hidden folder exactly as a crash would (tests only).
    case abandonAsIfKilled
  }

  public var beforeRename: (@Sendable (_ destination: URL) -> BeforeRename)?

  public init(beforeRename: (@Sendable (_ destination: URL) -> BeforeRename)? = nil) {
    self.beforeRename = beforeRename
  }

  static let partialSuffix = ".partial"
  static let replacedSuffix = ".replaced"
  private static let inFlight = Mutex<Set<String>>([])

  /// Writes `files` as `parent/directoryName` and returns its URL. Without `force`, an existing
  /// directory of that name is an error and stays as it was.
  public func write(
    _ files: [(name: String, data: Data)], directoryName: String, in parent: URL, force: Bool
  ) throws(ReportWriteError) -> URL {
    try Self.createParent(parent)
    Self.removeAbandoned(in: parent)
    let destination = parent.appendingPathComponent(directoryName, isDirectory: true)
    let existing = Self.kind(of: destination.path)
    if existing != nil && !force { throw .exists(path: destination.path) }
    if let existing, existing != S_IFDIR {
      throw .cannotWrite(path: destination.path, reason: "it exists and is not a folder")
    }

    let temporary = parent.appendingPathComponent(Self.hiddenName(directoryName, suffix: Self.partialSuffix))
    Self.inFlight.withLock { _ = $0.insert(temporary.path) }
    defer { Self.inFlight.withLock { _ = $0.remove(temporary.path) } }
    var keepTemporary = false
    defer { if !keepTemporary { try? FileManager.default.removeItem(at: temporary) } }

    guard mkdir(temporary.path, 0o700) == 0, chmod(temporary.path, 0o700) == 0 else {
      throw .cannotCreate(path: temporary.path, reason: Self.errnoText())
    }
    for file in files {
      try Self.writeFile(file.data, to: temporary.appendingPathComponent(file.name))
    }
    Self.sync(temporary.path)

    if beforeRename?(destination) == .abandonAsIfKilled {
      keepTemporary = true
      throw .interrupted(path: destination.path)
    }
    if existing != nil {
      // rename(2) cannot replace a non-empty folder: move the old one aside first, then delete it.
      let aside = parent.appendingPathComponent(Self.hiddenName(directoryName, suffix: Self.replacedSuffix))
      guard rename(destination.path, aside.path) == 0 else {
        throw .cannotWrite(path: destination.path, reason: Self.errnoText())
      }
      guard rename(temporary.path, destination.path) == 0 else {
        let reason = Self.errnoText()
        _ = rename(aside.path, destination.path)
        throw .cannotWrite(path: destination.path, reason: reason)
      }
      try? FileManager.default.removeItem(at: aside)
    } else {
      guard rename(temporary.path, destination.path) == 0 else {
        throw .cannotWrite(path: destination.path, reason: Self.errnoText())
      }
    }
    keepTemporary = true
    Self.sync(parent.path)
    return destination
  }

  /// Creates `parent` (0700 for folders walletdoctor creates) when missing.
  private static func createParent(_ parent: URL) throws(ReportWriteError) {
    if let kind = kind(of: parent.path) {
      guard kind == S_IFDIR else { throw .cannotCreate(path: parent.path, reason: "it is not a folder") }
      return
    }
    do {
      try FileManager.default.createDirectory(
        at: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw .cannotCreate(path: parent.path, reason: (error as NSError).localizedDescription)
    }
  }

  private static func writeFile(_ data: Data, to url: URL) throws(ReportWriteError) {
    let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw .cannotWrite(path: url.path, reason: errnoText()) }
    defer { close(descriptor) }
    guard fchmod(descriptor, 0o600) == 0 else { throw .cannotWrite(path: url.path, reason: errnoText()) }
    let failure: Int32? = data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return fsync(descriptor) == 0 ? nil : errno
    }
    if let failure { throw .cannotWrite(path: url.path, reason: String(cString: strerror(failure))) }
  }

  /// `.<name>.<pid>.<random><suffix>`: hidden, beside the destination (so the rename is atomic),
  /// and naming its writer so a later run can tell a crashed write from a live one.
  static func hiddenName(_ name: String, suffix: String) -> String {
    ".\(name).\(getpid()).\(String(UInt64.random(in: 0...UInt64.max), radix: 36))\(suffix)"
  }

  /// Removes hidden report folders whose writer is gone (or is this process and no longer
  /// writing them): what a crash left behind.
  public static func removeAbandoned(in parent: URL) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
    let active = inFlight.withLock { $0 }
    for name in names where name.hasPrefix(".walletdoctor-report-") {
      guard name.hasSuffix(partialSuffix) || name.hasSuffix(replacedSuffix) else { continue }
      let parts = name.split(separator: ".")
      guard parts.count >= 4, let pid = pid_t(parts[parts.count - 3]) else { continue }
      let path = parent.appendingPathComponent(name).path
      if active.contains(path) { continue }
      if !AtomicFileWriter.otherWriterIsAlive(pid) { try? FileManager.default.removeItem(atPath: path) }
    }
  }

  /// The file type bits of `path` without following a symlink; nil when nothing is there.
  private static func kind(of path: String) -> mode_t? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return info.st_mode & S_IFMT
  }

  private static func sync(_ path: String) {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    close(descriptor)
  }

  private static func errnoText() -> String { String(cString: strerror(errno)) }
}
