import Foundation

/// A walk through a flow as saved in the state directory (`sessions/<id>.json`), so it can be
/// resumed and a support report can say what the user already tried.
///
/// It holds answers, never secrets: text answers are stored only after the secret guard passed
/// them, and a refused answer leaves only a warning naming its kind.
public struct RecoverySession: Sendable, Hashable, Codable {
  public static let schemaName = "walletdoctor.recovery-session/1"

  public enum Status: String, Sendable, Hashable, Codable {
    case incomplete
    case completed
  }

  /// One answered step.
  public struct Entry: Sendable, Hashable, Codable {
    public var step: String
    /// An option id (choice, and `yes`/`no` for confirm), `true` (instruction) or the text.
    public var answer: JSONValue

    public init(step: String, answer: JSONValue) {
      self.step = step
      self.answer = answer
    }
  }

  public var schema: String
  public var sessionID: String
  public var flow: String
  public var wallet: WalletID
  public var language: Language
  public var status: Status
  /// ISO 8601, UTC, with milliseconds.
  public var createdAt: String
  public var updatedAt: String
  public var path: [Entry]
  /// The step to ask next; nil once an outcome is reached.
  public var currentStep: String?
  /// The outcome step reached.
  public var outcome: String?
  /// The answer to "Did this solve it?", when given.
  public var solved: Bool?
  /// What the in-place diagnosis found (stuck-transfer).
  public var diagnosis: DiagnosisNote?
  /// Things the user should know about this walk (a refused secret, an unanswered endpoint).
  public var warnings: [LocalizedText]

  public init(sessionID: String, flow: String, wallet: WalletID, language: Language, start: String, now: Date) {
    schema = Self.schemaName
    self.sessionID = sessionID
    self.flow = flow
    self.wallet = wallet
    self.language = language
    status = .incomplete
    createdAt = ISO8601.string(now)
    updatedAt = createdAt
    path = []
    currentStep = start
    outcome = nil
    solved = nil
    diagnosis = nil
    warnings = []
  }

  enum CodingKeys: String, CodingKey {
    case schema, flow, wallet, status, path, outcome, solved, diagnosis, warnings
    case sessionID = "session_id"
    case language = "lang"
    case createdAt = "created_at"
    case updatedAt = "updated_at"
    case currentStep = "current_step"
  }

  /// Adds `warning` unless the same one is already there.
  mutating func warn(_ warning: LocalizedText) {
    if !warnings.contains(warning) { warnings.append(warning) }
  }

  /// Makes a new session id: UTC time (so ids sort by age) and four random characters.
  public static func newID(now: Date) -> String {
    let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
    let suffix = String((0..<4).map { _ in alphabet.randomElement()! })
    return ISO8601.compact(now) + "-" + suffix
  }

  /// Whether `id` has the shape of a session id: it becomes a file name, so nothing else passes.
  public static func isValidID(_ id: String) -> Bool {
    id.range(of: "^[0-9]{8}-[0-9]{6}-[a-z0-9]{4}$", options: .regularExpression) != nil
  }
}

/// The part of a diagnosis a recovery walk keeps: enough to explain the route taken and to
/// prefill a report, in both languages.
public struct DiagnosisNote: Sendable, Hashable, Codable {
  public var query: String
  public var chain: String?
  public var status: DiagnosisStatus
  public var summary: LocalizedText
  public var recommendations: [LocalizedText]
  /// What limits trust in the verdict (it rests on one endpoint, endpoints disagreed, some
  /// failed): a scripted walk shows no full diagnosis, so these travel with the summary.
  public var cautions: [LocalizedText]

  public init(_ diagnosis: Diagnosis) {
    query = diagnosis.query
    chain = diagnosis.chain
    status = diagnosis.status
    summary = diagnosis.summary
    recommendations = diagnosis.recommendations.map(\.message)
    cautions = diagnosis.findings.filter { ReasonCode.sourceCaveats.contains($0.code) }.map(\.message)
  }

  enum CodingKeys: String, CodingKey {
    case query, chain, status, summary, recommendations, cautions
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    query = try container.decode(String.self, forKey: .query)
    chain = try container.decodeIfPresent(String.self, forKey: .chain)
    status = try container.decode(DiagnosisStatus.self, forKey: .status)
    summary = try container.decode(LocalizedText.self, forKey: .summary)
    recommendations = try container.decode([LocalizedText].self, forKey: .recommendations)
    // Sessions saved before cautions existed have none.
    cautions = try container.decodeIfPresent([LocalizedText].self, forKey: .cautions) ?? []
  }
}

/// UTC timestamps without a shared formatter (formatters are not Sendable).
enum ISO8601 {
  private static func components(_ date: Date) -> DateComponents {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
  }

  private static func pad(_ value: Int?, _ width: Int = 2) -> String {
    let text = String(value ?? 0)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }

  /// `2025-01-31T08:05:09.123Z`: milliseconds, so that "latest" is well defined between runs
  /// started within the same second.
  static func string(_ date: Date) -> String {
    let c = components(date)
    let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded(.down)) % 1000
    return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second)).\(pad((milliseconds + 1000) % 1000, 3))Z"
  }

  /// `20250131-080509`
  static func compact(_ date: Date) -> String {
    let c = components(date)
    return "\(pad(c.year, 4))\(pad(c.month))\(pad(c.day))-\(pad(c.hour))\(pad(c.minute))\(pad(c.second))"
  }
}
