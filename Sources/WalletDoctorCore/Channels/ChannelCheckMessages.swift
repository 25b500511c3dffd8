/// The sentences a person reads after a check: the verdict in one line, then what to do.
/// Written for someone who may be frightened or in a hurry: short, concrete, no jargon.
extension ChannelCheckResult {
  /// What was checked, as it really is (the decoded host, the address, the handle).
  private var subject: LocalizedText {
    let shown = address.normalized
    switch address.kind {
    case .url: return LocalizedText(en: "The site \(shown)", zh: "网站 \(shown)")
    case .email: return LocalizedText(en: "The address \(shown)", zh: "邮箱地址 \(shown)")
    case .handle: return LocalizedText(en: "The account \(shown)", zh: "账号 \(shown)")
    }
  }

  /// The verdict in one sentence.
  public var headline: LocalizedText {
    let subject = self.subject
    switch verdict {
    case .official:
      let walletName = wallet?.name ?? ""
      let kind = channel?.kind.label ?? ChannelKind.domain.label
      if address.kind == .email, channel?.kind == .domain {
        return LocalizedText(
          en: "\(subject.english) is at \(walletName)'s own mail domain, although it is not one of the addresses \(walletName) lists.",
          zh: "\(subject.simplifiedChinese) 属于 \(walletName) 自己的邮件域名，但不是 \(walletName) 公布的邮箱地址之一。")
      }
      return LocalizedText(
        en: "\(subject.english) is official: \(walletName)'s \(kind.english.lowercased()).",
        zh: "\(subject.simplifiedChinese) 是官方渠道：\(walletName) 的\(kind.simplifiedChinese)。")
    case .lookalike:
      let walletName = wallet?.name ?? ""
      let imitated = imitates?.value ?? ""
      return LocalizedText(
        en: "NOT OFFICIAL. \(subject.english) imitates \(walletName) (\(imitated)) but does not belong to \(walletName).",
        zh: "不是官方渠道！\(subject.simplifiedChinese) 在冒充 \(walletName)（\(imitated)），但并不属于 \(walletName)。")
    case .unknown:
      if let wallet, let channel, channel.uncertain {
        return LocalizedText(
          en: "\(subject.english) may belong to \(wallet.name), but only third-party sources say so; walletdoctor cannot confirm it is official.",
          zh: "\(subject.simplifiedChinese) 可能属于 \(wallet.name)，但只有第三方来源这样说，walletdoctor 无法确认它是官方渠道。")
      }
      return LocalizedText(
        en: "\(subject.english) is not in walletdoctor's directory of official wallet channels.",
        zh: "\(subject.simplifiedChinese) 不在 walletdoctor 收录的官方钱包渠道名录中。")
    }
  }

  /// What to do next, in order.
  public var advice: [LocalizedText] {
    var lines: [LocalizedText] = []
    switch verdict {
    case .official:
      if address.kind == .email {
        lines.append(
          LocalizedText(
            en: "A sender's address can be forged. If a message asks you to act, do not reply to it: write to the listed address yourself.",
            zh: "发件人地址可以伪造。如果邮件要求您采取行动，请不要直接回复，而是自己写信到官方公布的地址。"))
      }
      lines.append(
        LocalizedText(
          en: "Even on official channels, never share your recovery phrase, private key or password. Real support never asks for them.",
          zh: "即使是官方渠道，也绝不要提供您的助记词、私钥或密码。真正的客服绝不会索要这些信息。"))
    case .lookalike:
      lines.append(
        LocalizedText(
          en: "Do not open it, sign in, connect your wallet, pay, or reply. Never type your recovery phrase or private key there.",
          zh: "不要打开、登录、连接钱包、付款或回复。绝不要在那里输入您的助记词或私钥。"))
      lines.append(
        LocalizedText(
          en: "If you already entered your recovery phrase or private key there, move your funds to a new wallet now: run `walletdoctor recover stolen-funds`.",
          zh: "如果您已经在那里输入过助记词或私钥，请立即把资产转到新钱包：运行 `walletdoctor recover stolen-funds`。"))
    case .unknown:
      lines.append(
        LocalizedText(
          en: "That does not prove it is a scam, but do not trust it with anything. Use only the official channels listed by `walletdoctor channels`.",
          zh: "这并不能证明它是骗局，但请不要向它透露任何信息。只使用 `walletdoctor channels` 列出的官方渠道。"))
      lines.append(
        LocalizedText(
          en: "Real support never contacts you first and never asks for your recovery phrase or private key.",
          zh: "真正的客服不会主动联系您，也绝不会索要您的助记词或私钥。"))
    }
    return lines
  }

  /// A caveat the directory records for the matched entry ("only for security reports").
  public var note: LocalizedText? { channel?.note }

  /// Where to go instead: the wallet's main help center, ticket form, support e-mail and
  /// confirmed handles.
  public var safeChannels: [ChannelEntry] {
    guard verdict != .official, let wallet else { return [] }
    var entries = [wallet.helpCenter, wallet.ticketForm, wallet.supportEmail].compactMap { $0 }
    entries += wallet.channels.filter { $0.kind == .social && $0.handle != nil && !$0.uncertain }
    var seen: Set<String> = []
    return entries.filter { seen.insert($0.value).inserted }
  }
}
