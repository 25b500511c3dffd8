import Foundation

/// One thing wrong with the flow files, located precisely enough to fix it.
public struct FlowProblem: Sendable, Hashable, CustomStringConvertible {
  /// The file (`forgot-password.json`).
  public var file: String
  /// The step, when the problem is inside one.
  public var step: String?
  public var message: String

  public init(file: String, step: String? = nil, message: String) {
    self.file = file
    self.step = step
    self.message = message
  }

  public var description: String {
    step.map { "\(file): step '\($0)': \(message)" } ?? "\(file): \(message)"
  }
}

/// The flow files have problems; all of them are listed, not only the first.
public struct FlowSetError: Error, LocalizedError, Sendable {
  public var problems: [FlowProblem]

  public var errorDescription: String? {
    "The recovery flows have \(problems.count) problem(s):\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
  }
}

/// Reads flow files and checks the whole set: shape, translations, routes, reachability,
/// sources. Every problem is collected, so one run shows everything to fix.
public enum FlowLoader {
  /// The flow ids the command contract promises.
  public static let contractFlowIDs: [String] = [
    "forgot-password", "lost-phrase", "stolen-funds", "wrong-network", "token-missing", "phishing-approval",
    "stuck-transfer", "hardware-pin",
  ]

  /// Step ids the engine itself uses in scripted answers; flows must not take them.
  public static let reservedStepIDs: Set<String> = ["solved"]

  /// Loads every `*.json` under `directory` (the bundled `flows/`), checking the set.
  public static func load(directory: URL, requiredIDs: [String] = contractFlowIDs) throws(FlowSetError) -> [RecoveryFlow] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
    } catch {
      throw FlowSetError(problems: [FlowProblem(file: directory.path, message: "the flows folder cannot be read")])
    }
    var files: [(name: String, data: Data)] = []
    var problems: [FlowProblem] = []
    for name in names {
      if let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) {
        files.append((name, data))
      } else {
        problems.append(FlowProblem(file: name, message: "cannot be read"))
      }
    }
    let flows: [RecoveryFlow]
    do throws(FlowSetError) {
      flows = try load(files: files, requiredIDs: requiredIDs)
    } catch {
      throw FlowSetError(problems: problems + error.problems)
    }
    if !problems.isEmpty { throw FlowSetError(problems: problems) }
    return flows
  }

  /// Loads the bundled flows.
  public static func bundled() throws -> [RecoveryFlow] {
    try load(directory: try ResourceLocator.url(for: "flows"))
  }

  /// Parses and validates flow files given as (file name, contents).
  public static func load(files: [(name: String, data: Data)], requiredIDs: [String] = []) throws(FlowSetError) -> [RecoveryFlow] {
    var problems: [FlowProblem] = []
    var flows: [RecoveryFlow] = []
    var fileByID: [String: String] = [:]
    for file in files {
      var parser = FlowParser(file: file.name)
      if let flow = parser.parse(file.data) {
        if let other = fileByID[flow.id] {
          problems.append(FlowProblem(file: file.name, message: "flow id '\(flow.id)' is already used by \(other)"))
        } else {
          fileByID[flow.id] = file.name
          flows.append(flow)
        }
        problems += FlowGraphCheck.problems(in: flow, file: file.name)
      }
      problems += parser.problems
    }
    for id in requiredIDs where fileByID[id] == nil {
      problems.append(FlowProblem(file: "\(id).json", message: "the contract requires flow '\(id)', which is missing"))
    }
    guard problems.isEmpty else { throw FlowSetError(problems: problems) }
    return flows.sorted { lhs, rhs in
      let order = requiredIDs.isEmpty ? contractFlowIDs : requiredIDs
      return (order.firstIndex(of: lhs.id) ?? Int.max, lhs.id) < (order.firstIndex(of: rhs.id) ?? Int.max, rhs.id)
    }
  }
}

/// Turns one file's JSON into a ``RecoveryFlow``, recording every shape problem on the way.
private struct FlowParser {
  let file: String
  var problems: [FlowProblem] = []

  init(file: String) {
    self.file = file
  }

