import Foundation

/// Renders a ``SupportReport`` into the six files of a report directory. Every file carries the
/// case id; user text in them has already been redacted by ``ReportBuilder``.
public enum ReportFiles {
  public static let request = "00-request.md"
  public static let email = "request.eml"
  public static let formFields = "form-fields.json"
  public static let shortPost = "short.txt"
  public static let reportJSON = "report.json"
  public static let manifest = "manifest.json"

  /// All six, in the order they are listed in the manifest (the manifest last).
  public static func render(_ report: SupportReport) throws -> [(name: String, data: Data)] {
    var files: [(name: String, data: Data)] = []
    files.append((request, Data(requestMarkdown(report).utf8)))
    files.append((email, mail(report).render()))
    files.append((formFields, Data(try JSONOutput.string(formFieldValues(report)).utf8)))
    files.append((shortPost, Data(ShortPost.text(for: report).utf8)))
    files.append((reportJSON, Data(try JSONOutput.string(ReportDocument(report)).utf8)))
    let manifest = ReportManifest(
      caseID: report.caseID,
      files: files.map { ReportManifest.File(name: $0.name, sha256: SHA256.hexDigest($0.data), size: $0.data.count) },
      redactions: report.redactions)
    files.append((Self.manifest, Data(try JSONOutput.string(manifest).utf8)))
    return files
  }

  /// The request in the user's language, then an English copy when that is not English:
  /// support teams read English.
  static func requestBody(_ report: SupportReport) -> String {
    var body = RequestText(report: report, language: report.language).render()
    if report.language != .english {
      body += "\n---\n\n" + "英文副本 · English copy: the same request in English, for the support team.\n\n"
      body += RequestText(report: report, language: .english).render()
    }
    return body
  }

  static func requestMarkdown(_ report: SupportReport) -> String {
    howToSend(report) + "\n" + requestBody(report)
  }

  /// The first lines of `00-request.md`: where to send it and the warning to review it.
  private static func howToSend(_ report: SupportReport) -> String {
    let language = report.language
    var lines: [String] = []
    let destination: LocalizedText
    if let email = report.supportEmail {
      destination = LocalizedText(en: "Send to: \(email) (\(report.wallet!.name)'s official support e-mail).", zh: "发送至：\(email)（\(report.wallet!.name) 官方客服邮箱）。")
    } else if let form = report.requestForm {
      let name = report.wallet!.name
      destination = form.kind == .ticketForm
        ? LocalizedText(en: "Submit through: \(form.value) (\(name)'s official ticket form).", zh: "提交至：\(form.value)（\(name) 官方工单表单）。")
        : LocalizedText(en: "Submit through: \(form.value) (\(name)'s official help center; open a ticket there).", zh: "提交至：\(form.value)（\(name) 官方帮助中心，在该页面提交工单）。")
    } else {
      destination = LocalizedText(
        en: "Send to your wallet's official support only; see `walletdoctor channels`.",
        zh: "请只发送给您钱包的官方客服；参见 `walletdoctor channels`。")
    }
    lines.append("> " + destination(language))
    lines.append(
      "> "
        + LocalizedText(
          en: "Review these files before sending. Support will never ask for your recovery phrase or private key.",
          zh: "发送前请检查这些文件。客服绝不会索要您的助记词或私钥。")(language))
    return lines.joined(separator: "\n") + "\n"
  }

  static func mail(_ report: SupportReport) -> MailMessage {
    var body = requestBody(report)
    if report.supportEmail == nil {
      // No official address: the mail cannot be sent as is; the form comes first.
      let form = report.requestForm?.value
      let first = form.map {
        LocalizedText(
          en: "Submit this request through the official form: \($0)",
          zh: "请通过官方表单提交本请求：\($0)")
      } ?? LocalizedText(
        en: "No wallet was named: send this only through your wallet's official channels (see `walletdoctor channels`).",
        zh: "未指定钱包：请只通过您钱包的官方渠道发送（参见 `walletdoctor channels`）。")
      var opening = first(report.language)
      if report.language != .english { opening += "\n" + first(.english) }
      body = opening + "\n\n" + body
    }
    return MailMessage(
      from: report.contact, to: report.supportEmail, subject: report.subject(report.language),
      date: report.createdAt, messageID: "\(report.caseID.value).\(UTCTime.compact(report.createdAt))@walletdoctor.invalid",
      caseID: report.caseID, body: body)
  }

  static func formFieldValues(_ report: SupportReport) -> ReportFormFields {
    ReportFormFields(
      subject: report.subject(report.language), description: requestBody(report),
      email: report.contact.flatMap(MailMessage.addressIfPlain) ?? "", category: report.category.rawValue,
      txHashes: report.transactions.map(\.hash), network: report.networks.joined(separator: ", "),
      appVersion: report.appVersion ?? "", device: report.device ?? "")
  }
}
