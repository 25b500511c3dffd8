import Foundation
import TestSupport
import Testing
@testable import WalletDoctorCore

/// The config file: where it is looked for, what it may say, and how every mistake is reported.
@Suite("Config file")
struct ConfigFileTests {
  static let wallets = ["imtoken", "metamask"]
  static let apiKey = "k3y-0f-th3-us3r-4b1c2d3e"

  func parse(_ text: String) throws(ConfigError) -> WalletDoctorConfig {
    try WalletDoctorConfig.parse(Array(text.utf8), path: "/home/u/config.toml", registry: .builtIn, knownWallets: { Self.wallets })
  }

  @Test func readsEverySetting() throws {
    let config = try parse(
      """
      language = "zh-Hans"
      timeout = 7.5
      min_sources = 2
      default_wallet = "imToken"

      [endpoints]
      ethereum = [
        "https://eth.example.net",
        { url = "https://mainnet.example.io/v3/\(Self.apiKey)" },
      ]
      "eip155:43114" = "https://avax.example.org/ext/bc/C/rpc"

      [[endpoints.bsc]]
      url = "https://bsc.example.com/"
      headers = { "x-api-key" = "\(Self.apiKey)" }

      [[endpoints.bsc]]
      url = "http://192.168.1.20:8545"
      """)
    #expect(config.language == .simplifiedChinese)
    #expect(config.timeoutSeconds == 7.5)
    #expect(config.minimumSources == 2)
    #expect(config.defaultWallet == "imtoken")
    #expect(config.endpoints.map(\.url.absoluteString) == [
      "https://eth.example.net", "https://mainnet.example.io/v3/\(Self.apiKey)",
      "https://avax.example.org/ext/bc/C/rpc", "https://bsc.example.com/", "http://192.168.1.20:8545",
    ])
    #expect(config.endpoints.map(\.chain.name) == ["ethereum", "ethereum", "eip155:43114", "bsc", "bsc"])
    #expect(config.endpoints[3].headers == ["x-api-key": Self.apiKey])
    #expect(config.configuredChains.map(\.name) == ["ethereum", "eip155:43114", "bsc"])
    #expect(config.secrets.contains(Self.apiKey))
    #expect(config.endpoints.allSatisfy { !$0.displayURL.contains(Self.apiKey) })
  }

  @Test func anEmptyFileIsBuiltInSettings() throws {
    let config = try parse("# nothing yet\n")
    #expect(config.endpoints.isEmpty && config.language == nil && config.timeoutSeconds == nil)
  }

  /// Each mistake, the line and the key its error must name.
  @Test(arguments: [
    ("colour = true\n", 1, "colour"),
    ("language = \"fr\"\n", 1, "language"),
    ("language = 1\n", 1, "language"),
    ("\ntimeout = 0\n", 2, "timeout"),
    ("timeout = 601\n", 1, "timeout"),
    ("timeout = \"20\"\n", 1, "timeout"),
    ("min_sources = 0\n", 1, "min_sources"),
    ("min_sources = 1.5\n", 1, "min_sources"),
    ("default_wallet = \"myWallet\"\n", 1, "default_wallet"),
    ("endpoints = \"https://x.example\"\n", 1, "endpoints"),
    ("[endpoints]\ndogecoin = \"https://x.example\"\n", 2, "endpoints.dogecoin"),
    ("[endpoints]\nethereum = []\n", 2, "endpoints.ethereum"),
    ("[endpoints]\nethereum = 5\n", 2, "endpoints.ethereum"),
    ("[endpoints]\nethereum = [\"https://a.example\",\n  \"ftp://b.example\"]\n", 3, "endpoints.ethereum[1]"),
    ("[endpoints]\nethereum = \"http://public.example.com\"\n", 2, "endpoints.ethereum"),
    ("[endpoints]\nethereum = \"core+http://127.0.0.1:8332\"\n", 2, "endpoints.ethereum"),
    ("[endpoints]\nethereum = [\"https://a.example\", \"https://a.example\"]\n", 2, "endpoints.ethereum[1]"),
    ("[endpoints]\nethereum = \"https://a.example\"\n\"eip155:1\" = \"https://b.example\"\n", 3, "endpoints.\"eip155:1\""),
    ("[[endpoints.ethereum]]\nheaders = { a = \"b\" }\n", 1, "endpoints.ethereum[0]"),
    ("[[endpoints.ethereum]]\nurl = \"https://a.example\"\napi_key = \"x\"\n", 3, "endpoints.ethereum[0].api_key"),
    ("[[endpoints.ethereum]]\nurl = \"https://a.example\"\nheaders = \"x\"\n", 3, "endpoints.ethereum[0].headers"),
    ("[[endpoints.ethereum]]\nurl = \"https://a.example\"\nheaders = { \"bad header\" = \"x\" }\n", 3, "endpoints.ethereum[0].headers.\"bad header\""),
    ("[[endpoints.ethereum]]\nurl = \"https://a.example\"\nheaders = { a = \"x\\r\\nInjected: y\" }\n", 3, "endpoints.ethereum[0].headers.a"),
    ("[[endpoints.ethereum]]\nurl = \"https://a.example\"\nheaders = { a = \"x\", A = \"y\" }\n", 3, "endpoints.ethereum[0].headers.A"),
    ("[[endpoints.ethereum]]\nurl = 5\n", 2, "endpoints.ethereum[0].url"),
    ("[endpoints.ethereum]\nurl = \"https://a.example\"\n\n[endpoints.ethereum]\n", 4, "endpoints.ethereum"),
  ])
  func mistakesNameTheFileLineAndKey(text: String, line: Int, key: String) {
    do {
      _ = try parse(text)
      Issue.record("expected an error for \(text.debugDescription)")
    } catch {
      #expect(error.path == "/home/u/config.toml")
      #expect(error.line == line, "\(text.debugDescription): \(error.message.english)")
      #expect(error.key == key, "\(text.debugDescription): \(error.message.english)")
      #expect(error.message.english.hasPrefix("/home/u/config.toml:\(line): key '\(key)': "))
      #expect(error.message.simplifiedChinese.hasPrefix("/home/u/config.toml 第 \(line) 行：键「\(key)」："))
    }
  }

  @Test func errorsNeverQuoteSecretValues() {
    let texts = [
      "[endpoints]\nethereum = \"ftp://user:\(Self.apiKey)@a.example\"\n",
      "[endpoints]\nethereum = \"http://public.example/v3/\(Self.apiKey)\"\n",
      "[[endpoints.ethereum]]\nurl = \"https://a.example\"\nheaders = { a = \"\(Self.apiKey)\\n\" }\n",
      "language = \"\(Self.apiKey)\"\n",
      "default_wallet = \"\(Self.apiKey)\"\n",
    ]
    for text in texts {
      do {
        _ = try parse(text)
        Issue.record("expected an error for \(text.debugDescription)")
      } catch {
        #expect(!error.message.english.contains(Self.apiKey), "\(error.message.english)")
        #expect(!error.message.simplifiedChinese.contains(Self.apiKey))
      }
    }
  }

  // MARK: - Location

  @Test(arguments: [
    (nil as String?, ["WALLETDOCTOR_CONFIG": "/e/c.toml", "XDG_CONFIG_HOME": "/x", "HOME": "/h"], "/e/c.toml", true),
    ("/flag.toml", ["WALLETDOCTOR_CONFIG": "/e/c.toml", "HOME": "/h"], "/flag.toml", true),
    (nil, ["XDG_CONFIG_HOME": "/x/", "HOME": "/h"], "/x/walletdoctor/config.toml", false),
    (nil, ["XDG_CONFIG_HOME": "relative", "HOME": "/h"], "/h/.config/walletdoctor/config.toml", false),
    (nil, ["WALLETDOCTOR_CONFIG": "", "HOME": "/h"], "/h/.config/walletdoctor/config.toml", false),
  ])
  func locationFollowsFlagThenEnvironment(flag: String?, environment: [String: String], path: String, explicit: Bool) {
    #expect(ConfigLocation.resolve(flag: flag, environment: environment) == ConfigLocation(path: path, isExplicit: explicit))
  }

  @Test func noHomeMeansNoFile() {
    #expect(ConfigLocation.resolve(flag: nil, environment: [:]) == nil)
  }

  // MARK: - Loading

  func load(_ location: ConfigLocation?) throws(ConfigError) -> ConfigLoader.Loaded {
    try ConfigLoader.load(location, registry: .builtIn, knownWallets: { Self.wallets })
  }

  @Test func aMissingDefaultFileIsFineAMissingNamedFileIsNot() throws {
    let folder = TemporaryDirectory()
    let path = folder.url.appendingPathComponent("absent.toml").path
    #expect(try load(ConfigLocation(path: path, isExplicit: false)).config == .empty)
    #expect(throws: ConfigError.self) { try load(ConfigLocation(path: path, isExplicit: true)) }
    #expect(throws: ConfigError.self) { try load(ConfigLocation(path: folder.path, isExplicit: true)) }
  }

  @Test func aReadableFileWithKeysIsWarnedAbout() throws {
    let folder = TemporaryDirectory()
    let path = folder.url.appendingPathComponent("config.toml").path
    let withKey = "[[endpoints.ethereum]]\nurl = \"https://a.example\"\nheaders = { \"x-api-key\" = \"\(Self.apiKey)\" }\n"
    #expect(FileManager.default.createFile(atPath: path, contents: Data(withKey.utf8), attributes: [.posixPermissions: 0o644]))
    let loaded = try load(ConfigLocation(path: path, isExplicit: true))
    #expect(loaded.config.endpoints.count == 1)
    #expect(loaded.warnings.count == 1)
    #expect(loaded.warnings.first?.english.contains("chmod 600 \(path)") == true)
    #expect(loaded.warnings.allSatisfy { !$0.english.contains(Self.apiKey) })

    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    #expect(try load(ConfigLocation(path: path, isExplicit: true)).warnings.isEmpty)

    // Without secrets a readable file is ordinary and not worth a warning.
    #expect(FileManager.default.createFile(atPath: path, contents: Data("language = \"en\"\n".utf8), attributes: [.posixPermissions: 0o644]))
    #expect(try load(ConfigLocation(path: path, isExplicit: true)).warnings.isEmpty)
  }

  @Test func anOversizedFileIsRefused() throws {
    let folder = TemporaryDirectory()
    let path = folder.url.appendingPathComponent("config.toml").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x23, count: ConfigLoader.maxFileBytes + 1)))
    #expect(throws: ConfigError.self) { try load(ConfigLocation(path: path, isExplicit: false)) }
  }

  // MARK: - Endpoints in effect

  @Test func configEndpointsReplaceOnlyTheirChainsDefaults() throws {
    let config = try parse("[endpoints]\nbsc = \"https://bsc.example.com\"\n\"eip155:43114\" = \"https://avax.example.org\"\n")
    let selection = EndpointSelection.resolve(registry: .builtIn, configured: config.endpoints, commandLine: [])
    let bsc = try #require(selection.first { $0.chain.name == "bsc" })
    #expect(bsc.endpoints.map(\.origin) == [.config])
    #expect(bsc.endpoints.map(\.spec.url.absoluteString) == ["https://bsc.example.com"])
    let ethereum = try #require(selection.first { $0.chain.name == "ethereum" })
    #expect(ethereum.endpoints.map(\.spec.url) == ethereum.chain.defaultEndpoints)
    #expect(ethereum.endpoints.allSatisfy { $0.origin == .builtIn })
    #expect(selection.last?.chain.name == "eip155:43114")

    let request = EndpointSelection.requestEndpoints(registry: .builtIn, configured: config.endpoints, commandLine: [])
    #expect(request.filter { $0.chain.name == "bsc" }.map(\.url.absoluteString) == ["https://bsc.example.com"])
    #expect(request.filter { $0.chain.name == "ethereum" }.count == ethereum.chain.defaultEndpoints.count)
    #expect(EndpointSelection.requestEndpoints(registry: .builtIn, configured: [], commandLine: []).isEmpty)
  }

  @Test func commandLineEndpointsAloneAreUsed() throws {
    let config = try parse("[endpoints]\nbsc = \"https://bsc.example.com\"\n")
    let given = try EndpointSpec.parse("ethereum=https://mine.example", registry: .builtIn)
    let selection = EndpointSelection.resolve(registry: .builtIn, configured: config.endpoints, commandLine: [given])
    #expect(selection.map(\.chain.name) == ["ethereum"])
    #expect(selection[0].endpoints == [SelectedEndpoint(given, origin: .commandLine)])
    #expect(EndpointSelection.requestEndpoints(registry: .builtIn, configured: config.endpoints, commandLine: [given]) == [given])
  }
}
