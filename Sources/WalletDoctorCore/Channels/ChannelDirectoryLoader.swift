import Foundation

/// Everything wrong with the bundled channel directory, reported at once so one edit fixes all.
public struct ChannelDirectoryError: Error, Sendable, Hashable, LocalizedError {
  public var problems: [String]

  public init(problems: [String]) {
    self.problems = problems
  }

  public var errorDescription: String? {
    "The channel directory is invalid (\(problems.count) problem\(problems.count == 1 ? "" : "s")):\n"
      + problems.map { "- \($0)" }.joined(separator: "\n")
  }
}

/// Reads `channels/index.json` and one `<wallet>.json` per wallet, and checks every rule the
/// checker relies on (sources, dates, value shapes, look-alike words pointing at real domains).
public enum ChannelDirectoryLoader {
  public static let schemaName = "walletdoctor.channels/1"
  public static let indexSchemaName = "walletdoctor.channels-index/1"

  private static let cache: Result<ChannelDirectory, ChannelDirectoryError> = {
    do {
      let folder = try ResourceLocator.url(for: "channels")
      return .success(try load(folder: folder))
    } catch let error as ChannelDirectoryError {
      return .failure(error)
    } catch {
      return .failure(ChannelDirectoryError(problems: [error.localizedDescription]))
    }
  }()

  /// The bundled directory (loaded once per process).
  static func loadBundled() throws(ChannelDirectoryError) -> ChannelDirectory {
    try cache.get()
  }

