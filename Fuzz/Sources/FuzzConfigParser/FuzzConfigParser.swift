import FuzzSupport
import WalletDoctorCore

/// The config file: the TOML subset parser and the settings read from it. Errors must point
/// at a line of the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfigParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let lines = bytes.filter { $0 == 0x0A }.count + 1
  do {
    let config = try WalletDoctorConfig.parse(bytes, path: "fuzz.toml", registry: .builtIn, knownWallets: { ["imtoken"] })
    for endpoint in config.endpoints {
      require(["http", "https"].contains(endpoint.url.scheme?.lowercased() ?? ""), "only http(s) endpoints")
    }
    if let timeout = config.timeoutSeconds { require(timeout > 0 && timeout <= 600, "timeout in range") }
  } catch {
    if let line = error.line { require(line >= 1 && line <= lines, "error line \(line) within 1...\(lines)") }
    require(!error.message.english.isEmpty && !error.message.simplifiedChinese.isEmpty, "a message in both languages")
  }
  return 0
}

/// The process entry (see ``runFuzzer``).
@_cdecl("FuzzConfigParser_main")
public func fuzzConfigParserMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv) { fuzzConfigParser($0, $1) }
}
