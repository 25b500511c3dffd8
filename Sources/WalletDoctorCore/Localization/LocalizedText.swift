/// One user-facing sentence in every supported language.
///
/// Constructing one requires both translations, so a missing translation is a compile error,
/// not a runtime surprise.
public struct LocalizedText: Sendable, Hashable, Codable {
  public let english: String
  public let simplifiedChinese: String

  public init(en english: String, zh simplifiedChinese: String) {
    self.english = english
    self.simplifiedChinese = simplifiedChinese
  }

  /// The text in `language`.
  public func callAsFunction(_ language: Language) -> String {
    switch language {
    case .english: return english
    case .simplifiedChinese: return simplifiedChinese
    }
  }

  /// Joins several texts with a separator per language (a space in English, nothing in Chinese).
  public static func joined(_ parts: [LocalizedText]) -> LocalizedText {
    LocalizedText(
      en: parts.map(\.english).filter { !$0.isEmpty }.joined(separator: " "),
      zh: parts.map(\.simplifiedChinese).joined())
  }
}
