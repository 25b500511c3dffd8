/// A short Markdown outline of each flow, generated from the flow files for
/// docs/recovery-flows.md (a test keeps the committed copy equal to this output).
public enum FlowOutline {
  public static let beginMarker = "<!-- BEGIN GENERATED FLOW OUTLINES (walletdoctor recover --print-flow-outlines) -->"
  public static let endMarker = "<!-- END GENERATED FLOW OUTLINES -->"

  /// The generated section, markers included.
  public static func markdown(_ flows: [RecoveryFlow]) -> String {
    var lines = [beginMarker, ""]
    for flow in flows {
      lines.append("### `\(flow.id)`: \(flow.title.english) / \(flow.title.simplifiedChinese)")
      lines.append("")
      lines.append(flow.summary.english)
      lines.append("")
      lines.append("Start: \(route(flow.start))")
      lines.append("")
      for step in flow.steps {
        lines.append(contentsOf: outline(step))
      }
      let sources = Array(Set(flow.steps.flatMap { $0.outcome?.sources ?? [] })).sorted()
      lines.append("")
      lines.append("Sources cited: " + sources.map { "<\($0)>" }.joined(separator: ", "))
      lines.append("")
    }
    lines.append(endMarker)
    return lines.joined(separator: "\n") + "\n"
  }

  private static func outline(_ step: FlowStep) -> [String] {
    switch step.kind {
    case .outcome:
      return ["- **`\(step.id)`** (outcome): \(step.outcome?.title.english ?? "")"]
    case .choice, .confirm:
      let auto = step.automatic == .diagnosisVerdict ? " *(answered by the diagnosis)*" : ""
      var lines = ["- `\(step.id)` (\(step.kind.rawValue))\(auto): \(step.prompt?.english ?? "")"]
      for option in step.options {
        lines.append("  - `\(option.id)` \(option.label.english) → \(route(option.next))")
      }
      return lines
    case .text:
      return ["- `\(step.id)` (text, expects `\(step.expects?.rawValue ?? "")`): \(step.prompt?.english ?? "") → \(step.next.map(route) ?? "")"]
    case .instruction:
      return ["- `\(step.id)` (instruction): \(step.prompt?.english ?? "") → \(step.next.map(route) ?? "")"]
    }
  }

  private static func route(_ route: Route) -> String {
    switch route {
    case .step(let id): return "`\(id)`"
    case .byWallet(let fallback, let cases):
      let variants = cases.keys.sorted().map { "\($0.rawValue): `\(cases[$0]!)`" }
      return "`\(fallback)` (" + variants.joined(separator: "; ") + ")"
    }
  }
}
