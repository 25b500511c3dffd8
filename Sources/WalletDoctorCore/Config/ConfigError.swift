/// A problem with the config file: which file, which line and key, and what is wrong. The
/// message never quotes a value from the file, which may be an API key.
public struct ConfigError: Error, Sendable, Hashable {
  public var path: String
  /// 1-based; nil when the problem concerns the whole file (unreadable, missing).
  public var line: Int?
  /// The dotted key (`endpoints.ethereum[1].url`), when the problem concerns one.
  public var key: String?
  public var problem: LocalizedText

  public init(path: String, line: Int? = nil, key: String? = nil, _ problem: LocalizedText) {
    self.path = path
    self.line = line
    self.key = key
    self.problem = problem
  }

  /// `FILE:LINE: key 'K': problem`, as compilers write it, so editors can jump to the line.
  public var message: LocalizedText {
    let location = line.map { "\(path):\($0)" } ?? path
    let chineseLocation = line.map { "\(path) 第 \($0) 行" } ?? path
    return LocalizedText(
      en: "\(location): " + (key.map { "key '\($0)': " } ?? "") + problem.english,
      zh: "\(chineseLocation)：" + (key.map { "键「\($0)」：" } ?? "") + problem.simplifiedChinese)
  }
}
