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

  /// Runs the command until a run ends within `bound`, at most `attempts` times, and returns every
  /// outcome (the last one is the fastest that counts).
  ///
  /// The bound is a property of the binary, but the test suite starts hundreds of tests and dozens
  /// of processes at once on two cores, and one run can lose a second to that alone. A binary that
  /// really overruns (no deadline, no hedging) overruns on every attempt, so the test still fails
  /// then; every attempt's verdict is checked by the caller, not only the fast one's.
  func runWithin(_ bound: Duration, attempts: Int = 3, _ arguments: [String]) async throws -> [CommandRunner.Outcome] {
    var outcomes: [CommandRunner.Outcome] = []
    for _ in 0..<attempts {
      let outcome = try await CommandRunner.run(arguments)
      outcomes.append(outcome)
      if outcome.elapsed < bound { break }
    }
    return outcomes
  }

  @Test func everyEndpointHangingEndsWithinTheDeadlinePlusOneSecond() async throws {
    let first = try TestHTTPServer { _ in .script([.hang]) }
    let second = try TestHTTPServer { _ in .script([.hang]) }
    defer {
      first.stop()
      second.stop()
    }
    let outcomes = try await runWithin(.seconds(3), ["diagnose", Self.hash, "--timeout", "2", "--json"] + rpc(first) + rpc(second))
    for outcome in outcomes {
      #expect(outcome.status == 2)
      #expect(outcome.stdout.contains(#""status" : "unknown""#))
      #expect(outcome.stdout.contains(#""error_kind" : "timeout""#))
    }
    #expect(outcomes.last!.elapsed < .seconds(3), "took \(outcomes.map(\.elapsed))")
  }

  @Test func endpointsCheckWithAHangingEndpointEndsWithinTheDeadline() async throws {
    let hanging = try TestHTTPServer { _ in .script([.hang]) }
    defer { hanging.stop() }
    let healthy = try confirmingNode()
    let outcomes = try await runWithin(.seconds(4), ["endpoints", "--check", "--timeout", "3", "--json"] + rpc(hanging) + rpc(healthy))
    for outcome in outcomes {
      #expect(outcome.status == 0, "\(outcome.stderr)")
      #expect(outcome.stdout.contains("timeout"))
    }
    #expect(outcomes.last!.elapsed < .seconds(4), "took \(outcomes.map(\.elapsed))")
  }

  @Test func aSlowEndpointCostsLittle() async throws {
    let slow = try TestHTTPServer { _ in .script([.sleep(milliseconds: 10_000), .close]) }
    defer { slow.stop() }
    let healthy = try confirmingNode()
    let outcomes = try await runWithin(.seconds(3), ["diagnose", Self.hash, "--min-sources", "1", "--json"] + rpc(slow) + rpc(healthy))
    for outcome in outcomes {
      #expect(outcome.status == 0)
      #expect(outcome.stdout.contains(#""status" : "confirmed""#))
    }
    // Hedged after ~300 ms and abandoned after the grace period: far below the 10 s stall.
    #expect(outcomes.last!.elapsed < .seconds(3), "took \(outcomes.map(\.elapsed))")
  }

  @Test func slowlorisEndpointCostsLittle() async throws {
    let trickling = try TestHTTPServer { _ in
      .script([.trickle(Data("HTTP/1.1 200 OK\r\nContent-Length: 4096\r\n\r\n".utf8) + Data(repeating: 0x20, count: 4096), chunk: 1, intervalMilliseconds: 200)])
    }
    defer { trickling.stop() }
    let healthy = try confirmingNode()
    let outcomes = try await runWithin(.seconds(3), ["diagnose", Self.hash, "--json"] + rpc(trickling) + rpc(healthy))
    for outcome in outcomes {
      #expect(outcome.status == 0)
      #expect(outcome.stdout.contains(#""status" : "confirmed""#))
      #expect(outcome.stdout.contains(#""error_kind" : "abandoned""#))
    }
    // The trickle would take 4096 × 200 ms; the healthy node decides and the trickle is dropped.
    #expect(outcomes.last!.elapsed < .seconds(3), "took \(outcomes.map(\.elapsed))")
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
