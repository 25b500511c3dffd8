/// `docs/channels.md`, generated from the bundled directory so the docs and the data can never
/// disagree (a test fails when the committed file is stale).
public enum ChannelDirectoryMarkdown {
  public static func render(_ directory: ChannelDirectory) -> String {
    var lines: [String] = [
      "# Official support channels",
      "",
      "<!-- Generated from Sources/WalletDoctorCore/Resources/channels/*.json by",
      "     `WALLETDOCTOR_UPDATE_DOCS=1 swift test --filter ChannelDocs`. Do not edit by hand. -->",
      "",
      "The directory behind `walletdoctor channels` and `walletdoctor channels --check`, and the",
      "official channel named in every `walletdoctor report`. Each entry links the page that states it",
      "and the day it was last checked against that page (walletdoctor itself never fetches them).",
      "Entries marked **unconfirmed** come only from third-party",
      "sources; the checker never calls them official. 中文说明见下方各钱包的“承诺”一栏及",
      "`walletdoctor channels --lang zh-Hans`。",
      "",
      "Real support never contacts you first and never asks for your recovery phrase or private key.",
      "真正的客服不会主动联系您，也绝不会索要您的助记词或私钥。",
      "",
    ]
    for wallet in directory.wallets {
      lines.append("## \(wallet.name) (`--wallet \(wallet.id)`)")
      lines.append("")
      lines.append("| Channel | Value | Note | Checked | Source |")
      lines.append("|---|---|---|---|---|")
      for entry in wallet.channels {
        var label = entry.platform?.label(.english) ?? entry.kind.label(.english)
        if let purpose = entry.purpose, purpose != .support { label += " — \(purpose.rawValue) only" }
        var note = entry.note?.english ?? ""
        if entry.uncertain { note = "**unconfirmed.** " + note }
        let source = entry.source.hasPrefix("https://") ? "[link](\(entry.source))" : entry.source
        lines.append("| \(label) | `\(entry.value)` | \(cell(note)) | \(entry.verified) | \(cell(source)) |")
      }
      lines.append("")
      lines.append("What \(wallet.name) says it will never do / 承诺：")
      lines.append("")
      for statement in wallet.never {
        lines.append("- \(statement.text.english) ([source](\(statement.source)), \(statement.verified))")
        lines.append("  \(statement.text.simplifiedChinese)")
      }
      lines.append("")
    }
    lines += checkerSection()
    return lines.joined(separator: "\n") + "\n"
  }

  private static func cell(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|")
  }

  private static func checkerSection() -> [String] {
    [
      "## How `channels --check` decides",
      "",
      "- **URLs** are judged by their host, as a browser reads it: userinfo (`https://token.im@evil.com`",
      "  goes to `evil.com`), port and trailing dot are removed, full-width characters and ideographic",
      "  dots are mapped, and punycode labels (`xn--…`) are decoded (RFC 3492).",
      "- **E-mail addresses** are judged by their domain: any address at an official domain is official",
      "  (the sender of a message can still be forged; write to the listed address yourself).",
      "- **Handles** (`@name`, or `x.com/name`, `t.me/name`) are compared case-insensitively with the",
      "  listed accounts of that platform.",
      "- **official** (exit 0): the host is an official domain or one of its subdomains, the address is",
      "  at one, or the handle is listed. Unconfirmed entries are reported as `unknown` with a note.",
      "- **lookalike** (exit 3): not official, but resembling a listed name. Names are folded to a",
      "  skeleton (accents dropped; Cyrillic and Greek letters that look Latin mapped to Latin; digits",
      "  that pass for letters, such as 0→o and 1→l, mapped; `rn`→`m`, `vv`→`w`) and compared word by",
      "  word with each wallet's distinctive words, with an edit distance of 1 (2 for long names) for",
      "  misspellings. An official domain anywhere but at the end (`token.im.evil.com`) is always a",
      "  look-alike. The result names the official entry imitated and the signals found.",
      "- **unknown** (exit 1): neither. That is not proof of a scam: use only the listed channels.",
      "",
    ]
  }
}
