import ArgumentParser
import Foundation
import WalletDoctorCore

/// `walletdoctor report`: describe the problem once and get a redacted request ready for every
/// official channel of the wallet.
struct ReportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Prepare a redacted support request, ready for your wallet's official channels.",
    discussion: """
      Writes a new folder walletdoctor-report-<UTC time>-<CASE>/ (under --out, default: here) with \
      00-request.md (the request, plus an English copy), request.eml (open it in your mail app; \
      walletdoctor never sends anything), form-fields.json (for the help-center form), short.txt \
      (a public post without private details), report.json and manifest.json. Prints the folder's \
      path on stdout.

      Each --tx is diagnosed first (unless --offline). Everything you type passes the secret \
      detector: a recovery phrase or private key is replaced by [REDACTED: …] and counted. On a \
      terminal, missing fields are asked for; otherwise only the flags are used.

      Exit status: 0 written; 1 not written (the folder exists without --force, or cannot be \
      written); 64 usage error.
      """)

  @Option(name: .long, help: ArgumentHelp("Your wallet: imtoken, metamask, trust, tokenpocket, okx, coinbase, ledger, trezor.", valueName: "NAME"))
  var wallet: String?

  @Option(name: .customLong("tx"), help: ArgumentHelp("A transaction hash or explorer link (repeatable).", valueName: "HASH"))
  var transactions: [String] = []

  @Option(name: .long, help: ArgumentHelp("Include a saved recovery session: latest, or its id.", valueName: "latest|SESSION_ID"))
  var recovery: String?

  @Option(name: .long, help: ArgumentHelp("What happened, in your own words.", valueName: "TEXT"))
  var problem: String?

  @Option(name: .customLong("problem-file"), help: ArgumentHelp("Read the description from a UTF-8 text file.", valueName: "FILE"))
  var problemFile: String?

  @Option(name: .long, help: ArgumentHelp("Your e-mail address for support's reply.", valueName: "EMAIL"))
  var contact: String?

  @Option(name: .customLong("app-version"), help: ArgumentHelp("The wallet app's version.", valueName: "V"))
  var appVersion: String?

  @Option(name: .long, help: ArgumentHelp("Your phone or computer and its system, e.g. \"iPhone 13, iOS 17.5\".", valueName: "TEXT"))
  var device: String?

  @Flag(name: .long, help: "Do not contact any endpoint; record the transaction hashes only.")
  var offline = false

  @Option(name: .long, help: ArgumentHelp("Folder to write the report folder into (default: the current folder).", valueName: "DIR"))
  var out: String?

  @Flag(name: .long, help: "Replace an existing report folder of the same name.")
  var force = false

  @OptionGroup var network: NetworkOptions
  @OptionGroup var output: OutputOptions

  static let maximumProblemFileBytes = 64 * 1024
  static let maximumFieldCharacters = 20_000

  func validate() throws {
    if problem != nil && problemFile != nil {
      throw ValidationError("Use either --problem or --problem-file, not both.")
    }
    if offline && !network.rpc.isEmpty {
      throw ValidationError("--offline contacts no endpoint; remove --rpc, or remove --offline to diagnose.")
    }
    for (flag, value) in [("--problem", problem), ("--contact", contact), ("--app-version", appVersion), ("--device", device)] {
      if let value, value.count > Self.maximumFieldCharacters {
        throw ValidationError("\(flag) is too long (at most \(Self.maximumFieldCharacters) characters).")
      }
    }
  }

  func run() async throws {
    let language = output.language
    let style = TerminalStyle.detect(isTerminal: Console.stderrIsTerminal)
    let directory: ChannelDirectory
    let secrets: SecretRedactor
    do {
      directory = try ChannelDirectory.bundled()
      secrets = try SecretRedactor.standard()
    } catch {
      // Without the word lists nothing typed can be screened, so nothing is written.
      fail(LocalizedText(en: error.localizedDescription, zh: error.localizedDescription), language)
      throw ExitCode.failure
    }

    var input = ReportInput(
      language: language, offline: offline, timeout: network.timeoutDuration(config: output.configuration),
      minimumSources: network.minimumSources(config: output.configuration))
    do throws(InputError) {
      if let wallet { input.wallet = try Self.wallet(named: wallet, in: directory) }
      for transaction in transactions { input.transactions.append(try TransactionReference.parse(transaction)) }
      input.endpoints = try network.endpoints(registry: .builtIn, config: output.configuration)
      input.problem = problem
      if let problemFile { input.problem = try Self.readProblemFile(problemFile) }
      if let recovery {
        input.recovery = try ReportRecoveryLoader.load(recovery)
        if input.wallet == nil, let id = input.recovery?.walletID { input.wallet = directory.wallet(id: id) }
      }
      // The config file's default wallet comes last: the flag and the walk's own wallet win.
      if input.wallet == nil, let name = output.configuration.defaultWallet {
        input.wallet = try Self.wallet(named: name, in: directory)
      }
    } catch {
      fail(error.message, language)
      throw ExitCode.usage
    }
    input.contact = contact
    input.appVersion = appVersion
    input.device = device

    // On a terminal, ask for what is missing; in scripts, the flags are all there is.
    if Console.stdinIsTerminal && Console.stderrIsTerminal {
      let prompter = ReportPrompter(language: language, style: style, detector: secrets.detector)
      if input.wallet == nil { input.wallet = prompter.askWallet(directory) }
      if input.problem == nil { input.problem = prompter.askProblem() }
      if input.contact == nil { input.contact = prompter.askContact() }
    }
    if input.problem?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true, input.transactions.isEmpty,
      input.recovery == nil
    {
      fail(
        LocalizedText(
          en: "Nothing to report yet: describe the problem (--problem or --problem-file), name a transaction (--tx) or include a recovery walk (--recovery latest).",
          zh: "还没有可以报告的内容：请描述问题（--problem 或 --problem-file）、提供交易（--tx）或附带恢复流程（--recovery latest）。"),
        language)
      throw ExitCode.usage
    }
    network.warnAboutPlainHTTP(input.endpoints, language: language)

    let builder = ReportBuilder(
      diagnoser: network.engine(), secrets: secrets,
      environment: ReportEnvironment(toolVersion: WalletDoctorVersion.current, operatingSystem: Self.operatingSystem))
    var generator = SystemRandomNumberGenerator()
    let caseID = CaseID(using: &generator)
    let spinner = Spinner(LocalizedText(en: "Checking the transactions…", zh: "正在查询交易…")(language))
    if !input.offline && !input.transactions.isEmpty { spinner.start() }
    let report = await builder.build(input, caseID: caseID, createdAt: Date())
    await spinner.stop()

    let parent = URL(fileURLWithPath: out ?? FileManager.default.currentDirectoryPath, isDirectory: true)
    let written: URL
    let files: [(name: String, data: Data)]
    do {
      files = try ReportFiles.render(report)
      written = try ReportWriter().write(files, directoryName: report.directoryName, in: parent, force: force)
    } catch let error as ReportWriteError {
      fail(error.message, language)
      throw ExitCode.failure
    }

    if output.json {
      var object = JSONValue.parse(files.first { $0.name == ReportFiles.reportJSON }?.data ?? Data())?.objectValue ?? [:]
      object["directory"] = .string(written.path)
      Console.out(try JSONOutput.string(JSONValue.object(object)))
    } else {
      Console.out(written.path + "\n")
    }
    Console.err(ReportHandoffRenderer(language: language, style: style).render(report, directory: written))
  }

  private func fail(_ message: LocalizedText, _ language: Language) {
    Console.err(LocalizedText(en: "error: ", zh: "错误：")(language) + message(language) + "\n")
  }

  static func wallet(named name: String, in directory: ChannelDirectory) throws(InputError) -> WalletChannels {
    guard let wallet = directory.wallet(named: name) else {
      let names = directory.wallets.map(\.id).joined(separator: ", ")
      throw InputError(
        LocalizedText(
          en: "--wallet must be one of: \(names).", zh: "--wallet 必须是以下之一：\(names)。"))
    }
    return wallet
  }

  /// Reads `--problem-file`: UTF-8 text of at most 64 KiB. Errors name the file, never its content.
  static func readProblemFile(_ path: String) throws(InputError) -> String {
    let url = URL(fileURLWithPath: path)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw InputError(LocalizedText(en: "Cannot read --problem-file \(path).", zh: "无法读取 --problem-file \(path)。"))
    }
    guard data.count <= maximumProblemFileBytes else {
      throw InputError(
        LocalizedText(
          en: "--problem-file \(path) is larger than 64 KiB; describe the problem more briefly.",
          zh: "--problem-file \(path) 超过 64 KiB，请更简短地描述问题。"))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw InputError(
        LocalizedText(en: "--problem-file \(path) is not UTF-8 text.", zh: "--problem-file \(path) 不是 UTF-8 文本。"))
    }
    return text
  }

  /// "Linux 6.8.0 (x86_64)": what support may ask about the system the tool ran on.
  static var operatingSystem: String {
    var name = utsname()
    uname(&name)
    func field<T>(_ value: T) -> String {
      withUnsafeBytes(of: value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
    return "\(field(name.sysname)) \(field(name.release)) (\(field(name.machine)))"
  }
}

/// Loads `--recovery latest|ID` from the recovery sessions in the state directory.
enum ReportRecoveryLoader {
  static func load(_ selector: String) throws(InputError) -> ReportRecovery {
    let store: RecoverySessionStore
    let flows: [RecoveryFlow]
    do {
      store = try RecoverySessionStore(state: try StateDirectory.open(environment: ProcessInfo.processInfo.environment))
    } catch {
      throw InputError(error.localizedText)
    }
    do {
      flows = try FlowLoader.bundled()
    } catch {
      throw InputError(LocalizedText(en: error.localizedDescription, zh: error.localizedDescription))
    }
    return try ReportRecovery.load(selector, store: store, flows: flows)
  }
}
