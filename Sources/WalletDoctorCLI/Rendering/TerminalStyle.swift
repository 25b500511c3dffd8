import Foundation

/// How text output is decorated: Unicode markers and colour when the terminal supports them,
/// ASCII otherwise (no UTF-8 locale, `NO_COLOR`, or output to a file or pipe for colour).
struct TerminalStyle {
  var unicode: Bool
  var color: Bool

  static func detect(environment: [String: String] = ProcessInfo.processInfo.environment, isTerminal: Bool) -> TerminalStyle {
    let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
      .compactMap { $0 }.first { !$0.isEmpty } ?? ""
    let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    let utf8 = locale.lowercased().contains("utf-8") || locale.lowercased().contains("utf8")
    return TerminalStyle(unicode: utf8 && !noColor, color: isTerminal && !noColor && environment["TERM"] != "dumb")
  }

  enum Mark { case ok, warning, problem, info }

  func marker(_ mark: Mark) -> String {
    let symbol: String
    let code: String
    switch mark {
    case .ok: symbol = unicode ? "[✓]" : "[+]"; code = "32"
    case .warning: symbol = "[!]"; code = "33"
    case .problem: symbol = unicode ? "[✗]" : "[x]"; code = "31"
    case .info: symbol = unicode ? "[•]" : "[i]"; code = "36"
    }
    return color ? "\u{1B}[\(code)m\(symbol)\u{1B}[0m" : symbol
  }

  func bold(_ text: String) -> String {
    color ? "\u{1B}[1m\(text)\u{1B}[0m" : text
  }
}
