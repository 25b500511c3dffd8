import Foundation

/// An RFC 5322 message for a mail client to open: ASCII-only headers (the subject as RFC 2047
/// encoded words), a UTF-8 plain-text body sent as 8bit, CRLF line ends, and no line longer than
/// 998 octets. walletdoctor writes it; it never sends it.
struct MailMessage {
  /// Shown when the user gave no usable contact address, so the mail client asks for one.
  static let placeholderFrom = "\"Your e-mail address (fill in)\" <your-address@example.invalid>"
  static let maximumLineOctets = 998

  var from: String?
  var to: String?
  var subject: String
  var date: Date
  var messageID: String
  var caseID: CaseID
  var body: String

  func render() -> Data {
    var headers: [String] = []
    headers.append("From: " + (from.flatMap(Self.addressIfPlain) ?? Self.placeholderFrom))
    headers.append("To: " + (to.flatMap(Self.addressIfPlain) ?? ""))
    headers.append("Subject: " + Self.encodedWords(subject).joined(separator: "\r\n "))
    headers.append("Date: " + UTCTime.rfc5322(date))
    headers.append("Message-ID: <\(messageID)>")
    headers.append("MIME-Version: 1.0")
    headers.append("Content-Type: text/plain; charset=UTF-8")
    headers.append("Content-Transfer-Encoding: 8bit")
    headers.append("X-Walletdoctor-Case: " + caseID.value)
    let bodyLines = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
      .split(separator: "\n", omittingEmptySubsequences: false)
      .flatMap { Self.wrap(String($0)) }
    let text = headers.joined(separator: "\r\n") + "\r\n\r\n" + bodyLines.joined(separator: "\r\n") + "\r\n"
    return Data(text.utf8)
  }

  /// `address` when it is a plain ASCII addr-spec that can stand in a header as is; nil otherwise
  /// (non-ASCII, spaces, a redaction marker, anything a header could be abused with).
  static func addressIfPlain(_ address: String) -> String? {
    let pattern = "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$"
    guard address.count <= 254, address.range(of: pattern, options: .regularExpression) != nil else { return nil }
    return address
  }

  /// The subject as RFC 2047 `B` encoded words of at most 39 UTF-8 octets each (64 characters per
  /// word, so each folded line stays under 78), never splitting a character.
  static func encodedWords(_ text: String) -> [String] {
    var words: [String] = []
    var chunk = ""
    for character in text {
      if chunk.utf8.count + String(character).utf8.count > 39, !chunk.isEmpty {
        words.append(encode(chunk))
        chunk = ""
      }
      chunk.append(character)
    }
    if !chunk.isEmpty || words.isEmpty { words.append(encode(chunk)) }
    return words
  }

  private static func encode(_ chunk: String) -> String {
    "=?UTF-8?B?" + Data(chunk.utf8).base64EncodedString() + "?="
  }

  /// Splits a line longer than the limit, at a space when there is one, never inside a character.
  static func wrap(_ line: String) -> [String] {
    guard line.utf8.count > maximumLineOctets else { return [line] }
    var pieces: [String] = []
    var rest = Substring(line)
    while rest.utf8.count > maximumLineOctets {
      var cut = rest.startIndex
      var octets = 0
      var lastSpace: String.Index?
      for index in rest.indices {
        let size = String(rest[index]).utf8.count
        if octets + size > maximumLineOctets { break }
        octets += size
        cut = rest.index(after: index)
        if rest[index] == " " { lastSpace = rest.index(after: index) }
      }
      if let lastSpace, lastSpace > rest.startIndex { cut = lastSpace }
      pieces.append(String(rest[..<cut]))
      rest = rest[cut...]
    }
    pieces.append(String(rest))
    return pieces
  }
}
