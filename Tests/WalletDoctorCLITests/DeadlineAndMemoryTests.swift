import Foundation
import TestSupport
import Testing

/// Time and memory bounds, measured on the real binary: its own process and thread pool, so the
/// test process's scheduling (2 cores, hundreds of parallel tests) does not distort the numbers.
@Suite("Deadlines and memory (binary)")
struct DeadlineAndMemoryTests {
  static let hash = "0x205405746564cbcf1dd53fb5ac92c7622d3792d82f03c59d9baddf2443d91864"

  /// A node that answers as a mined, confirmed transaction.
  func confirmingNode() throws -> TestHTTPServer {
    let node = JSONRPCNode(results: [
      "eth_chainId": #""0x1""#,
      "eth_blockNumber": #""0x20""#,
      "eth_getTransactionByHash": """
        {"hash":"\(Self.hash)","from":"0x7435ed30a8b4aeb0877cef0c6e8cffe834eb865f","to":null,"nonce":"0x1","gas":"0x5208",\
        "type":"0x0","value":"0x0","gasPrice":"0x3b9aca00","blockNumber":"0x10","input":"0x"}
        """,
      "eth_getTransactionReceipt": #"{"status":"0x1","blockNumber":"0x10","gasUsed":"0x5208","effectiveGasPrice":"0x3b9aca00"}"#,
      "eth_getBlockByNumber": #"{"number":"0x20","baseFeePerGas":"0x1","gasLimit":"0x1c9c380","gasUsed":"0x0","timestamp":"0x1"}"#,
      "eth_feeHistory": #"{"oldestBlock":"0x20","baseFeePerGas":["0x1","0x1"],"gasUsedRatio":[0.5],"reward":[["0x1","0x1","0x1"]]}"#,
      "eth_maxPriorityFeePerGas": #""0x1""#,
    ])
    return try TestHTTPServer { node.reply(to: $0) }
  }

  func rpc(_ server: TestHTTPServer) -> [String] { ["--rpc", "ethereum=\(server.baseURL.absoluteString)"] }

  @Test func everyEndpointHangingEndsWithinTheDeadlinePlusOneSecond() async throws {
    let first = try TestHTTPServer { _ in .script([.hang]) }
    let second = try TestHTTPServer { _ in .script([.hang]) }
    defer {
      first.stop()
      second.stop()
    }
    let outcome = try await CommandRunner.run(["diagnose", Self.hash, "--timeout", "2", "--json"] + rpc(first) + rpc(second))
    #expect(outcome.status == 2)
    #expect(outcome.stdout.contains(#""status" : "unknown""#))
    #expect(outcome.stdout.contains(#""error_kind" : "timeout""#))
    #expect(outcome.elapsed < .seconds(3), "took \(outcome.elapsed)")
  }

  @Test func endpointsCheckWithAHangingEndpointEndsWithinTheDeadline() async throws {
    let hanging = try TestHTTPServer { _ in .script([.hang]) }
    defer { hanging.stop() }
    let healthy = try confirmingNode()
    let outcome = try await CommandRunner.run(["endpoints", "--check", "--timeout", "3", "--json"] + rpc(hanging) + rpc(healthy))
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("timeout"))
    #expect(outcome.elapsed < .seconds(4), "took \(outcome.elapsed)")
  }

  @Test func aSlowEndpointCostsLittle() async throws {
    let slow = try TestHTTPServer { _ in .script([.sleep(milliseconds: 10_000), .close]) }
    defer { slow.stop() }
    let healthy = try confirmingNode()
    let outcome = try await CommandRunner.run(
      ["diagnose", Self.hash, "--min-sources", "1", "--json"] + rpc(slow) + rpc(healthy))
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains(#""status" : "confirmed""#))
    // Hedged after ~300 ms and abandoned after the grace period: far below the 10 s stall.
    #expect(outcome.elapsed < .seconds(3), "took \(outcome.elapsed)")
  }

  @Test func slowlorisEndpointCostsLittle() async throws {
    let trickling = try TestHTTPServer { _ in
      .script([.trickle(Data("HTTP/1.1 200 OK\r\nContent-Length: 4096\r\n\r\n".utf8) + Data(repeating: 0x20, count: 4096), chunk: 1, intervalMilliseconds: 200)])
    }
    defer { trickling.stop() }
    let healthy = try confirmingNode()
    let outcome = try await CommandRunner.run(["diagnose", Self.hash, "--json"] + rpc(trickling) + rpc(healthy))
    #expect(outcome.status == 0)
    #expect(outcome.elapsed < .seconds(3), "took \(outcome.elapsed)")
  }

  @Test func fiftyMebibyteBodyKeepsPeakMemoryUnder100MB() async throws {
    let huge = try TestHTTPServer { _ in
      .script([
        .send(Data("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 52428800\r\n\r\n".utf8)),
        .stream(byte: 0x20, count: 50 * 1024 * 1024),
      ])
    }
    defer { huge.stop() }
    let (outcome, peak) = try await CommandRunner.runMeasuringPeakMemory(["diagnose", Self.hash, "--json"] + rpc(huge))
    #expect(outcome.status == 2)
    #expect(outcome.stdout.contains(#""error_kind" : "too_large""#))
    let kibibytes = try #require(peak, "GNU time did not report the peak: \(outcome.stderr)")
    #expect(kibibytes < 100 * 1024, "peak \(kibibytes) KiB")
  }
}
