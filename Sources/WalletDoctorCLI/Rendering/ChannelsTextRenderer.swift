import WalletDoctorCore

/// Renders the channel directory and check verdicts for a person: the verdict first, then
/// why, then where to go instead.
struct ChannelsTextRenderer {
  var language: Language
  var style: TerminalStyle

  private func text(_ english: String, _ chinese: String) -> String {
    LocalizedText(en: english, zh: chinese)(language)
  }

  // MARK: - Directory

  func renderDirectory(_ wallets: [WalletChannels]) -> String {
    var lines: [String] = []
    lines.append(
      style.bold(
        text(
          "Official support channels, from each wallet's own pages. Use only these.",
          "官方客服渠道（来自各钱包自己的页面）。请只使用这些渠道。")))
    lines.append(
      text(
        "Real support never contacts you first and never asks for your recovery phrase or private key.",
        "真正的客服不会主动联系您，也绝不会索要您的助记词或私钥。"))
    for wallet in wallets {
      lines.append("")
      lines.append(contentsOf: walletLines(wallet))
    }
    lines.append("")
    lines.append(
      text(
        "[?] = unconfirmed: only third-party sources list it. Sources and dates for every entry: walletdoctor channels --json",
        "[?] = 未经确认：仅有第三方来源列出。每条信息的来源和核实日期见：walletdoctor channels --json"))
    return lines.joined(separator: "\n") + "\n"
  }

  private func walletLines(_ wallet: WalletChannels) -> [String] {
    var lines = [style.bold(wallet.name)]
    let width = wallet.channels.map { displayWidth(entryLabel($0)) }.max() ?? 0
    for entry in wallet.channels {
      let mark = entry.uncertain ? "[?]" : style.marker(.ok)
      let label = padded(entryLabel(entry), to: width)
      lines.append("  \(mark) \(label)  \(entry.value)")
      if let note = entry.note { lines.append(String(repeating: " ", count: width + 8) + note(language)) }
    }
    lines.append("  " + text("\(wallet.name) says:", "\(wallet.name) 声明："))
    for statement in wallet.never {
      lines.append("    - " + statement.text(language))
    }
    return lines
  }

  private func entryLabel(_ entry: ChannelEntry) -> String {
    if entry.kind == .social, let platform = entry.platform { return platform.label(language) }
    if entry.kind == .email, entry.purpose == .security {
      return text("Security reports", "漏洞报告")
    }
    if entry.kind == .email, entry.purpose == .impersonation {
      return text("Report impostors", "举报冒充者")
    }
    return entry.kind.label(language)
  }

  /// Columns a label takes in a terminal: CJK and full-width characters take two.
  private func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
      let wide: [ClosedRange<UInt32>] = [0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6]
      return width + (wide.contains { $0.contains(scalar.value) } ? 2 : 1)
    }
  }

  private func padded(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - displayWidth(text)))
  }

  // MARK: - Check

  func renderCheck(_ result: ChannelCheckResult) -> String {
    var lines: [String] = []
    let mark: String
    switch result.verdict {
    case .official: mark = style.marker(.ok)
    case .lookalike: mark = style.marker(.problem)
    case .unknown: mark = style.marker(.warning)
    }
    lines.append("\(mark) \(style.bold(result.headline(language)))")
    if let note = result.note {
      lines.append("    " + note(language))
    }
    if result.address.kind == .url, result.address.usedPunycode {
      lines.append("    " + text("Written as:", "原始写法：") + " " + result.input)
    }
    if !result.signals.isEmpty {
      lines.append("")
      lines.append(style.bold(text("Why", "原因")))
      for signal in result.signals {
        lines.append("  - " + signal.explanation(language))
      }
    }
    lines.append("")
    lines.append(style.bold(text("What to do", "怎么做")))
    for line in result.advice {
      lines.append("  - " + line(language))
    }
    let safe = result.safeChannels
    if let wallet = result.wallet, !safe.isEmpty {
      lines.append("")
      lines.append(style.bold(text("\(wallet.name)'s official channels", "\(wallet.name) 的官方渠道")))
      let width = safe.map { displayWidth(entryLabel($0)) }.max() ?? 0
      for entry in safe {
        lines.append("  \(padded(entryLabel(entry), to: width))  \(entry.value)")
      }
      if let never = wallet.never.first {
        lines.append("  " + never.text(language))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
