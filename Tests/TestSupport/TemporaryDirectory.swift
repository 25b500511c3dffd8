import Foundation

/// A fresh folder under the system temporary directory, removed when the value is released.
public final class TemporaryDirectory: @unchecked Sendable {
  public let url: URL

  public init(_ label: String = "walletdoctor-test") {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  public var path: String { url.path }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  /// The permission bits of `path` (e.g. 0o700).
  public static func mode(of path: String) -> Int {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    return (attributes?[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }

  /// Every regular file and folder under `url`, recursively (paths relative to it), hidden ones
  /// included.
  public static func entries(under url: URL) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: url.path) else { return [] }
    return (enumerator.allObjects as? [String] ?? []).sorted()
  }

  /// The concatenated bytes of every file under `url`, for leak scans.
  public static func allBytes(under url: URL) -> Data {
    var result = Data()
    for entry in entries(under: url) {
      let path = url.appendingPathComponent(entry).path
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
        let data = FileManager.default.contents(atPath: path)
      {
        result.append(data)
        result.append(0x0A)
      }
    }
    return result
  }
}
