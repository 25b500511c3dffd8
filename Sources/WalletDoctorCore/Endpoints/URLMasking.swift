import Foundation

/// Masks the secret-bearing parts of an endpoint URL before it is shown anywhere: userinfo,
/// the query string, and path segments that look like API keys.
public enum URLMasking {
  public static let mask = "***"

  /// `https://user:pass@host/v3/0123abcd…?key=x` → `https://***@host/v3/***?***`.
  public static func display(_ url: URL) -> String {
    display(url.absoluteString)
  }

  public static func display(_ text: String) -> String {
    guard var components = URLComponents(string: text), components.host != nil else {
      return text.isEmpty ? text : mask
    }
    let hadUserInfo = components.user != nil || components.password != nil
    components.user = nil
    components.password = nil
    let hadQuery = components.query != nil
    components.query = nil
    components.fragment = nil
    let segments = components.path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
      looksLikeKey(segment) ? mask : String(segment)
    }
    components.path = segments.joined(separator: "/")
    var result = components.string ?? mask
    // URLComponents percent-encodes "***"; show it plainly.
    result = result.replacingOccurrences(of: "%2A%2A%2A", with: mask)
    if hadUserInfo, let schemeEnd = result.range(of: "://") {
      result.insert(contentsOf: mask + "@", at: schemeEnd.upperBound)
    }
    if hadQuery { result += "?" + mask }
    return result
  }

  /// A path segment that is probably a credential: long and mixing letters with digits, or long hex.
  static func looksLikeKey(_ segment: Substring) -> Bool {
    guard segment.count >= 16 else { return false }
    let hasDigit = segment.contains(where: \.isNumber)
    let hasLetter = segment.contains(where: \.isLetter)
    let tokenCharacters = segment.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    return tokenCharacters && hasDigit && hasLetter
  }

  /// Replaces every occurrence of each secret (a key, a password) in free text, e.g. an error
  /// message a server echoed back.
  public static func scrub(_ text: String, secrets: [String]) -> String {
    secrets.filter { $0.count >= 4 }.reduce(text) { $0.replacingOccurrences(of: $1, with: mask) }
  }
}
