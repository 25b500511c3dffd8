import ArgumentParser
import Foundation
import WalletDoctorCore

/// `walletdoctor recover [FLOW]`: guided, step-by-step help for a forgotten password, a lost
/// phrase, stolen funds, a wrong network, a missing token, a phishing approval, a stuck
/// transfer, or a hardware wallet PIN.
struct RecoverCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recover",
    abstract: "Walk through what to do after a lost password or phrase, a theft, a wrong transfer or a stuck one.",
    discussion: """
      FLOW is one of: forgot-password, lost-phrase, stolen-funds, wrong-network, token-missing, \
      phishing-approval, stuck-transfer, hardware-pin. Without FLOW, a terminal shows a menu.

      On a terminal, questions appear on stderr with numbered options; b goes back, q saves and \
      quits, Ctrl-C saves too. With --answers FILE (a JSON object of step ids to option ids, text \
      or true/false), or without a terminal, the walk runs unattended and stops at the first step \
      without an answer. Walks are saved under $WALLETDOCTOR_HOME (else $XDG_STATE_HOME/walletdoctor, \
      else ~/.local/state/walletdoctor) and can be resumed with --resume.

      walletdoctor never asks for your recovery phrase, private key, keystore or password; an \
      answer that contains one is refused and never saved.

      Exit status: 0 an outcome was reached; 2 the walk stopped at a step without an answer (or \
      was saved with q); 64 usage error (unknown flow, invalid answer, bad answers file); 65 an \
      answer contained a secret and was refused; 1 no session to resume; 130 interrupted (saved).
      """)

  @Argument(help: ArgumentHelp("The flow to walk (with --resume: the session id).", valueName: "FLOW"))
  var target: String?

  @Option(name: .long, help: ArgumentHelp("Your wallet, for its own steps: \(WalletID.namesList) (default: imtoken).", valueName: "NAME"))
  var wallet: String?

  @Option(name: .long, help: ArgumentHelp("Answer the steps from a JSON file instead of asking.", valueName: "FILE"))
  var answers: String?

  @Flag(name: .long, help: "List the flows.")
  var list = false

  @Flag(name: .long, help: "Show the whole flow: steps, questions, options and outcomes.")
  var describe = false

  @Flag(name: .long, help: "Continue the latest unfinished walk, or the session given as argument.")
  var resume = false

  @Flag(name: .customLong("print-flow-outlines"), help: .hidden)
  var printFlowOutlines = false

  @OptionGroup var network: NetworkOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    let environment = ProcessInfo.processInfo.environment
    let language = output.language
    let endpoints: [EndpointSpec]
    do throws(InputError) {
      endpoints = try network.endpoints(registry: .builtIn, config: output.configuration)
    } catch {
      Console.err(LocalizedText(en: "error: ", zh: "错误：")(language) + error.message(language) + "\n")
      throw ExitCode.usage
    }
    let invocation = RecoverInvocation(
      target: target, wallet: wallet ?? output.configuration.defaultWallet, answersPath: answers, json: output.json, language: language, languageChosen: output.lang != nil, list: list,
      describe: describe, resume: resume, printOutlines: printFlowOutlines, rpcGiven: !network.rpc.isEmpty,
      endpoints: endpoints, timeout: network.timeoutDuration(config: output.configuration),
      minimumSources: network.minimumSources(config: output.configuration))
    let style = TerminalStyle.detect(environment: environment, isTerminal: Console.stderrIsTerminal)
    let context = RecoverContext(
      environment: environment, out: { Console.out($0) }, err: { Console.err($0) },
      isInteractive: Console.stdinIsTerminal && Console.stderrIsTerminal,
      makePrompter: { TerminalPrompter(language: $0, style: style) },
      diagnoser: network.engine(),
      writer: Self.writer(environment: environment), style: style)
    let code = await RecoverRunner(context: context).run(invocation)
    if code != ExitCodes.success { throw ExitCode(code) }
  }

  /// The atomic writer; `WALLETDOCTOR_TEST_HOOK=stop-before-rename` makes every save stop
  /// itself (SIGSTOP) between writing the temporary file and renaming it, so the end-to-end
  /// test can `kill -9` the process at exactly that point.
  static func writer(environment: [String: String]) -> AtomicFileWriter {
    guard environment["WALLETDOCTOR_TEST_HOOK"] == "stop-before-rename" else { return AtomicFileWriter() }
    return AtomicFileWriter(beforeRename: { _ in
      Console.err("walletdoctor-test: paused before rename\n")
      raise(SIGSTOP)
      return .proceed
    })
  }
}
