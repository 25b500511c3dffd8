import Foundation
import WalletDoctorCore

/// Renders `walletdoctor endpoints` for a person: the listing, or a doctor-style health check
/// with a marker per chain and per endpoint, then what to do.
struct EndpointsTextRenderer {
  var language: Language
  var style: TerminalStyle
  var verbose: Bool

  private func text(_ english: String, _ chinese: String) -> String {
    LocalizedText(en: english, zh: chinese)(language)
  }

  // MARK: - Listing

  func renderListing(_ chains: [ChainEndpoints], configPath: String?) -> String {
    var lines = [style.bold(text("Endpoints in effect", "当前使用的节点")) + " (" + configLine(configPath) + ")"]
    for item in chains {
      lines.append("")
      lines.append(style.bold(chainTitle(item.chain)))
      if item.endpoints.isEmpty {
        lines.append("  " + text("(none; add one with --rpc \(item.chain.name)=URL or in the config file)", "（无；请用 --rpc \(item.chain.name)=URL 或在配置文件中添加）"))
      }
      let width = item.endpoints.map(\.spec.displayURL.count).max() ?? 0
      for endpoint in item.endpoints {
        lines.append("  " + padded(endpoint.spec.displayURL, width) + "  " + describe(endpoint))
      }
    }
    lines.append("")
    lines.append(text("Check them with: walletdoctor endpoints --check", "检查节点健康状况：walletdoctor endpoints --check"))
    return lines.joined(separator: "\n") + "\n"
  }

  private func configLine(_ path: String?) -> String {
    guard let path else { return text("no config file", "无配置文件") }
    return text("config file: \(path)", "配置文件：\(path)")
  }

  private func chainTitle(_ chain: Chain) -> String {
    var title = "\(chain.displayName) (\(chain.name)"
    if let id = chain.evmChainId { title += text(", chain id \(id)", "，链 ID \(id)") }
    return title + ")"
  }

  private func describe(_ endpoint: SelectedEndpoint) -> String {
    var parts = [originName(endpoint.origin)]
    if endpoint.spec.api == .bitcoinCore { parts.append("Bitcoin Core RPC") }
    if !endpoint.spec.headers.isEmpty {
      let names = endpoint.spec.headers.keys.map { $0.lowercased() }.sorted().joined(separator: ", ")
      parts.append(text("headers: \(names)", "请求头：\(names)"))
    }
    return parts.joined(separator: " · ")
  }

  private func originName(_ origin: EndpointOrigin) -> String {
    switch origin {
    case .builtIn: return text("built-in", "内置")
    case .config: return text("config file", "配置文件")
    case .commandLine: return "--rpc"
    }
  }

  // MARK: - Check

  func renderCheck(_ chains: [ChainHealth]) -> String {
    var lines: [String] = []
    for chain in chains {
      lines.append("\(marker(chain.status)) \(style.bold(chainTitle(chain.chain))): \(chainSummary(chain))")
      for note in chain.notes {
        lines.append("    " + note(language))
      }
      let width = chain.endpoints.map(\.endpoint.spec.displayURL.count).max() ?? 0
      for endpoint in chain.endpoints {
        lines.append("    \(marker(endpoint.status)) \(padded(endpoint.endpoint.spec.displayURL, width))  \(endpointSummary(endpoint))")
        for note in endpoint.notes {
          lines.append("        - " + note(language))
        }
        if verbose {
          lines.append("        " + describe(endpoint.endpoint))
          if !endpoint.rateLimit.isEmpty {
            let shown = endpoint.rateLimit.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            lines.append("        " + text("rate limit: \(shown)", "频率限制：\(shown)"))
          }
        }
      }
    }
    lines.append("")
    lines += footer(chains)
    return lines.joined(separator: "\n") + "\n"
  }

  private func marker(_ status: EndpointHealth.Status) -> String {
    switch status {
    case .ok: return style.marker(.ok)
    case .warning: return style.marker(.warning)
    case .problem: return style.marker(.problem)
    }
  }

  private func chainSummary(_ chain: ChainHealth) -> String {
    let count = chain.endpoints.count
    var summary = text(
      "\(chain.healthyCount) of \(count) endpoint\(count == 1 ? "" : "s") healthy",
      "\(count) 个节点中 \(chain.healthyCount) 个健康")
    if let best = chain.bestHead { summary += text(", head \(best)", "，最新区块 \(best)") }
    return summary
  }

  private func endpointSummary(_ endpoint: EndpointHealth) -> String {
    if let failure = endpoint.failure {
      var summary = "\(failure.kind.rawValue): \(failure.message(language))"
      if let latency = endpoint.latency, failure.kind == .lagging || failure.kind == .wrongChain {
        summary += " · \(Self.milliseconds(latency)) ms"
      }
      return summary
    }
    var parts: [String] = []
    if let head = endpoint.head {
      let behind = endpoint.lagBlocks ?? 0
      parts.append(
        behind > 0 ? text("head \(head) (\(behind) behind)", "区块 \(head)（落后 \(behind)）") : text("head \(head)", "区块 \(head)"))
    }
    if let latency = endpoint.latency { parts.append("\(Self.milliseconds(latency)) ms") }
    switch endpoint.batchSupported {
    case true?: parts.append(text("batch ok", "支持批量"))
    case false?: parts.append(text("no batch", "不支持批量"))
    case nil: break
    }
    return parts.joined(separator: " · ")
  }

  private func footer(_ chains: [ChainHealth]) -> [String] {
    let dead = chains.filter { $0.healthyCount == 0 }.map(\.chain.name)
    guard !dead.isEmpty else {
      return [
        text(
          "Every chain has at least one healthy endpoint.", "每条链都至少有一个健康节点。")
      ]
    }
    let names = dead.joined(separator: ", ")
    return [
      style.bold(
        text(
          "No healthy endpoint for: \(names). Transactions there cannot be checked until one answers.",
          "以下链没有健康节点：\(names)。在有节点应答之前，无法查询这些链上的交易。")),
      style.bold(text("What you can do", "怎么做")),
      "  - "
        + text(
          "Add a working endpoint with --rpc \(dead[0])=URL, or under [endpoints] in the config file (see docs/configuration.md).",
          "用 --rpc \(dead[0])=URL 或在配置文件的 [endpoints] 中添加可用节点（见 docs/configuration.md）。"),
      "  - "
        + text(
          "If every public endpoint fails with dns, connect, tls or not_json errors, your network may block them: try a proxy (HTTPS_PROXY, ALL_PROXY=socks5h://…, or --proxy).",
          "如果所有公共节点都报 dns、connect、tls 或 not_json 错误，可能是所在网络屏蔽了它们：请尝试使用代理（HTTPS_PROXY、ALL_PROXY=socks5h://… 或 --proxy）。"),
    ]
  }

  static func milliseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
  }

  private func padded(_ value: String, _ width: Int) -> String {
    value + String(repeating: " ", count: max(0, width - value.count))
  }
}
