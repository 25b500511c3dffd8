import Foundation

/// The settings a config file gives: endpoints per chain (with headers such as API keys), the
/// default wallet, language, time limit and the number of endpoints that must agree.
///
/// Every field is optional; a command-line flag always wins over the file, and the file over the
/// built-in defaults. See docs/configuration.md for the format.
public struct WalletDoctorConfig: Sendable, Hashable {
  /// The file these settings came from; nil when no file was read.
  public var path: String?
  /// Endpoints in file order. A chain listed here uses these instead of its built-in defaults.
  public var endpoints: [EndpointSpec]
  /// The wallet the user uses (`imtoken`, `metamask`, …), for commands that ask which wallet.
  public var defaultWallet: String?
  public var language: Language?
  public var timeoutSeconds: Double?
  /// How many healthy endpoints must agree before an alarming verdict is stated without warning.
  public var minimumSources: Int?

  public init(
    path: String? = nil, endpoints: [EndpointSpec] = [], defaultWallet: String? = nil, language: Language? = nil,
    timeoutSeconds: Double? = nil, minimumSources: Int? = nil
  ) {
    self.path = path
    self.endpoints = endpoints
    self.defaultWallet = defaultWallet
    self.language = language
    self.timeoutSeconds = timeoutSeconds
    self.minimumSources = minimumSources
  }

  /// No file: built-in settings only.
  public static let empty = WalletDoctorConfig()

  /// The configured endpoints of one chain, in file order.
  public func endpoints(for chain: Chain) -> [EndpointSpec] {
    endpoints.filter { $0.chain == chain }
  }

  /// The chains the file configures, in order of first appearance.
  public var configuredChains: [Chain] {
    var chains: [Chain] = []
    for endpoint in endpoints where !chains.contains(endpoint.chain) { chains.append(endpoint.chain) }
    return chains
  }

  /// Strings from the file that must never appear in output (header values, URL credentials).
  public var secrets: [String] { endpoints.flatMap(\.secrets) }

  /// The longest time limit accepted, as for `--timeout`.
  public static let maxTimeoutSeconds = 600.0

  // MARK: - Reading

  /// Reads the settings from the text of a config file.
  ///
  /// - Parameters:
  ///   - path: the file's path, for error messages.
  ///   - registry: the chains endpoints may be given for.
  ///   - knownWallets: the wallet ids `default_wallet` may name; asked only when the key is present.
  public static func parse(
    _ bytes: [UInt8], path: String, registry: ChainRegistry, knownWallets: () -> [String]
  ) throws(ConfigError) -> WalletDoctorConfig {
    let document: TOMLTable
    do {
      document = try TOMLParser.parse(bytes)
    } catch {
      throw ConfigError(path: path, line: error.line, key: error.key, error.message)
    }
    let reader = ConfigReader(path: path, registry: registry)
    var config = WalletDoctorConfig(path: path)
    for (key, node) in document.entries {
      switch key {
      case "language":
        let text = try reader.string(node, key: key)
        guard let language = Language(flag: text) else {
          throw reader.error(node, key, LocalizedText(en: "must be \"en\" or \"zh-Hans\"", zh: "必须是 \"en\" 或 \"zh-Hans\""))
        }
        config.language = language
      case "timeout":
        let seconds = try reader.number(node, key: key)
        guard seconds > 0, seconds <= maxTimeoutSeconds else {
          throw reader.error(
            node, key,
            LocalizedText(
              en: "must be a number of seconds above 0 and at most 600", zh: "必须是大于 0、不超过 600 的秒数"))
        }
        config.timeoutSeconds = seconds
      case "min_sources":
        guard case .integer(let count) = node.value, count >= 1, count <= 100 else {
          throw reader.error(
            node, key, LocalizedText(en: "must be a whole number from 1 to 100", zh: "必须是 1 到 100 之间的整数"))
        }
        config.minimumSources = Int(count)
      case "default_wallet":
        let wallet = try reader.string(node, key: key).lowercased()
        let known = knownWallets()
        guard known.contains(wallet) else {
          throw reader.error(
            node, key,
            LocalizedText(
              en: "is not a wallet walletdoctor knows; use one of: \(known.joined(separator: ", "))",
              zh: "不是 walletdoctor 认识的钱包；请使用以下之一：\(known.joined(separator: ", "))"))
        }
        config.defaultWallet = wallet
      case "endpoints":
        config.endpoints = try reader.endpoints(node)
      default:
        throw reader.unknownKey(node, key, allowed: ["language", "timeout", "min_sources", "default_wallet", "endpoints"])
      }
    }
    return config
  }
}

