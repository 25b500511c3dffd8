import FuzzSupport
import WalletDoctorCore

let hash = "0x205405746564cbcf1dd53fb5ac92c7622d3792d82f03c59d9baddf2443d91864"
let registry = ChainRegistry.builtIn
let endpoints = [
  try! EndpointSpec.parse("ethereum=https://one.example", registry: registry),
  try! EndpointSpec.parse("ethereum=https://two.example", registry: registry),
]

/// JSON-RPC answers as two EVM endpoints would send them: batch matching by id, the single-call
/// fallback, the EVM models, and every verdict built from them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEVMResponses(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  let answers = FuzzAnswers(Array(UnsafeBufferPointer(start: data, count: size)))
  runBlocking {
    let engine = DiagnosisEngine(transport: FuzzTransport(answers), registry: registry)
    let request = DiagnoseRequest(
      reference: try! TransactionReference.parse(hash), chainNames: ["ethereum"], endpoints: endpoints,
      timeout: .seconds(30))
    checkInvariants(await engine.diagnose(request))
  }
  return 0
}

/// The process entry (see ``runFuzzer``).
@_cdecl("FuzzEVMResponses_main")
public func fuzzEVMResponsesMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv) { fuzzEVMResponses($0, $1) }
}
