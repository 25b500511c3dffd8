/// Where the config file is, and whether the user named it (then it must exist).
public struct ConfigLocation: Sendable, Hashable {
  public var path: String
  /// Named by `--config` or `$WALLETDOCTOR_CONFIG`: a missing file is an error. The default
  /// locations are optional: no file there means built-in settings.
  public var isExplicit: Bool

  public init(path: String, isExplicit: Bool) {
    self.path = path
    self.isExplicit = isExplicit
  }

  /// `--config FILE`, else `$WALLETDOCTOR_CONFIG`, else `$XDG_CONFIG_HOME/walletdoctor/config.toml`,
  /// else `~/.config/walletdoctor/config.toml`; nil when there is no home directory to look in.
  /// The environment is passed in, never read here, so tests control it.
  public static func resolve(flag: String?, environment: [String: String]) -> ConfigLocation? {
    if let flag, !flag.isEmpty { return ConfigLocation(path: flag, isExplicit: true) }
    if let named = environment["WALLETDOCTOR_CONFIG"], !named.isEmpty {
      return ConfigLocation(path: named, isExplicit: true)
    }
    // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
    if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
      return ConfigLocation(path: join(xdg, "walletdoctor/config.toml"), isExplicit: false)
    }
    if let home = environment["HOME"], home.hasPrefix("/") {
      return ConfigLocation(path: join(home, ".config/walletdoctor/config.toml"), isExplicit: false)
    }
    return nil
  }

  private static func join(_ directory: String, _ relative: String) -> String {
    directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
  }
}
