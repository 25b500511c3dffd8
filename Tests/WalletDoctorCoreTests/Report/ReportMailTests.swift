import Foundation
import TestSupport
import Testing

@testable import WalletDoctorCore

/// What Python's `email` package (a real MIME parser) reads from a request.eml.
struct ParsedMail: Decodable {
  var to: String
  var from: String
  var subject: String
  var contentType: String
  var charset: String?
  var body: String
  var defects: [String]

  enum CodingKeys: String, CodingKey {
    case to, from, subject, charset, body, defects
    case contentType = "content_type"
  }

  static let script = """
    import email, json, sys
    from email import policy
    with open(sys.argv[1], 'rb') as handle:
        message = email.message_from_binary_file(handle, policy=policy.default)
    body = message.get_body(preferencelist=('plain',))
    print(json.dumps({
        'to': str(message['To'] or ''), 'from': str(message['From'] or ''), 'subject': str(message['Subject']),
        'content_type': message.get_content_type(), 'charset': message.get_content_charset(),
        'body': body.get_content(), 'defects': [type(d).__name__ for d in message.defects],
    }))
    """

  /// Parses `file` with python3 on a thread of its own (waiting for the child must not hold a
  /// cooperative thread); the test fails, not skips, when python3 is missing.
  static func parse(_ file: URL) async throws -> ParsedMail {
    try await withCheckedThrowingContinuation { continuation in
      Thread { continuation.resume(with: Result { try parseBlocking(file) }) }.start()
    }
  }

  private static func parseBlocking(_ file: URL) throws -> ParsedMail {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, file.path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Read to the end before waiting, so a full pipe cannot deadlock the child.
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CocoaError(.fileReadCorruptFile) }
    return try JSONDecoder().decode(ParsedMail.self, from: data)
  }
}

@Suite("Support report: request.eml")
struct ReportMailTests {
  @Test func pythonsMIMEParserReadsToSubjectAndAUTF8Body() async throws {
    let temporary = TemporaryDirectory("report")
    let input = ReportInput(
      wallet: ReportFixture.wallet("imtoken"), transactions: [try TransactionReference.parse(ReportFixture.pendingHash)],
      problem: "转账卡住了，已经两个小时。", contact: "alice@example.com", language: .simplifiedChinese)
    let directory = try await ReportFixture.write(input, in: temporary.url)
    let report = try ReportFixture.json(directory, ReportFiles.reportJSON)
    let mail = try await ParsedMail.parse(directory.appendingPathComponent(ReportFiles.email))

    #expect(mail.to == "support@token.im")
    #expect(mail.from == "alice@example.com")
    #expect(mail.subject == report["subject"] as? String)
    #expect(mail.subject.hasPrefix("[\(ReportFixture.caseID().value)] imToken："))
    #expect(mail.contentType == "text/plain")
    #expect(mail.charset == "utf-8")
    #expect(mail.body.contains("转账卡住了，已经两个小时。"))
    #expect(mail.body.contains("## Problem"))
    #expect(mail.body.contains(ReportFixture.pendingHash))
    #expect(mail.defects.isEmpty)
  }

  @Test func walletWithoutSupportEmailLeavesToEmptyAndStartsWithTheTicketForm() async throws {
    let temporary = TemporaryDirectory("report")
    let input = ReportInput(wallet: ReportFixture.wallet("metamask"), problem: "Help please.")
    let directory = try await ReportFixture.write(input, in: temporary.url)
    let mail = try await ParsedMail.parse(directory.appendingPathComponent(ReportFiles.email))
    #expect(mail.to == "")
    #expect(mail.body.hasPrefix("Submit this request through the official form: https://support.metamask.io/hc/en-us/requests/new"))
    #expect(mail.from.contains("your-address@example.invalid"))
  }

  @Test func withoutAWalletToIsEmptyAndTheBodySaysWhereToSendIt() async throws {
    let temporary = TemporaryDirectory("report")
    let directory = try await ReportFixture.write(ReportInput(problem: "Which wallet? I do not remember."), in: temporary.url)
    let mail = try await ParsedMail.parse(directory.appendingPathComponent(ReportFiles.email))
    #expect(mail.to == "")
    #expect(mail.body.hasPrefix("No wallet was named"))
    #expect(mail.subject.hasPrefix("[\(ReportFixture.caseID().value)] Wallet: Other question"))
    let short = ReportFixture.read(directory, ReportFiles.shortPost)
    #expect(short.contains("my wallet's official support"))
  }

  @Test func headersAreASCIIAndNoLineExceeds998Octets() async throws {
    let temporary = TemporaryDirectory("report")
    let longLine = String(repeating: "很长的描述没有换行", count: 200) + " end"
    let input = ReportInput(
      wallet: ReportFixture.wallet("coinbase"), problem: longLine, contact: "用户@例子.公司", device: "设备 é",
      language: .simplifiedChinese)
    let directory = try await ReportFixture.write(input, in: temporary.url)
    let raw = try #require(FileManager.default.contents(atPath: directory.appendingPathComponent(ReportFiles.email).path))
    let text = String(decoding: raw, as: UTF8.self)
    let parts = try #require(text.range(of: "\r\n\r\n"))
    let headers = text[..<parts.lowerBound]
    let asciiOnly = headers.unicodeScalars.allSatisfy { $0.isASCII }
    #expect(asciiOnly)
    for line in text.components(separatedBy: "\r\n") {
      #expect(line.utf8.count <= 998)
    }
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare LF in an RFC 5322 message")
    // A non-ASCII contact cannot stand in an ASCII header: the placeholder is used, the body keeps it.
    let mail = try await ParsedMail.parse(directory.appendingPathComponent(ReportFiles.email))
    #expect(mail.from.contains("your-address@example.invalid"))
    #expect(mail.body.contains("用户@例子.公司"))
    #expect(mail.body.replacingOccurrences(of: "\n", with: "").contains(longLine.replacingOccurrences(of: " ", with: "")) || mail.body.contains("end"))
  }

  @Test func encodedWordsNeverSplitACharacter() {
    let subject = "[WD-7K3F-9Q2M] imToken：转账未确认（Ethereum、BNB Smart Chain）😀"
    let words = MailMessage.encodedWords(subject)
    #expect(words.count > 1)
    var decoded = ""
    for word in words {
      #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
      #expect(word.count <= 75)
      let payload = String(word.dropFirst(10).dropLast(2))
      let data = try! #require(Data(base64Encoded: payload))
      let piece = try! #require(String(data: data, encoding: .utf8))
      decoded += piece
    }
    #expect(decoded == subject)
  }
}
