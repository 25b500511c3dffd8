import Foundation
import Testing

@testable import WalletDoctorCore

/// Docs generated from data must match the committed files. Set WALLETDOCTOR_UPDATE_DOCS=1 to rewrite them.
@Suite("Generated docs are current")
struct GeneratedDocsTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test func reasonCodeCatalogMatchesDocs() throws {
    let file = Self.repository.appendingPathComponent("docs/reason-codes.md")
    let generated = ReasonCatalogDocument.markdown()
    if ProcessInfo.processInfo.environment["WALLETDOCTOR_UPDATE_DOCS"] == "1" {
      try generated.write(to: file, atomically: true, encoding: .utf8)
    }
    let committed = try String(contentsOf: file, encoding: .utf8)
    #expect(committed == generated, "docs/reason-codes.md is stale: run WALLETDOCTOR_UPDATE_DOCS=1 swift test --filter GeneratedDocs")
  }

  @Test func everyReasonCodeUsedInTheSourcesIsCataloged() throws {
    let sources = Self.repository.appendingPathComponent("Sources/WalletDoctorCore")
    let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
    var declared: Set<String> = []
    while let url = enumerator?.nextObject() as? URL {
      guard url.pathExtension == "swift" else { continue }
      let text = try String(contentsOf: url, encoding: .utf8)
      for line in text.split(separator: "\n") where line.contains("= ReasonCode(\"") {
        if let start = line.range(of: "ReasonCode(\""), let end = line[start.upperBound...].firstIndex(of: "\"") {
          declared.insert(String(line[start.upperBound..<end]))
        }
      }
    }
    let cataloged = Set(ReasonCatalog.all.map(\.code.rawValue))
    #expect(!declared.isEmpty)
    #expect(declared.subtracting(cataloged).isEmpty, "codes without a catalog entry: \(declared.subtracting(cataloged))")
    #expect(ReasonCatalog.all.count == cataloged.count, "a code is cataloged twice")
  }
}
