import Foundation

/// One official contact point of a wallet, with where the fact comes from.
public struct ChannelEntry: Sendable, Hashable {
  public var kind: ChannelKind
  /// The address, URL or `@handle` exactly as the wallet publishes it.
  public var value: String
  /// For `social` entries.
  public var platform: SocialPlatform?
  /// For `email` entries.
  public var purpose: EmailPurpose?
  public var note: LocalizedText?
  /// The day the entry was last checked against its source (`yyyy-MM-dd`).
  public var verified: String
  /// The page that states it; for uncertain entries possibly a description of third-party evidence.
  public var source: String
  /// Only third-party sources mention it; never reported as official.
  public var uncertain: Bool

  public init(
    kind: ChannelKind, value: String, platform: SocialPlatform? = nil, purpose: EmailPurpose? = nil,
    note: LocalizedText? = nil, verified: String, source: String, uncertain: Bool = false
  ) {
    self.kind = kind
    self.value = value
    self.platform = platform
    self.purpose = purpose
    self.note = note
    self.verified = verified
    self.source = source
    self.uncertain = uncertain
  }

  /// The host of a URL-valued entry, or the domain of a `domain` entry, lower-cased.
  var host: String? {
    if kind == .domain { return value.lowercased() }
    guard kind.valueIsURL || (kind == .social && value.contains("://")) else { return nil }
    return try? CheckedAddress.parseURL(value).host
  }

  /// The `@handle` of a social entry, without the `@`, lower-cased.
  var handle: String? {
    guard kind == .social, value.hasPrefix("@") else { return nil }
    return String(value.dropFirst()).lowercased()
  }

  /// The platform account a URL-valued entry points to (`https://medium.com/imtoken` → medium,
  /// `imtoken`), or that a social `@handle` names.
  var platformAccount: (platform: SocialPlatform, account: String)? {
    if let handle, let platform { return (platform, handle) }
    guard let parsed = try? CheckedAddress.parseURL(value), let platform = SocialPlatform.serving(host: parsed.host),
      let account = platform.account(inPath: parsed.pathSegments)
    else { return nil }
    return (platform, account)
  }

  /// How to reach it: the URL for a social handle (`@imTokenOfficial` → `https://x.com/imTokenOfficial`).
  public var link: String? {
    switch kind {
    case .social:
      guard value.hasPrefix("@") else { return value }
      let name = value.dropFirst()
      switch platform {
      case .x: return "https://x.com/\(name)"
      case .telegram: return "https://t.me/\(name)"
      default: return nil
      }
    case .domain: return "https://\(value)"
    case .email: return "mailto:\(value)"
    case .inApp: return nil
    default: return value
    }
  }
}

/// A statement a wallet publishes about what it will never do (ask for the phrase, call you…).
public struct NeverStatement: Sendable, Hashable {
  public var text: LocalizedText
  public var verified: String
  public var source: String

  public init(text: LocalizedText, verified: String, source: String) {
    self.text = text
    self.verified = verified
    self.source = source
  }
}

/// A distinctive word a fake site or account would copy, and the official domain it imitates.
public struct LookalikeWord: Sendable, Hashable {
  /// How the word may appear in a look-alike.
  public enum Match: String, Sendable, Hashable, Codable {
    /// Anywhere inside a label, handle or address (`imtokenar.com`).
    case contains
    /// At the start of a word; for short names that occur inside ordinary words (`okx`).
    case prefix
    /// As a whole label, or labels joined (`token-im.net` for `token`+`im`); for generic words.
    case exact
  }

  public var word: String
  public var match: Match
  /// The official domain (a `domain` entry of the same wallet).
  public var imitates: String

  public init(word: String, match: Match, imitates: String) {
    self.word = word
    self.match = match
    self.imitates = imitates
  }
}

/// Everything the directory knows about one wallet's official channels.
public struct WalletChannels: Sendable, Hashable {
  /// Stable id (`imtoken`), used by `--wallet` and in JSON.
  public var id: String
  /// Display name (`imToken`).
  public var name: String
  /// Lower-case names `--wallet` accepts besides the id.
  public var aliases: [String]
  public var lookalikeWords: [LookalikeWord]
  public var channels: [ChannelEntry]
  public var never: [NeverStatement]

  public init(
    id: String, name: String, aliases: [String], lookalikeWords: [LookalikeWord], channels: [ChannelEntry],
    never: [NeverStatement]
  ) {
    self.id = id
    self.name = name
    self.aliases = aliases
    self.lookalikeWords = lookalikeWords
    self.channels = channels
    self.never = never
  }

  /// The confirmed official domains (`token.im`).
  public var officialDomains: [String] {
    channels.filter { $0.kind == .domain && !$0.uncertain }.map { $0.value.lowercased() }
  }

  /// The published support address, if the wallet has one (not a security-report-only address).
  public var supportEmail: ChannelEntry? {
    channels.first { $0.kind == .email && $0.purpose == .support && !$0.uncertain }
  }

  /// The help center's ticket form, if the wallet publishes its address.
  public var ticketForm: ChannelEntry? {
    channels.first { $0.kind == .ticketForm && !$0.uncertain }
  }

  /// Where a support request goes when there is no support e-mail: the ticket form, else the
  /// help center (where the ticket is opened).
  public var requestForm: ChannelEntry? {
    ticketForm ?? helpCenter
  }

  /// The main help center (first listed, confirmed).
  public var helpCenter: ChannelEntry? {
    channels.first { $0.kind == .helpCenter && !$0.uncertain }
  }

  /// The first confirmed domain entry (the main website).
  public var mainDomain: ChannelEntry? {
    channels.first { $0.kind == .domain && !$0.uncertain }
  }

  /// The `domain` entry for `domain`, if it is one of this wallet's.
  func domainEntry(_ domain: String) -> ChannelEntry? {
    channels.first { $0.kind == .domain && $0.value.lowercased() == domain.lowercased() }
  }
}

/// The bundled, sourced directory of official channels for the wallets walletdoctor knows.
public struct ChannelDirectory: Sendable, Hashable {
  /// In display order (as `channels/index.json` lists them).
  public var wallets: [WalletChannels]

  public init(wallets: [WalletChannels]) {
    self.wallets = wallets
  }

  /// Finds a wallet by id or alias, ignoring case, spaces and hyphens (`Trust Wallet`, `trust-wallet`).
  public func wallet(named name: String) -> WalletChannels? {
    let key = Self.nameKey(name)
    guard !key.isEmpty else { return nil }
    return wallets.first { wallet in
      Self.nameKey(wallet.id) == key || Self.nameKey(wallet.name) == key
        || wallet.aliases.contains { Self.nameKey($0) == key }
    }
  }

  public func wallet(id: String) -> WalletChannels? {
    wallets.first { $0.id == id }
  }

  static func nameKey(_ name: String) -> String {
    String(name.lowercased().filter { $0.isLetter || $0.isNumber })
  }

  /// The directory bundled with walletdoctor, loaded and validated once.
  public static func bundled() throws -> ChannelDirectory {
    try ChannelDirectoryLoader.loadBundled()
  }
}
