/// `short.txt`: at most 280 characters for a public post. Built only from fixed sentences, the
/// case id, the wallet's name and its official help-center domain, so it cannot carry a hash,
/// an address, an amount or a contact, and it warns the scammers who answer such posts away.
enum ShortPost {
  static let maximumLength = 280

  static func text(for report: SupportReport) -> String {
    let language = report.language
    let case_ = report.caseID.value
    let phrase = report.category.publicPhrase
    let domain = report.wallet?.helpCenter.flatMap { entry in (try? CheckedAddress.parseURL(entry.value))?.host }
    let warning = LocalizedText(
      en: "Scammers watch posts like this: I will not answer DMs, and real support never asks for a recovery phrase or private key.",
      zh: "骗子会盯着这类帖子：我不会回复任何私信；真正的客服绝不会索要助记词或私钥。")
    let opening: LocalizedText
    if let wallet = report.wallet, let domain {
      opening = LocalizedText(
        en: "Case \(case_): I have \(phrase.english) in \(wallet.name). I am contacting official support via \(domain).",
        zh: "案例 \(case_)：我的 \(wallet.name) \(phrase.simplifiedChinese)，正在通过官方渠道 \(domain) 联系客服。")
    } else {
      opening = LocalizedText(
        en: "Case \(case_): I have \(phrase.english). I am contacting my wallet's official support.",
        zh: "案例 \(case_)：我的钱包\(phrase.simplifiedChinese)，正在通过官方渠道联系客服。")
    }
    let full = opening(language) + (language == .english ? " " : "") + warning(language)
    if weightedLength(full) <= maximumLength { return full + "\n" }
    // A very long wallet name could push it over: keep the warning, shorten the opening.
    let short = LocalizedText(en: "Case \(case_): contacting official support.", zh: "案例 \(case_)：正在联系官方客服。")
    return short(language) + (language == .english ? " " : "") + warning(language) + "\n"
  }

  /// Length as X (Twitter) counts it: CJK and other wide characters count twice.
  static func weightedLength(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x10FF ? 2 : 1) }
  }
}
