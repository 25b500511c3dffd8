import Foundation

/// Where a walk stopped.
public enum WalkStop: Sendable, Hashable {
  /// An outcome was reached.
  case completed
  /// A scripted walk met a step without an answer.
  case incomplete
  /// The user typed `q` (or input ended); the walk is saved.
  case quit
  /// Ctrl-C; the walk is saved.
  case interrupted
  /// A scripted answer is not valid for its step (exit 64).
  case invalidAnswer(step: String, message: LocalizedText)
  /// A scripted answer held a secret (exit 65); nothing of it was kept.
  case secretRefused([SecretKind])
}

/// The session after a walk, why it stopped, and saves that failed (the walk goes on without
/// them; the user is told).
public struct WalkResult: Sendable {
  public var session: RecoverySession
  public var stop: WalkStop
  public var saveProblems: [StateError]
}

/// Settings of the in-place diagnosis of `stuck-transfer`.
public struct InPlaceDiagnosis: Sendable {
  public var diagnoser: any TransactionDiagnosing
  public var endpoints: [EndpointSpec]
  public var timeout: Duration
  /// `--min-sources` (or the config file's); nil for the default rule.
  public var minimumSources: Int?

  public init(
    diagnoser: any TransactionDiagnosing, endpoints: [EndpointSpec] = [], timeout: Duration = .seconds(20),
    minimumSources: Int? = nil
  ) {
    self.diagnoser = diagnoser
    self.endpoints = endpoints
    self.timeout = timeout
    self.minimumSources = minimumSources
  }
}

/// Walks a flow: asks each step (from scripted answers or a prompter), screens every typed
/// answer for secrets before anything else, records answers, runs the diagnosis in place, and
/// saves the session after every change.
public struct RecoveryWalker: Sendable {
  public var flow: RecoveryFlow
  public var detector: SecretDetector
  public var diagnosis: InPlaceDiagnosis?
  /// Saves the session; called after every change. Injected so core never picks a path.
  public var save: @Sendable (RecoverySession) throws(StateError) -> Void
  public var now: @Sendable () -> Date

  public init(
    flow: RecoveryFlow, detector: SecretDetector, diagnosis: InPlaceDiagnosis?,
    save: @escaping @Sendable (RecoverySession) throws(StateError) -> Void,
    now: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.flow = flow
    self.detector = detector
    self.diagnosis = diagnosis
    self.save = save
    self.now = now
  }

  /// A new session at the flow's start for `wallet`.
  public func newSession(wallet: WalletID, language: Language) -> RecoverySession {
    let date = now()
    return RecoverySession(
      sessionID: RecoverySession.newID(now: date), flow: flow.id, wallet: wallet, language: language,
      start: flow.start.resolve(wallet: wallet), now: date)
  }

  // MARK: - Scripted

  /// Walks with answers from a file; stops at the first step without one.
  public func walk(_ initial: RecoverySession, answers: ScriptedAnswers) async -> WalkResult {
    var state = WalkState(session: initial)
    while let stepID = state.session.currentStep {
      guard let step = flow.step(stepID) else {
        return state.finish(.invalidAnswer(step: stepID, message: Self.missingStep(stepID)))
      }
      if step.kind == .outcome {
        reachOutcome(step, in: &state)
        if case .bool(let solved)? = answers.values["solved"] { state.session.solved = solved }
        persist(&state)
        return state.finish(.completed)
      }
      if step.automatic == .diagnosisVerdict {
        await diagnoseInPlace(step, in: &state, prompter: nil)
        continue
      }
      guard let answer = answers.values[stepID] else {
        persist(&state)
        return state.finish(.incomplete)
      }
      switch interpretScripted(answer, for: step) {
      case .accepted(let recorded, let option):
        advance(from: step, recorded: recorded, option: option, in: &state)
      case .refused(let kinds):
        state.session.warn(Self.refusedWarning(kinds))
        persist(&state)
        return state.finish(.secretRefused(kinds))
      case .invalid(let message):
        persist(&state)
        return state.finish(.invalidAnswer(step: stepID, message: message))
      }
    }
    return state.finish(state.session.status == .completed ? .completed : .incomplete)
  }

