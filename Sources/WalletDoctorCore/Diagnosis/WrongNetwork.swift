/// An endpoint that serves another network than the chain it was given for — a testnet or signet
/// node under `bitcoin`, Nile or Shasta under `tron`. Its answers are unusable: a "not found" from
/// it says nothing about mainnet, so it must never become the verdict.
enum WrongNetwork {
  /// Whether a look may be used: its network is mainnet, or the endpoint did not say.
  static func fits(_ reported: String?) -> Bool { reported.map { $0 == GenesisNetwork.main } ?? true }

  /// The failure recorded for the endpoint and the finding shown to the user, when `reported` is
  /// another network than mainnet.
  static func misfit(reported: String?, endpoint: EndpointSpec, chain: Chain) -> (TransportFailure, Finding)? {
    guard let network = reported, network != GenesisNetwork.main else { return nil }
    let failure = TransportFailure(
      .wrongChain,
      LocalizedText(
        en: "serves the network “\(network)”, not \(chain.name) mainnet; its answers were not used",
        zh: "服务的是“\(network)”网络，而不是 \(chain.name) 主网；其应答未被采用"))
    let finding = Finding(
      .endpointWrongChain,
      message: LocalizedText(
        en: "\(endpoint.displayURL) was given for \(chain.name) (mainnet) but serves the network “\(network)”; its answers were ignored.",
        zh: "\(endpoint.displayURL) 被指定用于 \(chain.name)（主网），但实际服务“\(network)”网络；其应答已被忽略。"),
      evidence: [
        "endpoint": .string(endpoint.displayURL), "expected_network": .string(GenesisNetwork.main),
        "reported_network": .string(network),
      ])
    return (failure, finding)
  }
}
