import Foundation

/// Tells a run of Chinese list characters drawn at random (a recovery phrase) from ordinary
/// writing, which the checksum alone cannot: a 12-word checksum is only 4 bits, so about one
/// window in sixteen of any Chinese sentence passes it.
///
/// The BIP-39 Chinese lists are ordered by how common each character is. A real phrase draws
/// every word uniformly from all 2048; ordinary text is dominated by the most common characters.
/// The test is a log-likelihood ratio per character between a Zipf model of that ordering
/// (p(i) ∝ 1/(i + 20)) and the uniform draw. A window looks random when its mean ratio is at or
/// below the 99.5th percentile that uniformly random phrases of its length reach, so about one
/// real unspaced phrase in 200 is missed (spaced phrases are caught without this test), while
/// checksum-passing windows of ordinary sentences drop about twentyfold (measured on the
/// 392 Chinese sentences bundled with walletdoctor: 69 → 3).
enum ChineseCharacterFrequency {
  /// The Zipf model's offset: how flat the head of the frequency curve is.
  static let zipfOffset = 20.0

  /// log(p_zipf(i) / p_uniform) for each list index.
  static let logRatio: [Double] = {
    let normalizer = (0..<2048).reduce(0.0) { $0 + 1 / (Double($1) + zipfOffset) }
    return (0..<2048).map { index in log(2048 / (normalizer * (Double(index) + zipfOffset))) }
  }()

  /// The 99.5th percentile of the mean ratio over uniformly random phrases, by phrase length
  /// (200,000 samples each).
  static let randomThreshold: [Int: Double] = [12: 0.1571, 15: 0.0730, 18: 0.0092, 21: -0.0397, 24: -0.0811]

  /// Whether `indices` (list positions of one window) look like a random draw.
  static func looksRandom(_ indices: [Int]) -> Bool {
    guard let threshold = randomThreshold[indices.count], !indices.isEmpty else { return false }
    let mean = indices.reduce(0.0) { $0 + logRatio[$1] } / Double(indices.count)
    return mean <= threshold
  }
}
