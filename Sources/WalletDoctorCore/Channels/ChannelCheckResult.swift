/// The checker's answer for one input. Raw values are part of the `--json` contract.
public enum ChannelVerdict: String, Sendable, Hashable, Codable {
  /// A confirmed official channel (exit 0).
  case official
  /// Imitates an official channel (exit 3).
  case lookalike
  /// Not in the directory, or listed only as unconfirmed (exit 1).
  case unknown
}

/// Why an input was judged a look-alike. Raw values appear in `--json` output.
public enum LookalikeSignal: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  /// `token.im.evil.com`: the official domain is only the beginning of someone else's.
  case embeddedOfficialDomain = "embedded_official_domain"
  /// `https://token.im@evil.com`: the part before `@` is decoration; the site is after it.
  case disguisedUserinfo = "disguised_userinfo"
  /// Letters from another alphabet or with accents (`іmtoken`, `lèdger`).
  case foreignLetters = "foreign_letters"
  /// Digits in place of letters (`imt0ken`).
  case digitsForLetters = "digits_for_letters"
  /// Letters or pairs that pass for others (`rnetamask`, `leqder`).
  case lookalikeLetters = "lookalike_letters"
  /// The international name was hidden as punycode (`xn--…`).
  case punycode
  /// The name with extra words or letters (`imtoken-support.com`, `imtokenar.com`).
  case extraWords = "extra_words"
  /// The exact name on a domain the wallet does not own (`metamask.com`, `token-im.net`).
  case otherDomain = "other_domain"
  /// A letter missing, added, changed or swapped (`legder`, `metamusk`).
  case misspelling
  /// The wallet's name in an address at someone else's mail domain (`imtoken.support@gmail.com`).
  case nameAtOtherMailDomain = "name_at_other_mail_domain"
  /// An account named after the wallet that the wallet does not list (`@imtoken_help`).
  case unlistedAccount = "unlisted_account"

  public static func < (lhs: LookalikeSignal, rhs: LookalikeSignal) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }

  /// One sentence a worried person can follow.
  public var explanation: LocalizedText {
    switch self {
    case .embeddedOfficialDomain:
      return LocalizedText(
        en: "The official name is only the beginning of the address; the site really belongs to whatever comes at the end.",
        zh: "官方名称只是地址的开头部分，真正的网站由地址末尾的域名决定。")
    case .disguisedUserinfo:
      return LocalizedText(
        en: "The part before \"@\" is decoration; the browser goes to the site written after it.",
        zh: "“@”前面的部分只是伪装，浏览器实际打开的是“@”后面的网站。")
    case .foreignLetters:
      return LocalizedText(
        en: "It uses letters from another alphabet or with accents that look like ordinary letters.",
        zh: "它使用了外形与普通字母相似的其他字母表字符或带重音的字母。")
    case .digitsForLetters:
      return LocalizedText(
        en: "It uses digits in place of letters (such as 0 for o, or 1 for l).",
        zh: "它用数字冒充字母（例如用 0 冒充 o，用 1 冒充 l）。")
    case .lookalikeLetters:
      return LocalizedText(
        en: "It uses letters that pass for others at a glance (such as rn for m).",
        zh: "它使用了乍看与其他字母相似的字母（例如用 rn 冒充 m）。")
    case .punycode:
      return LocalizedText(
        en: "It is an international name written in code (xn--), which hides what the letters really are.",
        zh: "它是以编码形式（xn--）书写的国际化域名，会掩盖真实的字符。")
    case .extraWords:
      return LocalizedText(
        en: "It adds words or letters to the wallet's name; official sites do not do that.",
        zh: "它在钱包名称上添加了额外的单词或字母，官方网站不会这样做。")
    case .otherDomain:
      return LocalizedText(
        en: "It uses the wallet's name on a domain the wallet does not own.",
        zh: "它在钱包官方并不拥有的域名上使用了钱包的名称。")
    case .misspelling:
      return LocalizedText(
        en: "It is the wallet's name with a letter missing, added, changed or swapped.",
        zh: "它是钱包名称少了、多了、改了或调换了字母后的拼写。")
    case .nameAtOtherMailDomain:
      return LocalizedText(
        en: "The wallet's name is in the address, but the mail domain after \"@\" is not the wallet's.",
        zh: "邮箱地址中出现了钱包名称，但“@”后面的邮件域名并不属于该钱包。")
    case .unlistedAccount:
      return LocalizedText(
        en: "It uses the wallet's name, but it is not an account the wallet lists as its own.",
        zh: "它使用了钱包的名称，但并不是该钱包公布的官方账号。")
    }
  }
}

/// The checker's answer: the verdict, which wallet and channel it concerns, and why.
public struct ChannelCheckResult: Sendable, Hashable {
  /// What the user typed, trimmed.
  public var input: String
  public var address: CheckedAddress
  public var verdict: ChannelVerdict
  /// official: the owner; lookalike: the imitated wallet; unknown: the wallet of an unconfirmed entry, else nil.
  public var wallet: WalletChannels?
  /// official: the entry matched; unknown: the unconfirmed entry matched, if any.
  public var channel: ChannelEntry?
  /// lookalike: the official entry it imitates.
  public var imitates: ChannelEntry?
  /// lookalike: why; sorted.
  public var signals: [LookalikeSignal]

  public init(
    input: String, address: CheckedAddress, verdict: ChannelVerdict, wallet: WalletChannels? = nil,
    channel: ChannelEntry? = nil, imitates: ChannelEntry? = nil, signals: [LookalikeSignal] = []
  ) {
    self.input = input
    self.address = address
    self.verdict = verdict
    self.wallet = wallet
    self.channel = channel
    self.imitates = imitates
    self.signals = signals
  }

  /// True when the input matched an entry the directory marks uncertain.
  public var matchedUnconfirmedEntry: Bool { channel?.uncertain == true }

  /// The exit code the contract assigns: 0 official, 3 look-alike, 1 unknown.
  public var exitCode: Int32 {
    switch verdict {
    case .official: return 0
    case .lookalike: return 3
    case .unknown: return 1
    }
  }
}
