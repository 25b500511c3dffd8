// swift-tools-version: 6.0
// libFuzzer targets for walletdoctor's parsers and decoders. A separate package, so the root's
// `swift build` and `swift test` never compile them. Build and run with Scripts/fuzz.sh.
import PackageDescription

let fuzzTargets = [
  "FuzzTransactionReference", "FuzzEVMResponses", "FuzzBitcoinResponses", "FuzzRecoveryAnswers",
  "FuzzSecretDetector", "FuzzConfigParser", "FuzzTronResponses",
]

let package = Package(
  name: "WalletDoctorFuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(name: "WalletDoctor", path: "..")],
  targets: [
    // Declares libFuzzer's driver, which each target's entry point starts.
    .target(name: "CFuzzDriver"),
    // Shared helpers: a transport that answers from the fuzz input, a blocking runner for async code.
    .target(
      name: "FuzzSupport",
      dependencies: ["CFuzzDriver", .product(name: "WalletDoctorCore", package: "WalletDoctor")]),
  ]
    + fuzzTargets.map { name in
      .executableTarget(
        name: name,
        dependencies: ["FuzzSupport", .product(name: "WalletDoctorCore", package: "WalletDoctor")])
    }
)