  private func interpretScripted(_ answer: JSONValue, for step: FlowStep) -> Interpretation {
    switch (step.kind, answer) {
    case (_, .string(let text)):
      let kinds = detector.scan(text, context: context(for: step)).map(\.kind)
      if !kinds.isEmpty { return .refused(kinds) }
      switch step.kind {
      case .choice, .confirm:
        if let option = step.option(text) { return .accepted(.string(option.id), option) }
        return .invalid(invalidOption(step))
      case .text:
        return interpretText(text, for: step)
      case .instruction:
        return text.lowercased() == "done" ? .accepted(.bool(true), nil) : .invalid(Self.instructionTakesTrue)
      case .outcome:
        return .invalid(invalidOption(step))
      }
    case (.confirm, .bool(let value)):
      let option = step.option(value ? FlowStep.yesOptionID : FlowStep.noOptionID)!
      return .accepted(.string(option.id), option)
    case (.instruction, .bool(true)):
      return .accepted(.bool(true), nil)
    case (.instruction, _):
      return .invalid(Self.instructionTakesTrue)
    default:
      return .invalid(invalidOption(step))
    }
  }

  // MARK: - Interactive

  /// Walks with a person at a terminal: re-asks on bad input, `b` goes back, `q` saves and
  /// quits, Ctrl-C saves too. It stops at the outcome; show it, then ``askIfSolved(_:prompter:)``.
  public func walk(_ initial: RecoverySession, prompter: any RecoveryPrompter) async -> WalkResult {
    var state = WalkState(session: initial)
    let language = state.session.language
    var problem: String?
    while let stepID = state.session.currentStep {
      guard let step = flow.step(stepID) else {
        return state.finish(.invalidAnswer(step: stepID, message: Self.missingStep(stepID)))
      }
      if step.kind == .outcome {
        reachOutcome(step, in: &state)
        persist(&state)
        return state.finish(.completed)
      }
      if step.automatic == .diagnosisVerdict {
        await diagnoseInPlace(step, in: &state, prompter: prompter)
        continue
      }
      let question = makeQuestion(step, language: language, problem: problem, canGoBack: !state.session.path.isEmpty)
      problem = nil
      let input = await prompter.ask(question)
      guard case .line(let rawLine) = input else {
        persist(&state)
        return state.finish(input == .interrupted ? .interrupted : .quit)
      }
      let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
      // The guard sees the line before anything else, even before `b` and `q`.
      let kinds = detector.scan(rawLine, context: context(for: step)).map(\.kind)
      if !kinds.isEmpty {
        state.session.warn(Self.refusedWarning(kinds))
        persist(&state)
        await prompter.show(.secretRefused(SecretRefusal.message(for: kinds)(language)))
        continue
      }
      switch line.lowercased() {
      case "q":
        persist(&state)
        return state.finish(.quit)
      case "b":
        if !goBack(in: &state) { problem = Self.nothingToGoBackTo(language) }
        persist(&state)
        continue
      default:
        break
      }
      switch interpretTyped(line, for: step) {
      case .accepted(let recorded, let option):
        advance(from: step, recorded: recorded, option: option, in: &state)
      case .invalid(let message):
        problem = message(language)
      case .refused:
        break  // handled above
      }
    }
    return state.finish(.completed)
  }

