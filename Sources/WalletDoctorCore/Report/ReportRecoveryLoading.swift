import Foundation

extension ReportRecovery {
  /// A saved session as a report uses it: the `walletdoctor.recovery/1` document in `language`,
  /// and each answered step as "question: answer" in both languages.
  public init(session: RecoverySession, flow: RecoveryFlow, language: Language) {
    let english = RecoveryDocument(session: session, flow: flow, language: .english)
    let chinese = RecoveryDocument(session: session, flow: flow, language: .simplifiedChinese)
    let chosen = language == .english ? english : chinese
    let document = (try? JSONOutput.encoder().encode(chosen)).flatMap(JSONValue.parse) ?? .null

    var tried = zip(english.path, chinese.path).map { en, zh in
      LocalizedText(en: "\(en.question): \(en.answerLabel)", zh: "\(zh.question)：\(zh.answerLabel)")
    }
    if let note = session.diagnosis {
      tried.append(
        LocalizedText(
          en: "walletdoctor checked \(note.query): \(note.summary.english)",
          zh: "walletdoctor 查询了 \(note.query)：\(note.summary.simplifiedChinese)"))
    }
    if session.solved == false {
      tried.append(LocalizedText(en: "Did this solve it? No.", zh: "问题解决了吗？没有。"))
    }
    let outcome = zip([english.outcome], [chinese.outcome]).compactMap { en, zh -> LocalizedText? in
      guard let en, let zh else { return nil }
      return LocalizedText(en: en.title, zh: zh.title)
    }.first
    var hashes: [String] = []
    for entry in session.path where flow.step(entry.step)?.expects == .transactionHash {
      if let text = entry.answer.stringValue, let reference = try? TransactionReference.parse(text) {
        hashes.append(reference.hexDigits)
      }
    }
    if let query = session.diagnosis?.query, let reference = try? TransactionReference.parse(query) {
      hashes.append(reference.hexDigits)
    }
    self.init(
      sessionID: session.sessionID, flow: session.flow, walletID: session.wallet.rawValue, document: document,
      flowTitle: flow.title, tried: tried, outcome: outcome, transactionHashes: hashes)
  }

  /// Loads `--recovery latest|SESSION_ID` from `store`. Errors are usage errors that say where
  /// walletdoctor looked; they never quote a session's content.
  public static func load(
    _ selector: String, store: RecoverySessionStore, flows: [RecoveryFlow], language: Language
  ) throws(InputError) -> ReportRecovery {
    let session: RecoverySession
    if selector.lowercased() == "latest" {
      guard let newest = store.all().sessions.first else {
        throw InputError(
          LocalizedText(
            en: "There is no saved recovery session in \(store.directory.path). Run `walletdoctor recover` first, or leave out --recovery.",
            zh: "\(store.directory.path) 中没有已保存的恢复会话。请先运行 `walletdoctor recover`，或去掉 --recovery。"))
      }
      session = newest
    } else {
      guard RecoverySession.isValidID(selector) else {
        throw InputError(
          LocalizedText(
            en: "--recovery takes `latest` or a session id (they look like 20250131-080509-ab3k).",
            zh: "--recovery 的值应为 `latest` 或会话 id（格式如 20250131-080509-ab3k）。"))
      }
      let loaded: RecoverySession?
      do {
        loaded = try store.load(selector)
      } catch {
        throw InputError(error.localizedText)
      }
      guard let loaded else {
        throw InputError(
          LocalizedText(
            en: "No saved recovery session \(selector) in \(store.directory.path).",
            zh: "\(store.directory.path) 中没有已保存的恢复会话 \(selector)。"))
      }
      session = loaded
    }
    guard let flow = flows.first(where: { $0.id == session.flow }) else {
      throw InputError(
        LocalizedText(
          en: "The saved session \(session.sessionID) refers to a guide this version does not have.",
          zh: "已保存的会话 \(session.sessionID) 引用了当前版本没有的指引。"))
    }
    return ReportRecovery(session: session, flow: flow, language: language)
  }
}
