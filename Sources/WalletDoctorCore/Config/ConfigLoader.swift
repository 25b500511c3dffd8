import Foundation

/// Reads the config file from disk: a missing default file means built-in settings, a missing
/// named file is an error, and a file others can read is reported when it holds secrets.
public enum ConfigLoader {
  /// What loading produced: the settings, and warnings for the user (stderr).
  public struct Loaded: Sendable, Hashable {
    public var config: WalletDoctorConfig
    public var warnings: [LocalizedText]
  }

  /// A config file is a few lines; anything this large is not one.
  public static let maxFileBytes = 1024 * 1024

  /// Loads the settings from `location` (nil: no file to look for).
  public static func load(
    _ location: ConfigLocation?, registry: ChainRegistry, knownWallets: () -> [String]
  ) throws(ConfigError) -> Loaded {
    guard let location else { return Loaded(config: .empty, warnings: []) }
    let path = location.path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      if !location.isExplicit { return Loaded(config: .empty, warnings: []) }
      throw ConfigError(
        path: path,
        LocalizedText(
          en: "the config file does not exist (named by --config or WALLETDOCTOR_CONFIG)",
          zh: "配置文件不存在（由 --config 或 WALLETDOCTOR_CONFIG 指定）"))
    }
    guard !isDirectory.boolValue else {
      throw ConfigError(path: path, LocalizedText(en: "is a folder, not a config file", zh: "是文件夹，不是配置文件"))
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw ConfigError(path: path, LocalizedText(en: "the config file cannot be read (permissions?)", zh: "无法读取配置文件（权限问题？）"))
    }
    defer { try? handle.close() }
    let data: Data
    do {
      data = try handle.read(upToCount: maxFileBytes + 1) ?? Data()
    } catch {
      throw ConfigError(path: path, LocalizedText(en: "the config file cannot be read", zh: "无法读取配置文件"))
    }
    guard data.count <= maxFileBytes else {
      throw ConfigError(path: path, LocalizedText(en: "is larger than 1 MiB; not a config file", zh: "超过 1 MiB，不是配置文件"))
    }
    let config = try WalletDoctorConfig.parse(
      Array(data), path: path, registry: registry, knownWallets: knownWallets)
    var warnings: [LocalizedText] = []
    if !config.secrets.isEmpty, let mode = permissions(of: path), mode & 0o044 != 0 {
      warnings.append(
        LocalizedText(
          en: "\(path) holds API keys or passwords but other users on this computer can read it; run: chmod 600 \(path)",
          zh: "\(path) 中含有 API 密钥或密码，但本机其他用户可以读取它；请运行：chmod 600 \(path)"))
    }
    return Loaded(config: config, warnings: warnings)
  }

  /// The file's permission bits (e.g. 0o600), nil when they cannot be read.
  static func permissions(of path: String) -> Int? {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    return (attributes?[.posixPermissions] as? NSNumber)?.intValue
  }
}
