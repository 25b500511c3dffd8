import Foundation
import Synchronization

/// Writes a file so that readers see either the old or the new version, never a mix, even when
/// the process is killed mid-save: temporary file in the same folder, fsync, rename, fsync of
/// the folder. Files are created 0600.
public struct AtomicFileWriter: Sendable {
  /// What a save does after the temporary file is written and synced, before the rename.
  public enum BeforeRename: Sendable {
    case proceed
    /// Stop here and leave the temporary file, exactly as a crash would (tests only).
    case abandonAsIfKilled
  }

  /// Called between the write and the rename; tests use it to stand in for a crash.
  public var beforeRename: (@Sendable (_ destination: URL) -> BeforeRename)?

  public init(beforeRename: (@Sendable (_ destination: URL) -> BeforeRename)? = nil) {
    self.beforeRename = beforeRename
  }

  /// Temporary files being written by this process right now; the sweep must not take them.
  private static let inFlight = Mutex<Set<String>>([])

  /// Replaces `url` with `data` atomically, permissions 0600.
  public func write(_ data: Data, to url: URL) throws(StateError) {
    let directory = url.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(Self.temporaryName(for: url.lastPathComponent))
    Self.inFlight.withLock { _ = $0.insert(temporary.path) }
    defer { Self.inFlight.withLock { _ = $0.remove(temporary.path) } }

    let descriptor = Foundation.open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw .cannotWrite(path: url.path, reason: errnoDescription(errno)) }
    var keepTemporary = false
    defer { if !keepTemporary { unlink(temporary.path) } }
    if let failure = Self.fill(descriptor, with: data) {
      close(descriptor)
      throw .cannotWrite(path: url.path, reason: errnoDescription(failure))
    }
    close(descriptor)

    if beforeRename?(url) == .abandonAsIfKilled {
      keepTemporary = true
      throw .interruptedSave(path: url.path)
    }
    guard rename(temporary.path, url.path) == 0 else {
      throw .cannotWrite(path: url.path, reason: errnoDescription(errno))
    }
    keepTemporary = true  // it is the destination now
    // The rename is durable only once the folder's entry is on disk.
    let directoryDescriptor = Foundation.open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if directoryDescriptor >= 0 {
      _ = fsync(directoryDescriptor)
      close(directoryDescriptor)
    }
  }

  /// Sets 0600, writes all of `data` and syncs it; the errno of the first failure, or nil.
  private static func fill(_ descriptor: Int32, with data: Data) -> Int32? {
    // The umask may have removed bits from 0600; set them exactly.
    guard fchmod(descriptor, 0o600) == 0 else { return errno }
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
      return nil
    }
    if let failure { return failure }
    return fsync(descriptor) == 0 ? nil : errno
  }

  /// Encodes `value` with the project's JSON settings and writes it atomically.
  public func writeJSON<T: Encodable>(_ value: T, to url: URL) throws(StateError) {
    let data: Data
    do {
      data = try JSONOutput.encoder().encode(value)
    } catch {
      throw .cannotWrite(path: url.path, reason: "could not encode: \(error)")
    }
    try write(data + Data("\n".utf8), to: url)
  }

  // MARK: - Temporary files

  static let temporarySuffix = ".tmp"

  /// `.<name>.<pid>.<random>.tmp`: hidden, in the same folder (so rename is atomic), and
  /// carrying the writer's pid so a later run can tell an abandoned file from a live one.
  static func temporaryName(for name: String) -> String {
    let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
    return ".\(name).\(getpid()).\(random)\(temporarySuffix)"
  }

  /// The pid in a temporary file's name; nil when the name is not one of ours.
  static func writerPID(ofTemporaryName name: String) -> pid_t? {
    guard name.hasPrefix("."), name.hasSuffix(temporarySuffix) else { return nil }
    let parts = name.dropLast(temporarySuffix.count).split(separator: ".")
    guard parts.count >= 3, let pid = pid_t(parts[parts.count - 2]) else { return nil }
    return pid
  }

  /// Removes temporary files whose writer is gone (killed mid-save), or that this process
  /// abandoned, leaving files other live processes are writing.
  public static func removeAbandonedTemporaryFiles(in directory: URL) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
    let active = inFlight.withLock { $0 }
    for name in names {
      guard let pid = writerPID(ofTemporaryName: name) else { continue }
      let path = directory.appendingPathComponent(name).path
      if active.contains(path) { continue }
      if !otherWriterIsAlive(pid) { unlink(path) }
    }
  }

  /// Whether `pid` is another live process (a writer still at work). `EPERM` means it exists
  /// under another user. This process's own leftovers count as abandoned.
  static func otherWriterIsAlive(_ pid: pid_t) -> Bool {
    pid != getpid() && (kill(pid, 0) == 0 || errno == EPERM)
  }
}
