import Foundation
import Testing

@testable import WalletDoctorCore

/// docs/channels.md is generated from the directory; it must match. Set WALLETDOCTOR_UPDATE_DOCS=1 to rewrite it.
@Suite struct ChannelDocsTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  @Test func channelDirectoryDocsAreCurrent() throws {
    let file = Self.repository.appendingPathComponent("docs/channels.md")
    let generated = ChannelDirectoryMarkdown.render(try ChannelDirectory.bundled())
    if ProcessInfo.processInfo.environment["WALLETDOCTOR_UPDATE_DOCS"] == "1" {
      try generated.write(to: file, atomically: true, encoding: .utf8)
    }
    let committed = try String(contentsOf: file, encoding: .utf8)
    #expect(committed == generated, "docs/channels.md is stale: run WALLETDOCTOR_UPDATE_DOCS=1 swift test --filter ChannelDocs")
  }
}
