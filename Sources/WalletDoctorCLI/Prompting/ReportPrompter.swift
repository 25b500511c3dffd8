import Foundation
import WalletDoctorCore

/// Asks `report`'s missing fields on a terminal: prompts on stderr, answers from stdin. A typed
/// answer that holds a secret is taken off the screen, refused with an explanation and asked again,
/// so it never reaches the report at all.
struct ReportPrompter {
  var language: Language
  var style: TerminalStyle
  /// Reads one line; nil at end of input. Injected so the questions can be tested without a terminal.
  var readLine: () -> String? = { Swift.readLine(strippingNewline: true) }
  var write: (String) -> Void = Console.err
  /// Whether the screen can be edited (erase a refused line).
  var isTerminal = Console.stderrIsTerminal
  var detector: SecretDetector?

  private func text(_ english: String, _ chinese: String) -> String {
    LocalizedText(en: english, zh: chinese)(language)
  }

  /// The wallet, chosen by number or name; nil when skipped.
  func askWallet(_ directory: ChannelDirectory) -> WalletChannels? {
    var lines = ["", style.bold("? " + text("Which wallet is this about?", "这是关于哪个钱包的问题？"))]
    for (index, wallet) in directory.wallets.enumerated() {
      lines.append("  \(index + 1)) \(wallet.name)")
    }
    lines.append("(" + text("number or name; Enter to skip", "输入编号或名称；直接回车跳过") + ")")
    write(lines.joined(separator: "\n") + "\n")
    while true {
      write("> ")
      guard let answer = readLine()?.trimmingCharacters(in: .whitespaces), !answer.isEmpty else { return nil }
      if let number = Int(answer), directory.wallets.indices.contains(number - 1) { return directory.wallets[number - 1] }
      if let wallet = directory.wallet(named: answer) { return wallet }
      write(style.marker(.warning) + " " + text("Not one of the listed wallets; try again.", "不在列表中，请重新输入。") + "\n")
    }
  }

  /// The problem in the user's words, several lines, ended by an empty line; nil when skipped.
  func askProblem() -> String? {
    write(
      "\n" + style.bold("? " + text("Describe the problem in your own words.", "请用自己的话描述遇到的问题。")) + "\n"
        + "(" + text(
          "what happened, when, what you expected; finish with an empty line. Never include your recovery phrase or private key.",
          "发生了什么、什么时候、您期望的结果；以空行结束。绝不要填写助记词或私钥。") + ")\n")
    while true {
      var lines: [String] = []
      var rows = 0
      write("> ")
      while let line = readLine() {
        rows += 1 + line.count / 80
        if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
        lines.append(line)
        write("> ")
      }
      let answer = lines.joined(separator: "\n")
      if answer.isEmpty { return nil }
      if refuseIfSecret(answer, rows: rows) { continue }
      return answer
    }
  }

  /// An e-mail address for support's reply; nil when skipped.
  func askContact() -> String? {
    write(
      "\n" + style.bold("? " + text("Your e-mail address for support's reply", "用于接收客服回复的电子邮箱")) + "\n("
        + text("Enter to skip", "直接回车跳过") + ")\n")
    while true {
      write("> ")
      guard let answer = readLine()?.trimmingCharacters(in: .whitespaces), !answer.isEmpty else { return nil }
      if refuseIfSecret(answer, rows: 1 + answer.count / 80) { continue }
      guard answer.contains("@"), answer.contains(".") else {
        write(style.marker(.warning) + " " + text("That is not an e-mail address; try again.", "这不是电子邮箱地址，请重新输入。") + "\n")
        continue
      }
      return answer
    }
  }

  /// Erases `rows` answered rows, explains the refusal; true when `answer` held a secret.
  private func refuseIfSecret(_ answer: String, rows: Int) -> Bool {
    guard let detector else { return false }
    let matches = detector.scan(answer, context: .freeText)
    guard !matches.isEmpty else { return false }
    if isTerminal { write(String(repeating: "\u{1B}[1A\u{1B}[2K", count: rows) + "\r") }
    write(style.marker(.problem) + " " + SecretRefusal.message(for: matches.map(\.kind))(language) + "\n")
    return true
  }
}
