import FuzzSupport
import WalletDoctorCore

let txid = "15e10745f15593a899cef391191bdd3d7c12412cc4696b7bcb669d0feadc8521"
let registry = ChainRegistry.builtIn
let endpoints = [
  try! EndpointSpec.parse("bitcoin=https://esplora.example/api", registry: registry),
  try! EndpointSpec.parse("bitcoin=core+https://user:pass@core.example:8332", registry: registry),
]

/// Esplora REST and Bitcoin Core JSON-RPC answers: their decoders and the Bitcoin verdicts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBitcoinResponses(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  let answers = FuzzAnswers(Array(UnsafeBufferPointer(start: data, count: size)))
  runBlocking {
    let engine = DiagnosisEngine(transport: FuzzTransport(answers), registry: registry)
    let request = DiagnoseRequest(
      reference: try! TransactionReference.parse(txid), chainNames: ["bitcoin"], endpoints: endpoints,
      timeout: .seconds(30))
    checkInvariants(await engine.diagnose(request))
  }
  return 0
}

/// The process entry (see ``runFuzzer``).
@_cdecl("FuzzBitcoinResponses_main")
public func fuzzBitcoinResponsesMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv) { fuzzBitcoinResponses($0, $1) }
}
