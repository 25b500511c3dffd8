import Testing

@testable import WalletDoctorCore

@Suite struct PunycodeTests {
  /// Pairs checked against Python's `str.encode("punycode")`; the Japanese one is RFC 3492 §7.1 (L).
  @Test(arguments: [
    ("bcher-kva", "bücher"),
    ("mnchen-3ya", "münchen"),
    ("mtoken-ovf", "іmtoken"),
    ("ldger-4ra", "lèdger"),
    ("ledgr-v1e", "ledgёr"),
    ("wda", "ÿ"),
    ("3B-ww4c5e180e575a65lsy2b", "3年B組金八先生"),
    ("80aafi6cg", "правда"),
    ("mxacd", "αβγ"),
    ("and-6ma2c", "ñandú"),
    ("-> $1.00 <--", "-> $1.00 <-"),
  ])
  func decodesKnownLabels(_ encoded: String, _ decoded: String) {
    #expect(Punycode.decode(encoded) == decoded)
  }

  @Test func decodeLabelLeavesPlainLabelsAlone() {
    #expect(Punycode.decodeLabel("token") == "token")
    #expect(Punycode.decodeLabel("xn--mtoken-ovf") == "іmtoken")
    // Basic code points keep their case (RFC 3492 mixed-case annotation); hosts are lower-cased first.
    #expect(Punycode.decodeLabel("XN--MTOKEN-OVF") == "іMTOKEN")
  }

  @Test(arguments: ["mtoken-ov!", "9999999999999999999a", "mtoken-", "héllo-abc", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"])
  func rejectsMalformedInput(_ encoded: String) {
    // "mtoken-" decodes to the basic part alone, which is valid; the rest must be rejected.
    if encoded == "mtoken-" {
      #expect(Punycode.decode(encoded) == "mtoken")
    } else {
      #expect(Punycode.decode(encoded) == nil)
    }
  }
}

@Suite struct ConfusableFoldingTests {
  @Test(arguments: ["imt0ken", "іmtoken", "IMTOKEN", "ımtoken", "ｉｍｔｏｋｅｎ", "lmtoken"])
  func disguisedSpellingsFoldToTheRealName(_ disguised: String) {
    #expect(ConfusableFolding.skeleton(disguised) == ConfusableFolding.skeleton("imtoken"))
  }

  @Test func pairsThatReadAsOneLetterMerge() {
    #expect(ConfusableFolding.skeleton("rnetamask") == ConfusableFolding.skeleton("metamask"))
    #expect(ConfusableFolding.skeleton("trustvvallet") == ConfusableFolding.skeleton("trustwallet"))
    #expect(ConfusableFolding.skeleton("lèdger") == "ledger")
    #expect(ConfusableFolding.skeleton("ledgёr") == "ledger")
  }

  @Test func differentNamesStayDifferent() {
    #expect(ConfusableFolding.skeleton("coinbase") != ConfusableFolding.skeleton("metamask"))
    #expect(ConfusableFolding.skeleton("okay") != ConfusableFolding.skeleton("okx"))
  }
}

@Suite struct EditDistanceTests {
  @Test func countsAnAdjacentSwapAsOneEdit() {
    #expect(EditDistance.distance("legder", "ledger") == 1)
    #expect(EditDistance.distance("metamusk", "metamask") == 1)
    #expect(EditDistance.distance("", "abc") == 3)
    #expect(EditDistance.distance("same", "same") == 0)
  }

  @Test func prefixAndSuffixDistancesIgnoreTheRest() {
    #expect(EditDistance.prefixDistance("imtoken", "imtokkenwallet") == 1)
    #expect(EditDistance.suffixDistance("imtoken", "myimtokn") == 1)
    #expect(EditDistance.prefixDistance("ledger", "knowledgebase") > 1)
  }
}
