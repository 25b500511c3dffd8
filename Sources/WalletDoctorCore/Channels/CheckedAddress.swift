import Foundation

/// What `channels --check` was given, taken apart the way a browser or mail client would read it:
/// a URL (judged by its host), an e-mail address (judged by its domain) or an `@handle`.
public struct CheckedAddress: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, Codable {
    case url
    case email
    case handle
  }

  /// The parts of a URL that decide where it really leads.
  struct ParsedURL: Sendable, Hashable {
    /// Lower-case, IDN-decoded, without userinfo, port or trailing dot.
    var host: String
    /// What came before `@` in the authority (`https://token.im@evil.com` → `token.im`).
    var userInfo: String?
    var pathSegments: [String]
    var usedPunycode: Bool
  }

  public var kind: Kind
  /// url: the host; email: the domain (both decoded); handle: empty.
  public var host: String
  /// url only: the disguise before `@`, if any.
  public var userInfo: String?
  /// email only: the part before `@`, lower-cased.
  public var localPart: String?
  /// handle only: without `@`, lower-cased (handles are compared case-insensitively).
  public var handle: String?
  /// url only: path segments (for platform accounts such as `x.com/<name>`).
  public var pathSegments: [String]
  /// Whether an `xn--` label was decoded.
  public var usedPunycode: Bool

  /// The decoded form shown back to the user: `іmtoken.com`, `support@token.im`, `@imtokenofficial`.
  public var normalized: String {
    switch kind {
    case .url: return host
    case .email: return "\(localPart ?? "")@\(host)"
    case .handle: return "@" + (handle ?? "")
    }
  }

  static let tooLong = InputError(
    LocalizedText(
      en: "That is too long to be a website, e-mail address or handle.",
      zh: "内容过长，不像网址、邮箱地址或账号名。"))
  static let notAnAddress = InputError(
    LocalizedText(
      en: "Give one website (token.im or https://…), e-mail address (name@example.com) or handle (@name) to check.",
      zh: "请提供一个要核查的网址（如 token.im 或 https://…）、邮箱地址（name@example.com）或账号名（@name）。"))
  static let malformedInternationalName = InputError(
    LocalizedText(
      en: "The address contains a malformed international name (an \"xn--\" part that does not decode). Treat it as unsafe.",
      zh: "该地址含有无法解码的国际化域名（“xn--”部分格式错误），请将其视为不安全。"))

  /// Classifies and normalizes `input`. Errors never repeat the input: a mistaken paste can be a secret.
  public static func parse(_ input: String) throws(InputError) -> CheckedAddress {
    var text = input.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else { throw notAnAddress }
    guard text.count <= 2048 else { throw tooLong }
    guard !text.contains(where: \.isWhitespace) else { throw notAnAddress }
    if text.lowercased().hasPrefix("mailto:") { text = String(text.dropFirst(7)) }

    if text.hasPrefix("@") && !text.dropFirst().contains("@") && !text.contains("/") {
      return try handle(String(text.dropFirst()))
    }
    if text.contains("://") {
      return try url(text)
    }
    if let at = text.lastIndex(of: "@"), !text[..<at].contains("/") {
      return try email(local: String(text[..<at]).droppingPrefix("@"), domain: String(text[text.index(after: at)...]))
    }
    if text.contains(".") || text.contains("/") || text.contains("。") {
      return try url("https://" + text)
    }
    return try handle(text)
  }

  static func handle(_ name: String) throws(InputError) -> CheckedAddress {
    let normalized = name.precomposedStringWithCompatibilityMapping.lowercased()
    guard !normalized.isEmpty, !normalized.contains("@") else { throw notAnAddress }
    return CheckedAddress(
      kind: .handle, host: "", userInfo: nil, localPart: nil, handle: normalized, pathSegments: [], usedPunycode: false)
  }

  static func email(local: String, domain: String) throws(InputError) -> CheckedAddress {
    guard !local.isEmpty, !domain.isEmpty else { throw notAnAddress }
    let (host, usedPunycode) = try decodeHost(domain)
    return CheckedAddress(
      kind: .email, host: host, userInfo: nil, localPart: local.precomposedStringWithCompatibilityMapping.lowercased(),
      handle: nil, pathSegments: [], usedPunycode: usedPunycode)
  }

  static func url(_ text: String) throws(InputError) -> CheckedAddress {
    let parsed = try parseURL(text)
    return CheckedAddress(
      kind: .url, host: parsed.host, userInfo: parsed.userInfo, localPart: nil, handle: nil,
      pathSegments: parsed.pathSegments, usedPunycode: parsed.usedPunycode)
  }

  /// Splits a URL by hand rather than with `URLComponents`, which rejects the non-ASCII hosts
  /// look-alikes use and does not treat `\` as a path separator the way browsers do.
  static func parseURL(_ text: String) throws(InputError) -> ParsedURL {
    var rest = Substring(text)
    if let schemeEnd = rest.range(of: "://") { rest = rest[schemeEnd.upperBound...] }
    let authorityEnd = rest.firstIndex { "/?#\\".contains($0) } ?? rest.endIndex
    var authority = rest[..<authorityEnd]
    let path = rest[authorityEnd...].prefix { $0 != "?" && $0 != "#" }
    var userInfo: String?
    if let at = authority.lastIndex(of: "@") {
      userInfo = String(authority[..<at])
      authority = authority[authority.index(after: at)...]
    }
    if authority.hasPrefix("[") { throw notAnAddress }  // An IPv6 literal names no one.
    if let colon = authority.lastIndex(of: ":"), authority[authority.index(after: colon)...].allSatisfy(\.isNumber) {
      authority = authority[..<colon]
    }
    let (host, usedPunycode) = try decodeHost(String(authority))
    let segments = path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).map {
      String($0).removingPercentEncoding ?? String($0)
    }
    return ParsedURL(
      host: host, userInfo: userInfo.map { $0.removingPercentEncoding ?? $0 }, pathSegments: segments,
      usedPunycode: usedPunycode)
  }

  /// Lower-cases, maps full-width forms and ideographic dots as IDNA does, strips a trailing dot,
  /// and decodes `xn--` labels.
  static func decodeHost(_ raw: String) throws(InputError) -> (host: String, usedPunycode: Bool) {
    var host = raw.removingPercentEncoding ?? raw
    for dot in ["。", "．", "｡"] { host = host.replacingOccurrences(of: dot, with: ".") }
    host = host.precomposedStringWithCompatibilityMapping.lowercased()
    while host.hasSuffix(".") { host.removeLast() }
    let labels = host.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard !host.isEmpty, labels.allSatisfy({ !$0.isEmpty }) else { throw notAnAddress }
    var usedPunycode = false
    var decoded: [String] = []
    for label in labels {
      if label.hasPrefix("xn--") { usedPunycode = true }
      guard let plain = Punycode.decodeLabel(label) else { throw malformedInternationalName }
      decoded.append(plain.precomposedStringWithCompatibilityMapping.lowercased())
    }
    let result = decoded.joined(separator: ".")
    guard !result.contains(where: { $0.isWhitespace || "<>\"'`{}|^".contains($0) }) else { throw notAnAddress }
    return (result, usedPunycode)
  }
}

extension String {
  fileprivate func droppingPrefix(_ prefix: String) -> String {
    hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
  }
}
