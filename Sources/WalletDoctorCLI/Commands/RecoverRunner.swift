import Foundation
import WalletDoctorCore

/// What `recover` was asked to do, as parsed from the command line.
struct RecoverInvocation: Sendable {
  /// The flow id, or with `--resume` the session id.
  var target: String?
  var wallet: String?
  var answersPath: String?
  var json = false
  /// The output language (flag, else config file, else environment).
  var language: Language = .english
  /// `--lang` was given, so it overrides a resumed session's language.
  var languageChosen = false
  var list = false
  var describe = false
  var resume = false
  var printOutlines = false
  /// `--rpc` was given on the command line (configured endpoints alone do not count).
  var rpcGiven = false
  /// The `--rpc` endpoints, already parsed.
  var endpoints: [EndpointSpec] = []
  var timeout: Duration = .seconds(20)
  /// `--min-sources` or the config file's; nil for the default rule.
  var minimumSources: Int?
}

/// Everything `recover` takes from the outside world, so tests can run it without a terminal,
/// a network or the real home directory.
struct RecoverContext: Sendable {
  var environment: [String: String]
  var out: @Sendable (String) -> Void
  var err: @Sendable (String) -> Void
  /// stdin and stderr are a terminal.
  var isInteractive: Bool
  var makePrompter: @Sendable (Language) -> any RecoveryPrompter
  var diagnoser: any TransactionDiagnosing
  var now: @Sendable () -> Date = { Date() }
  var writer = AtomicFileWriter()
  var style = TerminalStyle(unicode: false, color: false)
}

/// Runs `walletdoctor recover`: chooses the mode, walks, renders, and returns the exit code.
struct RecoverRunner: Sendable {
  var context: RecoverContext

  /// Exit codes specific to this command beyond the shared ones.
  static let interruptedExitCode: Int32 = 130
  /// No session to resume, or the installation's data is unusable.
  static let unavailableExitCode: Int32 = ExitCodes.notFound

  func run(_ invocation: RecoverInvocation) async -> Int32 {
    let language = invocation.language
    func say(_ text: LocalizedText) { context.err(text(language) + "\n") }
    func usage(_ text: LocalizedText) -> Int32 {
      context.err(LocalizedText(en: "error: ", zh: "错误：")(language) + text(language) + "\n")
      return ExitCodes.usage
    }

    let detector: SecretDetector
    let flows: [RecoveryFlow]
    do {
      detector = try SecretDetector.standard()
      flows = try FlowLoader.bundled()
    } catch {
      context.err("error: \(error.localizedDescription)\n")
      return Self.unavailableExitCode
    }

    // Arguments are user text too: screen them before echoing any of them in a message.
    for argument in [invocation.target, invocation.wallet].compactMap({ $0 }) {
      let kinds = detector.scan(argument, context: .freeText).map(\.kind)
      if !kinds.isEmpty {
        say(SecretRefusal.message(for: kinds))
        return ExitCodes.secretRefused
      }
    }

    if invocation.printOutlines {
      context.out(FlowOutline.markdown(flows))
      return ExitCodes.success
    }
    if invocation.list {
      if invocation.target != nil || invocation.describe || invocation.resume {
        return usage(LocalizedText(en: "--list takes no flow and cannot be combined with --describe or --resume.", zh: "--list 不接受流程名，也不能与 --describe 或 --resume 同用。"))
      }
      if invocation.json {
        context.out((try? JSONOutput.string(FlowListDocument(flows: flows, language: language))) ?? "")
      } else {
        context.out(RecoveryTextRenderer(language: language, style: context.style).renderList(flows))
      }
      return ExitCodes.success
    }

    var wallet = WalletID.defaultWallet
    if let name = invocation.wallet {
      guard let parsed = WalletID(name: name) else {
        return usage(LocalizedText(en: "--wallet must be one of \(WalletID.namesList), not '\(name)'.", zh: "--wallet 必须是 \(WalletID.namesList) 之一，而不是 '\(name)'。"))
      }
      wallet = parsed
    }

    if invocation.resume {
      if invocation.describe { return usage(LocalizedText(en: "--describe cannot be combined with --resume.", zh: "--describe 不能与 --resume 同用。")) }
      if invocation.wallet != nil {
        return usage(LocalizedText(en: "--wallet cannot change a saved session; resume it without --wallet.", zh: "--wallet 不能修改已保存的会话；请不带 --wallet 继续。"))
      }
      return await resume(invocation, flows: flows, detector: detector, language: language)
    }

    guard let target = invocation.target else {
      if invocation.describe { return usage(LocalizedText(en: "--describe needs a flow: walletdoctor recover FLOW --describe", zh: "--describe 需要指定流程：walletdoctor recover FLOW --describe")) }
      guard context.isInteractive, invocation.answersPath == nil else {
        return usage(Self.chooseAFlow(flows))
      }
      return await menu(invocation, flows: flows, detector: detector, language: language, wallet: invocation.wallet == nil ? nil : wallet)
    }
    guard let flow = flows.first(where: { $0.id == target }) else {
      return usage(LocalizedText.joined([
        LocalizedText(en: "Unknown flow '\(target)'.", zh: "未知流程 '\(target)'。"), Self.chooseAFlow(flows),
      ]))
    }
    if invocation.describe {
      let description = FlowDescription(flow: flow, wallet: wallet, language: language)
      if invocation.json {
        context.out((try? JSONOutput.string(description)) ?? "")
      } else {
        context.out(RecoveryTextRenderer(language: language, style: context.style).renderDescription(description))
      }
      return ExitCodes.success
    }
    return await walk(invocation, flow: flow, session: nil, wallet: wallet, detector: detector, language: language)
  }

