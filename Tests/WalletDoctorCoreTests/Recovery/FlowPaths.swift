import Foundation
import WalletDoctorCore

/// Enumerates, for a flow and a wallet, one scripted route to every outcome: the answers to give
/// and the diagnosis verdict the walk needs.
struct FlowPath: CustomStringConvertible, Sendable {
  var flowID: String
  var wallet: WalletID
  var outcome: String
  var answers: [String: JSONValue]
  var verdict: DiagnosisStatus?

  var description: String { "\(flowID) [\(wallet.rawValue)] → \(outcome)" }

  /// A realistic answer for each text step (never a secret).
  static func textAnswer(for step: FlowStep) -> JSONValue {
    .string(
      step.expects == .transactionHash
        ? "0x" + String(repeating: "ab", count: 32)
        : "Binance, BNB Smart Chain; the site was imtoken-help.example")
  }

  static func all(for flow: RecoveryFlow, wallet: WalletID) -> [FlowPath] {
    var paths: [String: FlowPath] = [:]
    func visit(_ stepID: String, answers: [String: JSONValue], verdict: DiagnosisStatus?, seen: Set<String>) {
      guard !seen.contains(stepID), let step = flow.step(stepID) else { return }
      let seen = seen.union([stepID])
      switch step.kind {
      case .outcome:
        if paths[stepID] == nil {
          paths[stepID] = FlowPath(flowID: flow.id, wallet: wallet, outcome: stepID, answers: answers, verdict: verdict)
        }
      case .choice, .confirm:
        for option in step.options {
          if step.automatic == .diagnosisVerdict {
            visit(option.next.resolve(wallet: wallet), answers: answers, verdict: DiagnosisStatus(rawValue: option.id), seen: seen)
          } else {
            var next = answers
            next[stepID] = step.kind == .confirm ? .bool(option.id == "yes") : .string(option.id)
            visit(option.next.resolve(wallet: wallet), answers: next, verdict: verdict, seen: seen)
          }
        }
      case .text, .instruction:
        var next = answers
        next[stepID] = step.kind == .text ? textAnswer(for: step) : .bool(true)
        visit(step.next!.resolve(wallet: wallet), answers: next, verdict: verdict, seen: seen)
      }
    }
    visit(flow.start.resolve(wallet: wallet), answers: [:], verdict: nil, seen: [])
    return paths.values.sorted { $0.outcome < $1.outcome }
  }
}
