/// Generates `docs/reason-codes.md` from ``ReasonCatalog``, so the catalog is written once.
public enum ReasonCatalogDocument {
  public static func markdown() -> String {
    var lines = [
      "# Reason codes",
      "",
      "Every `findings[].code` walletdoctor can emit. Codes are part of the JSON contract and are never",
      "translated; the messages are. This file is generated from `ReasonCatalog` by",
      "`WALLETDOCTOR_UPDATE_DOCS=1 swift test --filter GeneratedDocs`; a test fails when it is stale.",
      "",
      "Severity: `problem` blocks the transfer or means it failed; `warning` slows it or needs care;",
      "`info` is context.",
      "",
      "| code | severity | chains | meaning | triggered when |",
      "|---|---|---|---|---|",
    ]
    for entry in ReasonCatalog.all {
      lines.append(
        "| `\(entry.code)` | \(entry.severity.rawValue) | \(entry.scope) | \(escape(entry.meaning.english)) | \(escape(entry.trigger.english)) |")
    }
    lines += ["", "## 中文（简体）", "", "| 代码 | 严重程度 | 链 | 含义 | 触发条件 |", "|---|---|---|---|---|"]
    for entry in ReasonCatalog.all {
      lines.append(
        "| `\(entry.code)` | \(entry.severity.rawValue) | \(entry.scope) | \(escape(entry.meaning.simplifiedChinese)) | \(escape(entry.trigger.simplifiedChinese)) |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|")
  }
}
