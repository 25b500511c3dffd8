/// The prefilled request as text, in one language: what `00-request.md`, the e-mail body and
/// the form's description field are made of. Plain Markdown, which also reads well as plain text.
struct RequestText {
  var report: SupportReport
  var language: Language

  private func text(_ english: String, _ chinese: String) -> String {
    LocalizedText(en: english, zh: chinese)(language)
  }

  private var colon: String { language == .english ? ": " : "：" }

  /// The whole request: title, facts, problem, transactions, what was tried, contact, footer.
  func render() -> String {
    var lines: [String] = ["# " + report.subject(language), ""]
    lines += facts()
    lines += ["", "## " + text("Problem", "问题描述")]
    if report.problem != nil, language == .english, report.language != .english {
      // The English copy quotes the user's own words untranslated; say so, so support is not surprised.
      lines.append("(In the user's words, in Simplified Chinese.)")
    }
    lines.append(report.problem ?? text("(No description given; see the details below.)", "（未填写描述，请参阅以下详情。）"))
    if !report.transactions.isEmpty {
      lines += ["", "## " + text("Transactions", "交易")]
      for (index, transaction) in report.transactions.enumerated() {
        lines += transactionLines(transaction, number: index + 1)
      }
    }
    if let recovery = report.recovery {
      lines += ["", "## " + text("What I already tried", "我已经尝试过的")]
      lines += triedLines(recovery)
    }
    lines += ["", "## " + text("Contact", "联系方式")]
    lines.append(report.contact ?? text("Please reply through this channel.", "请通过本渠道回复我。"))
    lines += ["", "---"]
    lines.append(
      text(
        "Prepared with walletdoctor \(report.environment.toolVersion). This request contains no recovery phrase, private key or password, and I will not share them: real support never asks for them.",
        "本请求由 walletdoctor \(report.environment.toolVersion) 生成，不包含助记词、私钥或密码，我也不会提供这些信息：真正的客服绝不会索要。"))
    if !report.redactions.isEmpty {
      let total = report.redactions.values.reduce(0, +)
      lines.append(
        text(
          "walletdoctor removed \(total) item(s) from the text that looked like a recovery phrase, private key or credentials; they are marked [REDACTED].",
          "walletdoctor 从文字中删除了 \(total) 处疑似助记词、私钥或凭据的内容，已标记为 [REDACTED]。"))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func facts() -> [String] {
    var lines: [String] = []
    lines.append("- " + text("Case", "案例编号") + colon + report.caseID.value)
    lines.append("- " + text("Category", "类别") + colon + report.category.label(language))
    var wallet = report.wallet?.name ?? text("(not given)", "（未填写）")
    if let version = report.appVersion {
      wallet += language == .english ? ", app version \(version)" : "，应用版本 \(version)"
    }
    lines.append("- " + text("Wallet", "钱包") + colon + wallet)
    lines.append("- " + text("Device", "设备") + colon + (report.device ?? text("(not given)", "（未填写）")))
    if !report.networks.isEmpty {
      lines.append("- " + text("Network(s)", "网络") + colon + report.networks.joined(separator: language == .english ? ", " : "、"))
    }
    lines.append("- " + text("Prepared", "生成时间") + colon + UTCTime.readable(report.createdAt))
    return lines
  }

  private func transactionLines(_ transaction: SupportReport.Transaction, number: Int) -> [String] {
    guard let diagnosis = transaction.diagnosis else {
      return [
        "\(number). `\(transaction.hash)`" + colon
          + text(
            "not checked (this request was prepared offline); please look it up.",
            "未查询（本请求为离线生成），请协助查询。")
      ]
    }
    var line = "\(number). `\(diagnosis.query)`"
    if let chain = diagnosis.chain {
      let display = ChainRegistry.builtIn.chain(named: chain)?.displayName ?? chain
      line += text(" on \(display)", "（\(display)）")
    }
    line += colon + "**" + Self.statusLabel(diagnosis.status)(language) + "**" + (language == .english ? ". " : "。")
    line += diagnosis.summary(language)
    var lines = [line]
    if let numbers = keyNumbers(diagnosis) { lines.append("   " + numbers) }
    return lines
  }

  /// Nonce, amount, fees, block and confirmations: the numbers support asks for.
  private func keyNumbers(_ diagnosis: Diagnosis) -> String? {
    guard let details = diagnosis.transaction, case .evm(let evm) = details else { return nil }
    let chain = diagnosis.chain.flatMap { ChainRegistry.builtIn.chain(named: $0) }
    let symbol = chain?.nativeSymbol ?? "ETH"
    let decimals = chain?.nativeDecimals ?? 18
    var parts: [String] = []
    parts.append(text("nonce", "nonce") + " \(evm.nonce)")
    parts.append(text("value", "金额") + " " + AmountFormatting.coin(evm.valueWei, decimals: decimals, symbol: symbol))
    if let fee = evm.feePaidWei {
      parts.append(text("fee paid", "已付手续费") + " " + AmountFormatting.coin(fee, decimals: decimals, symbol: symbol))
    } else if let maxFee = evm.maxFeePerGasWei {
      parts.append(text("max fee", "最高费用") + " " + AmountFormatting.gwei(maxFee))
    } else if let price = evm.gasPriceWei {
      parts.append(text("gas price", "Gas 价格") + " " + AmountFormatting.gwei(price))
    }
    if let block = evm.blockNumber { parts.append(text("block", "区块") + " \(block)") }
    if let confirmations = evm.confirmations { parts.append(text("\(confirmations) confirmations", "\(confirmations) 个确认")) }
    return parts.joined(separator: " · ")
  }

  private func triedLines(_ recovery: ReportRecovery) -> [String] {
    var lines = [
      text(
        "I followed walletdoctor's \"\(recovery.flowTitle(language))\" guide (session \(recovery.sessionID)):",
        "我已按照 walletdoctor 的「\(recovery.flowTitle(language))」指引操作（会话 \(recovery.sessionID)）：")
    ]
    lines += recovery.tried.map { "- " + $0(language) }
    if let outcome = recovery.outcome {
      lines.append("- " + text("Result", "结果") + colon + outcome(language))
    }
    return lines
  }

  static func statusLabel(_ status: DiagnosisStatus) -> LocalizedText {
    switch status {
    case .confirmed: return LocalizedText(en: "confirmed", zh: "已确认")
    case .failed: return LocalizedText(en: "failed", zh: "失败")
    case .pending: return LocalizedText(en: "pending", zh: "待确认")
    case .replaced: return LocalizedText(en: "replaced", zh: "已被替换")
    case .expired: return LocalizedText(en: "expired", zh: "已过期")
    case .notFound: return LocalizedText(en: "not found", zh: "未找到")
    case .unknown: return LocalizedText(en: "could not be checked", zh: "无法查询")
    }
  }
}
