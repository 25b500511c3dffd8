import FuzzSupport
import WalletDoctorCore

let txid = "7d3f0a5b9c1e2d4f6a8b0c2d4e6f8a0b1c3d5e7f9a1b3c5d7e9f0a2b4c6d8e0f"
let registry = ChainRegistry.builtIn
let endpoints = [
  try! EndpointSpec.parse("tron=https://tron-one.example", registry: registry),
  try! EndpointSpec.parse("tron=https://tron-two.example", registry: registry),
]

/// TRON HTTP API answers (`/wallet/*`): their decoders, the energy and bandwidth arithmetic and
/// the TRON verdicts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTronResponses(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  let answers = FuzzAnswers(Array(UnsafeBufferPointer(start: data, count: size)))
  runBlocking {
    let engine = DiagnosisEngine(transport: FuzzTransport(answers), registry: registry)
    let request = DiagnoseRequest(
      reference: try! TransactionReference.parse(txid), chainNames: ["tron"], endpoints: endpoints, timeout: .seconds(30))
    checkInvariants(await engine.diagnose(request))
  }
  return 0
}

/// The process entry (see ``runFuzzer``).
@_cdecl("FuzzTronResponses_main")
public func fuzzTronResponsesMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv) { fuzzTronResponses($0, $1) }
}
