import Foundation
@testable import WalletDoctorCore

/// A diagnoser that returns a fixed verdict and records what it was asked.
public final class FakeDiagnoser: TransactionDiagnosing, @unchecked Sendable {
  public let status: DiagnosisStatus
  private let lock = NSLock()
  private var received: [DiagnoseRequest] = []

  public init(status: DiagnosisStatus) {
    self.status = status
  }

  public var requests: [DiagnoseRequest] { lock.withLock { received } }

  public func diagnose(_ request: DiagnoseRequest) async -> Diagnosis {
    lock.withLock { received.append(request) }
    return Diagnosis(
      query: request.reference.normalized, chain: status == .notFound ? nil : "ethereum", status: status,
      summary: LocalizedText(en: "Fake verdict: \(status.rawValue).", zh: "模拟结果：\(status.rawValue)。"),
      recommendations: [Recommendation(action: "wait", message: LocalizedText(en: "Fake advice.", zh: "模拟建议。"))])
  }
}

/// A prompter that answers from a list of lines and records every question and notice.
public final class ScriptedPrompter: RecoveryPrompter, @unchecked Sendable {
  private let lock = NSLock()
  private var inputs: [PromptInput]
  private var asked: [PromptQuestion] = []
  private var shown: [String] = []

  public init(_ inputs: [PromptInput]) {
    self.inputs = inputs
  }

  public convenience init(lines: [String]) {
    self.init(lines.map { .line($0) })
  }

  public var questions: [PromptQuestion] { lock.withLock { asked } }
  /// Every notice as text (a diagnosis as its English summary).
  public var notices: [String] { lock.withLock { shown } }

  public func ask(_ question: PromptQuestion) async -> PromptInput {
    lock.withLock {
      asked.append(question)
      return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
    }
  }

  public func show(_ notice: PromptNotice) async {
    let text: String
    switch notice {
    case .message(let value), .secretRefused(let value), .progress(let value): text = value
    case .diagnosis(let diagnosis): text = "diagnosis: " + diagnosis.summary.english
    }
    lock.withLock { shown.append(text) }
  }
}
