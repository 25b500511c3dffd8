/// The conversation side of an interactive walk. The CLI implements it on the terminal (stderr
/// for prompts, stdin for answers); tests implement it with scripted lines.
public protocol RecoveryPrompter: Sendable {
  /// Shows `question` and returns what the user typed.
  func ask(_ question: PromptQuestion) async -> PromptInput
  /// Shows something that needs no answer.
  func show(_ notice: PromptNotice) async
}

/// What the user did at a prompt.
public enum PromptInput: Sendable, Hashable {
  case line(String)
  /// Input ended (Ctrl-D, closed pipe): treated like `q`.
  case endOfInput
  /// Ctrl-C: the walk is saved and stops.
  case interrupted
}

/// A question ready to show, every string already in the walk's language.
public struct PromptQuestion: Sendable, Hashable {
  public struct Option: Sendable, Hashable {
    public var number: Int
    public var id: String
    public var label: String

    public init(number: Int, id: String, label: String) {
      self.number = number
      self.id = id
      self.label = label
    }
  }

  public var stepID: String
  public var kind: StepKind
  public var detail: String?
  public var prompt: String
  public var options: [Option]
  /// How to answer: "Type 1–3, b to go back, q to save and quit."
  public var hint: String
  /// Why the previous answer was not accepted, when this is a re-prompt.
  public var problem: String?
  /// A free-text question, so the terminal should take care with what is echoed.
  public var isFreeText: Bool

  public init(
    stepID: String, kind: StepKind, detail: String?, prompt: String, options: [Option], hint: String,
    problem: String?, isFreeText: Bool
  ) {
    self.stepID = stepID
    self.kind = kind
    self.detail = detail
    self.prompt = prompt
    self.options = options
    self.hint = hint
    self.problem = problem
    self.isFreeText = isFreeText
  }
}

/// Something shown during a walk.
public enum PromptNotice: Sendable {
  /// A plain message (the secret-guard reminder at the start of a flow).
  case message(String)
  /// An answer was refused because it held a secret; the terminal should erase its echo.
  case secretRefused(String)
  /// The tool is working (diagnosing).
  case progress(String)
  /// The in-place diagnosis finished.
  case diagnosis(Diagnosis)
}
