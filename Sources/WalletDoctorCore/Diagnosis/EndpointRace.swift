/// Asks a chain's endpoints for their first look with failover and hedging, and stops as soon as
/// the answers settle the verdict.
///
/// - It starts with as many endpoints as an alarming verdict needs to agree (at least one).
/// - An endpoint that fails is replaced at once by the next one (failover).
/// - When nothing has answered for a hedge delay (twice the fastest latency seen, at least
///   300 ms), the next endpoint is asked too (hedging), so one slow node costs little.
/// - The caller's `settlement` judges the answers so far; `.afterGrace` lets partners still in
///   flight answer within the hedge delay before they are abandoned, so a fresher endpoint can
///   still overrule the first answer (hedging never overrides the freshest-head rule).
/// Requests still running when the race ends are cancelled and reported as `abandoned`.
struct EndpointRace<Look: Sendable>: Sendable {
  enum Settlement: Sendable {
    /// More answers are needed.
    case open
    /// Done once the in-flight partners answered or the grace period passed.
    case afterGrace
    /// Done now.
    case settled
  }

  let endpoints: [EndpointSpec]
  let initialWidth: Int
  let hedgeFloor: Duration = .milliseconds(300)
  let look: @Sendable (EndpointSpec) async -> Result<Look, TransportFailure>
  let settlement: @Sendable ([Result<Look, TransportFailure>?]) -> Settlement
  let latency: @Sendable (Look) -> Duration

  private enum Event: Sendable {
    case answered(Int, Result<Look, TransportFailure>)
    case hedge(Int)
    case graceOver
  }

  /// One result per endpoint; nil for endpoints never asked.
  func run() async -> [Result<Look, TransportFailure>?] {
    var results = [Result<Look, TransportFailure>?](repeating: nil, count: endpoints.count)
    guard !endpoints.isEmpty else { return results }
    return await withTaskGroup(of: Event.self) { group in
      var next = 0
      var inFlight: Set<Int> = []
      var fastest: Duration?
      var hedgeGeneration = 0
      var graceStarted = false

      func hedgeDelay() -> Duration { max(hedgeFloor, (fastest ?? .zero) * 2) }

      func launch() {
        guard next < endpoints.count else { return }
        let index = next
        next += 1
        inFlight.insert(index)
        let endpoint = endpoints[index]
        group.addTask { .answered(index, await look(endpoint)) }
      }

      func scheduleHedge() {
        guard next < endpoints.count else { return }
        hedgeGeneration += 1
        let generation = hedgeGeneration
        let delay = hedgeDelay()
        group.addTask {
          try? await Task.sleep(for: delay)
          return .hedge(generation)
        }
      }

      for _ in 0..<max(1, min(initialWidth, endpoints.count)) { launch() }
      scheduleHedge()

      loop: while let event = await group.next() {
        switch event {
        case .answered(let index, let result):
          inFlight.remove(index)
          results[index] = result
          switch result {
          case .success(let value):
            let observed = latency(value)
            fastest = fastest.map { min($0, observed) } ?? observed
          case .failure:
            launch()  // failover
          }
          scheduleHedge()  // an answer restarts the hedge clock
        case .hedge(let generation):
          // Only the newest timer counts; a stale one is a no-op.
          if generation == hedgeGeneration, !inFlight.isEmpty {
            launch()
            scheduleHedge()
          }
          continue loop
        case .graceOver:
          break loop
        }

        switch settlement(results) {
        case .settled:
          break loop
        case .afterGrace:
          if inFlight.isEmpty { break loop }
          if !graceStarted {
            graceStarted = true
            let delay = hedgeDelay()
            group.addTask {
              try? await Task.sleep(for: delay)
              return .graceOver
            }
          }
        case .open:
          if inFlight.isEmpty {
            if next >= endpoints.count { break loop }
            launch()
          }
        }
      }
      group.cancelAll()
      // Cancelled requests end promptly; keep what they say, because a request that failed and
      // was waiting to retry reports its real failure (say, `connect`) rather than `abandoned`.
      while let event = await group.next() {
        if case .answered(let index, let result) = event, inFlight.contains(index) {
          results[index] = result
        }
      }
      for index in inFlight where results[index] == nil {
        results[index] = .failure(
          TransportFailure(
            .abandoned,
            LocalizedText(
              en: "not needed: other endpoints had already settled the answer", zh: "已不需要：其他节点已给出确定答案")))
      }
      return results
    }
  }
}
