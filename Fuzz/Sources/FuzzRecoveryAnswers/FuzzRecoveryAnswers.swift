import Foundation
import FuzzSupport
import WalletDoctorCore

let detector = try! SecretDetector.standard()
let flows = try! FlowLoader.bundled()

/// A diagnosis stand-in: flows that diagnose in place get a fixed verdict, never the network.
struct FixedDiagnoser: TransactionDiagnosing {
  func diagnose(_ request: DiagnoseRequest) async -> Diagnosis {
    Diagnosis(
      query: request.reference.normalized, chain: nil, status: .unknown,
      summary: LocalizedText(en: "fuzz", zh: "fuzz"))
  }
}

/// `recover --answers FILE`: the answers file is parsed against a flow (the first byte picks the
/// flow, the wallet and the language) and walked to where it stops.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecoveryAnswers(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  let bytes = UnsafeBufferPointer(start: data, count: size)
  guard let selector = bytes.first, !flows.isEmpty else { return 0 }
  let flow = flows[Int(selector) % flows.count]
  let wallets = WalletID.allCases
  let wallet = wallets[Int(selector / 8) % wallets.count]
  let language: Language = selector & 0x80 == 0 ? .english : .simplifiedChinese
  guard let answers = try? ScriptedAnswers.parse(Data(bytes.dropFirst()), flow: flow, detector: detector) else { return 0 }
  runBlocking {
    let walker = RecoveryWalker(
      flow: flow, detector: detector, diagnosis: InPlaceDiagnosis(diagnoser: FixedDiagnoser()), save: { _ in },
      now: { Date(timeIntervalSince1970: 1_800_000_000) })
    _ = await walker.walk(walker.newSession(wallet: wallet, language: language), answers: answers)
  }
  return 0
}

/// The process entry (see ``runFuzzer``).
@_cdecl("FuzzRecoveryAnswers_main")
public func fuzzRecoveryAnswersMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv) { fuzzRecoveryAnswers($0, $1) }
}
