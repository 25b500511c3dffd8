import Foundation

/// How long k Bitcoin blocks take, as a range.
///
/// Blocks arrive as a Poisson process with a mean spacing of 10 minutes, so the time until the
/// k-th block follows an Erlang (gamma) distribution with shape k and scale 10 minutes. The ETA
/// reported is its 10th–90th percentile: "2 blocks, likely 5–39 min".
enum BitcoinBlockTiming {
  static let meanBlockSeconds = 600.0

  /// The range within which `blocks` blocks are found with 80 % probability (10th to 90th
  /// percentile), in whole seconds (the lower bound rounded down, the upper up).
  static func eta(blocks: Int) -> ETA {
    let count = max(1, blocks)
    let low = erlangQuantile(shape: count, probability: 0.1) * meanBlockSeconds
    let high = erlangQuantile(shape: count, probability: 0.9) * meanBlockSeconds
    return ETA(minSeconds: Int(low.rounded(.down)), maxSeconds: Int(high.rounded(.up)))
  }

  /// x such that P(Erlang(k, 1) ≤ x) = p, in units of the mean spacing.
  static func erlangQuantile(shape k: Int, probability p: Double) -> Double {
    precondition(k >= 1 && p > 0 && p < 1)
    // The CDF is increasing; bisect on a bracket that surely contains the quantile.
    var low = 0.0
    var high = Double(k) + 20 * Double(k).squareRoot() + 50
    for _ in 0..<200 {
      let middle = (low + high) / 2
      if erlangCDF(shape: k, at: middle) < p { low = middle } else { high = middle }
      if high - low < 1e-12 * max(1, high) { break }
    }
    return (low + high) / 2
  }

  /// P(Erlang(k, 1) ≤ x) = 1 − e^(−x) Σ_{j<k} x^j / j!, with the terms summed in log space so a
  /// large k (1008 blocks) neither overflows nor underflows.
  static func erlangCDF(shape k: Int, at x: Double) -> Double {
    guard x > 0 else { return 0 }
    var survival = 0.0
    let logX = log(x)
    for j in 0..<k {
      survival += exp(-x + Double(j) * logX - lgamma(Double(j) + 1))
    }
    return max(0, min(1, 1 - survival))
  }
}