  private mutating func problem(_ message: String, step: String? = nil) {
    problems.append(FlowProblem(file: file, step: step, message: message))
  }

  mutating func parse(_ data: Data) -> RecoveryFlow? {
    guard let json = JSONValue.parse(data) else {
      problem("is not valid JSON")
      return nil
    }
    guard let object = json.objectValue else {
      problem("must be a JSON object")
      return nil
    }
    checkKeys(object, allowed: ["id", "title", "summary", "start", "steps"], step: nil, what: "flow")
    let id = object["id"]?.stringValue ?? ""
    if id.isEmpty {
      problem("'id' is missing")
    } else {
      if id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) == nil {
        problem("'id' must be lower-case words joined by hyphens, not '\(id)'")
      }
      if file != "\(id).json" { problem("file name must be '\(id).json' for flow id '\(id)'") }
    }
    let title = localized(object["title"], field: "title", step: nil)
    let summary = localized(object["summary"], field: "summary", step: nil)
    let start = route(object["start"], field: "start", step: nil)

    var steps: [FlowStep] = []
    var seenIDs: Set<String> = []
    if let array = object["steps"]?.arrayValue, !array.isEmpty {
      for (index, value) in array.enumerated() {
        guard let step = parseStep(value, index: index) else { continue }
        if !seenIDs.insert(step.id).inserted {
          problem("the step id is used twice", step: step.id)
        } else {
          steps.append(step)
        }
      }
    } else {
      problem("'steps' must be a non-empty array")
    }
    guard let start, !id.isEmpty else { return nil }
    // A missing title is already reported; the graph is still checked so every problem shows.
    let placeholder = LocalizedText(en: "", zh: "")
    return RecoveryFlow(id: id, title: title ?? placeholder, summary: summary ?? placeholder, start: start, steps: steps)
  }

  private mutating func parseStep(_ value: JSONValue, index: Int) -> FlowStep? {
    guard let object = value.objectValue else {
      problem("steps[\(index)] must be an object")
      return nil
    }
    guard let id = object["id"]?.stringValue, !id.isEmpty else {
      problem("steps[\(index)] has no 'id'")
      return nil
    }
    if FlowLoader.reservedStepIDs.contains(id) { problem("'\(id)' is reserved for the engine", step: id) }
    if id.range(of: "^[a-z0-9]+([-_][a-z0-9]+)*$", options: .regularExpression) == nil {
      problem("the id must be lower-case words joined by hyphens", step: id)
    }
    guard let kindName = object["kind"]?.stringValue, let kind = StepKind(rawValue: kindName) else {
      problem("'kind' must be one of \(StepKind.allCases.map(\.rawValue).joined(separator: ", "))", step: id)
      return nil
    }
    var step = FlowStep(id: id, kind: kind)
    step.detail = object["detail"].flatMap { localized($0, field: "detail", step: id) }

    switch kind {
    case .choice:
      checkKeys(object, allowed: ["id", "kind", "prompt", "detail", "options", "auto"], step: id, what: "a choice step")
      step.prompt = localized(object["prompt"], field: "prompt", step: id)
      if let auto = object["auto"] {
        if let value = auto.stringValue, let automatic = AutomaticAnswer(rawValue: value) {
          step.automatic = automatic
        } else {
          problem("'auto' must be 'diagnosis_verdict'", step: id)
        }
      }
      guard let options = object["options"]?.arrayValue, options.count >= 2 else {
        problem("a choice needs at least two 'options'", step: id)
        break
      }
      var optionIDs: Set<String> = []
      for (position, option) in options.enumerated() {
        guard let optionObject = option.objectValue, let optionID = optionObject["id"]?.stringValue, !optionID.isEmpty else {
          problem("options[\(position)] needs an 'id'", step: id)
          continue
        }
        checkKeys(optionObject, allowed: ["id", "label", "next"], step: id, what: "option '\(optionID)'")
        if !optionIDs.insert(optionID).inserted { problem("option id '\(optionID)' is used twice", step: id) }
        let label = localized(optionObject["label"], field: "label of option '\(optionID)'", step: id)
        let next = route(optionObject["next"], field: "next of option '\(optionID)'", step: id)
        if let label, let next { step.options.append(FlowOption(id: optionID, label: label, next: next)) }
      }
      if step.automatic == .diagnosisVerdict {
        let verdicts = Set(DiagnosisStatus.allCases.map(\.rawValue))
        if optionIDs != verdicts {
          problem("an automatic diagnosis step needs exactly the options \(verdicts.sorted().joined(separator: ", "))", step: id)
        }
      }
    case .confirm:
      checkKeys(object, allowed: ["id", "kind", "prompt", "detail", "yes", "no"], step: id, what: "a confirm step")
      step.prompt = localized(object["prompt"], field: "prompt", step: id)
      let yes = route(object["yes"], field: "yes", step: id)
      let no = route(object["no"], field: "no", step: id)
      if let yes, let no {
        step.options = [
          FlowOption(id: FlowStep.yesOptionID, label: LocalizedText(en: "Yes", zh: "是"), next: yes),
          FlowOption(id: FlowStep.noOptionID, label: LocalizedText(en: "No", zh: "否"), next: no),
        ]
      }
    case .text:
      checkKeys(object, allowed: ["id", "kind", "prompt", "detail", "expects", "next"], step: id, what: "a text step")
      step.prompt = localized(object["prompt"], field: "prompt", step: id)
      if let expects = object["expects"]?.stringValue, let expectation = TextExpectation(rawValue: expects) {
        step.expects = expectation
      } else {
        problem("'expects' must be 'tx_hash' or 'text'", step: id)
      }
      step.next = route(object["next"], field: "next", step: id)
    case .instruction:
      checkKeys(object, allowed: ["id", "kind", "prompt", "detail", "next"], step: id, what: "an instruction step")
      step.prompt = localized(object["prompt"], field: "prompt", step: id)
      step.next = route(object["next"], field: "next", step: id)
    case .outcome:
      checkKeys(object, allowed: ["id", "kind", "title", "summary", "actions", "sources"], step: id, what: "an outcome")
      let title = localized(object["title"], field: "title", step: id)
      let summary = localized(object["summary"], field: "summary", step: id)
      var actions: [LocalizedText] = []
      if let array = object["actions"]?.arrayValue, !array.isEmpty {
        for (position, action) in array.enumerated() {
          if let text = localized(action, field: "actions[\(position)]", step: id) { actions.append(text) }
        }
      } else {
        problem("an outcome needs a non-empty 'actions' list", step: id)
      }
      var sources: [String] = []
      if let array = object["sources"]?.arrayValue, !array.isEmpty {
        for source in array {
          guard let url = source.stringValue, url.hasPrefix("https://"), !url.contains(" "), url.count > 12 else {
            problem("every source must be an https:// URL", step: id)
            continue
          }
          sources.append(url)
        }
      } else {
        problem("an outcome needs at least one source (an https:// URL)", step: id)
      }
      if let title, let summary { step.outcome = FlowOutcome(title: title, summary: summary, actions: actions, sources: sources) }
    }
    return step
  }

  /// `{"en": …, "zh-Hans": …}`, both non-empty.
  private mutating func localized(_ value: JSONValue?, field: String, step: String?) -> LocalizedText? {
    guard let value else {
      problem("'\(field)' is missing", step: step)
      return nil
    }
    guard let object = value.objectValue else {
      problem("'\(field)' must be an object with 'en' and 'zh-Hans' texts", step: step)
      return nil
    }
    let english = object["en"]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    let chinese = object["zh-Hans"]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    for key in object.keys where key != "en" && key != "zh-Hans" {
      problem("'\(field)' has an unknown language '\(key)'", step: step)
    }
    if english.isEmpty { problem("'\(field)' is missing its English (en) translation", step: step) }
    if chinese.isEmpty { problem("'\(field)' is missing its Simplified Chinese (zh-Hans) translation", step: step) }
    guard !english.isEmpty, !chinese.isEmpty else { return nil }
    return LocalizedText(en: english, zh: chinese)
  }

  /// `"step-id"` or `{"default": "step-id", "<wallet>": "step-id", …}`.
  private mutating func route(_ value: JSONValue?, field: String, step: String?) -> Route? {
    guard let value else {
      problem("'\(field)' is missing", step: step)
      return nil
    }
    if let id = value.stringValue, !id.isEmpty { return .step(id) }
    guard let object = value.objectValue else {
      problem("'\(field)' must be a step id or an object of wallet names to step ids", step: step)
      return nil
    }
    guard let fallback = object["default"]?.stringValue, !fallback.isEmpty else {
      problem("'\(field)' needs a 'default' step for wallets without their own", step: step)
      return nil
    }
    var cases: [WalletID: String] = [:]
    for (key, target) in object where key != "default" {
      guard let wallet = WalletID(rawValue: key) else {
        problem("'\(field)' names an unknown wallet '\(key)' (known: \(WalletID.namesList))", step: step)
        continue
      }
      guard let id = target.stringValue, !id.isEmpty else {
        problem("'\(field)' for \(key) must be a step id", step: step)
        continue
      }
      cases[wallet] = id
    }
    return .byWallet(default: fallback, cases: cases)
  }

  private mutating func checkKeys(_ object: [String: JSONValue], allowed: Set<String>, step: String?, what: String) {
    for key in object.keys.sorted() where !allowed.contains(key) {
      problem("unknown key '\(key)' in \(what)", step: step)
    }
  }
}

