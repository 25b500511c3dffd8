import Testing
@testable import WalletDoctorCore

/// The TOML subset of the config file: what it reads, and that every malformed input is an error
/// with the right line rather than a crash or a silent guess.
@Suite("TOML parser")
struct TOMLParserTests {
  @Test func readsScalarsArraysAndTablesWithLines() throws {
    let document = try TOMLParser.parse(
      """
      # comment line
      title = "walletdoctor"   # trailing comment
      literal = 'C:\\path\\no escapes'
      escaped = "tab\\tquote\\" unicode \\u4E2D\\U0001F600"
      count = 1_000
      negative = -17
      hex = 0xff
      octal = 0o17
      binary = 0b101
      ratio = 2.5
      exponent = 1e3
      yes = true
      no = false
      list = [
        1, 2,  # comment inside
        3,
      ]
      mixed = ["a", { url = "b" }]
      inline = { a = 1, "b c" = "x", d.e = true }

      [server.main]
      host = "127.0.0.1"
      "quoted key" = 'v'

      [[items]]
      name = "first"

      [[items]]
      name = "second"
      [items.details]
      deep = 1
      """)
    #expect(document["title"] == TOMLNode(.string("walletdoctor"), line: 2))
    #expect(document["literal"]?.value == .string("C:\\path\\no escapes"))
    #expect(document["escaped"]?.value == .string("tab\tquote\" unicode 中😀"))
    #expect(document["count"]?.value == .integer(1000))
    #expect(document["negative"]?.value == .integer(-17))
    #expect(document["hex"]?.value == .integer(255))
    #expect(document["octal"]?.value == .integer(15))
    #expect(document["binary"]?.value == .integer(5))
    #expect(document["ratio"]?.value == .float(2.5))
    #expect(document["exponent"]?.value == .float(1000))
    #expect(document["yes"]?.value == .boolean(true))
    #expect(document["no"]?.value == .boolean(false))
    guard case .array(let list) = document["list"]?.value else { Issue.record("list"); return }
    #expect(list.map(\.value) == [.integer(1), .integer(2), .integer(3)])
    #expect(list.map(\.line) == [15, 15, 16])
    guard case .table(let inline) = document["inline"]?.value else { Issue.record("inline"); return }
    #expect(inline.keys == ["a", "b c", "d"])
    guard case .table(let server) = document["server"]?.value, case .table(let main) = server["main"]?.value else {
      Issue.record("server.main")
      return
    }
    #expect(main["host"] == TOMLNode(.string("127.0.0.1"), line: 22))
    #expect(main["quoted key"]?.value == .string("v"))
    guard case .array(let items) = document["items"]?.value, items.count == 2,
      case .table(let second) = items[1].value, case .table(let details) = second["details"]?.value
    else {
      Issue.record("items")
      return
    }
    #expect(second["name"]?.value == .string("second"))
    #expect(details["deep"]?.value == .integer(1))
    #expect(document.keys.first == "title")
  }

  @Test func acceptsCRLFAndAByteOrderMark() throws {
    let document = try TOMLParser.parse(Array("\u{FEFF}a = 1\r\nb = 'x'\r\n".utf8))
    #expect(document["a"]?.value == .integer(1))
    #expect(document["b"] == TOMLNode(.string("x"), line: 2))
  }

  @Test func aTableMayBeDefinedAfterItsChild() throws {
    let document = try TOMLParser.parse("[a.b]\nx = 1\n[a]\ny = 2\n")
    guard case .table(let a) = document["a"]?.value else { Issue.record("a"); return }
    #expect(a["y"]?.value == .integer(2))
  }

