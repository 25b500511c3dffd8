/// The engine's own sentences (re-prompts, warnings), in both languages. Flow texts live in
/// the flow files.
extension RecoveryWalker {
  static func missingStep(_ id: String) -> LocalizedText {
    LocalizedText(
      en: "This session stopped at step '\(id)', which this version of the flow no longer has. Start the flow again.",
      zh: "该会话停在步骤 '\(id)'，当前版本的流程已没有此步骤。请重新开始该流程。")
  }

  static func refusedWarning(_ kinds: [SecretKind]) -> LocalizedText {
    let names = Array(Set(kinds)).sorted().map(\.displayName)
    return LocalizedText(
      en: "An answer looked like \(names.map(\.english).joined(separator: " and ")) and was refused; nothing of it was saved.",
      zh: "有一个回答看起来是\(names.map(\.simplifiedChinese).joined(separator: "和"))，已被拒绝，未保存任何内容。")
  }

  static let instructionTakesTrue = LocalizedText(
    en: "An instruction step takes true once you have done it.",
    zh: "操作步骤在完成后请回答 true。")

  static func typeANumber(_ count: Int) -> LocalizedText {
    LocalizedText(en: "Please type a number from 1 to \(count).", zh: "请输入 1 到 \(count) 之间的数字。")
  }

  static let typeYesOrNo = LocalizedText(en: "Please type y (yes) or n (no).", zh: "请输入 y（是）或 n（否）。")

  static let pressEnterWhenDone = LocalizedText(
    en: "Press Enter once you have done this (or b to go back, q to save and quit).",
    zh: "完成后请按回车（或输入 b 返回、q 保存并退出）。")

  static let nothingToGoBackTo = LocalizedText(en: "This is the first question; there is nothing to go back to.", zh: "这是第一个问题，无法再返回。")

  static let textRequired = LocalizedText(en: "Please type an answer.", zh: "请输入回答。")

  static let textTooLong = LocalizedText(en: "Please keep the answer under 500 characters.", zh: "回答请少于 500 个字符。")

  static let solvedQuestion = LocalizedText(en: "Did this solve it?", zh: "问题解决了吗？")

  static let diagnosisUndecided = LocalizedText(
    en: "The transfer could not be checked (no endpoint answered); the walk continued with an unknown verdict.",
    zh: "无法查询该转账（没有节点响应）；流程按“未知”结果继续。")

  static let diagnosisUnavailable = LocalizedText(
    en: "The transfer was not checked (no diagnosis available); the walk continued with an unknown verdict.",
    zh: "未查询该转账（诊断不可用）；流程按“未知”结果继续。")
}
