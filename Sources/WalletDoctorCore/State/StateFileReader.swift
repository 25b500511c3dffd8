import Foundation

/// Reads walletdoctor's own JSON files. A file that does not decode is moved aside as
/// `<name>.corrupt` (then `.corrupt.1`, …) so the tool keeps working, and the error names both
/// paths; it never crashes and never echoes the contents.
public enum StateFileReader {
  /// The decoded file, or nil when it does not exist.
  public static func readJSON<T: Decodable>(_ type: T.Type, from url: URL) throws(StateError) -> T? {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      if !FileManager.default.fileExists(atPath: url.path) { return nil }
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
        throw .corrupt(path: url.path, movedTo: moveAside(url))
      }
      throw .cannotRead(path: url.path, reason: (error as NSError).localizedDescription)
    }
    do {
      return try JSONDecoder().decode(T.self, from: data)
    } catch {
      throw .corrupt(path: url.path, movedTo: moveAside(url))
    }
  }

  /// Renames a damaged file out of the way; the new path, or nil when even that failed.
  public static func moveAside(_ url: URL) -> String? {
    var candidate = url.path + ".corrupt"
    var counter = 1
    while FileManager.default.fileExists(atPath: candidate) {
      candidate = url.path + ".corrupt.\(counter)"
      counter += 1
    }
    guard rename(url.path, candidate) == 0 else { return nil }
    chmod(candidate, 0o600)
    return candidate
  }
}
