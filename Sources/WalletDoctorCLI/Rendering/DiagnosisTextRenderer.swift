import Foundation
import WalletDoctorCore

/// Renders a diagnosis for a person, doctor-style: the verdict first, then findings with
/// markers, then what to do with the numbers; endpoint details under `-v`.
struct DiagnosisTextRenderer {
  var language: Language
  var style: TerminalStyle
  var verbose: Bool

  private func text(_ english: String, _ chinese: String) -> String {
    LocalizedText(en: english, zh: chinese)(language)
  }

  func render(_ diagnosis: Diagnosis) -> String {
    var lines: [String] = []
    lines.append("\(style.marker(verdictMark(diagnosis.status))) \(style.bold(diagnosis.summary(language)))")

    if !diagnosis.findings.isEmpty {
      lines.append("")
      lines.append(style.bold(text("Findings", "发现")))
      for finding in diagnosis.findings {
        lines.append("  \(style.marker(mark(finding.severity))) \(finding.message(language)) (\(finding.code))")
      }
    }

    if let eta = diagnosis.eta {
      lines.append("")
      let range = AmountFormatting.duration(seconds: eta.minSeconds, language: language) + "–"
        + AmountFormatting.duration(seconds: eta.maxSeconds, language: language)
      lines.append("\(style.bold(text("Expected wait", "预计等待"))): \(range)")
    }

    if !diagnosis.recommendations.isEmpty {
      lines.append("")
      lines.append(style.bold(text("What you can do", "您可以这样做")))
      for (index, recommendation) in diagnosis.recommendations.enumerated() {
        lines.append("  \(index + 1). \(recommendation.message(language))")
      }
    }

    if let transaction = diagnosis.transaction {
      lines.append("")
      lines.append(style.bold(text("Transaction", "交易")))
      lines.append(contentsOf: transactionLines(transaction, chain: diagnosis.chain))
    }

    lines.append("")
    lines.append(contentsOf: sourceLines(diagnosis.sources))
    lines.append("")
    lines.append(
      text(
        "Real support never asks for your recovery phrase or private key.",
        "真正的客服绝不会索要您的助记词或私钥。"))
    return lines.joined(separator: "\n") + "\n"
  }

  private func verdictMark(_ status: DiagnosisStatus) -> TerminalStyle.Mark {
    switch status {
    case .confirmed: return .ok
    case .pending, .replaced: return .warning
    case .failed, .expired: return .problem
    case .notFound, .unknown: return .warning
    }
  }

  private func mark(_ severity: Severity) -> TerminalStyle.Mark {
    switch severity {
    case .problem: return .problem
    case .warning: return .warning
    case .info: return .info
    }
  }

  private func transactionLines(_ details: TransactionDetails, chain: String?) -> [String] {
    switch details {
    case .evm(let transaction):
      let symbol = chain.flatMap { ChainRegistry.builtIn.chain(named: $0)?.nativeSymbol } ?? "native coin"
      var rows: [(String, String)] = [
        (text("hash", "哈希"), transaction.hash),
        (text("from", "发送方"), transaction.from),
        (text("to", "接收方"), transaction.to ?? text("(contract creation)", "（创建合约）")),
        ("nonce", String(transaction.nonce)),
        (text("value", "金额"), AmountFormatting.coin(transaction.valueWei, decimals: 18, symbol: symbol)),
      ]
      if let maxFee = transaction.maxFeePerGasWei {
        rows.append((text("max fee", "最高费用"), AmountFormatting.gwei(maxFee)))
      }
      if let tip = transaction.maxPriorityFeePerGasWei {
        rows.append((text("priority fee", "优先费"), AmountFormatting.gwei(tip)))
      }
      if let gasPrice = transaction.gasPriceWei {
        let label = transaction.blockNumber == nil ? text("gas price", "Gas 价格") : text("gas price paid", "实付 Gas 价格")
        rows.append((label, AmountFormatting.gwei(gasPrice)))
      }
      rows.append((text("gas limit", "Gas 上限"), String(transaction.gasLimit)))
      if let block = transaction.blockNumber {
        rows.append((text("block", "区块"), String(block)))
      }
      return aligned(rows)
    case .bitcoin(let transaction):
      var rows: [(String, String)] = [("txid", transaction.txid)]
      if let fee = transaction.feeSats {
        rows.append((text("fee", "手续费"), BitcoinUnits.satsText(fee)))
      }
      if let vsize = transaction.vsize {
        rows.append((text("size", "大小"), "\(vsize) vB" + (transaction.weight.map { " (\($0) WU)" } ?? "")))
      }
      if let rate = transaction.feeRate {
        rows.append((text("fee rate", "费率"), String(format: "%.1f sat/vB", rate)))
      }
      if let effective = transaction.effectiveFeeRate, let rate = transaction.feeRate,
        String(format: "%.1f", effective) != String(format: "%.1f", rate)
      {
        rows.append((text("effective rate", "有效费率"), String(format: "%.1f sat/vB", effective)))
      }
      if let signaled = transaction.rbfSignaled {
        rows.append(("RBF", signaled ? text("signaled", "已声明") : text("not signaled", "未声明")))
      }
      if let height = transaction.blockHeight {
        rows.append((text("block", "区块"), String(height)))
      }
      if let replacedBy = transaction.replacedBy {
        rows.append((text("replaced by", "替换交易"), replacedBy))
      }
      return aligned(rows)
    case .tron(let transaction):
      var rows: [(String, String)] = [("txid", transaction.txid)]
      if let from = transaction.from { rows.append((text("from", "发送方"), from)) }
      if let to = transaction.to { rows.append((text("to", "接收方"), to)) }
      if let type = transaction.contractType { rows.append((text("type", "类型"), type)) }
      if let amount = transaction.amountSun {
        rows.append((text("amount", "金额"), TronUnits.trxText(amount)))
      }
      if let token = transaction.token {
        rows.append((text("token", "代币"), token.displayText))
      }
      if let limit = transaction.feeLimitSun {
        rows.append((text("fee limit", "手续费上限"), TronUnits.trxText(limit)))
      }
      if let fee = transaction.feeSun { rows.append((text("fee", "手续费"), TronUnits.trxText(fee))) }
      if let energy = transaction.energyUsed, energy > 0 { rows.append((text("energy used", "消耗能量"), TronUnits.grouped(energy))) }
      if let block = transaction.blockNumber { rows.append((text("block", "区块"), String(block))) }
      return aligned(rows)
    }
  }

