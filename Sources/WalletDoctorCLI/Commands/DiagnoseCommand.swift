import ArgumentParser
import Foundation
import WalletDoctorCore

/// `walletdoctor diagnose <TX>`: explain a transaction's state and what to do about it.
struct DiagnoseCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diagnose",
    abstract: "Explain why a transaction is pending, failed or missing, and what exactly to do.",
    discussion: """
      TX is a transaction hash (0x + 64 hex for EVM chains; 64 hex for Bitcoin/TRON) or an explorer \
      link such as https://etherscan.io/tx/0x…. Without --chain, every chain the hash can belong to \
      is checked at once: a bare 64-hex hash is looked up on Bitcoin, TRON and the EVM chains.

      Bitcoin endpoints: --rpc bitcoin=https://mempool.space/api (any Esplora API) or \
      --rpc bitcoin=core+http://USER:PASS@HOST:8332 (Bitcoin Core RPC). TRON endpoints: \
      --rpc tron=https://api.trongrid.io; a TronGrid key is read from TRON_PRO_API_KEY. \
      Credentials and keys are never printed.

      Exit status: 0 a verdict was reached (expired included); 1 not found on any chain checked; 2 could not decide \
      (no endpoint answered); 64 usage error; 65 the input was a recovery phrase or private key (refused, \
      never echoed).
      """)

  @Argument(help: ArgumentHelp("Transaction hash or explorer link.", valueName: "TX"))
  var transaction: String

  @Option(name: .long, help: ArgumentHelp("Chain to check (repeatable): ethereum, bsc, polygon, arbitrum, optimism, base, bitcoin, tron, or eip155:<id>.", valueName: "NAME"))
  var chain: [String] = []

  @OptionGroup var network: NetworkOptions
  @OptionGroup var output: OutputOptions

  @Flag(name: .shortAndLong, help: "Show every endpoint's answer, latency and head.")
  var verbose = false

  func run() async throws {
    let language = output.language
    let registry = ChainRegistry.builtIn
    let request: DiagnoseRequest
    let engine = network.engine(registry: registry)
    // A pasted recovery phrase or key is refused before anything else sees it, and never echoed.
    let secrets = try SecretDetector.scan(transaction, context: .transactionHashAnswer)
    if !secrets.isEmpty {
      Console.err(SecretRefusal.message(for: secrets.map(\.kind))(language) + "\n")
      throw ExitCode.secretRefused
    }
    do throws(InputError) {
      let reference = try TransactionReference.parse(transaction)
      request = DiagnoseRequest(
        reference: reference, chainNames: chain,
        endpoints: try network.endpoints(registry: registry, config: output.configuration),
        timeout: network.timeoutDuration(config: output.configuration),
        minimumSources: network.minimumSources(config: output.configuration))
      _ = try engine.plan(request)
    } catch {
      Console.err(LocalizedText(en: "error: ", zh: "错误：")(language) + error.message(language) + "\n")
      throw ExitCode.usage
    }
    network.warnAboutPlainHTTP(request.endpoints, language: language)

    let spinner = Spinner(LocalizedText(en: "Checking the chains…", zh: "正在查询各条链…")(language))
    spinner.start()
    let diagnosis = await engine.diagnose(request)
    await spinner.stop()

    if output.json {
      Console.out(try JSONOutput.string(DiagnosisDocument(diagnosis, language: language)))
    } else {
      let style = TerminalStyle.detect(isTerminal: Console.stdoutIsTerminal)
      Console.out(DiagnosisTextRenderer(language: language, style: style, verbose: verbose).render(diagnosis))
    }
    if diagnosis.exitCode != 0 { throw ExitCode(diagnosis.exitCode) }
  }
}
