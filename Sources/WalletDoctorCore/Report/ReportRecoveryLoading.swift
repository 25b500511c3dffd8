import Foundation

extension ReportRecovery {
  /// Loads `--recovery latest|SESSION_ID` from `store`. Errors are usage errors that say where
  /// walletdoctor looked; they never quote a session's content.
  public static func load(
    _ selector: String, store: RecoverySessionStore, flows: [RecoveryFlow]
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
    return ReportRecovery(session: session, flow: flow)
  }
}