  /// Label/value rows with the values in one column (CJK labels take two columns each).
  private func aligned(_ rows: [(String, String)]) -> [String] {
    func columns(_ text: String) -> Int {
      text.unicodeScalars.reduce(0) { $0 + ((0x1100...0x115F).contains($1.value) || (0x2E80...0xA4CF).contains($1.value) || (0xAC00...0xD7A3).contains($1.value) || (0xF900...0xFAFF).contains($1.value) || (0xFF00...0xFF60).contains($1.value) ? 2 : 1) }
    }
    let width = rows.map { columns($0.0) }.max() ?? 0
    return rows.map { "  " + $0.0 + String(repeating: " ", count: width - columns($0.0)) + "  " + $0.1 }
  }

  private func sourceLines(_ sources: [SourceReport]) -> [String] {
    let usable = sources.filter(\.ok).count
    var lines = [
      text(
        "\(usable) of \(sources.count) endpoints gave a usable answer\(verbose ? ":" : " (-v for details).")",
        "\(sources.count) 个节点中有 \(usable) 个给出了可用应答\(verbose ? "：" : "（-v 查看详情）。")")
    ]
    guard verbose else {
      // Failures with the same cause are said once (offline: every endpoint fails the same way).
      var causes: [String] = []
      var byCause: [String: [SourceReport]] = [:]
      for source in sources where !source.ok {
        let cause = source.error?(language) ?? ""
        if byCause[cause] == nil { causes.append(cause) }
        byCause[cause, default: []].append(source)
      }
      for cause in causes {
        let group = byCause[cause]!
        if group.count < 3 {
          for source in group {
            lines.append("  \(style.marker(.warning)) \(source.chain) \(source.endpoint): \(cause)")
          }
        } else {
          let hosts = group.prefix(3).map { URL(string: $0.endpoint)?.host ?? $0.endpoint }.joined(separator: ", ")
          lines.append(
            "  \(style.marker(.warning)) "
              + text("\(group.count) endpoints (\(hosts), …): \(cause)", "\(group.count) 个节点（\(hosts) 等）：\(cause)"))
        }
      }
      return lines
    }
    for source in sources {
      var detail: [String] = []
      if let head = source.head { detail.append(text("head \(head)", "区块 \(head)")) }
      if let latency = source.latencyMilliseconds { detail.append("\(latency) ms") }
      if let error = source.error { detail.append(error(language)) }
      if let kind = source.errorKind { detail.append("[\(kind.rawValue)]") }
      lines.append(
        "  \(style.marker(source.ok ? .ok : .problem)) \(source.chain) \(source.endpoint) — \(detail.joined(separator: ", "))")
    }
    return lines
  }
}