  // MARK: - Modes

  private func resume(_ invocation: RecoverInvocation, flows: [RecoveryFlow], detector: SecretDetector, language: Language) async -> Int32 {
    let store: RecoverySessionStore
    do {
      store = try RecoverySessionStore(state: try StateDirectory.open(environment: context.environment), writer: context.writer)
    } catch {
      context.err(error.message(language) + "\n")
      return Self.unavailableExitCode
    }
    var session: RecoverySession?
    if let id = invocation.target {
      guard RecoverySession.isValidID(id) else {
        context.err(LocalizedText(en: "error: '\(id)' is not a session id (they look like 20250131-080509-ab3k).\n", zh: "错误：'\(id)' 不是会话 id（格式如 20250131-080509-ab3k）。\n")(language))
        return ExitCodes.usage
      }
      do {
        session = try store.load(id)
      } catch {
        context.err(error.message(language) + "\n")
        return Self.unavailableExitCode
      }
      guard session != nil else {
        context.err(LocalizedText(en: "No saved session \(id) in \(store.directory.path).\n", zh: "\(store.directory.path) 中没有已保存的会话 \(id)。\n")(language))
        return Self.unavailableExitCode
      }
    } else {
      let (sessions, problems) = store.all()
      for problem in problems { context.err(problem.message(language) + "\n") }
      session = sessions.first { $0.status == .incomplete }
      guard session != nil else {
        context.err(LocalizedText(en: "There is no unfinished walk to resume.\n", zh: "没有可以继续的未完成流程。\n")(language))
        return Self.unavailableExitCode
      }
    }
    guard var found = session, let flow = flows.first(where: { $0.id == found.flow }) else {
      context.err(LocalizedText(en: "The saved session refers to a flow this version does not have.\n", zh: "已保存的会话引用了当前版本没有的流程。\n")(language))
      return Self.unavailableExitCode
    }
    if found.status == .completed {
      context.err(LocalizedText(en: "Session \(found.sessionID) is already complete; showing its result.\n", zh: "会话 \(found.sessionID) 已完成；显示其结果。\n")(language))
    }
    if invocation.languageChosen { found.language = language }
    return await walk(invocation, flow: flow, session: found, wallet: found.wallet, detector: detector, language: found.language)
  }

  private func menu(_ invocation: RecoverInvocation, flows: [RecoveryFlow], detector: SecretDetector, language: Language, wallet: WalletID?) async -> Int32 {
    let prompter = context.makePrompter(language)
    await prompter.show(.message(LocalizedText(
      en: "walletdoctor never asks for your recovery phrase, private key or password, and real support never does either.",
      zh: "walletdoctor 绝不会索要您的助记词、私钥或密码，真正的客服也绝不会。")(language)))
    let flowChoice = await choose(
      prompter: prompter, detector: detector, language: language, id: "menu",
      prompt: LocalizedText(en: "What happened?", zh: "遇到了什么问题？"),
      options: flows.map { ($0.id, $0.title(language)) })
    guard case .chosen(let flowID) = flowChoice else { return exitCode(for: flowChoice) }
    var chosenWallet = wallet
    if chosenWallet == nil {
      let walletChoice = await choose(
        prompter: prompter, detector: detector, language: language, id: "wallet",
        prompt: LocalizedText(en: "Which wallet do you use?", zh: "您使用哪个钱包？"),
        options: WalletID.allCases.map { ($0.rawValue, $0.displayName) })
      guard case .chosen(let walletName) = walletChoice else { return exitCode(for: walletChoice) }
      chosenWallet = WalletID(rawValue: walletName)
    }
    let flow = flows.first { $0.id == flowID }!
    return await walk(invocation, flow: flow, session: nil, wallet: chosenWallet ?? .defaultWallet, detector: detector, language: language, prompter: prompter)
  }