  private func interpretTyped(_ line: String, for step: FlowStep) -> Interpretation {
    let lowered = line.lowercased()
    switch step.kind {
    case .choice:
      if let number = Int(line), number >= 1, number <= step.options.count {
        let option = step.options[number - 1]
        return .accepted(.string(option.id), option)
      }
      if let option = step.option(lowered) { return .accepted(.string(option.id), option) }
      return .invalid(Self.typeANumber(step.options.count))
    case .confirm:
      let yes = ["y", "yes", "1", "是", "是的", "对"].contains(lowered)
      let no = ["n", "no", "2", "否", "不", "不是"].contains(lowered)
      guard yes || no else { return .invalid(Self.typeYesOrNo) }
      let option = step.option(yes ? FlowStep.yesOptionID : FlowStep.noOptionID)!
      return .accepted(.string(option.id), option)
    case .instruction:
      guard ["", "y", "yes", "done", "ok", "好", "完成", "是"].contains(lowered) else { return .invalid(Self.pressEnterWhenDone) }
      return .accepted(.bool(true), nil)
    case .text:
      return interpretText(line, for: step)
    case .outcome:
      return .invalid(Self.typeANumber(0))
    }
  }

  /// "Did this solve it?", asked once the outcome has been shown; the answer is saved with the
  /// session (a "no" is what a support report starts from). `q`, an empty line or Ctrl-C leave
  /// it unanswered.
  public func askIfSolved(_ session: RecoverySession, prompter: any RecoveryPrompter) async -> WalkResult {
    var state = WalkState(session: session)
    let language = state.session.language
    var problem: String?
    while true {
      let question = PromptQuestion(
        stepID: "solved", kind: .confirm, detail: nil, prompt: Self.solvedQuestion(language),
        options: [
          .init(number: 1, id: FlowStep.yesOptionID, label: LocalizedText(en: "Yes", zh: "是")(language)),
          .init(number: 2, id: FlowStep.noOptionID, label: LocalizedText(en: "No", zh: "否")(language)),
        ],
        hint: Self.typeYesOrNo(language), problem: problem, isFreeText: false)
      guard case .line(let line) = await prompter.ask(question) else { return state.finish(.completed) }
      let answer = line.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
      if ["y", "yes", "1", "是", "是的"].contains(answer) {
        state.session.solved = true
      } else if ["n", "no", "2", "否", "不", "没有"].contains(answer) {
        state.session.solved = false
      } else if answer == "q" || answer.isEmpty {
        return state.finish(.completed)
      } else {
        problem = Self.typeYesOrNo(language)
        continue
      }
      persist(&state)
      return state.finish(.completed)
    }
  }

  private func makeQuestion(_ step: FlowStep, language: Language, problem: String?, canGoBack: Bool) -> PromptQuestion {
    let options = step.options.enumerated().map {
      PromptQuestion.Option(number: $0.offset + 1, id: $0.element.id, label: $0.element.label(language))
    }
    let hint: LocalizedText
    switch step.kind {
    case .choice:
      hint = LocalizedText(
        en: "Type a number from 1 to \(options.count)\(canGoBack ? ", b to go back" : ""), q to save and quit.",
        zh: "请输入 1 到 \(options.count) 的数字\(canGoBack ? "，b 返回上一步" : "")，q 保存并退出。")
    case .confirm:
      hint = LocalizedText(
        en: "Type y or n\(canGoBack ? ", b to go back" : ""), q to save and quit.",
        zh: "请输入 y（是）或 n（否）\(canGoBack ? "，b 返回上一步" : "")，q 保存并退出。")
    case .instruction:
      hint = LocalizedText(
        en: "Press Enter when done\(canGoBack ? ", b to go back" : ""), q to save and quit.",
        zh: "完成后按回车\(canGoBack ? "，b 返回上一步" : "")，q 保存并退出。")
    case .text, .outcome:
      hint = LocalizedText(
        en: "Type your answer and press Enter\(canGoBack ? ", b to go back" : ""), q to save and quit. Never type a recovery phrase or private key here.",
        zh: "输入后按回车\(canGoBack ? "，b 返回上一步" : "")，q 保存并退出。切勿在此输入助记词或私钥。")
    }
    return PromptQuestion(
      stepID: step.id, kind: step.kind, detail: step.detail?(language), prompt: step.prompt?(language) ?? "",
      options: options, hint: hint(language), problem: problem, isFreeText: step.kind == .text)
  }

  // MARK: - Shared

  private enum Interpretation {
    case accepted(JSONValue, FlowOption?)
    case invalid(LocalizedText)
    case refused([SecretKind])
  }

