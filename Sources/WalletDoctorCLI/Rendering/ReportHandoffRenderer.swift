import Foundation
import WalletDoctorCore

/// The short hand-off printed on stderr after a report is written: where to send it, to review
/// it first, and that support never asks for the phrase or key.
struct ReportHandoffRenderer {
  var language: Language
  var style: TerminalStyle

  private func text(_ english: String, _ chinese: String) -> String {
    LocalizedText(en: english, zh: chinese)(language)
  }

  func render(_ report: SupportReport, directory: URL) -> String {
    var lines: [String] = [""]
    lines.append(style.marker(.ok) + " " + style.bold(text("Support request \(report.caseID.value) is ready.", "支持请求 \(report.caseID.value) 已准备好。")))
    if let wallet = report.wallet {
      if let email = report.supportEmail {
        lines.append(
          "  " + text(
            "Send it to \(wallet.name)'s official support: \(email) (open request.eml, or paste 00-request.md into a new e-mail).",
            "请发送给 \(wallet.name) 官方客服：\(email)（打开 request.eml，或把 00-request.md 的内容粘贴到新邮件中）。"))
      } else if let form = report.requestForm {
        lines.append(
          "  " + (form.kind == .ticketForm
            ? text(
              "Submit it through \(wallet.name)'s official ticket form: \(form.value) (copy the fields from form-fields.json).",
              "请通过 \(wallet.name) 官方工单表单提交：\(form.value)（字段内容可从 form-fields.json 复制）。")
            : text(
              "Open a ticket at \(wallet.name)'s official help center: \(form.value) (copy the fields from form-fields.json).",
              "请在 \(wallet.name) 官方帮助中心提交工单：\(form.value)（字段内容可从 form-fields.json 复制）。")))
      }
      lines.append(
        "  " + text(
          "Other official channels: walletdoctor channels --wallet \(wallet.id)",
          "其他官方渠道：walletdoctor channels --wallet \(wallet.id)"))
    } else {
      lines.append(
        "  " + text(
          "Send it only through your wallet's official channels: walletdoctor channels",
          "请只通过钱包的官方渠道发送：walletdoctor channels"))
    }
    lines.append(
      "  " + text(
        "Review the files before sending. short.txt is the only one meant for public posts.",
        "发送前请检查这些文件。只有 short.txt 适合公开发布。"))
    lines.append(
      "  " + text(
        "Support will never ask for your recovery phrase or private key. Anyone who does is a scammer.",
        "客服绝不会索要您的助记词或私钥。任何索要的人都是骗子。"))
    if !report.redactions.isEmpty {
      let secrets = report.redactions.filter { $0.key != ReportRedactor.urlCredentialsKind }.values.reduce(0, +)
      let urls = report.redactions[ReportRedactor.urlCredentialsKind] ?? 0
      if secrets > 0 {
        lines.append(
          style.marker(.warning) + " " + text(
            "\(secrets) thing(s) you typed looked like a recovery phrase or private key and were replaced by [REDACTED]. If you have ever typed or sent them anywhere else, treat the wallet as compromised: walletdoctor recover stolen-funds",
            "您输入的内容中有 \(secrets) 处疑似助记词或私钥，已替换为 [REDACTED]。如果您曾在其他地方输入或发送过它们，请视为钱包已泄露：walletdoctor recover stolen-funds"))
      }
      if urls > 0 {
        lines.append(
          style.marker(.info) + " " + text(
            "\(urls) link(s) with passwords or keys in them were masked.",
            "已隐去 \(urls) 个包含密码或密钥的链接。"))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
