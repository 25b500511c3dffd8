import FuzzSupport
import WalletDoctorCore

/// The `<TX>` argument: hashes and explorer links, plus the `--rpc` and URL-masking paths that
/// see the same user-typed text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTransactionReference(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  if let reference = try? TransactionReference.parse(text) {
    require(reference.hexDigits.utf8.count == 64, "64 hex digits")
    require(reference.hexDigits == reference.hexDigits.lowercased(), "lower-case hex")
    let again = try? TransactionReference.parse(reference.normalized)
    require(again?.hexDigits == reference.hexDigits, "the normalized form parses to the same hash")
  }
  _ = try? EndpointSpec.parse(text, registry: .builtIn)
  _ = URLMasking.display(text)
  return 0
}

/// The process entry (see ``runFuzzer``).
@_cdecl("FuzzTransactionReference_main")
public func fuzzTransactionReferenceMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv) { fuzzTransactionReference($0, $1) }
}
