import ArgumentParser
import Foundation
import WalletDoctorCore

/// `walletdoctor endpoints`: which endpoints are in effect, and with `--check` whether they work.
struct EndpointsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "endpoints",
    abstract: "List the endpoints in effect per chain, and check their health with --check.",
    discussion: """
      Lists each chain's endpoints and where they come from: the built-in defaults, the config \
      file, or --rpc (when any --rpc is given, only those). Keys and passwords in URLs are masked.

      --check asks every endpoint at once for its chain and newest block, and reports the wrong \
      chain, lag behind the best endpoint, latency, batch support and rate-limit headers.

      Exit status: 0 every chain listed has at least one healthy endpoint (always 0 without \
      --check); 1 some chain has none; 64 usage error.
      """)

  @Option(name: .long, help: ArgumentHelp("Only this chain (repeatable).", valueName: "NAME"))
  var chain: [String] = []

  @Flag(name: .long, help: "Contact every endpoint and report its health.")
  var check = false

  @Flag(name: .shortAndLong, help: "Also show each endpoint's origin, headers and rate-limit headers.")
  var verbose = false

  @OptionGroup var network: NetworkOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    let language = output.language
    let registry = ChainRegistry.builtIn
    let config = output.configuration
    var selection: [ChainEndpoints]
    do throws(InputError) {
      selection = try network.selection(registry: registry, config: config)
      selection = try filter(selection, registry: registry)
    } catch {
      Console.err(LocalizedText(en: "error: ", zh: "错误：")(language) + error.message(language) + "\n")
      throw ExitCode.usage
    }
    let style = TerminalStyle.detect(isTerminal: Console.stdoutIsTerminal)
    let renderer = EndpointsTextRenderer(language: language, style: style, verbose: verbose)

    guard check else {
      if output.json {
        Console.out(try JSONOutput.string(EndpointsDocument(listing: selection, configPath: config.path)))
      } else {
        Console.out(renderer.renderListing(selection, configPath: config.path))
      }
      return
    }

    network.warnAboutPlainHTTP(selection.flatMap { $0.endpoints.map(\.spec) }, language: language)
    let spinner = Spinner(LocalizedText(en: "Checking the endpoints…", zh: "正在检查各个节点…")(language))
    spinner.start()
    let health = await EndpointHealthChecker(transport: network.transport).check(
      selection, deadline: Deadline(after: network.timeoutDuration(config: config)),
      minimumSources: network.minimumSources(config: config))
    await spinner.stop()

    if output.json {
      Console.out(try JSONOutput.string(EndpointsDocument(checked: health, configPath: config.path, language: language)))
    } else {
      Console.out(renderer.renderCheck(health))
    }
    if !health.allSatisfy({ $0.healthyCount > 0 }) { throw ExitCode(ExitCodes.notFound) }
  }

  /// Keeps the chains named with `--chain`, in the order named; a chain without endpoints in
  /// effect is kept (empty) so the listing says so.
  private func filter(_ selection: [ChainEndpoints], registry: ChainRegistry) throws(InputError) -> [ChainEndpoints] {
    guard !chain.isEmpty else { return selection }
    var kept: [ChainEndpoints] = []
    for name in chain {
      guard let wanted = registry.chain(named: name) else { throw EndpointSpec.unknownChain(name, registry: registry) }
      guard !kept.contains(where: { $0.chain == wanted }) else { continue }
      kept.append(selection.first { $0.chain == wanted } ?? ChainEndpoints(chain: wanted, endpoints: []))
    }
    return kept
  }
}
