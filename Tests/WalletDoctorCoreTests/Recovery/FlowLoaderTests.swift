import Foundation
import Testing
@testable import WalletDoctorCore

struct FlowLoaderTests {
  @Test func shippedFlowsPassTheValidatorAndCoverTheContract() throws {
    let flows = try FlowLoader.bundled()
    #expect(flows.map(\.id) == FlowLoader.contractFlowIDs)
  }
}