/// Reads the typed settings out of the parsed TOML, with errors that name the file, line and key.
struct ConfigReader {
  let path: String
  let registry: ChainRegistry

  func error(_ node: TOMLNode, _ key: String, _ problem: LocalizedText) -> ConfigError {
    ConfigError(path: path, line: node.line, key: key, problem)
  }

  func unknownKey(_ node: TOMLNode, _ key: String, allowed: [String]) -> ConfigError {
    error(
      node, key,
      LocalizedText(
        en: "unknown key; the keys allowed here are: \(allowed.joined(separator: ", "))",
        zh: "未知的键；此处允许的键为：\(allowed.joined(separator: ", "))"))
  }

  func wrongType(_ node: TOMLNode, _ key: String, expected: LocalizedText) -> ConfigError {
    error(
      node, key,
      LocalizedText(
        en: "expected \(expected.english), found \(node.value.kindName.english)",
        zh: "应为\(expected.simplifiedChinese)，实际为\(node.value.kindName.simplifiedChinese)"))
  }

  func string(_ node: TOMLNode, key: String) throws(ConfigError) -> String {
    guard case .string(let text) = node.value else {
      throw wrongType(node, key, expected: LocalizedText(en: "a string in quotes", zh: "带引号的字符串"))
    }
    return text
  }

  func number(_ node: TOMLNode, key: String) throws(ConfigError) -> Double {
    switch node.value {
    case .integer(let value): return Double(value)
    case .float(let value): return value
    default: throw wrongType(node, key, expected: LocalizedText(en: "a number", zh: "数字"))
    }
  }

  // MARK: Endpoints

  /// `[endpoints]`: chain name → a URL, a `{ url, headers }` table, or an array of either.
  func endpoints(_ node: TOMLNode) throws(ConfigError) -> [EndpointSpec] {
    guard case .table(let table) = node.value else {
      throw wrongType(
        node, "endpoints", expected: LocalizedText(en: "a table of chains ([endpoints])", zh: "按链分组的表（[endpoints]）"))
    }
    var result: [EndpointSpec] = []
    var seenChains: [Chain] = []
    for (name, chainNode) in table.entries {
      let key = "endpoints.\(TOMLPath.component(name))"
      guard let chain = registry.chain(named: name) else {
        let known = registry.knownNames.joined(separator: ", ")
        throw error(
          chainNode, key,
          LocalizedText(
            en: "unknown chain; use one of \(known), or eip155:<chain id> in quotes",
            zh: "未知的链；请使用 \(known) 之一，或带引号的 eip155:<链 ID>"))
      }
      if seenChains.contains(chain) {
        throw error(
          chainNode, key,
          LocalizedText(
            en: "endpoints for \(chain.name) are already listed under another name",
            zh: "\(chain.name) 的节点已在另一个名称下列出"))
      }
      seenChains.append(chain)
      let entries: [(TOMLNode, String)]
      switch chainNode.value {
      case .array(let items):
        entries = items.enumerated().map { ($1, "\(key)[\($0)]") }
      default:
        entries = [(chainNode, key)]
      }
      if entries.isEmpty {
        throw error(
          chainNode, key,
          LocalizedText(
            en: "lists no endpoint; remove the key to use the built-in endpoints",
            zh: "没有列出任何节点；若要使用内置节点，请删除该键"))
      }
      var chainEndpoints: [EndpointSpec] = []
      for (entry, entryKey) in entries {
        let spec = try endpoint(entry, chain: chain, key: entryKey)
        if chainEndpoints.contains(where: { $0.url == spec.url }) {
          throw error(entry, entryKey, LocalizedText(en: "this URL is listed twice", zh: "该 URL 重复出现"))
        }
        chainEndpoints.append(spec)
      }
      result += chainEndpoints
    }
    return result
  }

