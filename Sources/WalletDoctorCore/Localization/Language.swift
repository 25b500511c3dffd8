/// The languages every user-facing sentence exists in.
public enum Language: String, Sendable, Codable, CaseIterable {
  case english = "en"
  case simplifiedChinese = "zh-Hans"

  /// Parses a `--lang` value; accepts a few spellings people type (`zh`, `zh-CN`, `zh_CN.UTF-8`).
  public init?(flag: String) {
    let lowered = flag.lowercased().replacingOccurrences(of: "_", with: "-")
    if lowered == "en" || lowered.hasPrefix("en-") {
      self = .english
    } else if lowered == "zh" || lowered.hasPrefix("zh-") {
      self = .simplifiedChinese
    } else {
      return nil
    }
  }

  /// Chooses the language: the explicit flag, else `LC_ALL`, else `LANG` (`zh_*` → zh-Hans), else English.
  public static func resolve(flag: String?, environment: [String: String]) -> Language {
    if let flag, let language = Language(flag: flag) { return language }
    for variable in ["LC_ALL", "LANG"] {
      guard let value = environment[variable], !value.isEmpty else { continue }
      // The first non-empty variable decides, as POSIX locale precedence does.
      return value.lowercased().hasPrefix("zh") ? .simplifiedChinese : .english
    }
    return .english
  }
}
