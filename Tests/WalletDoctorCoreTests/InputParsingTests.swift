import Testing

@testable import WalletDoctorCore

@Suite("Transaction references, --rpc endpoints and URL masking")
struct InputParsingTests {
  static let digits = "205405746564cbcf1dd53fb5ac92c7622d3792d82f03c59d9baddf2443d91864"

  @Test(arguments: [
    "0x\(digits)", "0X\(digits.uppercased())", "  0x\(digits)\n", "\t0x\(digits.uppercased())\r\n",
  ])
  func evmHashesAreNormalizedToLowerCase(input: String) throws {
    let reference = try TransactionReference.parse(input)
    #expect(reference.kind == .evmHash)
    #expect(reference.normalized == "0x\(Self.digits)")
    #expect(reference.chainHint == nil)
  }

  @Test func bareHashIsNotAssumedToBeEVM() throws {
    let reference = try TransactionReference.parse(Self.digits)
    #expect(reference.kind == .bareHash)
    #expect(reference.normalized == Self.digits)
  }

  @Test(arguments: [
    ("https://etherscan.io/tx/0x\(digits)", "ethereum"),
    ("etherscan.io/tx/0x\(digits)", "ethereum"),
    ("https://www.bscscan.com/tx/0x\(digits)?utm_source=x", "bsc"),
    ("https://polygonscan.com/tx/0x\(digits)#eventlog", "polygon"),
    ("https://arbiscan.io/tx/0x\(digits)", "arbitrum"),
    ("https://basescan.org/tx/0x\(digits)", "base"),
    ("https://optimistic.etherscan.io/tx/0x\(digits)", "optimism"),
    ("https://mempool.space/tx/\(digits)", "bitcoin"),
    ("https://blockstream.info/tx/\(digits)", "bitcoin"),
    ("https://tronscan.org/#/transaction/\(digits)", "tron"),
  ])
  func explorerLinksResolveHashAndChain(link: String, chain: String) throws {
    let reference = try TransactionReference.parse(link + "\n")
    #expect(reference.hexDigits == Self.digits)
    #expect(reference.chainHint == chain)
  }

  @Test(arguments: [
    "https://sepolia.etherscan.io/tx/0x\(digits)", "https://mempool.space/testnet/tx/\(digits)",
    "https://mempool.space/signet/tx/\(digits)", "https://nile.tronscan.org/#/transaction/\(digits)",
  ])
  func testnetLinksAreRejectedClearly(link: String) {
    #expect {
      try TransactionReference.parse(link)
    } throws: { error in
      (error as? InputError)?.message.english.contains("test network") == true
    }
  }

  @Test(arguments: [
    "", "hello", "0x1234", "0x\(digits)00", "0x\(String(digits.dropLast()))g", "https://example.com/tx/0x\(digits)",
    "https://etherscan.io/address/0x7435ed30a8b4aeb0877cef0c6e8cffe834eb865f",
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
  ])
  func malformedInputIsAUsageErrorThatDoesNotEchoIt(input: String) {
    #expect {
      try TransactionReference.parse(input)
    } throws: { error in
      guard let message = (error as? InputError)?.message else { return false }
      return message.english.contains("Expected a transaction hash") || message.english.contains("not one walletdoctor reads")
        ? (input.count < 8 || !message.english.contains(input)) : false
    }
  }

  @Test func rpcSpecsParseChainAndAPI() throws {
    let evm = try EndpointSpec.parse("bsc=https://bsc-rpc.publicnode.com", registry: .builtIn)
    #expect(evm.chain.name == "bsc")
    #expect(evm.api == .evmJSONRPC)
    let custom = try EndpointSpec.parse("eip155:43114=https://api.avax.network/ext/bc/C/rpc", registry: .builtIn)
    #expect(custom.chain.evmChainId == 43114)
    #expect(custom.chain.name == "eip155:43114")
    let byID = try EndpointSpec.parse("eip155:1=https://eth.example", registry: .builtIn)
    #expect(byID.chain.name == "ethereum")
    let local = try EndpointSpec.parse("ethereum=http://127.0.0.1:8545", registry: .builtIn)
    #expect(local.isLocalOrPrivate)
  }

  @Test(arguments: [
    "ethereum", "ethereum=", "nochain=https://x.example", "ethereum=ftp://x.example", "ethereum=http://rpc.example.com",
    "ethereum=core+https://x.example", "eip155:0=https://x.example", "eip155:abc=https://x.example",
  ])
  func badRPCSpecsAreUsageErrors(argument: String) {
    #expect(throws: InputError.self) { try EndpointSpec.parse(argument, registry: .builtIn) }
  }

  @Test(arguments: [
    ("https://mainnet.infura.io/v3/0123456789abcdef0123456789abcdef", "https://mainnet.infura.io/v3/***"),
    ("https://user:secret@node.example/rpc?key=abc", "https://***@node.example/rpc?***"),
    ("https://eth.drpc.org", "https://eth.drpc.org"),
    ("https://rpc.ankr.com/eth/ab12cd34ef56ab12cd34ef56ab12cd34", "https://rpc.ankr.com/eth/***"),
  ])
  func endpointURLsAreMasked(url: String, shown: String) {
    #expect(URLMasking.display(url) == shown)
  }

  @Test func languageComesFromTheFlagThenLCAllThenLang() {
    #expect(Language.resolve(flag: "zh-Hans", environment: ["LANG": "en_US.UTF-8"]) == .simplifiedChinese)
    #expect(Language.resolve(flag: nil, environment: ["LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"]) == .simplifiedChinese)
    #expect(Language.resolve(flag: nil, environment: ["LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"]) == .english)
    #expect(Language.resolve(flag: nil, environment: ["LANG": "zh_TW.UTF-8"]) == .simplifiedChinese)
    #expect(Language.resolve(flag: nil, environment: [:]) == .english)
    #expect(Language(flag: "fr") == nil)
  }
}

@Suite("TronGrid API key")
struct TronGridKeyTests {
  @Test func theKeyGoesOnlyToTronGridHosts() throws {
    let tronGrid = try EndpointSpec.parse("tron=https://api.trongrid.io", registry: .builtIn)
    let other = try EndpointSpec.parse("tron=https://tron-rpc.publicnode.com", registry: .builtIn)
    let lookalike = try EndpointSpec.parse("tron=https://api.trongrid.io.evil.example", registry: .builtIn)
    #expect(tronGrid.withTronGridKey("k-123").headers["TRON-PRO-API-KEY"] == "k-123")
    #expect(other.withTronGridKey("k-123").headers.isEmpty)
    #expect(lookalike.withTronGridKey("k-123").headers.isEmpty)
    #expect(tronGrid.withTronGridKey(nil).headers.isEmpty)
  }

  @Test func theDefaultTronGridEndpointCarriesTheKey() async throws {
    let transport = FakeTransport { _ in throw TransportFailure(.dns, LocalizedText(en: "offline", zh: "离线")) }
    let engine = DiagnosisEngine(transport: transport, tronGridKey: "k-123")
    let reference = try TransactionReference.parse(String(repeating: "ab", count: 32))
    _ = await engine.diagnose(DiagnoseRequest(reference: reference, chainNames: ["tron"], timeout: .seconds(60)))
    let requests = transport.requests
    #expect(!requests.isEmpty)
    for request in requests {
      let isTronGrid = request.url.host?.hasSuffix("trongrid.io") == true
      #expect((request.headers["TRON-PRO-API-KEY"] == "k-123") == isTronGrid, "\(request.url)")
    }
  }
}