  /// Loads a directory folder (the bundled one, or a test fixture).
  public static func load(folder: URL) throws(ChannelDirectoryError) -> ChannelDirectory {
    var files: [String: Data] = [:]
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    for name in names where name.hasSuffix(".json") {
      files[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
    }
    return try decode(files: files)
  }

  /// Decodes and validates the files of a directory folder, keyed by file name.
  public static func decode(files: [String: Data]) throws(ChannelDirectoryError) -> ChannelDirectory {
    var problems: [String] = []
    guard let indexData = files["index.json"] else {
      throw ChannelDirectoryError(problems: ["index.json is missing"])
    }
    guard let index = try? JSONDecoder().decode(IndexFile.self, from: indexData) else {
      throw ChannelDirectoryError(problems: ["index.json is not a valid index (expected {schema, wallets: [id]})"])
    }
    if index.schema != indexSchemaName {
      problems.append("index.json: schema is '\(index.schema)', expected '\(indexSchemaName)'")
    }
    let listed = Set(index.wallets.map { $0 + ".json" })
    for name in files.keys.sorted() where name != "index.json" && !listed.contains(name) {
      problems.append("\(name) is not listed in index.json")
    }
    if Set(index.wallets).count != index.wallets.count {
      problems.append("index.json lists a wallet twice")
    }

    var wallets: [WalletChannels] = []
    for id in index.wallets {
      let fileName = id + ".json"
      guard let data = files[fileName] else {
        problems.append("\(fileName) is listed in index.json but missing")
        continue
      }
      let file: WalletFile
      do {
        file = try JSONDecoder().decode(WalletFile.self, from: data)
      } catch {
        problems.append("\(fileName): not a valid wallet file: \(describe(error))")
        continue
      }
      let (wallet, fileProblems) = validate(file, id: id)
      problems += fileProblems.map { "\(fileName): \($0)" }
      wallets.append(wallet)
    }
    problems += crossWalletProblems(wallets)
    if !problems.isEmpty { throw ChannelDirectoryError(problems: problems) }
    return ChannelDirectory(wallets: wallets)
  }

  // MARK: - Validation

  static func validate(_ file: WalletFile, id: String) -> (WalletChannels, [String]) {
    var problems: [String] = []
    if file.schema != schemaName { problems.append("schema is '\(file.schema)', expected '\(schemaName)'") }
    if file.wallet != id { problems.append("wallet is '\(file.wallet)' but the file is named \(id).json") }
    if file.name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("name is empty") }

    var entries: [ChannelEntry] = []
    for (position, raw) in file.channels.enumerated() {
      let label = "channels[\(position)] (\(raw.value))"
      problems += entryProblems(raw).map { "\(label): \($0)" }
      entries.append(
        ChannelEntry(
          kind: raw.kind, value: raw.value, platform: raw.platform, purpose: raw.purpose, note: raw.note?.text,
          verified: raw.verified, source: raw.source, uncertain: raw.uncertain ?? false))
    }
    let keys = entries.map { "\($0.kind.rawValue) \($0.value.lowercased())" }
    for key in Set(keys) where keys.filter({ $0 == key }).count > 1 {
      problems.append("duplicate entry \(key)")
    }
    let domains = entries.filter { $0.kind == .domain && !$0.uncertain }.map { $0.value.lowercased() }
    if domains.isEmpty { problems.append("no confirmed domain entry") }
    if !entries.contains(where: { [.helpCenter, .ticketForm, .email].contains($0.kind) && !$0.uncertain }) {
      problems.append("no confirmed help center, ticket form or e-mail to send a request to")
    }
    if file.never.isEmpty { problems.append("never is empty: every wallet needs what it says it will never do") }
    for (position, statement) in file.never.enumerated() {
      if !isDate(statement.verified) { problems.append("never[\(position)]: verified '\(statement.verified)' is not yyyy-MM-dd") }
      if !statement.source.hasPrefix("https://") { problems.append("never[\(position)]: source must be an https:// URL") }
      problems += textProblems(statement.text).map { "never[\(position)]: \($0)" }
    }
    for word in file.lookalikeWords {
      if word.word.isEmpty || !word.word.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) }) {
        problems.append("lookalike word '\(word.word)' must be lower-case ASCII letters and digits")
      }
      if !domains.contains(word.imitates) {
        problems.append("lookalike word '\(word.word)' imitates '\(word.imitates)', which is not one of this wallet's domains")
      }
    }
    if file.lookalikeWords.isEmpty { problems.append("lookalike_words is empty") }
    if file.aliases.contains(where: { $0 != $0.lowercased() }) { problems.append("aliases must be lower-case") }

    let wallet = WalletChannels(
      id: file.wallet, name: file.name, aliases: file.aliases,
      lookalikeWords: file.lookalikeWords.map { LookalikeWord(word: $0.word, match: $0.match, imitates: $0.imitates) },
      channels: entries, never: file.never.map { NeverStatement(text: $0.text.text, verified: $0.verified, source: $0.source) })
    return (wallet, problems)
  }

  static func entryProblems(_ raw: EntryFile) -> [String] {
    var problems: [String] = []
    let uncertain = raw.uncertain ?? false
    if !isDate(raw.verified) { problems.append("verified '\(raw.verified)' is not yyyy-MM-dd") }
    if raw.source.trimmingCharacters(in: .whitespaces).isEmpty {
      problems.append("source is empty")
    } else if !uncertain && !raw.source.hasPrefix("https://") {
      problems.append("source must be an https:// URL (only uncertain entries may describe their evidence instead)")
    }
    if let note = raw.note { problems += textProblems(note).map { "note: \($0)" } }
    switch raw.kind {
    case .domain:
      if raw.value != raw.value.lowercased() || raw.value.contains("/") || !raw.value.contains(".") {
        problems.append("a domain is a lower-case host name such as token.im")
      }
    case .email:
      let parts = raw.value.split(separator: "@", omittingEmptySubsequences: false)
      if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") { problems.append("not an e-mail address") }
      if raw.purpose == nil { problems.append("an e-mail entry needs a purpose") }
    case .social:
      guard let platform = raw.platform else {
        problems.append("a social entry needs a platform")
        break
      }
      if raw.value.hasPrefix("@") {
        if ![.x, .telegram].contains(platform) { problems.append("@handles are only for x and telegram; use a URL") }
        if raw.value.count < 2 || raw.value.contains(" ") { problems.append("not a handle") }
      } else if let parsed = try? CheckedAddress.parseURL(raw.value), raw.value.hasPrefix("https://") {
        if SocialPlatform.serving(host: parsed.host) != platform
          || platform.account(inPath: parsed.pathSegments) == nil
        {
          problems.append("the URL is not an account on \(platform.rawValue)")
        }
      } else {
        problems.append("a social entry is an @handle or an https:// URL")
      }
    case .inApp:
      if raw.value.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("in-app path is empty") }
    case .helpCenter, .ticketForm, .forum, .download, .verificationTool:
      if !raw.value.hasPrefix("https://") || (try? CheckedAddress.parseURL(raw.value)) == nil {
        problems.append("not an https:// URL")
      }
    }
    if raw.kind != .email && raw.purpose != nil { problems.append("purpose is only for e-mail entries") }
    if raw.kind != .social && raw.platform != nil { problems.append("platform is only for social entries") }
    return problems
  }

  static func textProblems(_ text: FileText) -> [String] {
    var problems: [String] = []
    if text.en.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("English text is empty") }
    if text.zhHans.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("Chinese text is empty") }
    return problems
  }

  /// A host must be official for one wallet only, or the checker's answer would depend on order.
  static func crossWalletProblems(_ wallets: [WalletChannels]) -> [String] {
    var owner: [String: String] = [:]
    var problems: [String] = []
    for wallet in wallets {
      for domain in wallet.officialDomains {
        if let other = owner[domain], other != wallet.id {
          problems.append("domain \(domain) is listed for both \(other) and \(wallet.id)")
        }
        owner[domain] = wallet.id
      }
    }
    return problems
  }

  static func isDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return false }
    return year >= 2000 && (1...12).contains(month) && (1...31).contains(day)
  }

  static func describe(_ error: Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, let context):
      return "missing key '\(key.stringValue)' at \(path(context))"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      return "wrong type at \(path(context))"
    case DecodingError.dataCorrupted(let context):
      return "\(context.debugDescription) at \(path(context))"
    default:
      return String(describing: error)
    }
  }

  private static func path(_ context: DecodingError.Context) -> String {
    let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
    return path.isEmpty ? "top level" : path
  }

  // MARK: - File shapes

  struct IndexFile: Decodable {
    var schema: String
    var wallets: [String]
  }

  struct FileText: Decodable {
    var en: String
    var zhHans: String
    var text: LocalizedText { LocalizedText(en: en, zh: zhHans) }
    enum CodingKeys: String, CodingKey {
      case en
      case zhHans = "zh-Hans"
    }
  }

  struct EntryFile: Decodable {
    var kind: ChannelKind
    var value: String
    var platform: SocialPlatform?
    var purpose: EmailPurpose?
    var note: FileText?
    var verified: String
    var source: String
    var uncertain: Bool?
  }

  struct NeverFile: Decodable {
    var text: FileText
    var verified: String
    var source: String
  }

  struct WordFile: Decodable {
    var word: String
    var match: LookalikeWord.Match
    var imitates: String
  }

  struct WalletFile: Decodable {
    var schema: String
    var wallet: String
    var name: String
    var aliases: [String]
    var lookalikeWords: [WordFile]
    var channels: [EntryFile]
    var never: [NeverFile]
    enum CodingKeys: String, CodingKey {
      case schema, wallet, name, aliases, channels, never
      case lookalikeWords = "lookalike_words"
    }
  }
}
