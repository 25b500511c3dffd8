import ArgumentParser
import Foundation
import WalletDoctorCore

/// Options of every command that contacts chain endpoints (`diagnose`, `recover stuck-transfer`,
/// `report`).
struct NetworkOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Endpoint to use for a chain (repeatable). When any --rpc is given, only those endpoints are contacted.",
      valueName: "NAME=URL"))
  var rpc: [String] = []

  @Option(name: .long, help: ArgumentHelp("Time limit of the whole command, in seconds (default: the config file, else 20).", valueName: "SECONDS"))
  var timeout: Double?

  @Option(
    name: .customLong("min-sources"),
    help: ArgumentHelp(
      "Healthy endpoints that must agree before an alarming verdict (not found, replaced, failed, expired) is stated without a single_source warning (default: the config file, else 2 when a chain has 2 or more endpoints).",
      valueName: "N"))
  var minSources: Int?

  @Option(name: .long, help: ArgumentHelp("Proxy for every request (overrides HTTPS_PROXY/ALL_PROXY), e.g. socks5h://127.0.0.1:1080.", valueName: "URL"))
  var proxy: String?

  /// The time limit when neither the flag nor the config file sets one.
  static let defaultTimeoutSeconds = 20.0

  func validate() throws {
    if let timeout, !(timeout > 0 && timeout <= WalletDoctorConfig.maxTimeoutSeconds) {
      throw ValidationError("--timeout must be between 0 and 600 seconds.")
    }
    if let minSources, !(1...100).contains(minSources) {
      throw ValidationError("--min-sources must be a whole number from 1 to 100.")
    }
  }

  /// The whole command's time limit: `--timeout`, else the config file's, else 20 s.
  func timeoutDuration(config: WalletDoctorConfig) -> Duration {
    let seconds = timeout ?? config.timeoutSeconds ?? Self.defaultTimeoutSeconds
    return .milliseconds(Int64(seconds * 1000))
  }

  /// The whole command's time limit with the config file the command loaded.
  var timeoutDuration: Duration { timeoutDuration(config: ConfigStore.shared.current) }

  /// The endpoints a diagnosis should carry, with the config file the command loaded.
  func endpoints(registry: ChainRegistry) throws(InputError) -> [EndpointSpec] {
    try endpoints(registry: registry, config: ConfigStore.shared.current)
  }

  /// `--min-sources`, else the config file's; nil leaves the per-chain default to the engine.
  func minimumSources(config: WalletDoctorConfig) -> Int? {
    minSources ?? config.minimumSources
  }

  /// The `--rpc` endpoints, parsed; throws a localized usage error.
  func commandLineEndpoints(registry: ChainRegistry) throws(InputError) -> [EndpointSpec] {
    try rpc.map { argument throws(InputError) in
      try EndpointSpec.parse(argument, registry: registry).withTronGridKey(tronGridKey, anyHost: true)
    }
  }

  /// The endpoints a diagnosis should carry: `--rpc` alone when given; else the config file's
  /// endpoints for the chains it names and the built-in ones for the rest (empty when the file
  /// names none, so the engine uses its defaults).
  func endpoints(registry: ChainRegistry, config: WalletDoctorConfig) throws(InputError) -> [EndpointSpec] {
    EndpointSelection.requestEndpoints(
      registry: registry, configured: config.endpoints.map(withTronKey),
      commandLine: try commandLineEndpoints(registry: registry))
  }

  /// Every chain's endpoints in effect and where each came from (for `walletdoctor endpoints`).
  func selection(registry: ChainRegistry, config: WalletDoctorConfig) throws(InputError) -> [ChainEndpoints] {
    EndpointSelection.resolve(
      registry: registry, configured: config.endpoints.map(withTronKey),
      commandLine: try commandLineEndpoints(registry: registry)
    ).map { chain in
      // The built-in TronGrid endpoint gets the key too.
      var keyed = chain
      keyed.endpoints = chain.endpoints.map { SelectedEndpoint(withTronKey($0.spec), origin: $0.origin) }
      return keyed
    }
  }

  /// TronGrid's key from `TRON_PRO_API_KEY` (for TronGrid hosts only; see `withTronGridKey`).
  private var tronGridKey: String? { ProcessInfo.processInfo.environment["TRON_PRO_API_KEY"] }

  private func withTronKey(_ spec: EndpointSpec) -> EndpointSpec {
    spec.withTronGridKey(tronGridKey)
  }

  /// The diagnosis engine for this run: the transport (with `--proxy`) and TronGrid's key.
  func engine(registry: ChainRegistry = .builtIn) -> DiagnosisEngine {
    DiagnosisEngine(transport: transport, registry: registry, tronGridKey: tronGridKey)
  }

  /// The transport every request of this run goes through.
  var transport: CurlTransport {
    proxy.map { CurlTransport(proxy: $0) } ?? CurlTransport.shared
  }

  /// Prints a warning on stderr for plain-http endpoints (allowed only for local and private hosts).
  func warnAboutPlainHTTP(_ endpoints: [EndpointSpec], language: Language) {
    for endpoint in endpoints where endpoint.url.scheme?.lowercased() == "http" {
      Console.err(
        LocalizedText(
          en: "warning: \(endpoint.displayURL) uses plain http:// (no encryption); acceptable only for your own node.\n",
          zh: "警告：\(endpoint.displayURL) 使用明文 http://（未加密）；仅适用于您自己的节点。\n")(language))
    }
  }
}
