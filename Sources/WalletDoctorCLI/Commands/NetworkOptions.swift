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

  @Option(name: .long, help: ArgumentHelp("Time limit of the whole command, in seconds.", valueName: "SECONDS"))
  var timeout: Double = 20

  @Option(name: .long, help: ArgumentHelp("Proxy for every request (overrides HTTPS_PROXY/ALL_PROXY), e.g. socks5h://127.0.0.1:1080.", valueName: "URL"))
  var proxy: String?

  func validate() throws {
    guard timeout > 0, timeout <= 600 else {
      throw ValidationError("--timeout must be between 0 and 600 seconds.")
    }
  }

  var timeoutDuration: Duration { .milliseconds(Int64(timeout * 1000)) }

  /// The `--rpc` endpoints, parsed; throws a localized usage error.
  func endpoints(registry: ChainRegistry) throws(InputError) -> [EndpointSpec] {
    var specs: [EndpointSpec] = []
    for argument in rpc {
      var spec = try EndpointSpec.parse(argument, registry: registry)
      if spec.api == .tronHTTP, let key = ProcessInfo.processInfo.environment["TRON_PRO_API_KEY"], !key.isEmpty {
        spec.headers["TRON-PRO-API-KEY"] = key
      }
      specs.append(spec)
    }
    return specs
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