  private struct WalkState {
    var session: RecoverySession
    var saveProblems: [StateError] = []

    func finish(_ stop: WalkStop) -> WalkResult {
      WalkResult(session: session, stop: stop, saveProblems: saveProblems)
    }
  }

  private func context(for step: FlowStep) -> SecretScanContext {
    step.expects == .transactionHash ? .transactionHashAnswer : .freeText
  }

  private func interpretText(_ text: String, for step: FlowStep) -> Interpretation {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { return .invalid(Self.textRequired) }
    if step.expects == .transactionHash {
      do {
        _ = try TransactionReference.parse(trimmed)
        return .accepted(.string(trimmed), nil)
      } catch {
        return .invalid(error.message)
      }
    }
    guard trimmed.count <= 500 else { return .invalid(Self.textTooLong) }
    return .accepted(.string(trimmed), nil)
  }

  private func advance(from step: FlowStep, recorded: JSONValue, option: FlowOption?, in state: inout WalkState) {
    state.session.path.append(RecoverySession.Entry(step: step.id, answer: recorded))
    let route = option?.next ?? step.next
    state.session.currentStep = route?.resolve(wallet: state.session.wallet)
    persist(&state)
  }

  private func reachOutcome(_ step: FlowStep, in state: inout WalkState) {
    state.session.outcome = step.id
    state.session.currentStep = nil
    state.session.status = .completed
  }

  /// Goes back one answered step; the automatic diagnosis is undone together with the hash
  /// it was run on, so the user re-enters the hash.
  private func goBack(in state: inout WalkState) -> Bool {
    guard var last = state.session.path.popLast() else { return false }
    if flow.step(last.step)?.automatic != nil {
      state.session.diagnosis = nil
      guard let previous = state.session.path.popLast() else { return false }
      last = previous
    }
    state.session.currentStep = last.step
    return true
  }

  private func diagnoseInPlace(_ step: FlowStep, in state: inout WalkState, prompter: (any RecoveryPrompter)?) async {
    let language = state.session.language
    let hashText = state.session.path.last { flow.step($0.step)?.expects == .transactionHash }?.answer.stringValue
    var status = DiagnosisStatus.unknown
    if let hashText, let reference = try? TransactionReference.parse(hashText), let settings = diagnosis {
      await prompter?.show(.progress(LocalizedText(en: "Checking the chains…", zh: "正在查询各条链…")(language)))
      let result = await settings.diagnoser.diagnose(
        DiagnoseRequest(
          reference: reference, endpoints: settings.endpoints, timeout: settings.timeout,
          minimumSources: settings.minimumSources))
      await prompter?.show(.diagnosis(result))
      state.session.diagnosis = DiagnosisNote(result)
      status = result.status
      if status == .unknown { state.session.warn(Self.diagnosisUndecided) }
    } else {
      state.session.warn(Self.diagnosisUnavailable)
    }
    let option = step.option(status.rawValue) ?? step.option(DiagnosisStatus.unknown.rawValue)!
    advance(from: step, recorded: .string(option.id), option: option, in: &state)
  }

  private func persist(_ state: inout WalkState) {
    state.session.updatedAt = ISO8601.string(now())
    do {
      try save(state.session)
    } catch {
      if !state.saveProblems.contains(error) { state.saveProblems.append(error) }
    }
  }

  private func invalidOption(_ step: FlowStep) -> LocalizedText {
    let ids = step.options.map(\.id).joined(separator: ", ")
    switch step.kind {
    case .confirm:
      return LocalizedText(
        en: "The answer for '\(step.id)' must be true or false (or \"yes\"/\"no\").",
        zh: "'\(step.id)' 的答案必须是 true 或 false（或 \"yes\"/\"no\"）。")
    default:
      return LocalizedText(
        en: "The answer for '\(step.id)' is not one of its options: \(ids).",
        zh: "'\(step.id)' 的答案不是可选项之一：\(ids)。")
    }
  }
}
