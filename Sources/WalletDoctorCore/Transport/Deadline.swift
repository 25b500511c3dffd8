/// The wall-clock limit of a whole command, shared by every request it makes.
public struct Deadline: Sendable {
  public let end: ContinuousClock.Instant

  public init(after duration: Duration, from start: ContinuousClock.Instant = .now) {
    end = start + duration
  }

  /// Time left, never negative.
  public var remaining: Duration { max(.zero, end - .now) }

  public var hasPassed: Bool { ContinuousClock.now >= end }

  /// The timeout for one request: what is left, but at least a little so a request can fail cleanly.
  public var requestTimeout: Duration { max(.milliseconds(50), remaining) }
}
