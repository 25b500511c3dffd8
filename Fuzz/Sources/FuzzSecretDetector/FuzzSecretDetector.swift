import FuzzSupport
import WalletDoctorCore

let detector = try! SecretDetector.standard()
let redactor = SecretRedactor(detector: detector)
let contexts: [SecretScanContext] = [
  .freeText, .transactionHashAnswer,
  SecretScanContext(declaredTransactionHashes: ["205405746564cbcf1dd53fb5ac92c7622d3792d82f03c59d9baddf2443d91864"]),
]

/// The secret guard on arbitrary text: matches are in order and never overlap, and redaction
/// removes every match.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSecretDetector(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  let bytes = UnsafeBufferPointer(start: data, count: size)
  guard let selector = bytes.first else { return 0 }
  let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
  let context = contexts[Int(selector) % contexts.count]
  let matches = detector.scan(text, context: context)
  for (earlier, later) in zip(matches, matches.dropFirst()) {
    require(earlier.range.upperBound <= later.range.lowerBound, "matches are ordered and disjoint")
  }
  let redacted = redactor.redact(text, context: context)
  require(redacted.counts.values.reduce(0, +) == matches.count, "one marker per match")
  require(matches.isEmpty == !redacted.redactedAnything, "redacted exactly when something matched")
  return 0
}

/// The process entry (see ``runFuzzer``).
@_cdecl("FuzzSecretDetector_main")
public func fuzzSecretDetectorMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv) { fuzzSecretDetector($0, $1) }
}
