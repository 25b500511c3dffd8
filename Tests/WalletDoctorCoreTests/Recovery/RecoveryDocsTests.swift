import Foundation
import Testing
@testable import WalletDoctorCore

/// docs/recovery-flows.md shows each flow's outline generated from the flow files; the
/// committed copy must equal what the data generates today, so the docs are never written twice.
struct RecoveryDocsTests {
  static let docsFile = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("docs/recovery-flows.md")

  @Test func committedOutlinesEqualTheGeneratedOnes() throws {
    let text = try String(contentsOf: Self.docsFile, encoding: .utf8)
    let start = try #require(text.range(of: FlowOutline.beginMarker), "no generated section in \(Self.docsFile.path)")
    let end = try #require(text.range(of: FlowOutline.endMarker, range: start.upperBound..<text.endIndex))
    let committed = String(text[start.lowerBound..<end.upperBound]) + "\n"
    let generated = FlowOutline.markdown(try FlowLoader.bundled())
    #expect(
      committed == generated,
      "docs/recovery-flows.md is out of date: run `swift run walletdoctor recover --print-flow-outlines` and replace the generated section")
  }
}