  /// One endpoint: `"https://…"` or `{ url = "https://…", headers = { "x-api-key" = "…" } }`.
  func endpoint(_ node: TOMLNode, chain: Chain, key: String) throws(ConfigError) -> EndpointSpec {
    var urlText: String
    var urlNode = node
    var urlKey = key
    var headers: [String: String] = [:]
    switch node.value {
    case .string(let text):
      urlText = text
    case .table(let table):
      guard let given = table["url"] else {
        throw error(node, key, LocalizedText(en: "needs a url = \"https://…\" entry", zh: "需要 url = \"https://…\" 项"))
      }
      urlNode = given
      urlKey = key + ".url"
      urlText = try string(given, key: urlKey)
      for (name, child) in table.entries where name != "url" {
        let childKey = "\(key).\(TOMLPath.component(name))"
        guard name == "headers" else { throw unknownKey(child, childKey, allowed: ["url", "headers"]) }
        headers = try self.headers(child, key: childKey)
      }
    default:
      throw wrongType(
        node, key,
        expected: LocalizedText(
          en: "a URL string, a { url = …, headers = { … } } table, or an array of them",
          zh: "URL 字符串、{ url = …, headers = { … } } 表，或由它们组成的数组"))
    }
    urlText = urlText.trimmingCharacters(in: .whitespaces)
    do {
      return try EndpointSpec.make(chain: chain, urlText: urlText, headers: headers)
    } catch {
      throw self.error(urlNode, urlKey, error.message)
    }
  }

  /// `headers = { "x-api-key" = "…" }`: names must be HTTP tokens and values single-line text, so
  /// a value can never inject another header.
  func headers(_ node: TOMLNode, key: String) throws(ConfigError) -> [String: String] {
    guard case .table(let table) = node.value else {
      throw wrongType(node, key, expected: LocalizedText(en: "a table of header names and values", zh: "由请求头名称和值组成的表"))
    }
    var headers: [String: String] = [:]
    for (name, child) in table.entries {
      let childKey = "\(key).\(TOMLPath.component(name))"
      guard !name.isEmpty, name.utf8.allSatisfy(Self.isHeaderNameByte) else {
        throw error(
          child, childKey,
          LocalizedText(
            en: "is not a valid HTTP header name (letters, digits and - only)", zh: "不是有效的 HTTP 请求头名称（仅限字母、数字和 -）"))
      }
      let value = try string(child, key: childKey)
      guard !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
        throw error(
          child, childKey,
          LocalizedText(en: "a header value may not contain line breaks or control characters", zh: "请求头的值不能包含换行或控制字符"))
      }
      guard !headers.keys.contains(where: { $0.lowercased() == name.lowercased() }) else {
        throw error(child, childKey, LocalizedText(en: "this header is given twice", zh: "该请求头重复出现"))
      }
      headers[name] = value
    }
    return headers
  }

  /// RFC 9110 token characters.
  static func isHeaderNameByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
      return true
    default:
      return "!#$%&'*+-.^_`|~".utf8.contains(byte)
    }
  }
}

/// Writes keys the way TOML needs them in messages: bare when possible, else quoted.
enum TOMLPath {
  static func component(_ key: String) -> String {
    let bare = !key.isEmpty && key.utf8.allSatisfy { byte in
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
    return bare ? key : "\"\(key)\""
  }
}
