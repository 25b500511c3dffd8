import Foundation

/// Finds the bundled data files (flows, word lists, channel directory).
///
/// SwiftPM's generated `Bundle.module` calls `fatalError` when the bundle is missing (for example
/// when only the binary was copied elsewhere); this locator looks in the same places and throws
/// an error that says what to do instead.
public enum ResourceLocator {
  /// The name SwiftPM gives the resource bundle of the `WalletDoctorCore` target.
  static let bundleName = "WalletDoctor_WalletDoctorCore.resources"

  public struct MissingResources: Error, LocalizedError {
    public let searched: [String]
    public var errorDescription: String? {
      "walletdoctor's data files (\(ResourceLocator.bundleName)) were not found; searched: "
        + searched.joined(separator: ", ")
        + ". Keep the bundle next to the binary or set WALLETDOCTOR_RESOURCES to its path."
    }
  }

  /// The `Resources` folder inside the bundle.
  public static func resourcesDirectory(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> URL {
    var candidates: [URL] = []
    if let override = environment["WALLETDOCTOR_RESOURCES"], !override.isEmpty {
      candidates.append(URL(fileURLWithPath: override))
    }
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    candidates.append(executable.deletingLastPathComponent().appendingPathComponent(bundleName))
    candidates.append(Bundle.main.bundleURL.appendingPathComponent(bundleName))
    // Test bundles on Linux live in .build/<config>/X.xctest beside the resource bundle.
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent(bundleName))
    for candidate in candidates {
      for folder in [candidate.appendingPathComponent("Resources"), candidate] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("README.md").path, isDirectory: &isDirectory) {
          return folder
        }
      }
    }
    throw MissingResources(searched: candidates.map(\.path))
  }

  /// A file under the resources folder, e.g. `url(for: "bip39/english.txt")`.
  public static func url(for relativePath: String) throws -> URL {
    try resourcesDirectory().appendingPathComponent(relativePath)
  }
}
