import Foundation

/// A saved recovery session as a report uses it: the `walletdoctor.recovery/1` object for
/// `report.json`, and what the user already tried, in both languages, for the request text.
///
/// It keeps the session and its flow rather than rendered text, so that redaction can reach
/// exactly what the user typed (free-text answers) and nothing the tool wrote: the flow's own
/// Chinese sentences must not be mistaken for an unspaced recovery phrase.
public struct ReportRecovery: Sendable, Hashable {
  public var session: RecoverySession
  public var flow: RecoveryFlow

  public init(session: RecoverySession, flow: RecoveryFlow) {
    self.session = session
    self.flow = flow
  }

  public var sessionID: String { session.sessionID }
  /// The flow id (`stuck-transfer`, …); decides the report's category.
  public var flowID: String { session.flow }
  /// The wallet the session was about (a directory id).
  public var walletID: String { session.wallet.rawValue }
  public var flowTitle: LocalizedText { flow.title }

  /// Whether the answer of `entry` is text the user typed (not an option id or `true`).
  private func isTypedText(_ entry: RecoverySession.Entry) -> Bool {
    guard let text = entry.answer.stringValue else { return false }
    return flow.step(entry.step)?.option(text) == nil
  }

  /// Transaction hashes the session recorded as such (answers to "paste the transaction hash",
  /// the hash it diagnosed), as 64 lower-case hex digits: like `--tx`, they are not keys.
  public var transactionHashes: [String] {
    var hashes: [String] = []
    for entry in session.path where flow.step(entry.step)?.expects == .transactionHash {
      if let text = entry.answer.stringValue, let reference = try? TransactionReference.parse(text) {
        hashes.append(reference.hexDigits)
      }
    }
    if let query = session.diagnosis?.query, let reference = try? TransactionReference.parse(query) {
      hashes.append(reference.hexDigits)
    }
    return hashes
  }

  /// A copy whose typed answers went through `redact`.
  public func redactingTypedAnswers(_ redact: (String) -> String) -> ReportRecovery {
    var copy = self
    copy.session.path = session.path.map { entry in
      guard isTypedText(entry), let text = entry.answer.stringValue else { return entry }
      return RecoverySession.Entry(step: entry.step, answer: .string(redact(text)))
    }
    return copy
  }

  /// The `walletdoctor.recovery/1` object in `language`.
  public func document(_ language: Language) -> JSONValue {
    let document = RecoveryDocument(session: session, flow: flow, language: language)
    return (try? JSONOutput.encoder().encode(document)).flatMap(JSONValue.parse) ?? .null
  }

  /// One line per answered step ("question → answer"), then the in-place check and whether it helped.
  public var tried: [LocalizedText] {
    let english = RecoveryDocument(session: session, flow: flow, language: .english)
    let chinese = RecoveryDocument(session: session, flow: flow, language: .simplifiedChinese)
    var lines = zip(english.path, chinese.path).map { en, zh in
      LocalizedText(en: "\(en.question) → \(en.answerLabel)", zh: "\(zh.question) → \(zh.answerLabel)")
    }
    if let note = session.diagnosis {
      lines.append(
        LocalizedText(
          en: "walletdoctor checked \(note.query): \(note.summary.english)",
          zh: "walletdoctor 查询了 \(note.query)：\(note.summary.simplifiedChinese)"))
    }
    if session.solved == false {
      lines.append(LocalizedText(en: "Did this solve it? → No", zh: "问题解决了吗？ → 没有"))
    }
    return lines
  }

  /// The outcome the walk reached, if any.
  public var outcome: LocalizedText? {
    guard let id = session.outcome, let outcome = flow.step(id)?.outcome else { return nil }
    return outcome.title
  }
}