  private enum MenuChoice { case chosen(String), quit, interrupted, secret }

  private func exitCode(for choice: MenuChoice) -> Int32 {
    switch choice {
    case .chosen, .quit: return ExitCodes.success
    case .interrupted: return Self.interruptedExitCode
    case .secret: return ExitCodes.secretRefused
    }
  }

  private func choose(
    prompter: any RecoveryPrompter, detector: SecretDetector, language: Language, id: String, prompt: LocalizedText,
    options: [(String, String)]
  ) async -> MenuChoice {
    var problem: String?
    while true {
      let question = PromptQuestion(
        stepID: id, kind: .choice, detail: nil, prompt: prompt(language),
        options: options.enumerated().map { .init(number: $0.offset + 1, id: $0.element.0, label: $0.element.1) },
        hint: LocalizedText(en: "Type a number from 1 to \(options.count), q to quit.", zh: "请输入 1 到 \(options.count) 的数字，q 退出。")(language),
        problem: problem, isFreeText: false)
      let input = await prompter.ask(question)
      guard case .line(let raw) = input else { return input == .interrupted ? .interrupted : .quit }
      let kinds = detector.scan(raw, context: .freeText).map(\.kind)
      if !kinds.isEmpty {
        await prompter.show(.secretRefused(SecretRefusal.message(for: kinds)(language)))
        continue
      }
      let line = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
      if line == "q" { return .quit }
      if let number = Int(line), (1...options.count).contains(number) { return .chosen(options[number - 1].0) }
      if let match = options.first(where: { $0.0 == line }) { return .chosen(match.0) }
      problem = LocalizedText(en: "Please type a number from 1 to \(options.count).", zh: "请输入 1 到 \(options.count) 之间的数字。")(language)
    }
  }

  // MARK: - Walking