/// Checks a parsed flow as a graph: routes land on steps, every step is reachable, every
/// step can still reach an outcome, automatic steps follow a hash question.
private enum FlowGraphCheck {
  static func problems(in flow: RecoveryFlow, file: String) -> [FlowProblem] {
    var problems: [FlowProblem] = []
    let ids = Set(flow.steps.map(\.id))

    func checkTargets(_ route: Route, from step: String?, what: String) {
      for target in route.targets(wallet: nil) where !ids.contains(target) {
        problems.append(FlowProblem(file: file, step: step, message: "\(what) leads to '\(target)', which is not a step"))
      }
    }
    checkTargets(flow.start, from: nil, what: "'start'")
    for step in flow.steps {
      for option in step.options { checkTargets(option.next, from: step.id, what: "option '\(option.id)'") }
      if let next = step.next { checkTargets(next, from: step.id, what: "'next'") }
    }

    let reachable = Set(flow.reachableStepIDs(wallet: nil))
    for step in flow.steps where !reachable.contains(step.id) {
      problems.append(FlowProblem(file: file, step: step.id, message: "is unreachable from 'start'"))
    }

    // Every step must be able to end somewhere: walk backwards from the outcomes.
    var canFinish = Set(flow.steps.filter { $0.kind == .outcome }.map(\.id))
    var changed = true
    while changed {
      changed = false
      for step in flow.steps where !canFinish.contains(step.id) {
        if step.routes.flatMap({ $0.targets(wallet: nil) }).contains(where: canFinish.contains) {
          canFinish.insert(step.id)
          changed = true
        }
      }
    }
    for step in flow.steps where !canFinish.contains(step.id) && reachable.contains(step.id) {
      problems.append(FlowProblem(file: file, step: step.id, message: "cannot reach any outcome"))
    }
    if !flow.steps.contains(where: { $0.kind == .outcome }) {
      problems.append(FlowProblem(file: file, message: "has no outcome step"))
    }

    // An automatic diagnosis needs the hash the step before asked for.
    for step in flow.steps where step.automatic == .diagnosisVerdict {
      let predecessors = flow.steps.filter { candidate in
        candidate.routes.flatMap { $0.targets(wallet: nil) }.contains(step.id)
      }
      if predecessors.contains(where: { $0.kind != .text || $0.expects != .transactionHash }) || flow.start.targets(wallet: nil).contains(step.id) {
        problems.append(FlowProblem(file: file, step: step.id, message: "an automatic diagnosis step must only follow a 'text' step that expects 'tx_hash'"))
      }
    }
    return problems
  }
}
