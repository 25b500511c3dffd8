/// The words said when a secret is refused, in both languages, built only from the kinds found:
/// the secret itself is never quoted.
public enum SecretRefusal {
  /// "That looks like your recovery phrase. It was not accepted or saved…", plus what to do.
  public static func message(for kinds: [SecretKind]) -> LocalizedText {
    let unique = Array(Set(kinds)).sorted()
    let names = unique.map(\.displayName)
    let englishNames = names.map(\.english).joined(separator: " and ")
    let chineseNames = names.map(\.simplifiedChinese).joined(separator: "和")
    return LocalizedText(
      en: """
        That looks like \(englishNames). It was refused: walletdoctor never accepts, stores or sends it, \
        and nothing of it was saved. Real wallet support will never ask for it; anyone who does is a scammer. \
        If you have typed or sent it anywhere else (a website, a chat, "support"), treat the wallet as \
        compromised and run `walletdoctor recover stolen-funds`. \
        If this was an ordinary sentence, write it with punctuation and try again.
        """,
      zh: """
        这看起来是\(chineseNames)，已被拒绝：walletdoctor 绝不接收、保存或发送它，也没有保存其中任何内容。\
        真正的钱包客服绝不会索要它，任何索要的人都是骗子。\
        如果您曾在其他地方（网站、聊天、"客服"）输入或发送过它，请视为钱包已泄露，并运行 \
        `walletdoctor recover stolen-funds`。如果这只是一句普通的话，请加上标点后重试。
        """)
  }
}