  private func walk(
    _ invocation: RecoverInvocation, flow: RecoveryFlow, session existing: RecoverySession?, wallet: WalletID,
    detector: SecretDetector, language: Language, prompter presetPrompter: (any RecoveryPrompter)? = nil
  ) async -> Int32 {
    func usage(_ text: LocalizedText) -> Int32 {
      context.err(LocalizedText(en: "error: ", zh: "错误：")(language) + text(language) + "\n")
      return ExitCodes.usage
    }
    let usesDiagnosis = flow.steps.contains { $0.automatic == .diagnosisVerdict }
    if invocation.rpcGiven && !usesDiagnosis {
      return usage(LocalizedText(en: "--rpc applies only to flows that check a transaction (stuck-transfer).", zh: "--rpc 只适用于需要查询交易的流程（stuck-transfer）。"))
    }

    // The answers file, screened before anything uses it.
    var answers: ScriptedAnswers?
    if let path = invocation.answersPath {
      guard let data = FileManager.default.contents(atPath: path) else {
        return usage(LocalizedText(en: "Cannot read the answers file \(path).", zh: "无法读取答案文件 \(path)。"))
      }
      do throws(AnswersFileError) {
        answers = try ScriptedAnswers.parse(data, flow: flow, detector: detector)
      } catch {
        if case .secret = error {
          context.err(error.message(language) + "\n")
          return ExitCodes.secretRefused
        }
        return usage(error.message)
      }
    }

    let stateStore: Result<RecoverySessionStore, StateError> = Result {
      () throws(StateError) -> RecoverySessionStore in
      try RecoverySessionStore(state: try StateDirectory.open(environment: context.environment), writer: context.writer)
    }
    let walker = RecoveryWalker(
      flow: flow, detector: detector,
      diagnosis: usesDiagnosis
        ? InPlaceDiagnosis(
          diagnoser: context.diagnoser, endpoints: invocation.endpoints, timeout: invocation.timeout,
          minimumSources: invocation.minimumSources) : nil,
      save: { session throws(StateError) in try stateStore.get().save(session) },
      now: context.now)
    var session = existing ?? walker.newSession(wallet: wallet, language: language)
    session.language = language

    let interactive = answers == nil && (context.isInteractive || presetPrompter != nil)
    let result: WalkResult
    if interactive {
      let prompter = presetPrompter ?? context.makePrompter(language)
      if existing == nil {
        await prompter.show(.message(context.style.bold(flow.title(language))))
      }
      let walked = await walker.walk(session, prompter: prompter)
      guard walked.stop == .completed, walked.session.solved == nil else {
        return report(walked, flow: flow, json: invocation.json, language: language, interactive: true)
      }
      // The outcome first, then "Did this solve it?".
      if !invocation.json {
        let document = RecoveryDocument(session: walked.session, flow: flow, language: language)
        context.out(RecoveryTextRenderer(language: language, style: context.style).render(document, showDiagnosis: false, followUp: false))
      }
      result = await walker.askIfSolved(walked.session, prompter: prompter)
      for problem in walked.saveProblems + result.saveProblems { context.err(problem.message(language) + "\n") }
      if result.session.solved == false {
        context.err(LocalizedText(
          en: "Sorry it did not. `walletdoctor report --recovery \(result.session.sessionID)` prepares a support request from this walk, for the wallet's official channel.\n",
          zh: "很抱歉没能解决。运行 `walletdoctor report --recovery \(result.session.sessionID)` 可根据本次流程准备一份客服请求，用于钱包的官方渠道。\n")(language))
      }
      if invocation.json {
        return report(result, flow: flow, json: true, language: language, interactive: true)
      }
      return ExitCodes.success
    } else {
      result = await walker.walk(session, answers: answers ?? .empty)
    }
    return report(result, flow: flow, json: invocation.json, language: language, interactive: interactive)
  }

  private func report(_ result: WalkResult, flow: RecoveryFlow, json: Bool, language: Language, interactive: Bool) -> Int32 {
    let saveWarnings = result.saveProblems.map(\.localizedText)
    for warning in saveWarnings { context.err(warning(language) + "\n") }
    let document = RecoveryDocument(session: result.session, flow: flow, language: language, extraWarnings: saveWarnings)
    let renderer = RecoveryTextRenderer(language: language, style: context.style)
    let id = result.session.sessionID

    func emitDocument() {
      if json {
        context.out((try? JSONOutput.string(document)) ?? "")
      } else {
        context.out(renderer.render(document, showDiagnosis: !interactive))
      }
    }

    switch result.stop {
    case .completed:
      emitDocument()
      return ExitCodes.success
    case .incomplete:
      emitDocument()
      return ExitCodes.undecided
    case .quit:
      if json {
        emitDocument()
      } else {
        context.out(LocalizedText(
          en: "Saved as session \(id). Continue with: walletdoctor recover --resume \(id)\n",
          zh: "已保存为会话 \(id)。继续请运行：walletdoctor recover --resume \(id)\n")(language))
      }
      return ExitCodes.undecided
    case .interrupted:
      context.err(LocalizedText(
        en: "\nInterrupted; saved as session \(id). Continue with: walletdoctor recover --resume \(id)\n",
        zh: "\n已中断；已保存为会话 \(id)。继续请运行：walletdoctor recover --resume \(id)\n")(language))
      if json { emitDocument() }
      return Self.interruptedExitCode
    case .invalidAnswer(_, let message):
      context.err(LocalizedText(en: "error: ", zh: "错误：")(language) + message(language) + "\n")
      return ExitCodes.usage
    case .secretRefused(let kinds):
      context.err(SecretRefusal.message(for: kinds)(language) + "\n")
      return ExitCodes.secretRefused
    }
  }

  static func chooseAFlow(_ flows: [RecoveryFlow]) -> LocalizedText {
    let list = flows.map(\.id).joined(separator: ", ")
    return LocalizedText(
      en: "Choose a flow: walletdoctor recover FLOW, with FLOW one of: \(list). (Without a terminal, walletdoctor cannot show the menu; see walletdoctor recover --list.)",
      zh: "请指定流程：walletdoctor recover FLOW，FLOW 为以下之一：\(list)。（没有终端时无法显示菜单；参见 walletdoctor recover --list。）")
  }
}
