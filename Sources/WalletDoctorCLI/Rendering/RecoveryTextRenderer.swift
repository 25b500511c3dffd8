import WalletDoctorCore

/// Renders recovery results, flow lists and flow descriptions for a person.
struct RecoveryTextRenderer {
  var language: Language
  var style: TerminalStyle

  private func text(_ english: String, _ chinese: String) -> String {
    LocalizedText(en: english, zh: chinese)(language)
  }

  /// The result of a walk: the outcome with its actions and sources, or the step it paused at.
  /// `followUp` adds the session id and the report offer (left out when the terminal asks
  /// "Did this solve it?" right after).
  func render(_ document: RecoveryDocument, showDiagnosis: Bool, followUp: Bool = true) -> String {
    var lines: [String] = []
    if let outcome = document.outcome {
      lines.append("\(style.marker(.info)) \(style.bold(outcome.title))")
      lines.append(outcome.summary)
      lines.append("")
      lines.append(style.bold(text("What to do", "您可以这样做")))
      for (index, action) in outcome.actions.enumerated() { lines.append("  \(index + 1). \(action)") }
      lines.append("")
      lines.append(style.bold(text("Sources", "依据")))
      for source in outcome.sources { lines.append("  - \(source)") }
    } else if let next = document.nextStep {
      lines.append("\(style.marker(.warning)) " + text("Paused at step", "暂停于步骤") + " '\(next.id)' (\(next.kind.rawValue)): \(next.prompt)")
      for option in next.options { lines.append("  \(option.id): \(option.label)") }
      if next.kind == .text {
        lines.append("  " + text("(free text", "（自由文本") + (next.expects == .transactionHash ? text(": a transaction hash)", "：交易哈希）") : text(")", "）")))
      }
      if next.kind == .instruction { lines.append("  " + text("(answer true once done)", "（完成后回答 true）")) }
    }
    if showDiagnosis, let diagnosis = document.diagnosis {
      lines.append("")
      lines.append(style.bold(text("Transfer check", "转账查询")) + " (\(diagnosis.status.rawValue)): \(diagnosis.summary)")
      for caution in diagnosis.cautions { lines.append("  \(style.marker(.warning)) \(caution)") }
      for recommendation in diagnosis.recommendations { lines.append("  - \(recommendation)") }
    }
    if !document.warnings.isEmpty {
      lines.append("")
      for warning in document.warnings { lines.append("\(style.marker(.warning)) \(warning)") }
    }
    lines.append("")
    if document.status == .completed, !followUp {
      lines.append(text("Session", "会话") + " \(document.sessionID)")
    } else if document.status == .completed {
      lines.append(text("Session", "会话") + " \(document.sessionID)")
      if let command = document.reportCommand {
        lines.append(
          text(
            "Not solved? `\(command)` prepares a support request from this walk.",
            "还没解决？运行 `\(command)` 可根据本次流程准备一份客服请求。"))
      }
    } else if let next = document.nextStep {
      lines.append(
        text(
          "Saved as session \(document.sessionID). To continue, answer \"\(next.id)\" in an answers file and run: walletdoctor recover --resume \(document.sessionID) --answers FILE",
          "已保存为会话 \(document.sessionID)。如需继续，请在答案文件中回答 \"\(next.id)\"，然后运行：walletdoctor recover --resume \(document.sessionID) --answers FILE"))
    }
    lines.append(text(
      "Real support never asks for your recovery phrase, private key or password.",
      "真正的客服绝不会索要您的助记词、私钥或密码。"))
    return lines.joined(separator: "\n") + "\n"
  }

  /// `recover --list`.
  func renderList(_ flows: [RecoveryFlow]) -> String {
    let width = (flows.map(\.id.count).max() ?? 0) + 2
    var lines: [String] = []
    for flow in flows {
      let padding = String(repeating: " ", count: width - flow.id.count)
      lines.append(flow.id + padding + flow.title(language))
      lines.append(String(repeating: " ", count: width) + flow.summary(language))
    }
    lines.append("")
    lines.append(text(
      "Start one with: walletdoctor recover FLOW [--wallet NAME]",
      "开始流程：walletdoctor recover FLOW [--wallet NAME]"))
    return lines.joined(separator: "\n") + "\n"
  }

  /// `recover FLOW --describe`: every step, its options and where they lead.
  func renderDescription(_ description: FlowDescription) -> String {
    var lines = [style.bold("\(description.title) (\(description.id), \(description.wallet.rawValue))"), description.summary, ""]
    lines.append(text("Starts at", "起始步骤") + ": \(description.start)")
    for step in description.steps {
      lines.append("")
      if step.kind == .outcome {
        lines.append("[\(step.id)] " + text("outcome", "结果") + ": \(step.title ?? "")")
        if let summary = step.summary { lines.append("    \(summary)") }
        for action in step.actions ?? [] { lines.append("    - \(action)") }
        for source in step.sources ?? [] { lines.append("    \(source)") }
        continue
      }
      lines.append("[\(step.id)] \(step.kind.rawValue): \(step.prompt ?? "")")
      if let auto = step.auto { lines.append("    (" + text("answered automatically", "自动回答") + ": \(auto.rawValue))") }
      for option in step.options ?? [] { lines.append("    \(option.id): \(option.label) → \(option.next)") }
      if let next = step.next { lines.append("    → \(next)") }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
