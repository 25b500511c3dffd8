import Foundation
import WalletDoctorCore

/// Asks recovery questions on the terminal: prompts on stderr, answers from stdin, numbered
/// options, and care with what is echoed (a refused secret's line is erased from the screen).
final class TerminalPrompter: RecoveryPrompter, @unchecked Sendable {
  private let language: Language
  private let style: TerminalStyle
  /// How many screen rows the last answer took, to erase them when it is refused.
  private var lastAnswerRows = 0

  init(language: Language, style: TerminalStyle) {
    self.language = language
    self.style = style
    InterruptFlag.install()
  }

  func ask(_ question: PromptQuestion) async -> PromptInput {
    var lines: [String] = [""]
    if let detail = question.detail { lines.append(detail) }
    lines.append(style.bold("? " + question.prompt))
    for option in question.options where question.kind == .choice {
      lines.append("  \(option.number)) \(option.label)")
    }
    if let problem = question.problem { lines.append(style.marker(.warning) + " " + problem) }
    lines.append("(" + question.hint + ")")
    Console.err(lines.joined(separator: "\n") + "\n")
    let promptText = question.kind == .confirm ? "[y/n] > " : "> "
    Console.err(promptText)
    let input = Self.readAnswer()
    if case .line(let text) = input {
      lastAnswerRows = Self.rows(of: promptText, text)
    }
    return input
  }

  func show(_ notice: PromptNotice) async {
    switch notice {
    case .message(let text):
      Console.err(text + "\n")
    case .secretRefused(let text):
      if Console.stderrIsTerminal {
        // Take the pasted secret off the screen: up one row and clear it, for each row it used.
        Console.err(String(repeating: "\u{1B}[1A\u{1B}[2K", count: lastAnswerRows) + "\r")
      }
      Console.err(style.marker(.problem) + " " + text + "\n")
    case .progress(let text):
      Console.err(text + "\n")
    case .diagnosis(let diagnosis):
      Console.err("\n" + DiagnosisTextRenderer(language: language, style: style, verbose: false).render(diagnosis))
    }
  }

  // MARK: - Reading

  /// One answer: a line, plus any further lines already waiting (a multi-line paste is one
  /// answer, so a phrase pasted one word per line is screened as a whole).
  static func readAnswer() -> PromptInput {
    guard !InterruptFlag.isRaised else { return .interrupted }
    let first = readLine()
    guard case .line(var text) = first else { return first }
    while hasPendingInput() {
      guard case .line(let more) = readLine() else { break }
      text += "\n" + more
    }
    return .line(text)
  }

  private static func readLine() -> PromptInput {
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while true {
      guard waitUntilReadable() else { return .interrupted }
      let count = read(STDIN_FILENO, &byte, 1)
      if count == 1 {
        if byte == 0x0A { return .line(String(decoding: bytes, as: UTF8.self)) }
        bytes.append(byte)
      } else if count == 0 {
        return bytes.isEmpty ? .endOfInput : .line(String(decoding: bytes, as: UTF8.self))
      } else if errno == EINTR {
        if InterruptFlag.isRaised { return .interrupted }
      } else {
        return .endOfInput
      }
    }
  }

  /// Waits for input or Ctrl-C; false when Ctrl-C came first.
  private static func waitUntilReadable() -> Bool {
    while true {
      if InterruptFlag.isRaised { return false }
      var descriptors = [
        pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
        pollfd(fd: InterruptFlag.wakeRead, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&descriptors, InterruptFlag.wakeRead >= 0 ? 2 : 1, -1)
      if ready < 0 {
        if errno == EINTR { continue }
        return true  // let read(2) report the problem
      }
      if InterruptFlag.isRaised || descriptors[1].revents != 0 { return false }
      if descriptors[0].revents != 0 { return true }
    }
  }

  private static func hasPendingInput() -> Bool {
    var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, 0) > 0 && (descriptor.revents & Int16(POLLIN)) != 0
  }

  /// Screen rows that `prompt` followed by `answer` took, counting wide (CJK) characters as two
  /// columns.
  static func rows(of prompt: String, _ answer: String) -> Int {
    var size = winsize()
    let columns = ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    var rows = 0
    for (index, line) in answer.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let text = index == 0 ? prompt + line : String(line)
      let width = text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
      rows += max(1, (width + columns - 1) / columns)
    }
    return max(rows, 1)
  }
}
