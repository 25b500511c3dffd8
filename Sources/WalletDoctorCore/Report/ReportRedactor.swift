import Foundation

/// Redacts everything the user typed before it reaches a report: secrets become
/// `[REDACTED: …]` markers (the same detector as recovery), and URLs carrying credentials are
/// masked. Counts what it replaced, by kind.
public struct ReportRedactor: Sendable {
  /// The redaction kind for masked URL credentials (userinfo, keys in a path or query).
  public static let urlCredentialsKind = "url_credentials"

  public let secrets: SecretRedactor
  /// Hashes the user declared with `--tx`: the same 64 hex digits in free text are that hash.
  public let context: SecretScanContext

  /// `declaredTransactions` are the `--tx` references; `otherHashes` further hashes declared as
  /// transactions elsewhere (a recovery session's answer to "paste the transaction hash").
  public init(secrets: SecretRedactor, declaredTransactions: [TransactionReference], otherHashes: [String] = []) {
    self.secrets = secrets
    context = SecretScanContext(declaredTransactionHashes: declaredTransactions.map(\.hexDigits) + otherHashes)
  }

  /// Counts by kind (`recovery_phrase`, `private_key`, …, `url_credentials`).
  public private(set) var counts: [String: Int] = [:]

  /// `text` with secrets and credential-bearing URLs replaced.
  public mutating func redact(_ text: String) -> String {
    let redacted = secrets.redact(text, context: context)
    for (kind, count) in redacted.counts { counts[kind.rawValue, default: 0] += count }
    return maskCredentialURLs(in: redacted.text)
  }

  public mutating func redact(_ text: String?) -> String? {
    text.map { redact($0) }
  }

  /// Every string inside a JSON value redacted (recovery answers, labels).
  public mutating func redact(_ value: JSONValue) -> JSONValue {
    switch value {
    case .string(let text): return .string(redact(text))
    case .array(let items): return .array(items.map { redact($0) })
    case .object(let object): return .object(object.mapValues { redact($0) })
    default: return value
    }
  }

  public mutating func redact(_ text: LocalizedText) -> LocalizedText {
    LocalizedText(en: redact(text.english), zh: redact(text.simplifiedChinese))
  }

  /// Replaces URLs that carry userinfo, a query string or a key-like path segment with their
  /// masked form (`https://***@host/v3/***?***`). Explorer links stay readable: a segment that
  /// follows `tx`/`transaction`/`address`, or is a declared hash, is not a key.
  mutating func maskCredentialURLs(in text: String) -> String {
    guard text.contains("://") else { return text }
    var output = ""
    var rest = Substring(text)
    while let schemeRange = rest.range(of: "://") {
      // Walk back to the start of the scheme.
      var start = schemeRange.lowerBound
      while start > rest.startIndex, let previous = rest[rest.index(before: start)...].first,
        previous.isLetter || previous.isNumber || "+-.".contains(previous)
      {
        start = rest.index(before: start)
      }
      let end = rest[schemeRange.upperBound...].firstIndex { $0.isWhitespace || "<>\"'`)]}，。、".contains($0) } ?? rest.endIndex
      output += rest[..<start]
      let url = String(rest[start..<end])
      if carriesCredentials(url) {
        output += URLMasking.display(url)
        counts[Self.urlCredentialsKind, default: 0] += 1
      } else {
        output += url
      }
      rest = rest[end...]
    }
    return output + rest
  }

  private func carriesCredentials(_ url: String) -> Bool {
    guard let components = URLComponents(string: url), components.host != nil else {
      // Unparseable: mask only if it visibly holds userinfo.
      return url.split(separator: "/").dropFirst().first?.contains("@") ?? false
    }
    if components.user != nil || components.password != nil || components.query != nil { return true }
    let segments = components.path.split(separator: "/")
    for (index, segment) in segments.enumerated() where URLMasking.looksLikeKey(segment) {
      let previous = index > 0 ? segments[index - 1].lowercased() : ""
      let digits = segment.lowercased().hasPrefix("0x") ? String(segment.dropFirst(2)).lowercased() : segment.lowercased()
      if ["tx", "transaction", "address", "block", "token"].contains(previous) { continue }
      if context.declaredTransactionHashes.contains(digits) { continue }
      return true
    }
    return false
  }
}
