// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "WalletDoctor",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "walletdoctor", targets: ["walletdoctor"]),
    .library(name: "WalletDoctorCore", targets: ["WalletDoctorCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // libcurl as the system provides it (libcurl4-openssl-dev on Debian/Ubuntu).
    .systemLibrary(
      name: "CCurl",
      pkgConfig: "libcurl",
      providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]
    ),
    // Typed wrappers for libcurl's variadic setopt/getinfo, which Swift cannot call.
    .target(name: "CurlShim", dependencies: ["CCurl"]),
    // The decisions: transport, chains, diagnosis, recovery, reports. Never prints.
    .target(
      name: "WalletDoctorCore",
      dependencies: ["CurlShim"],
      resources: [.copy("Resources")]
    ),
    // Argument parsing, rendering, prompting.
    .target(
      name: "WalletDoctorCLI",
      dependencies: [
        "WalletDoctorCore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "walletdoctor", dependencies: ["WalletDoctorCLI"]),
    // In-process HTTP servers on 127.0.0.1 for the tests.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(
      name: "WalletDoctorCoreTests",
      dependencies: ["WalletDoctorCore", "TestSupport"]
    ),
    .testTarget(
      name: "WalletDoctorCLITests",
      dependencies: ["WalletDoctorCLI", "WalletDoctorCore", "TestSupport"]
    ),
  ]
)
