import Foundation

/// The `--answers FILE` document: `{ "<step id>": "<option id>" | "<text>" | true | false }`.
public struct ScriptedAnswers: Sendable, Hashable {
  public var values: [String: JSONValue]

  public init(_ values: [String: JSONValue] = [:]) {
    self.values = values
  }

  /// No answers: a run without a terminal and without `--answers` behaves like this.
  public static let empty = ScriptedAnswers()

  /// Reads an answers file for `flow`. The secret guard looks at the raw text first, then at
  /// every string with its step's context, before anything else is done with it.
  public static func parse(_ data: Data, flow: RecoveryFlow, detector: SecretDetector) throws(AnswersFileError) -> ScriptedAnswers {
    guard let text = String(data: data, encoding: .utf8) else { throw .notText }
    // Hex is judged per value below, where the step says whether a hash was asked for.
    let rawHits = detector.scan(text, context: .transactionHashAnswer)
    if !rawHits.isEmpty { throw .secret(rawHits.map(\.kind)) }
    guard let json = JSONValue.parse(data) else { throw .notJSON }
    guard let object = json.objectValue else { throw .notObject }
    var kinds: [SecretKind] = []
    for (key, value) in object {
      kinds += detector.scan(key, context: .freeText).map(\.kind)
      switch value {
      case .string(let answer):
        let context: SecretScanContext =
          flow.step(key)?.expects == .transactionHash ? .transactionHashAnswer : .freeText
        kinds += detector.scan(answer, context: context).map(\.kind)
      case .bool:
        break
      default:
        throw .badValue(step: key)
      }
    }
    if !kinds.isEmpty { throw .secret(kinds) }
    return ScriptedAnswers(object)
  }
}

/// The answers file cannot be used. Messages never quote its contents.
public enum AnswersFileError: Error, Sendable, Hashable {
  case notText
  case notJSON
  case notObject
  /// A value is neither a string nor true/false.
  case badValue(step: String)
  /// The file holds a secret; nothing of it was used or saved.
  case secret([SecretKind])

  public var message: LocalizedText {
    switch self {
    case .notText:
      return LocalizedText(en: "The answers file is not UTF-8 text.", zh: "答案文件不是 UTF-8 文本。")
    case .notJSON:
      return LocalizedText(
        en: "The answers file is not valid JSON. Expected an object such as {\"step-id\": \"option-id\", \"other-step\": true}.",
        zh: "答案文件不是有效的 JSON。应为对象，例如 {\"step-id\": \"option-id\", \"other-step\": true}。")
    case .notObject:
      return LocalizedText(
        en: "The answers file must be a JSON object of step ids to answers, e.g. {\"step-id\": \"option-id\"}.",
        zh: "答案文件必须是以步骤 id 为键的 JSON 对象，例如 {\"step-id\": \"option-id\"}。")
    case .badValue(let step):
      return LocalizedText(
        en: "The answer for '\(step)' must be a string (an option id or text) or true/false.",
        zh: "'\(step)' 的答案必须是字符串（选项 id 或文字）或 true/false。")
    case .secret(let kinds):
      return SecretRefusal.message(for: kinds)
    }
  }
}
