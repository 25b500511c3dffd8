/// Calls a TronGrid-compatible HTTP API (java-tron's `/wallet/*`): JSON POSTs, hex addresses
/// (`visible: false`), answers checked for the `{"Error": …}` objects java-tron returns with
/// HTTP 200.
struct TronHTTPClient: Sendable {
  let rest: RESTClient

  init(endpoint: EndpointSpec, transport: any HTTPTransport) {
    rest = RESTClient(base: endpoint.url, headers: endpoint.headers, transport: transport)
  }

  /// One call; the JSON answer or a classified failure.
  func call(_ path: String, _ body: JSONValue, deadline: Deadline) async -> Result<JSONValue, TransportFailure> {
    do throws(TransportFailure) {
      let reply = try await rest.post(path, json: body, deadline: deadline)
      guard reply.isSuccess else { throw reply.statusFailure }
      let json = try reply.json()
      guard case .object(let object) = json else {
        throw TransportFailure(
          .malformed, LocalizedText(en: "\(path) answered with JSON that is not an object", zh: "\(path) 的应答不是 JSON 对象"))
      }
      if let error = object["Error"] ?? object["error"] {
        let shown = String((error.stringValue ?? "\(error)").prefix(200))
        throw TransportFailure(
          .rpcError, LocalizedText(en: "\(path) returned an error: \(shown)", zh: "\(path) 返回错误：\(shown)"))
      }
      return .success(json)
    } catch {
      return .failure(error)
    }
  }

  /// The first wave, four POSTs at once: the transaction (chain store), its receipt, the head
  /// block and the pending pool. The pool is asked now because a pending transaction is absent
  /// from the other two, and asking later would cost a round trip before the sender is known.
  /// With `checkNetwork` (an endpoint the user gave) a fifth POST asks for block 0, whose id tells
  /// mainnet from Nile or Shasta.
  func firstLook(txid: String, checkNetwork: Bool, deadline: Deadline) async -> Result<TronLook, TransportFailure> {
    let started = ContinuousClock.now
    let byID: JSONValue = ["value": .string(txid), "visible": false]
    async let transactionReply = call("/wallet/gettransactionbyid", byID, deadline: deadline)
    async let infoReply = call("/wallet/gettransactioninfobyid", byID, deadline: deadline)
    async let headReply = call("/wallet/getnowblock", ["visible": false], deadline: deadline)
    async let pendingReply = call("/wallet/gettransactionfrompending", byID, deadline: deadline)
    async let genesisReply = checkNetwork ? call("/wallet/getblockbynum", ["num": 0], deadline: deadline) : nil
    let replies = await (
      transaction: transactionReply, info: infoReply, head: headReply, pending: pendingReply, genesis: genesisReply)
    do throws(TransportFailure) {
      guard let head = TronHead(json: try replies.head.get()) else {
        throw TransportFailure(
          .malformed, LocalizedText(en: "/wallet/getnowblock returned no block header", zh: "/wallet/getnowblock 没有返回区块头"))
      }
      let transaction = try Self.transaction(replies.transaction.get(), txid: txid, path: "/wallet/gettransactionbyid")
      let infoJSON = try replies.info.get()
      let info = TronTransactionInfo(json: infoJSON)
      if let id = infoJSON["id"]?.stringValue, id.lowercased() != txid {
        throw TransportFailure(
          .malformed,
          LocalizedText(en: "/wallet/gettransactioninfobyid answered about another transaction", zh: "/wallet/gettransactioninfobyid 返回了另一笔交易的信息"))
      }
      // The pool is optional: an older node without the call just cannot show pending transactions.
      var pending: TronTransaction?
      if case .success(let json) = replies.pending {
        pending = try? Self.transaction(json, txid: txid, path: "/wallet/gettransactionfrompending")
      }
      // A genesis lookup that fails leaves the network unconfirmed, not the endpoint unusable.
      var network: String?
      if case .success(let block)? = replies.genesis {
        network = block["blockID"]?.stringValue.flatMap(GenesisNetwork.tron(genesis:))
      }
      return .success(
        TronLook(
          head: head, transaction: transaction, info: info, pending: pending, latency: ContinuousClock.now - started,
          network: network))
    } catch {
      return .failure(error)
    }
  }

  /// The second wave, for a pending transaction or an energy failure: the sender's balance and
  /// resources, and the live energy and bandwidth prices, at once.
  func account(ownerHex: String, deadline: Deadline) async -> Result<(TronAccountState, TronChainParameters), TransportFailure> {
    let address: JSONValue = ["address": .string(ownerHex), "visible": false]
    async let accountReply = call("/wallet/getaccount", address, deadline: deadline)
    async let resourcesReply = call("/wallet/getaccountresource", address, deadline: deadline)
    async let parametersReply = call("/wallet/getchainparameters", [:], deadline: deadline)
    let replies = await (account: accountReply, resources: resourcesReply, parameters: parametersReply)
    do throws(TransportFailure) {
      let state = TronAccountState(account: try replies.account.get(), resources: try replies.resources.get())
      return .success((state, TronChainParameters(json: try replies.parameters.get())))
    } catch {
      return .failure(error)
    }
  }

  /// `{}` means "no such transaction"; anything else must be this transaction.
  static func transaction(_ json: JSONValue, txid: String, path: String) throws(TransportFailure) -> TronTransaction? {
    if json.objectValue?.isEmpty == true { return nil }
    guard let transaction = TronTransaction(json: json), transaction.txid == txid else {
      throw TransportFailure(
        .malformed, LocalizedText(en: "\(path) returned a transaction of the wrong shape", zh: "\(path) 返回的交易格式不正确"))
    }
    return transaction
  }
}
