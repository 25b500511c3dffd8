/// The `channels --check --json` output (schema `walletdoctor.channel-check/1`) in one language.
public struct ChannelCheckDocument: Sendable, Encodable {
  public static let schemaName = "walletdoctor.channel-check/1"

  public var schema = ChannelCheckDocument.schemaName
  public var input: String
  /// What was judged: the decoded host, the address, or the `@handle`.
  public var normalized: String
  public var kind: CheckedAddress.Kind
  public var verdict: ChannelVerdict
  /// The wallet id (`imtoken`): owner, imitated wallet, or owner of an unconfirmed entry.
  public var wallet: String?
  public var walletName: String?
  /// The kind of the entry matched (official/unconfirmed) or imitated (look-alike).
  public var channel: ChannelKind?
  /// The value of the entry matched.
  public var channelValue: String?
  /// The official entry a look-alike imitates (`token.im`, `support@token.im`, `@imTokenOfficial`).
  public var imitates: String?
  /// The match is a directory entry marked uncertain.
  public var uncertain: Bool
  public var signals: [LookalikeSignal]
  public var message: String
  /// A caveat recorded for the matched entry, if any.
  public var note: String?
  public var advice: [String]

  public init(_ result: ChannelCheckResult, language: Language) {
    input = result.input
    normalized = result.address.normalized
    kind = result.address.kind
    verdict = result.verdict
    wallet = result.wallet?.id
    walletName = result.wallet?.name
    channel = result.channel?.kind ?? result.imitates?.kind
    channelValue = result.channel?.value
    imitates = result.imitates?.value
    uncertain = result.matchedUnconfirmedEntry
    signals = result.signals
    message = result.headline(language)
    note = result.note?(language)
    advice = result.signals.map { $0.explanation(language) } + result.advice.map { $0(language) }
  }

  enum CodingKeys: String, CodingKey {
    case schema, input, normalized, kind, verdict, wallet, channel, imitates, uncertain, signals, message, note, advice
    case walletName = "wallet_name"
    case channelValue = "channel_value"
  }

  public func encode(to encoder: Encoder) throws {
    // Nullable keys are written as null so the shape is the same for every verdict.
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(schema, forKey: .schema)
    try container.encode(input, forKey: .input)
    try container.encode(normalized, forKey: .normalized)
    try container.encode(kind, forKey: .kind)
    try container.encode(verdict, forKey: .verdict)
    try container.encode(wallet, forKey: .wallet)
    try container.encode(walletName, forKey: .walletName)
    try container.encode(channel, forKey: .channel)
    try container.encode(channelValue, forKey: .channelValue)
    try container.encode(imitates, forKey: .imitates)
    try container.encode(uncertain, forKey: .uncertain)
    try container.encode(signals, forKey: .signals)
    try container.encode(message, forKey: .message)
    try container.encode(note, forKey: .note)
    try container.encode(advice, forKey: .advice)
  }
}

/// The `channels --json` output (schema `walletdoctor.channel-directory/1`) in one language.
public struct ChannelDirectoryDocument: Sendable, Encodable {
  public static let schemaName = "walletdoctor.channel-directory/1"

  public struct Entry: Sendable, Encodable {
    public var kind: ChannelKind
    public var value: String
    public var link: String?
    public var platform: SocialPlatform?
    public var purpose: EmailPurpose?
    public var note: String?
    public var verified: String
    public var source: String
    public var uncertain: Bool

    public func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(kind, forKey: .kind)
      try container.encode(value, forKey: .value)
      try container.encode(link, forKey: .link)
      try container.encode(platform, forKey: .platform)
      try container.encode(purpose, forKey: .purpose)
      try container.encode(note, forKey: .note)
      try container.encode(verified, forKey: .verified)
      try container.encode(source, forKey: .source)
      try container.encode(uncertain, forKey: .uncertain)
    }

    enum CodingKeys: String, CodingKey { case kind, value, link, platform, purpose, note, verified, source, uncertain }
  }

  public struct Never: Sendable, Encodable {
    public var text: String
    public var verified: String
    public var source: String
  }

  public struct Wallet: Sendable, Encodable {
    public var wallet: String
    public var name: String
    public var officialDomains: [String]
    public var channels: [Entry]
    public var never: [Never]

    enum CodingKeys: String, CodingKey {
      case wallet, name, channels, never
      case officialDomains = "official_domains"
    }
  }

  public var schema = ChannelDirectoryDocument.schemaName
  public var wallets: [Wallet]

  public init(_ wallets: [WalletChannels], language: Language) {
    self.wallets = wallets.map { wallet in
      Wallet(
        wallet: wallet.id, name: wallet.name, officialDomains: wallet.officialDomains,
        channels: wallet.channels.map {
          Entry(
            kind: $0.kind, value: $0.value, link: $0.link, platform: $0.platform, purpose: $0.purpose,
            note: $0.note?(language), verified: $0.verified, source: $0.source, uncertain: $0.uncertain)
        },
        never: wallet.never.map { Never(text: $0.text(language), verified: $0.verified, source: $0.source) })
    }
  }
}
