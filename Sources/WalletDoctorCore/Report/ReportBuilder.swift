import Foundation

/// Turns what the user gave into a ``SupportReport``: redacts every typed field, diagnoses each
/// transaction through the injected ``TransactionDiagnosing`` (skipped offline), and decides the
/// category. Clock and case id are passed in, so the same input always builds the same report.
public struct ReportBuilder: Sendable {
  public var diagnoser: any TransactionDiagnosing
  public var secrets: SecretRedactor
  public var environment: ReportEnvironment

  public init(diagnoser: any TransactionDiagnosing, secrets: SecretRedactor, environment: ReportEnvironment) {
    self.diagnoser = diagnoser
    self.secrets = secrets
    self.environment = environment
  }

  public func build(_ input: ReportInput, caseID: CaseID, createdAt: Date) async -> SupportReport {
    var redactor = ReportRedactor(
      secrets: secrets, declaredTransactions: input.transactions, otherHashes: input.recovery?.transactionHashes ?? [])
    let problem = redactor.redact(input.problem.flatMap(Self.nonEmpty))
    let contact = redactor.redact(input.contact.flatMap(Self.nonEmpty))
    let appVersion = redactor.redact(input.appVersion.flatMap(Self.nonEmpty))
    let device = redactor.redact(input.device.flatMap(Self.nonEmpty))
    // Only what the user typed into the walk is redacted; the flow's own sentences are the tool's.
    let recovery = input.recovery.map { recovery in recovery.redactingTypedAnswers { redactor.redact($0) } }

    let transactions = await diagnose(input)
    let category = ReportCategory.decide(
      recoveryFlow: input.recovery?.flowID, statuses: transactions.compactMap { $0.diagnosis?.status },
      hasTransactions: !transactions.isEmpty)

    return SupportReport(
      caseID: caseID, createdAt: createdAt, language: input.language, wallet: input.wallet, category: category,
      problem: problem, contact: contact, appVersion: appVersion, device: device, transactions: transactions,
      offline: input.offline, recovery: recovery, environment: environment, redactions: redactor.counts)
  }

  /// Diagnoses every transaction at once (the whole report takes as long as the slowest),
  /// keeping the order the user gave; duplicates are diagnosed once.
  private func diagnose(_ input: ReportInput) async -> [SupportReport.Transaction] {
    var unique: [TransactionReference] = []
    for reference in input.transactions where !unique.contains(where: { $0.hexDigits == reference.hexDigits }) {
      unique.append(reference)
    }
    if input.offline {
      return unique.map { SupportReport.Transaction(reference: $0, diagnosis: nil) }
    }
    let diagnoser = self.diagnoser
    return await withTaskGroup(of: (Int, Diagnosis).self) { group in
      for (index, reference) in unique.enumerated() {
        let request = DiagnoseRequest(
          reference: reference, endpoints: input.endpoints, timeout: input.timeout, minimumSources: input.minimumSources)
        group.addTask { (index, await diagnoser.diagnose(request)) }
      }
      var results = [Diagnosis?](repeating: nil, count: unique.count)
      for await (index, diagnosis) in group { results[index] = diagnosis }
      return zip(unique, results).map { SupportReport.Transaction(reference: $0, diagnosis: $1) }
    }
  }

  private static func nonEmpty(_ text: String) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty ? nil : trimmed
  }
}
