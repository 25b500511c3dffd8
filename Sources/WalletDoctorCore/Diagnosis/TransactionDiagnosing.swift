/// What to diagnose and where to look.
public struct DiagnoseRequest: Sendable, Hashable {
  public var reference: TransactionReference
  /// Chains named with `--chain`; empty means every chain the hash can belong to.
  public var chainNames: [String]
  /// Endpoints from `--rpc`; when non-empty, only these are contacted (no defaults, no other chains).
  public var endpoints: [EndpointSpec]
  /// Wall-clock limit of the whole diagnosis.
  public var timeout: Duration
  /// `--min-sources`: healthy endpoints that must agree on an alarming verdict; nil for the default.
  public var minimumSources: Int?

  public init(
    reference: TransactionReference, chainNames: [String] = [], endpoints: [EndpointSpec] = [],
    timeout: Duration = .seconds(20), minimumSources: Int? = nil
  ) {
    self.reference = reference
    self.chainNames = chainNames
    self.endpoints = endpoints
    self.timeout = timeout
    self.minimumSources = minimumSources
  }
}

/// Anything that turns a request into a verdict: the real ``DiagnosisEngine``, or a fake in tests
/// of features built on diagnosis (recovery's stuck-transfer flow, reports).
public protocol TransactionDiagnosing: Sendable {
  /// Never throws: endpoint trouble becomes `unknown` with sources explaining why.
  func diagnose(_ request: DiagnoseRequest) async -> Diagnosis
}
