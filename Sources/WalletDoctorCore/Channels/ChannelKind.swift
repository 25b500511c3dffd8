/// What kind of contact point a directory entry is. Raw values are part of the data files and
/// of the `channels --json` output.
public enum ChannelKind: String, Sendable, Hashable, Codable, CaseIterable {
  case domain
  case helpCenter = "help_center"
  case ticketForm = "ticket_form"
  case email
  case inApp = "in_app"
  case social
  case forum
  case download
  case verificationTool = "verification_tool"

  /// A short label for lists ("Help center", "帮助中心").
  public var label: LocalizedText {
    switch self {
    case .domain: return LocalizedText(en: "Website", zh: "官网域名")
    case .helpCenter: return LocalizedText(en: "Help center", zh: "帮助中心")
    case .ticketForm: return LocalizedText(en: "Ticket form", zh: "工单表单")
    case .email: return LocalizedText(en: "E-mail", zh: "电子邮件")
    case .inApp: return LocalizedText(en: "In the app", zh: "应用内")
    case .social: return LocalizedText(en: "Social", zh: "社交媒体")
    case .forum: return LocalizedText(en: "Forum", zh: "论坛")
    case .download: return LocalizedText(en: "Download", zh: "下载")
    case .verificationTool: return LocalizedText(en: "Verify a channel", zh: "渠道验证")
    }
  }

  /// Kinds whose `value` is an `https://` URL.
  var valueIsURL: Bool {
    switch self {
    case .helpCenter, .ticketForm, .forum, .download, .verificationTool: return true
    case .domain, .email, .inApp, .social: return false
    }
  }
}

/// The social network or hosting platform of a `social` entry (or of a URL being checked).
public enum SocialPlatform: String, Sendable, Hashable, Codable, CaseIterable {
  case x
  case telegram
  case medium
  case discord
  case github

  public var label: LocalizedText {
    switch self {
    case .x: return LocalizedText(en: "X (Twitter)", zh: "X（推特）")
    case .telegram: return LocalizedText(en: "Telegram", zh: "Telegram（电报）")
    case .medium: return LocalizedText(en: "Medium", zh: "Medium")
    case .discord: return LocalizedText(en: "Discord", zh: "Discord")
    case .github: return LocalizedText(en: "GitHub", zh: "GitHub")
    }
  }

  /// The hosts that serve this platform's accounts.
  var hosts: Set<String> {
    switch self {
    case .x: return ["x.com", "twitter.com", "mobile.twitter.com", "mobile.x.com"]
    case .telegram: return ["t.me", "telegram.me"]
    case .medium: return ["medium.com"]
    case .discord: return ["discord.gg", "discord.com", "discordapp.com"]
    case .github: return ["github.com"]
    }
  }

  /// The account named by a URL path on this platform (`/imTokenOfficial/status/1` →
  /// `imtokenofficial`, Discord's `/invite/imToken` → `imtoken`), lower-cased; nil for a page
  /// that names no account.
  func account(inPath segments: [String]) -> String? {
    var rest = segments.filter { !$0.isEmpty }
    if self == .discord, rest.first?.lowercased() == "invite" { rest.removeFirst() }
    guard var first = rest.first else { return nil }
    if first.hasPrefix("@") { first.removeFirst() }
    return first.isEmpty ? nil : first.lowercased()
  }

  /// The platform serving `host` (`www.` ignored).
  static func serving(host: String) -> SocialPlatform? {
    let bare = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    return allCases.first { $0.hosts.contains(bare) }
  }
}

/// What a published e-mail address is for; only `support` is where a support request goes.
public enum EmailPurpose: String, Sendable, Hashable, Codable, CaseIterable {
  case support
  /// Security vulnerability reports only.
  case security
  /// Reports of impersonation only.
  case impersonation
}
