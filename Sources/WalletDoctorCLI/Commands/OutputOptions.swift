import ArgumentParser
import Foundation
import WalletDoctorCore

/// Options every command shares: output format, language, and the config file.
struct OutputOptions: ParsableArguments {
  @Flag(name: .long, help: "Print the result as JSON on stdout (stable schema, sorted keys).")
  var json = false

  @Option(name: .long, help: ArgumentHelp("Language of the output: en or zh-Hans (default: the config file, else LC_ALL/LANG).", valueName: "en|zh-Hans"))
  var lang: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Settings file (default: $WALLETDOCTOR_CONFIG, else $XDG_CONFIG_HOME/walletdoctor/config.toml, else ~/.config/walletdoctor/config.toml).",
      valueName: "FILE"))
  var config: String?

  func validate() throws {
    if let lang, Language(flag: lang) == nil {
      throw ValidationError("--lang must be 'en' or 'zh-Hans', not '\(lang)'.")
    }
    // A broken config file stops every command before it does anything, with the file, line
    // and key named, rather than being half-applied.
    switch ConfigStore.shared.load(flag: config, environment: ProcessInfo.processInfo.environment) {
    case .success(let loaded):
      ConfigStore.shared.current = loaded.config
      let language = lang.flatMap(Language.init(flag:)) ?? loaded.config.language ?? flagOrEnvironmentLanguage
      ConfigStore.shared.warnOnce(loaded.warnings, language: language)
    case .failure(let error):
      Console.err(LocalizedText(en: "error: ", zh: "错误：")(flagOrEnvironmentLanguage) + error.message(flagOrEnvironmentLanguage) + "\n")
      throw ExitCode.usage
    }
  }

  /// The settings from the config file (built-in settings when there is none). Loaded and
  /// checked during argument validation, so this never fails afterwards.
  var configuration: WalletDoctorConfig {
    (try? ConfigStore.shared.load(flag: config, environment: ProcessInfo.processInfo.environment).get())?.config
      ?? .empty
  }

  /// The language chosen by `--lang`, else by the config file, else by the environment.
  var language: Language {
    if let lang, let language = Language(flag: lang) { return language }
    return configuration.language ?? flagOrEnvironmentLanguage
  }

  /// The language without consulting the config file (for errors about the file itself).
  private var flagOrEnvironmentLanguage: Language {
    Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment)
  }
}

/// Loads the config file once per process: every option group and command sees the same
/// settings, and warnings about the file are printed once.
final class ConfigStore: @unchecked Sendable {
  static let shared = ConfigStore()

  private let lock = NSLock()
  private var cache: [ConfigLocation?: Result<ConfigLoader.Loaded, ConfigError>] = [:]
  private var warned = false
  private var loaded = WalletDoctorConfig.empty

  /// The settings `OutputOptions` loaded while the arguments were validated (every command has
  /// them), for option groups that have no `--config` of their own.
  var current: WalletDoctorConfig {
    get { lock.withLock { loaded } }
    set { lock.withLock { loaded = newValue } }
  }

  func load(flag: String?, environment: [String: String]) -> Result<ConfigLoader.Loaded, ConfigError> {
    let location = ConfigLocation.resolve(flag: flag, environment: environment)
    return lock.withLock {
      if let cached = cache[location] { return cached }
      let result = Result { () throws(ConfigError) -> ConfigLoader.Loaded in
        try ConfigLoader.load(location, registry: .builtIn, knownWallets: Self.knownWallets)
      }
      cache[location] = result
      return result
    }
  }

  func warnOnce(_ warnings: [LocalizedText], language: Language) {
    let first = lock.withLock {
      defer { warned = true }
      return !warned
    }
    guard first else { return }
    for warning in warnings {
      Console.err(LocalizedText(en: "warning: ", zh: "警告：")(language) + warning(language) + "\n")
    }
  }

  private static func knownWallets() -> [String] {
    ((try? ChannelDirectory.bundled())?.wallets.map(\.id)) ?? []
  }
}