  /// Each malformed document and the line its error must name.
  @Test(arguments: [
    ("a = 1\na = 2\n", 2),
    ("[t]\nx = 1\n[t]\n", 3),
    ("a = 1\n[a]\n", 2),
    ("x = \"unterminated\n", 1),
    ("x = 'unterminated\n", 1),
    ("x = \"\"\"multi\nline\"\"\"\n", 1),
    ("x = 1979-05-27\n", 1),
    ("x = 07:32:00\n", 1),
    ("x = inf\n", 1),
    ("x = nan\n", 1),
    ("x = 012\n", 1),
    ("x = 1__0\n", 1),
    ("x = _1\n", 1),
    ("x = 1.\n", 1),
    ("x = .5\n", 1),
    ("x = 1e\n", 1),
    ("x = 99999999999999999999\n", 1),
    ("x = 0xZZ\n", 1),
    ("x = bare\n", 1),
    ("x = \n", 1),
    ("x 1\n", 1),
    ("= 1\n", 1),
    ("x = 1 y = 2\n", 1),
    ("\n\nx = [1, 2\n", 3),
    ("x = [1 2]\n", 1),
    ("x = { a = 1,\n b = 2 }\n", 1),
    ("x = { a = 1, }\n", 1),
    ("x = { a = 1 b = 2 }\n", 1),
    ("x = { a = 1, a = 2 }\n", 1),
    ("x = \"bad \\q escape\"\n", 1),
    ("x = \"\\uD800\"\n", 1),
    ("x = \"\\u12\"\n", 1),
    ("x = \"ctrl \u{01}\"\n", 1),
    ("[t\nx = 1\n", 1),
    ("[[t]\n", 1),
    ("[]\n", 1),
    ("a.b = 1\n[a]\n", 2),
    ("[[a]]\n[a]\n", 2),
    ("[a]\n[[a]]\n", 2),
    ("x = { a = 1 }\n[x]\n", 2),
    ("x = { a = 1 }\nx.b = 2\n", 2),
    ("[[a]]\nb = 1\n[a.b]\n", 3),
    ("ok = 1\n\n\nx = 'a'\r\n\r", 5),
  ])
  func malformedDocumentsNameTheLine(document: String, line: Int) {
    #expect(throws: TOMLSyntaxError.self) { try TOMLParser.parse(document) }
    do {
      _ = try TOMLParser.parse(document)
    } catch {
      #expect(error.line == line, "\(document.debugDescription): \(error.message.english)")
      #expect(!error.message.english.isEmpty && !error.message.simplifiedChinese.isEmpty)
    }
  }

  @Test func invalidUTF8IsRefusedWithItsLine() {
    var bytes = Array("a = 1\nb = \"".utf8)
    bytes += [0xC3, 0x28, 0x22, 0x0A]
    #expect(throws: TOMLSyntaxError(line: 2, LocalizedText(en: "the file is not valid UTF-8 text", zh: "文件不是有效的 UTF-8 文本"))) {
      try TOMLParser.parse(bytes)
    }
  }

  @Test func deepNestingIsRefusedNotACrash() {
    let depth = 10_000
    let text = "x = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
    #expect(throws: TOMLSyntaxError.self) { try TOMLParser.parse(text) }
    let inline = "x = " + String(repeating: "{ a = ", count: 100) + "1" + String(repeating: " }", count: 100)
    #expect(throws: TOMLSyntaxError.self) { try TOMLParser.parse(inline) }
    let allowed = "x = " + String(repeating: "[", count: 32) + String(repeating: "]", count: 32)
    #expect(throws: Never.self) { try TOMLParser.parse(allowed) }
  }

  @Test func errorsNeverQuoteValues() {
    let secret = "sk_live_0123456789abcdef"
    for document in ["x = \"\(secret)\n", "x = \(secret)\n", "x = [\"\(secret)\" 1]\n", "x = '\(secret)' junk\n"] {
      do {
        _ = try TOMLParser.parse(document)
        Issue.record("expected an error for \(document)")
      } catch {
        #expect(!error.message.english.contains(secret))
        #expect(!error.message.simplifiedChinese.contains(secret))
      }
    }
  }
}
