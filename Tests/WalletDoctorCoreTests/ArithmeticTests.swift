import Testing

@testable import WalletDoctorCore

@Suite("Fee arithmetic, quantities and formatting")
struct ArithmeticTests {
  @Test(arguments: [
    (UInt128(0), UInt128(1)), (9, 10), (10, 11), (100, 110), (20_000_000_003, 22_000_000_003),
    (1_000_000_007, 1_100_000_007), (UInt128.max, UInt128.max),
  ])
  func minimumReplacementIsTenPercentAndStrictlyHigher(old: UInt128, expected: UInt128) {
    #expect(EVMFeeMath.minimumReplacement(old) == expected)
  }

  @Test func hexQuantitiesParseWideValuesAndRejectJunk() {
    #expect(HexQuantity.uint64("0x0") == 0)
    #expect(HexQuantity.uint64("0x") == 0)
    #expect(HexQuantity.uint64("0xc72dd9d5e883e") == 3_503_995_874_084_926)
    #expect(HexQuantity.uint128("0x1bc16d674ec80000") == 2_000_000_000_000_000_000)
    #expect(HexQuantity.uint128("0x" + String(repeating: "f", count: 32)) == .max)
    #expect(HexQuantity.uint128("0x1" + String(repeating: "0", count: 32)) == nil)
    #expect(HexQuantity.uint64("12") == nil)
    #expect(HexQuantity.uint64("0xzz") == nil)
  }

  @Test func amountsFormatExactly() {
    #expect(AmountFormatting.gwei(62_000_000_000) == "62 gwei")
    #expect(AmountFormatting.gwei(22_000_000_003) == "22.000000003 gwei")
    #expect(AmountFormatting.coin(315_000_000_000_000, decimals: 18, symbol: "ETH") == "0.000315 ETH")
    #expect(AmountFormatting.coin(123_456_789, decimals: 18, symbol: "ETH") == "0 ETH")
    #expect(AmountFormatting.decimal(1_234_567, decimals: 6) == "1.234567")
    #expect(AmountFormatting.decimal(1_999_999_999, decimals: 9, maxFractionDigits: 2) == "2")
  }

  @Test func blocksUntilBaseFeeFitsUsesTheMaximalDecline() {
    #expect(EVMFeeMath.blocksUntilBaseFeeFallsTo(20, from: 30) == 4)
    #expect(EVMFeeMath.blocksUntilBaseFeeFallsTo(30, from: 30) == 0)
    #expect(EVMFeeMath.blocksUntilBaseFeeFallsTo(0, from: 30) == nil)
  }

  @Test func nextBaseFeeProjectionFollowsEIP1559() {
    var block = EVMBlockHead(["number": "0x10", "baseFeePerGas": "0x3b9aca00", "gasLimit": "0x1c9c380", "gasUsed": "0x1c9c380"])!
    // A full block raises the base fee by 12.5 %.
    #expect(block.projectedNextBaseFee == 1_125_000_000)
    block.gasUsed = 0
    #expect(block.projectedNextBaseFee == 875_000_000)
  }
}
